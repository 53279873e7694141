#pragma once
// Draws the market: region cells, contract links, shared back-office partnerships, suppliers and
// councils. Built into vertex arrays once per snapshot (tens of thousands of suppliers are one
// textured quad each, one draw call), so a frame costs a handful of draw calls.
#include "app/market_layout.hpp"
#include "app/snapshot.hpp"
#include "chart/palette.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <memory>

namespace tendersim::viz {

// The ring around a framework member's circle (and its legend key): a hue the view uses for
// nothing else (orange SME, blue large, purple partnerships).
inline constexpr Rgba kFrameworkRing = okabe_ito::green;

// Links drawn at once: the largest contracts. More would be a grey fog on the national scenario.
inline constexpr std::size_t kMaxLinksDrawn = 2000;

struct HoverTarget {
    enum class Kind { None, Supplier, Council } kind = Kind::None;
    int index = -1; // into MarketSnapshot::suppliers or ::councils
    bool operator==(const HoverTarget&) const = default;
};

class MarketView {
  public:
    // Needs a GL context (creates the circle texture): construct after the window.
    MarketView();

    void rebuild(std::shared_ptr<const MarketSnapshot> snap, const Rect& area, float scale);
    // Everything that changes only once a year, in kSlices parts drawn in order (one per frame,
    // so drawing ~20,000 suppliers under software GL never costs one frame all of it): 0 the
    // region grounds, idle suppliers, contracts and partnerships; 1 and 2 the supplier circles;
    // 2 also the councils and region names.
    static constexpr int kSlices = 3;
    void draw_slice(sf::RenderTarget& target, int slice, const sf::Font& font) const;
    // The hovered entity's contracts and outline, drawn over the cached picture every frame.
    void draw_hover(sf::RenderTarget& target, const HoverTarget& hover) const;
    HoverTarget hit(Vec2 p) const;

    const MarketGeometry& geometry() const { return geometry_; }
    const MarketSnapshot* snapshot() const { return snap_.get(); }
    std::size_t links_drawn() const { return links_drawn_; }

  private:
    sf::Texture circle_; // disc with a darker rim: suppliers
    sf::Texture disc_;   // plain disc: region grounds
    std::shared_ptr<const MarketSnapshot> snap_;
    MarketGeometry geometry_;
    float scale_ = 1.0f;
    std::size_t links_drawn_ = 0;
    sf::VertexArray cells_{sf::Quads}, links_{sf::Lines}, partnerships_{sf::Quads},
        suppliers_{sf::Quads}, idle_{sf::Points}, councils_{sf::Quads};
};

} // namespace tendersim::viz

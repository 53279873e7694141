#pragma once
// Composes one frame: title bar, control bar, market view, chart panels, hover overlay, tooltip.
// The market view and the charts change once a simulated year, so they are drawn into cached
// textures and every frame just copies them; the per-frame work is the title, the controls and
// the hover overlay. A new year is drawn into a second set of textures a piece per frame (three
// slices of the market, then one chart panel at a time) and swapped in when complete: under
// software OpenGL drawing it all in one frame would be a visible hitch every simulated year, and
// drawing into the visible textures would show half-drawn pictures.
#include "app/app_layout.hpp"
#include "app/control_panel.hpp"
#include "app/control_view.hpp"
#include "app/market_view.hpp"
#include "app/panels.hpp"
#include "app/snapshot.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace tendersim::viz {

struct FrameState {
    ControlState controls;
    Vec2 mouse{-1, -1}; // the pointer; what it hovers is looked up in the picture drawn
    double fps = 0;     // shown small in the title bar (only when asked for); 0 hides it
    std::string toast;  // a short message (e.g. "Saved shot.png"), empty for none
};

class Scene {
  public:
    Scene(const sf::Font& font, const sf::Font& bold);

    // ui_scale: the user's factor on the size-derived scale (see compute_app_layout).
    void resize(unsigned width, unsigned height, float ui_scale = 1.0f);
    // The newest snapshot. Drawing it starts at once if no refresh is under way, otherwise when
    // the current one completes (a refresh is never restarted, so it always finishes).
    void set_snapshot(std::shared_ptr<const Snapshot> snap);

    const AppLayout& layout() const { return layout_; }
    const ControlPanelLayout& control_layout() const { return controls_; }
    // Year of the picture on screen (a refresh may be under way for a newer one).
    int shown_year() const { return front_->snap ? front_->snap->year : 0; }
    // Longest time one refresh piece took to submit, in seconds (reported with the frame rate).
    double slowest_piece_seconds() const { return slowest_piece_; }

    // Draws a whole frame onto target (the window, or a texture for a screenshot), after
    // drawing at most one refresh piece.
    void draw(sf::RenderTarget& target, const FrameState& state);
    // The chart cell under p switches to the next panel (step +1) or the previous (-1) of
    // panel_choices() not shown in another cell; returns its title, empty if p is on no cell.
    std::string cycle_panel(Vec2 p, int step);
    // What the chart cells show (initial_panels for a newly loaded scenario).
    void set_panels(const std::array<Panel, kChartPanels>& cells);

    // Completes the refresh for the newest snapshot now (before a screenshot, which must show
    // the latest year, and after a resize).
    void flush();

  private:
    // Where a chart panel's plot is on screen and its years, for hovering.
    struct PanelPlot {
        Rect plot; // window coordinates
        double year_lo = 0, year_hi = 0;
    };
    struct Buffer {
        std::shared_ptr<const Snapshot> snap;
        std::unique_ptr<MarketView> view;
        sf::RenderTexture market, charts;
        std::array<PanelPlot, kChartPanels> plots;
    };
    static constexpr int kPieces = MarketView::kSlices + static_cast<int>(kChartPanels);

    void start_refresh();
    std::array<Panel, kChartPanels> cells_ = panel_order(); // what each chart cell shows
    bool force_refresh_ = false; // redraw even the picture on screen (a cell changed)
    void draw_piece(int piece);
    void draw_panel(sf::RenderTarget& target, const Snapshot& snap, std::size_t i);
    void draw_chart_key(sf::RenderTarget& target, const Rect& box);
    void draw_market_legend(sf::RenderTarget& target, const Rect& strip, const MarketView& view);
    void draw_title_bar(sf::RenderTarget& target, const FrameState& state);
    void draw_tooltip(sf::RenderTarget& target, const FrameState& state, const HoverTarget& hover);
    // The chart panel under the pointer: its figures at the year there.
    std::vector<std::string> chart_hover(const FrameState& state) const;
    void draw_box(sf::RenderTarget& target, const FrameState& state,
                  const std::vector<std::string>& lines);
    // Beside the control bar: what the lever under the pointer is and its real-world anchor.
    void draw_lever_tooltip(sf::RenderTarget& target, const FrameState& state);
    // A toast too long for the title bar, at the top right of the market view.
    void draw_toast_box(sf::RenderTarget& target, const std::string& toast);

    const sf::Font& font_;
    const sf::Font& bold_;
    AppLayout layout_;
    ControlPanelLayout controls_;
    Rect market_area_, legend_strip_;
    Rect charts_area_; // bounding box of the chart panels
    std::shared_ptr<const Snapshot> latest_;
    std::unique_ptr<Buffer> front_, back_; // on screen; being drawn (swapped when complete)
    int next_piece_ = -1;                  // next piece of back_ to draw; -1 when no refresh is due
    sf::RenderTexture panel_2x_;           // one chart panel at twice the size (see draw_panel)
    double slowest_piece_ = 0;
    bool toast_boxed_ = false; // this frame's toast did not fit the title bar
};

} // namespace tendersim::viz

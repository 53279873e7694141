#include "app/market_view.hpp"

#include "chart/line_chart.hpp"
#include "chart/palette.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace tendersim::viz {

namespace {

constexpr unsigned kCircleTexture = 64;
const sf::Color kCouncil(0x22, 0x22, 0x22);
const sf::Color kPartnership = to_sf(okabe_ito::purple);
const sf::Color kCellFill(0xF4, 0xF4, 0xF4);

// A white disc with a soft edge and a slightly darker rim, tinted per vertex: each supplier's
// circle gets an outline (so overlapping circles stay distinct) at no extra geometry.
sf::Image circle_image(bool rim) {
    sf::Image img;
    img.create(kCircleTexture, kCircleTexture, sf::Color::Transparent);
    const float c = kCircleTexture / 2.0f;
    for (unsigned y = 0; y < kCircleTexture; ++y)
        for (unsigned x = 0; x < kCircleTexture; ++x) {
            const float d = std::hypot(static_cast<float>(x) + 0.5f - c,
                                       static_cast<float>(y) + 0.5f - c) /
                            c; // 0 centre, 1 edge
            const float alpha = std::clamp((1.0f - d) * c, 0.0f, 1.0f);
            const float shade = rim && d > 0.8f ? 0.6f : 1.0f;
            const auto v = static_cast<sf::Uint8>(255.0f * shade);
            img.setPixel(x, y, sf::Color(v, v, v, static_cast<sf::Uint8>(255.0f * alpha)));
        }
    return img;
}

void add_quad(sf::VertexArray& va, Vec2 c, float half, sf::Color colour, bool textured) {
    const float t = static_cast<float>(kCircleTexture);
    const sf::Vector2f corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    const sf::Vector2f tex[4] = {{0, 0}, {t, 0}, {t, t}, {0, t}};
    for (int k = 0; k < 4; ++k)
        va.append(sf::Vertex({c.x + corners[k].x * half, c.y + corners[k].y * half}, colour,
                             textured ? tex[k] : sf::Vector2f{}));
}

// A line of width w as a quad (SFML's own lines are always one pixel).
void add_thick_line(sf::VertexArray& va, Vec2 a, Vec2 b, float w, sf::Color colour) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::hypot(dx, dy);
    if (len <= 0.0f) return;
    const float nx = -dy / len * w / 2.0f, ny = dx / len * w / 2.0f;
    va.append(sf::Vertex({a.x + nx, a.y + ny}, colour));
    va.append(sf::Vertex({b.x + nx, b.y + ny}, colour));
    va.append(sf::Vertex({b.x - nx, b.y - ny}, colour));
    va.append(sf::Vertex({a.x - nx, a.y - ny}, colour));
}

sf::Color supplier_colour(const SupplierView& s) {
    return to_sf(s.sme ? kSmeColour : kLargeColour);
}

} // namespace

MarketView::MarketView() {
    circle_.loadFromImage(circle_image(true));
    disc_.loadFromImage(circle_image(false));
    for (sf::Texture* t : {&circle_, &disc_}) {
        t->setSmooth(true);
        // Mipmaps keep the many small circles from shimmering as the texture is minified.
        t->generateMipmap();
    }
}

void MarketView::rebuild(std::shared_ptr<const MarketSnapshot> snap, const Rect& area,
                         float scale) {
    snap_ = std::move(snap);
    scale_ = scale;
    cells_.clear();
    links_.clear();
    partnerships_.clear();
    suppliers_.clear();
    idle_.clear();
    councils_.clear();
    if (!snap_) return;
    const MarketSnapshot& m = *snap_;
    geometry_ = layout_market(m, area, scale);
    const MarketGeometry& g = geometry_;

    // Region discs: a light ground that groups each region's marks.
    for (const auto& c : g.cells) {
        const float r = c.sme_outer + g.max_radius * 0.5f;
        add_quad(cells_, c.centre, r, kCellFill, true);
    }

    // Links: the largest contracts, fainter the more there are so dense areas read as density.
    links_drawn_ = std::min(kMaxLinksDrawn, m.links.size());
    const auto alpha = static_cast<sf::Uint8>(std::clamp(
        9000.0 / static_cast<double>(std::max<std::size_t>(links_drawn_, 1)), 20.0, 90.0));
    const sf::Color link_colour(0x40, 0x40, 0x40, alpha);
    links_.resize(links_drawn_ * 2);
    for (std::size_t i = 0; i < links_drawn_; ++i) {
        const LinkView& l = m.links[i];
        const Vec2 a = g.council_pos[l.council], b = g.supplier_pos[l.supplier];
        links_[2 * i] = sf::Vertex({a.x, a.y}, link_colour);
        links_[2 * i + 1] = sf::Vertex({b.x, b.y}, link_colour);
    }

    // Partnerships: members joined in order by thick chords (neighbours on the ring), each
    // member on a purple halo, so a partnership reads as a purple bead chain on the ring.
    const float pw = std::max(2.0f, 5.0f * scale);
    for (const auto& members : m.partnerships) {
        for (std::size_t k = 1; k < members.size(); ++k)
            add_thick_line(partnerships_, g.council_pos[members[k - 1]], g.council_pos[members[k]],
                           pw, kPartnership);
        for (std::uint32_t c : members)
            add_quad(partnerships_, g.council_pos[c], g.council_half[c] + pw * 0.6f, kPartnership,
                     false);
    }

    // Suppliers: biggest first, so small circles sit on top and stay visible.
    std::vector<std::uint32_t> order(m.suppliers.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return g.supplier_radius[a] > g.supplier_radius[b];
    });
    // A framework member gets a ring: a disc in the ring's colour just under its own circle, so
    // the ring shows as a band around it. Members without contracts (appointed, never called off)
    // are drawn as circles too, so their ring is seen.
    const float ring = std::max(1.5f, 2.5f * scale);
    for (std::uint32_t i : order) {
        const SupplierView& s = m.suppliers[i];
        if (s.framework_member) {
            add_quad(suppliers_, g.supplier_pos[i], g.supplier_radius[i] + ring,
                     to_sf(kFrameworkRing), true);
            add_quad(suppliers_, g.supplier_pos[i], g.supplier_radius[i], supplier_colour(s), true);
        } else if (s.book_gbp > 0.0f) {
            add_quad(suppliers_, g.supplier_pos[i], g.supplier_radius[i], supplier_colour(s), true);
        } else {
            // Suppliers without contracts are the market's reserve: a faint speck in their
            // colour, not a circle (a circle's outline would turn a crowd of them grey). Points
            // are one vertex each: tens of thousands of quads cost software GL real time.
            sf::Color c = supplier_colour(s);
            c.a = 150;
            const Vec2 p = g.supplier_pos[i];
            idle_.append(sf::Vertex({std::round(p.x) + 0.5f, std::round(p.y) + 0.5f}, c));
        }
    }
    for (std::size_t i = 0; i < m.councils.size(); ++i)
        add_quad(councils_, g.council_pos[i], g.council_half[i], kCouncil, false);
}

void MarketView::draw_slice(sf::RenderTarget& target, int slice, const sf::Font& font) const {
    if (!snap_) return;
    sf::RenderStates textured, plain_disc;
    textured.texture = &circle_;
    plain_disc.texture = &disc_;
    const std::size_t quads = suppliers_.getVertexCount() / 4;
    const std::size_t half = quads / 2 * 4; // vertices in the first half of the circles
    switch (slice) {
    case 0:
        target.draw(cells_, plain_disc);
        target.draw(idle_);
        target.draw(links_);
        target.draw(partnerships_);
        break;
    case 1:
        if (half > 0) target.draw(&suppliers_[0], half, sf::Quads, textured);
        break;
    default: {
        if (suppliers_.getVertexCount() > half)
            target.draw(&suppliers_[half], suppliers_.getVertexCount() - half, sf::Quads, textured);
        target.draw(councils_);
        const auto px = std::max(8u, static_cast<unsigned>(std::lround(21.0f * scale_)));
        for (std::size_t k = 0; k < geometry_.cells.size(); ++k) {
            const RegionCell& c = geometry_.cells[k];
            TextItem t{"Region " + std::to_string(k + 1), px, c.label_pos, HAlign::Left, false};
            draw_text(target, font, t, sf::Color(0x44, 0x44, 0x44));
        }
        break;
    }
    }
}

void MarketView::draw_hover(sf::RenderTarget& target, const HoverTarget& hover) const {
    if (!snap_ || hover.kind == HoverTarget::Kind::None) return;
    const MarketSnapshot& m = *snap_;
    const MarketGeometry& g = geometry_;
    sf::VertexArray lines(sf::Quads);
    sf::VertexArray marks(sf::Quads);
    const sf::Color hl(0x00, 0x00, 0x00, 200);
    const float w = std::max(1.5f, 2.0f * scale_);
    // Every contract of the hovered entity, not only the largest drawn in the background.
    for (const auto& l : m.links) {
        const bool mine = hover.kind == HoverTarget::Kind::Supplier
                              ? static_cast<int>(l.supplier) == hover.index
                              : static_cast<int>(l.council) == hover.index;
        if (!mine) continue;
        add_thick_line(lines, g.council_pos[l.council], g.supplier_pos[l.supplier], w, hl);
        if (hover.kind == HoverTarget::Kind::Council) {
            // Ringed in black, keeping their own colour (SME or large).
            add_quad(marks, g.supplier_pos[l.supplier], g.supplier_radius[l.supplier] + w,
                     sf::Color::Black, true);
            add_quad(marks, g.supplier_pos[l.supplier], g.supplier_radius[l.supplier],
                     supplier_colour(m.suppliers[l.supplier]), true);
        } else
            add_quad(marks, g.council_pos[l.council], g.council_half[l.council] + w,
                     sf::Color::Black, false);
    }
    target.draw(lines);
    sf::RenderStates textured;
    textured.texture = &circle_;
    if (hover.kind == HoverTarget::Kind::Council)
        target.draw(marks, textured);
    else
        target.draw(marks);
    // The hovered mark itself, ringed.
    sf::VertexArray ring(sf::Quads);
    if (hover.kind == HoverTarget::Kind::Supplier) {
        const auto i = static_cast<std::size_t>(hover.index);
        add_quad(ring, g.supplier_pos[i], g.supplier_radius[i] + 2.0f * w, sf::Color::Black, true);
        add_quad(ring, g.supplier_pos[i], g.supplier_radius[i], supplier_colour(m.suppliers[i]),
                 true);
        target.draw(ring, textured);
    } else {
        const auto i = static_cast<std::size_t>(hover.index);
        add_quad(ring, g.council_pos[i], g.council_half[i] + w, sf::Color::Black, false);
        add_quad(ring, g.council_pos[i], g.council_half[i], sf::Color::White, false);
        add_quad(ring, g.council_pos[i], std::max(1.0f, g.council_half[i] - w * 0.5f), kCouncil,
                 false);
        target.draw(ring);
    }
}

HoverTarget MarketView::hit(Vec2 p) const {
    if (!snap_ || !geometry_.area.contains(p)) return {};
    const float slack = 3.0f * scale_;
    // Councils first: they are drawn on top and are fewer, so a click near one means it.
    if (const int c = council_at(geometry_, p, slack); c >= 0)
        return {HoverTarget::Kind::Council, c};
    if (const int s = supplier_at(geometry_, p, slack); s >= 0)
        return {HoverTarget::Kind::Supplier, s};
    return {};
}

} // namespace tendersim::viz

#include "app/market_layout.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

namespace {

constexpr float kGoldenAngle = 2.39996323f; // pi * (3 - sqrt 5)

// Slot k of n on a sunflower spiral filling the annulus [r0, r1] with uniform density.
Vec2 spiral(Vec2 c, float r0, float r1, std::uint32_t k, std::uint32_t n) {
    const float t = (static_cast<float>(k) + 0.5f) / static_cast<float>(std::max(n, 1u));
    const float rad = std::sqrt(r0 * r0 + (r1 * r1 - r0 * r0) * std::min(t, 1.0f));
    const float a = static_cast<float>(k) * kGoldenAngle;
    return {c.x + rad * std::cos(a), c.y + rad * std::sin(a)};
}

} // namespace

std::size_t grid_columns(std::size_t n, float width, float height) {
    if (n == 0) return 1;
    std::size_t best = 1;
    float best_side = -1.0f;
    for (std::size_t cols = 1; cols <= n; ++cols) {
        const std::size_t rows = (n + cols - 1) / cols;
        const float side =
            std::min(width / static_cast<float>(cols), height / static_cast<float>(rows));
        if (side > best_side + 0.5f) {
            best_side = side;
            best = cols;
        }
    }
    return best;
}

MarketGeometry layout_market(const MarketSnapshot& snap, const Rect& area, float scale) {
    MarketGeometry g;
    g.area = area;
    const std::size_t n = std::max<std::size_t>(1, snap.regions);
    const std::size_t cols = grid_columns(n, area.width, area.height);
    const std::size_t rows = (n + cols - 1) / cols;
    const float cw = area.width / static_cast<float>(cols);
    const float ch = area.height / static_cast<float>(rows);
    // Each cell has a strip for the region's name above its disc.
    const float label_h = std::round(24.0f * scale);
    // Largest circle: a fixed share of the cell, and never tiny on a small window.
    const float cell_r = std::max(4.0f, std::min(cw, ch - label_h) / 2.0f);
    g.max_radius = std::clamp(cell_r * 0.09f, 3.0f * scale, 16.0f * scale);

    const double ref = std::max(1.0, snap.size_reference_gbp);
    const float r_ref = g.max_radius / 1.6f;
    const float r_min = std::max(1.0f, 1.2f * scale);
    g.supplier_radius.resize(snap.suppliers.size());
    for (std::size_t i = 0; i < snap.suppliers.size(); ++i) {
        const SupplierView& s = snap.suppliers[i];
        // Area proportional to contract value: radius ~ sqrt(value).
        const float r = s.book_gbp > 0.0f
                            ? std::clamp(r_ref * static_cast<float>(std::sqrt(s.book_gbp / ref)),
                                         r_min * 1.5f, g.max_radius)
                            : r_min;
        g.supplier_radius[i] = r;
    }

    std::vector<std::size_t> per_region(n, 0), seen(n, 0);
    for (const auto& c : snap.councils) ++per_region[std::min<std::size_t>(c.region, n - 1)];
    double max_pop = 1.0;
    for (const auto& c : snap.councils)
        max_pop = std::max(max_pop, static_cast<double>(c.population));
    // Council squares: side ~ sqrt(population), up to 9 design pixels, smaller in small cells.
    const float council_max_half =
        std::max(1.5f, 4.5f * scale * std::min(1.0f, cell_r / 150.0f + 0.3f));

    std::vector<float> region_half(n, council_max_half);
    g.cells.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        RegionCell& c = g.cells[k];
        const float left = area.left + static_cast<float>(k % cols) * cw;
        const float top = area.top + static_cast<float>(k / cols) * ch;
        c.box = {left, top, cw, ch};
        c.centre = {left + cw / 2.0f, top + label_h + (ch - label_h) / 2.0f};
        const float outer = std::max(4.0f, cell_r - g.max_radius * 0.6f - 2.0f * scale);
        // Councils side by side on a ring, apart (a region with dozens would otherwise be a
        // black blur): the ring grows to fit them up to 35% of the disc, then the squares
        // shrink. Squares at chord distance d are apart if d / sqrt 2 >= side + gap (the worst
        // case is a diagonal neighbour).
        const std::size_t nc = per_region[k];
        const float gap = std::max(1.0f, 1.5f * scale);
        if (nc < 2) {
            c.council_ring = outer * 0.16f;
        } else {
            const float sin_step = std::sin(3.14159265f / static_cast<float>(nc));
            const float wanted = (2.0f * council_max_half + gap) * 1.41421356f / (2.0f * sin_step);
            c.council_ring = std::clamp(wanted, outer * 0.16f, outer * 0.35f);
            const float chord = 2.0f * c.council_ring * sin_step;
            region_half[k] = std::clamp((chord / 1.41421356f - gap) / 2.0f, 1.0f, council_max_half);
        }
        // Split the disc between the classes by the room their circles need: a large supplier
        // about nine times an SME's (three times the radius). From slot capacities only, which
        // are steady, so the rings do not move when contract values change.
        const auto& cap = k < snap.slot_capacity.size() ? snap.slot_capacity[k]
                                                        : std::array<std::uint32_t, 2>{1, 1};
        const double need_large = 9.0 * cap[0];
        const double need_sme = cap[1];
        const float inner = std::max(outer * 0.28f, c.council_ring + region_half[k] + 3.0f * scale);
        const double share = need_large / std::max(1e-9, need_large + need_sme);
        const float mid = static_cast<float>(std::sqrt(
            inner * inner + (outer * outer - inner * inner) * std::clamp(share, 0.12, 0.45)));
        c.large_inner = inner;
        c.large_outer = mid;
        c.sme_inner = mid + 1.0f * scale;
        c.sme_outer = outer;
        c.label_pos = {left + 8.0f * scale, top + label_h - 5.0f * scale};
    }

    g.supplier_pos.resize(snap.suppliers.size());
    for (std::size_t i = 0; i < snap.suppliers.size(); ++i) {
        const SupplierView& s = snap.suppliers[i];
        const std::size_t reg = std::min<std::size_t>(s.region, n - 1);
        const RegionCell& c = g.cells[reg];
        const auto& cap = reg < snap.slot_capacity.size() ? snap.slot_capacity[reg]
                                                          : std::array<std::uint32_t, 2>{1, 1};
        g.supplier_pos[i] = s.sme ? spiral(c.centre, c.sme_inner, c.sme_outer, s.slot, cap[1])
                                  : spiral(c.centre, c.large_inner, c.large_outer, s.slot, cap[0]);
    }

    // Councils: in engine order around their region's ring, so partnerships (neighbours in that
    // order) are short chords.
    g.council_pos.resize(snap.councils.size());
    g.council_half.resize(snap.councils.size());
    for (std::size_t i = 0; i < snap.councils.size(); ++i) {
        const std::size_t reg = std::min<std::size_t>(snap.councils[i].region, n - 1);
        const RegionCell& c = g.cells[reg];
        const float a =
            -1.5707963f + 6.2831853f * static_cast<float>(seen[reg]++) /
                              static_cast<float>(std::max<std::size_t>(1, per_region[reg]));
        g.council_pos[i] = {c.centre.x + c.council_ring * std::cos(a),
                            c.centre.y + c.council_ring * std::sin(a)};
        const float t = static_cast<float>(std::sqrt(snap.councils[i].population / max_pop));
        g.council_half[i] = std::max(1.0f, region_half[reg] * (0.5f + 0.5f * t));
    }
    return g;
}

int supplier_at(const MarketGeometry& g, Vec2 p, float slack) {
    int best = -1;
    float best_d = 0.0f;
    for (std::size_t i = 0; i < g.supplier_pos.size(); ++i) {
        const float dx = g.supplier_pos[i].x - p.x, dy = g.supplier_pos[i].y - p.y;
        const float reach = g.supplier_radius[i] + slack;
        const float d2 = dx * dx + dy * dy;
        if (d2 > reach * reach) continue;
        // Nearest centre relative to size: a small circle on top of a big one stays reachable.
        const float d = std::sqrt(d2) / reach;
        if (best < 0 || d < best_d) {
            best = static_cast<int>(i);
            best_d = d;
        }
    }
    return best;
}

int council_at(const MarketGeometry& g, Vec2 p, float slack) {
    int best = -1;
    float best_d = 0.0f;
    for (std::size_t i = 0; i < g.council_pos.size(); ++i) {
        const float dx = std::abs(g.council_pos[i].x - p.x),
                    dy = std::abs(g.council_pos[i].y - p.y);
        const float reach = g.council_half[i] + slack;
        if (dx > reach || dy > reach) continue;
        const float d = std::max(dx, dy) / reach;
        if (best < 0 || d < best_d) {
            best = static_cast<int>(i);
            best_d = d;
        }
    }
    return best;
}

} // namespace tendersim::viz

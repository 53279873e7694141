// The live app's window layout and market layout: no overlaps, everything inside, stable
// positions. No window.
#include "app/app_layout.hpp"
#include "app/control_panel.hpp"
#include "app/market_layout.hpp"
#include "app/panels.hpp"
#include "chart/layout.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <tuple>

using namespace tendersim::viz;

namespace {

// About DejaVu Sans's average advance, per character (not byte: "£" is two bytes).
float fake_width(std::string_view s, unsigned px) {
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return 0.6f * static_cast<float>(px) * static_cast<float>(chars);
}

MarketSnapshot sample_market(std::size_t regions, std::size_t per_region) {
    MarketSnapshot m;
    m.regions = regions;
    m.size_reference_gbp = 1e6;
    for (std::size_t r = 0; r < regions; ++r) {
        m.slot_capacity.push_back(
            {static_cast<std::uint32_t>(per_region / 10), static_cast<std::uint32_t>(per_region)});
        for (std::uint32_t k = 0; k < per_region; ++k) {
            SupplierView s;
            s.id = static_cast<std::uint32_t>(m.suppliers.size());
            s.region = static_cast<std::uint16_t>(r);
            s.sme = k % 10 != 0;
            s.slot = s.sme ? k - k / 10 - 1 : k / 10;
            s.book_gbp = k % 3 == 0 ? 0.0f : static_cast<float>(k * 1000);
            m.suppliers.push_back(s);
        }
        for (int c = 0; c < 30; ++c) {
            CouncilView v;
            v.region = static_cast<std::uint16_t>(r);
            v.population = 100'000.0f + 1000.0f * static_cast<float>(c);
            m.councils.push_back(v);
        }
    }
    return m;
}

} // namespace

TEST_CASE("app layout: regions tile the window without overlapping, from 1024x768 to 1080p") {
    for (auto [w, h] : {std::pair{1024.0f, 768.0f}, std::pair{1280.0f, 720.0f},
                        std::pair{1920.0f, 1080.0f}, std::pair{1600.0f, 900.0f}}) {
        INFO(w << "x" << h);
        const AppLayout L = compute_app_layout(w, h);
        std::vector<Rect> all = {L.title_bar, L.control_bar, L.market_view};
        for (const auto& c : L.charts) all.push_back(c);
        // The key to the lines fills the ninth cell of a three-column grid, and only there.
        CHECK((L.chart_key.width > 0) == (L.columns == 3));
        if (L.chart_key.width > 0) {
            all.push_back(L.chart_key);
            CHECK(L.chart_key.width == L.charts[0].width);
        }
        for (std::size_t i = 0; i < all.size(); ++i) {
            CHECK(L.window.contains(all[i]));
            CHECK(all[i].width > 0);
            CHECK(all[i].height > 0);
            for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(all[i].intersects(all[j]));
        }
        // Proportions that keep everything readable.
        CHECK(L.scale == doctest::Approx(std::min(w / 1536.0f, h / 1080.0f)));
        CHECK(L.market_view.width > 0.6f * w);
        for (const auto& c : L.charts) {
            CHECK(c.width > 0.15f * w);
            CHECK(c.height > 0.2f * h);
            // Panels are whole pixels: filled edges stay crisp.
            CHECK(c.left == std::round(c.left));
            CHECK(c.width == std::round(c.width));
        }
        // Charts in a grid: same row, same top; same column, same left.
        for (std::size_t i = 0; i < kChartPanels; ++i) {
            if (i % L.columns > 0) CHECK(L.charts[i].top == L.charts[i - 1].top);
            if (i >= L.columns) CHECK(L.charts[i].left == L.charts[i - L.columns].left);
        }
    }
}

TEST_CASE("app layout: a chart panel's plot keeps room, and text is large enough for a room") {
    // The text sizes a projector needs: 14 px from 1024x768 up, proportionally more at 1080p.
    for (auto [w, h, min_px] : {std::tuple{1024.0f, 768.0f, 14u}, std::tuple{1280.0f, 720.0f, 14u},
                                std::tuple{1920.0f, 1080.0f, 21u}}) {
        const AppLayout L = compute_app_layout(w, h);
        const ChartStyle st = panel_style(L.scale);
        std::vector<MetricsPoint> pts(10);
        for (int y = 0; y < 10; ++y) {
            pts[y].year = y + 1;
            pts[y].sme_share_direct = 0.3 + 0.01 * y;
            pts[y].sme_share_total = 0.4;
        }
        INFO(w << "x" << h);
        for (unsigned px : {st.tick_px, st.legend_px, st.axis_label_px, st.subtitle_px})
            CHECK(px >= min_px);
        CHECK(st.title_px > st.tick_px);
        // Titles in full, with the real font: test_app_text_layout.cpp. Here: the plot's room.
        for (std::size_t i = 0; i < kChartPanels; ++i) {
            const ChartSpec spec = app_panel_chart(panel_order()[i], pts, pts, 20);
            const ChartLayout cl = compute_layout(L.charts[i], spec, fake_width, st);
            INFO("panel " << i << " " << spec.title);
            CHECK(L.charts[i].contains(cl.plot));
            CHECK(cl.plot.height > 0.25f * L.charts[i].height);
            CHECK(cl.plot.height > 3.0f * static_cast<float>(st.tick_px));
            CHECK(cl.plot.width > 0.5f * L.charts[i].width);
            CHECK(cl.legend.size() <= 2);
        }
    }
}

TEST_CASE("app layout: the UI scale multiplies the window's scale, as far as the window fits") {
    const float base = compute_app_layout(1920, 1080).scale;
    CHECK(base == doctest::Approx(1.0f));
    CHECK(compute_app_layout(1920, 1080, 0.8f).scale == doctest::Approx(0.8f));
    // Larger: it grows, but never past what keeps the control bar and the panels whole.
    const AppLayout big = compute_app_layout(1920, 1080, 1.3f);
    CHECK(big.scale > 1.1f);
    CHECK(big.scale <= 1.3f + 1e-4f);
    const AppLayout huge = compute_app_layout(1280, 720, kMaxUiScale);
    CHECK(huge.scale < kMaxUiScale * compute_app_layout(1280, 720).scale);
    CHECK(huge.title_bar.height + controls_min_height(huge.scale) <= 720.0f);
    // Out-of-range factors are clamped, and Ctrl +/- steps return to where they started.
    CHECK(clamp_ui_scale(5.0f) == kMaxUiScale);
    CHECK(clamp_ui_scale(0.1f) == kMinUiScale);
    CHECK(step_ui_scale(step_ui_scale(1.0f, 1), -1) == doctest::Approx(1.0f));
    CHECK(step_ui_scale(kMaxUiScale, 1) == kMaxUiScale);
    // A 4:3 window gets three columns of charts; 16:9 four.
    CHECK(compute_app_layout(1024, 768).columns == 3);
    CHECK(compute_app_layout(1280, 720).columns == 4);
}

TEST_CASE("market layout: grid of square cells for any number of regions") {
    CHECK(grid_columns(1, 1500, 400) == 1);
    CHECK(grid_columns(3, 1500, 400) == 3);
    CHECK(grid_columns(12, 1500, 400) == 6); // 6 x 2 beats 12 x 1 and 4 x 3 in a wide strip
    CHECK(grid_columns(12, 400, 1500) == 2);
}

TEST_CASE("market layout: every mark inside its region's cell, classes in their rings") {
    for (std::size_t regions : {3u, 12u}) {
        const MarketSnapshot m = sample_market(regions, 400);
        const Rect area{400, 70, 1500, 380};
        const MarketGeometry g = layout_market(m, area, 1.0f);
        REQUIRE(g.cells.size() == regions);
        REQUIRE(g.supplier_pos.size() == m.suppliers.size());
        for (std::size_t k = 0; k < regions; ++k) {
            CHECK(area.contains(g.cells[k].box));
            for (std::size_t j = 0; j < k; ++j)
                CHECK_FALSE(g.cells[k].box.intersects(g.cells[j].box));
            CHECK(g.cells[k].large_outer < g.cells[k].sme_inner);
            CHECK(g.cells[k].council_ring < g.cells[k].large_inner);
        }
        for (std::size_t i = 0; i < m.suppliers.size(); ++i) {
            const SupplierView& s = m.suppliers[i];
            const RegionCell& c = g.cells[s.region];
            const Vec2 p = g.supplier_pos[i];
            CHECK(c.box.contains(p));
            const float d = std::hypot(p.x - c.centre.x, p.y - c.centre.y);
            if (s.sme) {
                CHECK(d >= c.sme_inner - 0.01f);
                CHECK(d <= c.sme_outer + 0.01f);
            } else {
                CHECK(d >= c.large_inner - 0.01f);
                CHECK(d <= c.large_outer + 0.01f);
            }
            CHECK(g.supplier_radius[i] > 0.0f);
            CHECK(g.supplier_radius[i] <= g.max_radius);
        }
        // Councils on their ring, not overlapping their neighbours.
        for (std::size_t i = 1; i < m.councils.size(); ++i) {
            if (m.councils[i].region != m.councils[i - 1].region) continue;
            const Vec2 a = g.council_pos[i], b = g.council_pos[i - 1];
            const float gap = std::max(std::abs(a.x - b.x), std::abs(a.y - b.y));
            CHECK(gap >= g.council_half[i] + g.council_half[i - 1] - 0.01f);
        }
    }
}

TEST_CASE(
    "market layout: bigger contracts make bigger circles, and positions depend only on slots") {
    MarketSnapshot m = sample_market(3, 200);
    const Rect area{0, 0, 1500, 400};
    const MarketGeometry g1 = layout_market(m, area, 1.0f);
    // Circle area grows with contract value.
    std::size_t small = 0, big = 0;
    for (std::size_t i = 0; i < m.suppliers.size(); ++i) {
        if (m.suppliers[i].book_gbp == 2000.0f) small = i;
        if (m.suppliers[i].book_gbp == 190'000.0f) big = i;
    }
    CHECK(g1.supplier_radius[big] > g1.supplier_radius[small]);
    // Next year: values change, one supplier exits. Everyone else stays where they were.
    for (auto& s : m.suppliers) s.book_gbp *= 1.5f;
    MarketSnapshot next = m;
    next.suppliers.erase(next.suppliers.begin() + 5);
    const MarketGeometry g2 = layout_market(next, area, 1.0f);
    for (std::size_t i = 6; i < m.suppliers.size(); ++i) {
        CHECK(g2.supplier_pos[i - 1].x == doctest::Approx(g1.supplier_pos[i].x));
        CHECK(g2.supplier_pos[i - 1].y == doctest::Approx(g1.supplier_pos[i].y));
    }
}

TEST_CASE("market layout: hit testing finds the mark under the pointer") {
    const MarketSnapshot m = sample_market(3, 100);
    const MarketGeometry g = layout_market(m, {0, 0, 1500, 400}, 1.0f);
    for (std::size_t i : {0u, 17u, 150u})
        CHECK(supplier_at(g, g.supplier_pos[i], 0.0f) == static_cast<int>(i));
    CHECK(council_at(g, g.council_pos[7], 0.0f) == 7);
    CHECK(supplier_at(g, {-50, -50}, 3.0f) == -1);
    CHECK(council_at(g, {-50, -50}, 3.0f) == -1);
}

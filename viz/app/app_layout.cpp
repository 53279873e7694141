#include "app/app_layout.hpp"

#include "app/control_panel.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

unsigned scaled_px(float design_px, float scale, unsigned min_px) {
    return std::max(min_px, static_cast<unsigned>(std::lround(design_px * scale)));
}

float clamp_ui_scale(float ui_scale) {
    return std::clamp(ui_scale, kMinUiScale, kMaxUiScale);
}

float step_ui_scale(float ui_scale, int direction) {
    // Onto the grid of whole steps, so Ctrl+plus then Ctrl+minus returns to where it was.
    const float k = std::round(ui_scale / kUiScaleStep) + static_cast<float>(direction);
    return clamp_ui_scale(k * kUiScaleStep);
}

namespace {

constexpr float kTitleDesignHeight = 64.0f;
constexpr float kBarDesignWidth = 410.0f;
// A chart panel needs about 13 lines of its text's height to show its title, unit, legend and
// tick labels around a plot with room for its ticks (measured: 1024x768's three rows at the
// default scale, checked by the text-layout test).
constexpr float kPanelLines = 12.9f;
constexpr float kPanelTextDesignPx = 21.0f; // panel_style's tick and label size

AppLayout layout_at(float width, float height, float s) {
    AppLayout L;
    L.window = {0.0f, 0.0f, width, height};
    L.scale = s;
    const float title_h = std::round(kTitleDesignHeight * s);
    const float bar_w = std::round(std::min(kBarDesignWidth * s, width * 0.35f));
    const float gap = std::max(2.0f, std::round(6.0f * s));
    L.title_bar = {0.0f, 0.0f, width, title_h};
    L.control_bar = {0.0f, title_h, bar_w, std::max(0.0f, height - title_h)};

    // Right of the bar: the market view on top (a wide strip suits a row of region cells), the
    // charts below in two rows of four. Charts get the larger share: they carry the message. A
    // narrower window (4:3, 5:4) has too little width for four panels of readable text but more
    // height: three rows of three, the market strip shorter.
    const float x0 = bar_w + gap;
    const float content_w = std::max(0.0f, width - x0 - gap);
    const float content_top = title_h + gap;
    const float content_h = std::max(0.0f, height - content_top - gap);
    // By the window's shape, not the scale: a larger UI scale on a wide window keeps four
    // columns (long titles are shortened) rather than squeezing three rows under a tiny market.
    L.columns = width >= 1.5f * height ? kChartColumns : 3;
    const std::size_t rows = (kChartPanels + L.columns - 1) / L.columns;
    const float market_share = rows == 2 ? 0.36f : 0.22f;
    const float market_h = std::floor((content_h - gap) * market_share);
    L.market_view = {x0, content_top, content_w, std::max(0.0f, market_h)};

    const float charts_top = L.market_view.bottom() + gap;
    const float charts_h = std::max(0.0f, height - gap - charts_top);
    const auto cols = static_cast<float>(L.columns);
    const float cell_w = (content_w - gap * (cols - 1.0f)) / cols;
    const float cell_h = (charts_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (std::size_t i = 0; i < kChartPanels; ++i) {
        const auto col = static_cast<float>(i % L.columns);
        const auto row = static_cast<float>(i / L.columns);
        // Whole-pixel edges: panels are filled rectangles and a half pixel would blur a border.
        const float left = std::round(x0 + col * (cell_w + gap));
        const float top = std::round(charts_top + row * (cell_h + gap));
        const float right = std::round(x0 + col * (cell_w + gap) + cell_w);
        const float bottom = std::round(charts_top + row * (cell_h + gap) + cell_h);
        L.charts[i] = {left, top, std::max(0.0f, right - left), std::max(0.0f, bottom - top)};
    }
    if (L.columns * rows > kChartPanels) {
        const auto col = static_cast<float>(kChartPanels % L.columns);
        const auto row = static_cast<float>(kChartPanels / L.columns);
        const float left = std::round(x0 + col * (cell_w + gap));
        const float top = std::round(charts_top + row * (cell_h + gap));
        L.chart_key = {left, top, std::round(x0 + col * (cell_w + gap) + cell_w) - left,
                       std::round(charts_top + row * (cell_h + gap) + cell_h) - top};
    }
    return L;
}

bool fits(const AppLayout& L) {
    const float s = L.scale;
    // The control bar's widgets below the title bar (the change log and the key help shrink or
    // go first), and a readable plot in every chart panel.
    if (L.title_bar.height + controls_min_height(s) > L.window.height) return false;
    for (const auto& c : L.charts)
        if (c.height < kPanelLines * kPanelTextDesignPx * s) return false;
    return true;
}

} // namespace

float app_scale(float width, float height, float ui_scale) {
    // The tighter dimension decides, so a wide window does not get text too tall for it; width
    // counts against 1536 rather than 1920 because the charts and the bar fit a 4:3 window at
    // the same scale as a 16:9 one of the same height (three rows of charts, the market strip
    // shorter).
    const float fitted = std::min(width / 1536.0f, height / 1080.0f);
    float s = std::clamp(fitted * clamp_ui_scale(ui_scale), 0.3f, 3.0f);
    // Larger only as far as everything still fits: Ctrl+plus stops growing there.
    while (s > 0.3f && !fits(layout_at(width, height, s))) s -= 0.01f;
    return s;
}

AppLayout compute_app_layout(float width, float height, float ui_scale) {
    return layout_at(width, height, app_scale(width, height, ui_scale));
}

} // namespace tendersim::viz

#include "app/app_layout.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

unsigned scaled_px(float design_px, float scale, unsigned min_px) {
    return std::max(min_px, static_cast<unsigned>(std::lround(design_px * scale)));
}

AppLayout compute_app_layout(float width, float height) {
    AppLayout L;
    L.window = {0.0f, 0.0f, width, height};
    // The tighter dimension decides, so a wide window does not get text too tall for it.
    const float s = std::clamp(std::min(width / 1920.0f, height / 1080.0f), 0.4f, 3.0f);
    L.scale = s;
    const float title_h = std::round(64.0f * s);
    const float bar_w = std::round(std::min(390.0f * s, width * 0.3f));
    const float gap = std::max(2.0f, std::round(6.0f * s));
    L.title_bar = {0.0f, 0.0f, width, title_h};
    L.control_bar = {0.0f, title_h, bar_w, std::max(0.0f, height - title_h)};

    // Right of the bar: the market view on top (a wide strip suits a row of region cells), the
    // charts below in two rows of four. Charts get the larger share: they carry the message.
    const float x0 = bar_w + gap;
    const float content_w = std::max(0.0f, width - x0 - gap);
    const float content_top = title_h + gap;
    const float content_h = std::max(0.0f, height - content_top - gap);
    const float market_h = std::floor((content_h - gap) * 0.4f);
    L.market_view = {x0, content_top, content_w, std::max(0.0f, market_h)};

    const float charts_top = L.market_view.bottom() + gap;
    const float charts_h = std::max(0.0f, height - gap - charts_top);
    const std::size_t rows = kChartPanels / kChartColumns;
    const float cell_w = (content_w - gap * static_cast<float>(kChartColumns - 1)) /
                         static_cast<float>(kChartColumns);
    const float cell_h = (charts_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (std::size_t i = 0; i < kChartPanels; ++i) {
        const auto col = static_cast<float>(i % kChartColumns);
        const auto row = static_cast<float>(i / kChartColumns);
        // Whole-pixel edges: panels are filled rectangles and a half pixel would blur a border.
        const float left = std::round(x0 + col * (cell_w + gap));
        const float top = std::round(charts_top + row * (cell_h + gap));
        const float right = std::round(x0 + col * (cell_w + gap) + cell_w);
        const float bottom = std::round(charts_top + row * (cell_h + gap) + cell_h);
        L.charts[i] = {left, top, std::max(0.0f, right - left), std::max(0.0f, bottom - top)};
    }
    return L;
}

} // namespace tendersim::viz

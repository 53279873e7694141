#pragma once
// Where the app's regions go in the window: title bar across the top, control bar down the left,
// the market view above a grid of chart panels on the right. Pure arithmetic (tested for overlap
// at 1280x720 and 1920x1080 without a window).
#include "chart/geometry.hpp"

#include <array>
#include <cstddef>

namespace tendersim::viz {

inline constexpr std::size_t kChartPanels = 8;
inline constexpr std::size_t kChartColumns = 4;

struct AppLayout {
    Rect window;
    Rect title_bar;
    Rect control_bar;
    Rect market_view;
    std::array<Rect, kChartPanels> charts; // row-major, kChartColumns per row
    // 1 at 1920x1080; every size in the app (text, padding, line widths) is multiplied by it so
    // the proportions a projector audience sees do not depend on the window size.
    float scale = 1.0f;
};

AppLayout compute_app_layout(float width, float height);

// Pixels for a length designed at 1920x1080, rounded, at least min_px.
unsigned scaled_px(float design_px, float scale, unsigned min_px = 11);

} // namespace tendersim::viz

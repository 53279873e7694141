#pragma once
// Where the app's regions go in the window: title bar across the top, control bar down the left,
// the market view above a grid of chart panels on the right. Pure arithmetic (tested for overlap
// at 1280x720 and 1920x1080 without a window).
#include "chart/geometry.hpp"

#include <array>
#include <cstddef>

namespace tendersim::viz {

inline constexpr std::size_t kChartPanels = 8;
inline constexpr std::size_t kChartColumns = 4; // two rows of four; three of three when narrow

struct AppLayout {
    Rect window;
    Rect title_bar;
    Rect control_bar;
    Rect market_view;
    std::array<Rect, kChartPanels> charts; // row-major, `columns` per row
    std::size_t columns = kChartColumns;
    // With three columns the ninth cell holds a key to the lines; empty (zero width) otherwise.
    Rect chart_key;
    // 1 at 1920x1080 with the default UI scale; every size in the app (text, padding, line
    // widths) is multiplied by it so the proportions a projector audience sees do not depend on
    // the window size.
    float scale = 1.0f;
};

// The user's factor on top of the size-derived scale (--ui-scale, Ctrl +/-), and its steps.
inline constexpr float kMinUiScale = 0.5f;
inline constexpr float kMaxUiScale = 2.0f;
inline constexpr float kUiScaleStep = 0.1f;
float clamp_ui_scale(float ui_scale);
// One step larger (direction > 0) or smaller, on the grid of whole steps, clamped.
float step_ui_scale(float ui_scale, int direction);

// The app's scale for a window: the tighter of width / 1536 and height / 1080 (so 1024x768 and
// 1280x720 both get two thirds of the 1920x1080 sizes: text large enough for a room on the
// smaller screens too), times ui_scale, but never so large that the control bar's widgets no
// longer fit the window's height.
float app_scale(float width, float height, float ui_scale = 1.0f);

AppLayout compute_app_layout(float width, float height, float ui_scale = 1.0f);

// Pixels for a length designed at 1920x1080, rounded, at least min_px.
unsigned scaled_px(float design_px, float scale, unsigned min_px = 11);

} // namespace tendersim::viz

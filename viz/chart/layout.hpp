#pragma once
// Where everything in a line chart goes, in pixels: plot rectangle, ticks, labels, legend. Pure
// computation from a ChartSpec and a text-measuring function, so it is tested without a window
// and the SFML drawing code (line_chart.cpp) only paints what is decided here.
#include "chart/chart_spec.hpp"
#include "chart/geometry.hpp"
#include "chart/scale.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

// Advance width in pixels of UTF-8 text at a character size.
using TextWidthFn = std::function<float(std::string_view utf8, unsigned px)>;

// Vertical font metrics as fractions of the character size. Measured for DejaVu Sans (cap height
// 0.729 em, descender 0.236 em); the layout places text by baseline with these so it does not need
// the font itself.
inline constexpr float kCapHeight = 0.73f;
inline constexpr float kDescent = 0.24f;

struct ChartStyle {
    unsigned title_px = 30;
    unsigned subtitle_px = 18;
    unsigned axis_label_px = 20;
    unsigned tick_px = 18;
    unsigned legend_px = 20;
    float line_width = 4.5f;
    float baseline_width = 2.5f; // dashed, thinner than a current line
    float padding = 24.0f;
    float gap = 10.0f;
    float tick_length = 6.0f;
    float swatch_length = 34.0f;
};

// Sizes for a chart of this area: the defaults are for 1280x720 (every text >= 18 px, readable
// from the back of a room), scaled with the area but never below 75% of that.
ChartStyle default_style(const Rect& area);

enum class HAlign { Left, Centre, Right };

struct TextItem {
    std::string text; // UTF-8
    unsigned px = 0;
    // Horizontal text: pos.x is the anchor for align, pos.y the baseline.
    // Vertical text (reads bottom to top): pos is the centre of the text's cap band.
    Vec2 pos;
    HAlign align = HAlign::Left;
    bool vertical = false;
};

struct TickMark {
    double value = 0.0;
    float pos = 0.0f; // pixel x (x axis) or y (y axis)
    TextItem label;
};

struct LegendItem {
    std::size_t series = 0; // index into ChartSpec::series
    Vec2 swatch_from, swatch_to;
    TextItem label;
};

struct ChartLayout {
    Rect area;
    Rect plot;
    ChartStyle style;
    TextItem title, subtitle, x_label, y_label;
    std::vector<TickMark> x_ticks, y_ticks;
    std::vector<LegendItem> legend;
    struct RuleMark {
        float x = 0.0f; // pixel
        TextItem label; // beside the rule's top, inside the plot
    };
    std::vector<RuleMark> rules;
    LinearScale x, y;
    bool has_data = false;
    TextItem no_data; // shown in the plot when there is nothing to draw

    Vec2 to_pixel(double data_x, double data_y) const;
};

// title_width measures the title when it is set in a different (bold) face; empty: use width.
ChartLayout compute_layout(const Rect& area, const ChartSpec& spec, const TextWidthFn& width,
                           const ChartStyle& style, const TextWidthFn& title_width = {});
inline ChartLayout compute_layout(const Rect& area, const ChartSpec& spec,
                                  const TextWidthFn& width) {
    return compute_layout(area, spec, width, default_style(area));
}

// text shortened with a trailing ellipsis to fit max_width (whole UTF-8 characters only).
std::string fit_text(const std::string& text, unsigned px, float max_width,
                     const TextWidthFn& width);

} // namespace tendersim::viz

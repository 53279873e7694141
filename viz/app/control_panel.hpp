#pragma once
// The control bar's widgets: what they are, where they go, what a click hits and what value a
// slider position means. Pure geometry (tested without a window); control_view.cpp paints it.
#include "chart/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::viz {

enum class ControlId : std::uint8_t {
    PlayPause,
    Step,
    Reset,
    Speed,
    Seed,
    SocialValue,
    PriceWeight,
    OutcomeShare,
    LotThreshold,
    SmeReserve,
    SmeThreshold,
    SharedBackOffice,
    // Procurement routes (docs/routes.md): steppers, to keep the bar's height.
    FrameworkShare,
    DirectAwardBelow,
    QuotesBelow,
};

enum class WidgetKind : std::uint8_t { Button, Slider, Stepper, Toggle };

struct Widget {
    ControlId id = ControlId::PlayPause;
    WidgetKind kind = WidgetKind::Button;
    std::string label; // buttons: empty (their text depends on the state)
    Rect row;          // everything the widget occupies
    Vec2 label_pos;    // baseline, left-aligned
    Vec2 value_pos;    // sliders: baseline, right-aligned value text; steppers: centre of the box
    Rect face;         // button face, slider hit box (the track is drawn along its middle),
                       // toggle switch, stepper value box
    Rect minus, plus;  // stepper buttons
};

struct ControlPanelLayout {
    Rect area;
    float scale = 1.0f;
    unsigned text_px = 20, heading_px = 22, small_px = 16;
    Vec2 policy_heading; // baseline of "Policy levers"
    Vec2 policy_note;    // baseline of the line under it
    // Under the price-vs-quality slider: the score's effective split (score_split.hpp), as a
    // line of text and a thin bar under it.
    Vec2 split_text; // baseline
    Rect split_bar;
    std::vector<Widget> widgets;
    Rect status;                // pending changes and the change log
    Rect help;                  // keyboard shortcuts: the first help_lines of control_help_lines()
    std::size_t help_lines = 0; // as many as fit below the widgets (none on a short window)
    const Widget* find(ControlId id) const;
};

ControlPanelLayout layout_control_panel(const Rect& area, float scale);

// Height the bar needs at this scale for its widgets and one line of status below them.
float controls_min_height(float scale);

// The keyboard help at the bottom of the bar, one short line each (the bar is narrow).
const std::vector<std::string>& control_help_lines();

enum class WidgetPart : std::uint8_t { Face, Minus, Plus };
struct WidgetHit {
    ControlId id;
    WidgetPart part;
};
std::optional<WidgetHit> hit_test(const ControlPanelLayout& layout, Vec2 p);
// The widget whose row (label included) is under p: what a tooltip explains, wider than what a
// click hits.
std::optional<ControlId> widget_at(const ControlPanelLayout& layout, Vec2 p);

struct SliderRange {
    double lo = 0.0, hi = 1.0, step = 0.05;
};
SliderRange slider_range(ControlId id);

// A lever that can change nothing in the loaded scenario: the framework share when the scenario
// defines no [[framework]] (councils have nothing to call off from). Drawn greyed; a click
// explains instead of moving it.
bool control_disabled(ControlId id, bool has_frameworks);
// The value under pixel x on a slider whose hit box is face: clamped and snapped to the step.
double slider_value_at(const Rect& face, float x, const SliderRange& range);
// Where the knob for value goes (inverse of slider_value_at up to snapping).
float slider_x(const Rect& face, double value, const SliderRange& range);
// Horizontal inset of the track inside the hit box: the knob's radius, so it never overhangs.
float slider_inset(const Rect& face);

// Fastest "speed": as many years a second as the engine computes.
inline constexpr double kMaxSpeed = 1.0e9;
// Ascending choices for a stepper (Speed in years a second, the lot and reservation thresholds in
// GBP a year, the route thresholds in GBP in total, the framework share as a share).
std::vector<double> stepper_values(ControlId id);
// The next choice above (direction > 0) or below current; current itself need not be a choice
// (a scenario may set any threshold). Stays put at either end.
double step_value(const std::vector<double>& values, double current, int direction);

} // namespace tendersim::viz

#include "app/control_panel.hpp"

#include "chart/layout.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace tendersim::viz {

namespace {

float r(float v) {
    return std::round(v);
}

} // namespace

const Widget* ControlPanelLayout::find(ControlId id) const {
    for (const auto& w : widgets)
        if (w.id == id) return &w;
    return nullptr;
}

ControlPanelLayout layout_control_panel(const Rect& area, float s) {
    ControlPanelLayout L;
    L.area = area;
    L.scale = s;
    const auto px = [s](float design, unsigned min_px) {
        return std::max(min_px, static_cast<unsigned>(std::lround(design * s)));
    };
    // Two thirds of these at 1280x720 and 1024x768: 14 px, the least a room can read.
    L.text_px = px(21.0f, 8);
    L.heading_px = px(24.0f, 8);
    L.small_px = px(21.0f, 8);
    const float text = static_cast<float>(L.text_px);
    const float pad = r(20.0f * s);
    const float left = area.left + pad;
    const float right = area.right() - pad;
    const float width = std::max(1.0f, right - left);
    const float label_baseline = text * kCapHeight; // from a row's top
    float y = area.top + pad;

    // Transport: play/pause, step, reset.
    {
        const float h = r(52.0f * s);
        const float gap = r(10.0f * s);
        const float w_play = r((width - 2.0f * gap) * 0.4f);
        const float w_other = r((width - 2.0f * gap - w_play) / 2.0f);
        const ControlId ids[3] = {ControlId::PlayPause, ControlId::Step, ControlId::Reset};
        float x = left;
        for (int i = 0; i < 3; ++i) {
            Widget w;
            w.id = ids[i];
            w.kind = WidgetKind::Button;
            const float bw = i == 0 ? w_play : (i == 2 ? right - x : w_other);
            w.face = {x, y, bw, h};
            w.row = w.face;
            L.widgets.push_back(w);
            x += bw + gap;
        }
        y += h + r(10.0f * s);
    }

    // A labelled row with a stepper (or a toggle) at its right end. Nine of them since the route
    // levers: 38 px rows 4 px apart (and tighter gaps below) leave a 1080p bar room for the latest
    // change and its explanation, and Ctrl+plus room to enlarge it by a tenth.
    const float row_h = r(38.0f * s);
    const float row_gap = r(4.0f * s);
    const auto stepper_row = [&](ControlId id, std::string label) {
        Widget w;
        w.id = id;
        w.kind = WidgetKind::Stepper;
        w.label = std::move(label);
        w.row = {left, y, width, row_h};
        w.label_pos = {left, y + row_h / 2.0f + text * kCapHeight / 2.0f};
        const float b = row_h;
        // Room for "20240601" and "£100k/yr", and left of it for "Direct award".
        const float box = r(std::min(130.0f * s, width * 0.36f));
        w.plus = {right - b, y, b, b};
        w.face = {w.plus.left - box, y, box, b};
        w.minus = {w.face.left - b, y, b, b};
        w.value_pos = {w.face.left + box / 2.0f, y + b / 2.0f};
        L.widgets.push_back(std::move(w));
        y += row_h + row_gap;
    };
    const auto toggle_row = [&](ControlId id, std::string label) {
        Widget w;
        w.id = id;
        w.kind = WidgetKind::Toggle;
        w.label = std::move(label);
        w.row = {left, y, width, row_h};
        w.label_pos = {left, y + row_h / 2.0f + text * kCapHeight / 2.0f};
        // Room inside for "OFF" at the bar's text size.
        const float sw = r(100.0f * s), sh = r(34.0f * s);
        w.face = {right - sw, y + r((row_h - sh) / 2.0f), sw, sh};
        L.widgets.push_back(std::move(w));
        y += row_h + row_gap;
    };
    const auto slider_row = [&](ControlId id, std::string label) {
        Widget w;
        w.id = id;
        w.kind = WidgetKind::Slider;
        w.label = std::move(label);
        const float hit_h = r(36.0f * s);
        const float h = text * (kCapHeight + kDescent) + r(4.0f * s) + hit_h;
        w.row = {left, y, width, h};
        w.label_pos = {left, y + label_baseline};
        w.value_pos = {right, y + label_baseline};
        w.face = {left, y + h - hit_h, width, hit_h};
        L.widgets.push_back(std::move(w));
        y += h + r(8.0f * s);
    };

    stepper_row(ControlId::Speed, "Speed");
    stepper_row(ControlId::Seed, "Seed");

    y += r(8.0f * s);
    L.policy_heading = {left, y + static_cast<float>(L.heading_px) * kCapHeight};
    y += static_cast<float>(L.heading_px) * (kCapHeight + kDescent) + r(8.0f * s);
    L.policy_note = {left, y + static_cast<float>(L.small_px) * kCapHeight};
    y += static_cast<float>(L.small_px) * (kCapHeight + kDescent) + r(10.0f * s);

    slider_row(ControlId::SocialValue, "Social-value weight");
    slider_row(ControlId::PriceWeight, "Price vs quality");
    {
        // Pulled up under the slider it explains: the gap below a slider is for the next label.
        y -= r(4.0f * s);
        L.split_text = {left, y + static_cast<float>(L.small_px) * kCapHeight};
        y += static_cast<float>(L.small_px) * (kCapHeight + kDescent) + r(6.0f * s);
        L.split_bar = {left, y, width, std::max(4.0f, r(10.0f * s))};
        y += L.split_bar.height + r(10.0f * s);
    }
    slider_row(ControlId::OutcomeShare, "Outcome-based specs");
    stepper_row(ControlId::LotThreshold, "Lots above");
    toggle_row(ControlId::SmeReserve, "SME reservation");
    stepper_row(ControlId::SmeThreshold, "    below");
    toggle_row(ControlId::SharedBackOffice, "Shared back office");
    // Short labels: the bar is narrow. The values say "<£25k" (below, in total), the tooltips
    // say the rest.
    stepper_row(ControlId::FrameworkShare, "Frameworks");
    stepper_row(ControlId::DirectAwardBelow, "Direct award");
    stepper_row(ControlId::QuotesBelow, "Quotes");

    // The help goes below the status, as many lines as leave the status two lines of its own (a
    // pending change and the latest one).
    const float line_h = static_cast<float>(L.small_px) * 1.35f;
    const float status_top = y + r(6.0f * s);
    const float free_h = area.bottom() - pad - status_top - r(12.0f * s) - 2.0f * line_h;
    L.help_lines = std::min(control_help_lines().size(),
                            static_cast<std::size_t>(std::max(0.0f, std::floor(free_h / line_h))));
    const float help_h = line_h * static_cast<float>(L.help_lines);
    L.help = {left, area.bottom() - pad - help_h, width, help_h};
    L.status = {left, status_top, width, std::max(0.0f, L.help.top - status_top - r(12.0f * s))};
    return L;
}

float controls_min_height(float scale) {
    const ControlPanelLayout L = layout_control_panel({0.0f, 0.0f, 400.0f * scale, 1e6f}, scale);
    const float pad = r(20.0f * scale);
    return L.status.top + static_cast<float>(L.small_px) * 1.35f + pad;
}

const std::vector<std::string>& control_help_lines() {
    static const std::vector<std::string> lines = {
        "Space play/pause \u00B7 N step",  "R reset \u00B7 +/\u2212 speed",
        "K save year \u00B7 B back to it", "S screenshot \u00B7 Ctrl+S state",
        "F11 full screen \u00B7 Esc quit", "Ctrl +/\u2212/0 text \u00B7 F fps",
    };
    return lines;
}

std::optional<WidgetHit> hit_test(const ControlPanelLayout& L, Vec2 p) {
    for (const auto& w : L.widgets) {
        if (!w.row.contains(p) && !w.face.contains(p)) continue;
        if (w.kind == WidgetKind::Stepper) {
            if (w.minus.contains(p)) return WidgetHit{w.id, WidgetPart::Minus};
            if (w.plus.contains(p)) return WidgetHit{w.id, WidgetPart::Plus};
            continue;
        }
        // Toggles answer anywhere on their row: the label is a bigger target than the switch.
        if (w.kind == WidgetKind::Toggle || w.face.contains(p))
            return WidgetHit{w.id, WidgetPart::Face};
    }
    return std::nullopt;
}

std::optional<ControlId> widget_at(const ControlPanelLayout& L, Vec2 p) {
    for (const auto& w : L.widgets)
        if (w.row.contains(p) || w.face.contains(p)) return w.id;
    return std::nullopt;
}

SliderRange slider_range(ControlId id) {
    switch (id) {
    case ControlId::SocialValue:
        return {0.0, 0.6, 0.05}; // the engine's maximum weight is 60%
    case ControlId::PriceWeight:
        return {0.0, 1.0, 0.05};
    case ControlId::OutcomeShare:
        return {0.0, 1.0, 0.1};
    default:
        return {};
    }
}

bool control_disabled(ControlId id, bool has_frameworks) {
    return id == ControlId::FrameworkShare && !has_frameworks;
}

float slider_inset(const Rect& face) {
    return std::round(face.height * 0.35f);
}

double slider_value_at(const Rect& face, float x, const SliderRange& range) {
    const float inset = slider_inset(face);
    const float w = std::max(1.0f, face.width - 2.0f * inset);
    const double t = std::clamp(static_cast<double>((x - face.left - inset) / w), 0.0, 1.0);
    double v = range.lo + t * (range.hi - range.lo);
    if (range.step > 0.0) v = range.lo + std::round((v - range.lo) / range.step) * range.step;
    v = std::clamp(v, range.lo, range.hi);
    // Snap away binary noise (0.6000000001) so values compare equal to what the user saw.
    return std::round(v * 1e9) / 1e9;
}

float slider_x(const Rect& face, double value, const SliderRange& range) {
    const float inset = slider_inset(face);
    const double span = range.hi - range.lo;
    const double t = span > 0.0 ? std::clamp((value - range.lo) / span, 0.0, 1.0) : 0.0;
    return face.left + inset + static_cast<float>(t) * (face.width - 2.0f * inset);
}

std::vector<double> stepper_values(ControlId id) {
    switch (id) {
    case ControlId::Speed:
        return {0.25, 0.5, 1.0, 2.0, 4.0, 10.0, kMaxSpeed};
    case ControlId::LotThreshold:
        return {0.0, 100'000.0, 250'000.0, 500'000.0, 1'000'000.0, 2'000'000.0};
    case ControlId::SmeThreshold:
        return {25'000.0, 50'000.0, 100'000.0, 250'000.0, 500'000.0};
    case ControlId::FrameworkShare:
        return {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
    // Total contract values: councils' rules ask one quote below about £5k-10k and three quotes
    // up to about £25k-50k; £207,720 is the sub-central threshold (docs/routes.md).
    case ControlId::DirectAwardBelow:
        return {0.0, 5'000.0, 10'000.0, 25'000.0, 50'000.0, 100'000.0, 207'720.0, 250'000.0};
    case ControlId::QuotesBelow:
        return {0.0, 10'000.0, 25'000.0, 50'000.0, 100'000.0, 207'720.0, 250'000.0};
    default:
        return {};
    }
}

double step_value(const std::vector<double>& values, double current, int direction) {
    if (values.empty()) return current;
    if (direction > 0) {
        for (double v : values)
            if (v > current) return v;
        return std::max(current, values.back());
    }
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (*it < current) return *it;
    return std::min(current, values.front());
}

} // namespace tendersim::viz

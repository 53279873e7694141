#include "chart/layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tendersim::viz {

namespace {

unsigned scaled(unsigned px, float s) {
    return static_cast<unsigned>(std::lround(static_cast<float>(px) * s));
}

float fpx(unsigned px) {
    return static_cast<float>(px);
}

// Baseline that vertically centres a line of digits/capitals on y.
float centred_baseline(float y, unsigned px) {
    return y + fpx(px) * kCapHeight / 2.0f;
}

struct Extent {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool valid() const { return lo <= hi; }
};

} // namespace

Vec2 ChartLayout::to_pixel(double data_x, double data_y) const {
    return {static_cast<float>(x(data_x)), static_cast<float>(y(data_y))};
}

ChartStyle default_style(const Rect& area) {
    // Scale by the tighter of the two dimensions so a wide, short panel does not get text taller
    // than its plot.
    const float s = std::clamp(std::min(area.height / 720.0f, area.width / 1280.0f), 0.75f, 3.0f);
    ChartStyle d;
    ChartStyle st;
    st.title_px = scaled(d.title_px, s);
    st.subtitle_px = scaled(d.subtitle_px, s);
    st.axis_label_px = scaled(d.axis_label_px, s);
    st.tick_px = scaled(d.tick_px, s);
    st.legend_px = scaled(d.legend_px, s);
    st.line_width = d.line_width * s;
    st.baseline_width = d.baseline_width * s;
    st.padding = d.padding * s;
    st.gap = d.gap * s;
    st.tick_length = d.tick_length * s;
    st.swatch_length = d.swatch_length * s;
    return st;
}

std::string fit_text(const std::string& text, unsigned px, float max_width,
                     const TextWidthFn& width) {
    if (width(text, px) <= max_width) return text;
    const std::string ellipsis = "\u2026";
    std::string s = text;
    while (!s.empty()) {
        // Drop one whole UTF-8 character (continuation bytes are 10xxxxxx).
        do s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (width(s + ellipsis, px) <= max_width) return s + ellipsis;
    }
    return ellipsis;
}

ChartLayout compute_layout(const Rect& area, const ChartSpec& spec, const TextWidthFn& width,
                           const ChartStyle& style, const TextWidthFn& title_width) {
    ChartLayout L;
    L.area = area;
    L.style = style;
    const float pad = style.padding;
    const float gap = style.gap;
    const float left = area.left + pad;
    const float right = area.right() - pad;
    const float avail_w = std::max(1.0f, right - left);

    // --- Header, top down: title, subtitle, legend rows.
    float cursor = area.top + pad;
    L.title = {fit_text(spec.title, style.title_px, avail_w, title_width ? title_width : width),
               style.title_px,
               {left, cursor + fpx(style.title_px) * kCapHeight},
               HAlign::Left,
               false};
    cursor = L.title.pos.y + fpx(style.title_px) * kDescent + gap;
    if (!spec.subtitle.empty()) {
        L.subtitle = {fit_text(spec.subtitle, style.subtitle_px, avail_w, width),
                      style.subtitle_px,
                      {left, cursor + fpx(style.subtitle_px) * kCapHeight},
                      HAlign::Left,
                      false};
        cursor = L.subtitle.pos.y + fpx(style.subtitle_px) * kDescent + gap;
    }
    const bool any_legend = std::any_of(spec.series.begin(), spec.series.end(),
                                        [](const ChartSeries& s) { return s.in_legend; });
    if (any_legend) {
        cursor += gap * 0.5f;
        const float row_h = fpx(style.legend_px) * 1.4f;
        const float text_gap = gap;
        const float item_gap = gap * 3.0f;
        float x = left;
        float row_top = cursor;
        for (std::size_t i = 0; i < spec.series.size(); ++i) {
            if (!spec.series[i].in_legend) continue;
            const float max_text = avail_w - style.swatch_length - text_gap;
            std::string text = fit_text(spec.series[i].label, style.legend_px, max_text, width);
            const float item_w = style.swatch_length + text_gap + width(text, style.legend_px);
            if (x > left && x + item_w > right) { // wrap to a new row
                x = left;
                row_top += row_h;
            }
            const float baseline = row_top + fpx(style.legend_px) * kCapHeight;
            const float mid = baseline - fpx(style.legend_px) * kCapHeight / 2.0f;
            LegendItem item;
            item.series = i;
            item.swatch_from = {x, mid};
            item.swatch_to = {x + style.swatch_length, mid};
            item.label = {std::move(text),
                          style.legend_px,
                          {x + style.swatch_length + text_gap, baseline},
                          HAlign::Left,
                          false};
            L.legend.push_back(std::move(item));
            x += item_w + item_gap;
        }
        cursor = row_top + fpx(style.legend_px) * (kCapHeight + kDescent) + gap;
    }
    // Leave room for the top tick label, which is centred on the top gridline.
    const float plot_top = cursor + gap + fpx(style.tick_px) * kCapHeight / 2.0f;

    // --- Footer, bottom up: x-axis label, x tick labels, tick marks.
    const float x_label_baseline = area.bottom() - pad - fpx(style.axis_label_px) * kDescent;
    // No x label (the app's panels: their axis is the run's years): no room kept for it.
    const float x_label_room =
        spec.x_label.empty() ? 0.0f : fpx(style.axis_label_px) * (kCapHeight + kDescent) + gap;
    const float plot_bottom = area.bottom() - pad - x_label_room -
                              fpx(style.tick_px) * (kCapHeight + kDescent) - gap * 0.6f -
                              style.tick_length;
    const float plot_h = std::max(1.0f, plot_bottom - plot_top);

    // --- Data extents.
    Extent xs, ys;
    for (const auto& s : spec.series)
        for (const auto& p : s.points) {
            xs.add(p.x);
            ys.add(p.y);
            if (p.lo) ys.add(*p.lo);
            if (p.hi) ys.add(*p.hi);
        }
    L.has_data = xs.valid();
    if (spec.x_min) xs.add(*spec.x_min);
    if (spec.x_max) xs.add(*spec.x_max);
    if (!ys.valid()) ys = {0.0, 1.0};
    if (!xs.valid()) xs = {0.0, 1.0};

    // --- Y ticks. Bounds (0% and 100% for a share) cap the axis unless the data itself is
    // outside them: then the bound is ignored, because hiding impossible values would hide a bug.
    const double inf = std::numeric_limits<double>::infinity();
    const double bound_lo =
        spec.y_lower_bound && ys.lo >= *spec.y_lower_bound ? *spec.y_lower_bound : -inf;
    const double bound_hi =
        spec.y_upper_bound && ys.hi <= *spec.y_upper_bound ? *spec.y_upper_bound : inf;
    const double largest = std::max(std::abs(ys.lo), std::abs(ys.hi));
    const ValueDomain domain = value_domain(ys.lo, ys.hi, minimum_axis_span(spec.y_span, largest),
                                            spec.y_span.from_zero, bound_lo, bound_hi);
    double lo = domain.lo, hi = domain.hi;
    if (lo == hi) {
        // A flat series with no span rule (an unknown metric): all zeros reads best on [0, 1]
        // (counts and shares are non-negative); otherwise +/-10% around the value.
        if (lo == 0.0) {
            hi = std::min(1.0, bound_hi);
        } else {
            const double p = std::abs(lo) * 0.1;
            lo = std::max(lo - p, bound_lo);
            hi = std::min(hi + p, bound_hi);
        }
        if (lo == hi) hi = lo + 1.0; // only if bounds pin both sides, which [0, 1] cannot
    }
    const int y_target =
        std::clamp(static_cast<int>(std::lround(plot_h / (fpx(style.tick_px) * 5.0f))), 3, 8);
    Ticks yt = nice_ticks(lo, hi, y_target);
    {
        const double eps = yt.step * 1e-6;
        std::erase_if(yt.values,
                      [&](double v) { return v < bound_lo - eps || v > bound_hi + eps; });
        yt.lo = yt.values.front();
        yt.hi = yt.values.back();
    }
    const auto y_labels = format_ticks(yt, spec.y_unit);
    float y_label_w = 0.0f;
    for (const auto& s : y_labels) y_label_w = std::max(y_label_w, width(s, style.tick_px));

    // --- Horizontal extent: rotated y-axis label, y tick labels, plot.
    // No y label (the app's panels put it under the title): no band kept for it.
    const float axis_band = spec.y_label.empty()
                                ? 0.0f
                                : fpx(style.axis_label_px) * (kCapHeight + kDescent) + gap * 1.5f;
    const float plot_left = left + axis_band + y_label_w + gap;

    // X ticks: integer years inside the data range only.
    const int x_lo = static_cast<int>(std::floor(xs.lo));
    const int x_hi = static_cast<int>(std::ceil(xs.hi));
    const float widest_year = std::max(width(std::to_string(x_lo), style.tick_px),
                                       width(std::to_string(x_hi), style.tick_px));
    const float plot_right = area.right() - std::max(pad, widest_year / 2.0f + gap);
    const float plot_w = std::max(1.0f, plot_right - plot_left);
    L.plot = {plot_left, plot_top, plot_w, plot_h};

    const int x_target =
        std::clamp(static_cast<int>(plot_w / (widest_year + 3.0f * fpx(style.tick_px))) + 1, 2, 24);
    Ticks xt = integer_ticks(x_lo, x_hi, x_target);
    if (!spec.x_ticks.empty()) {
        xt.values.clear();
        for (double v : spec.x_ticks)
            if (v >= xs.lo && v <= xs.hi) xt.values.push_back(v);
    }
    // A single year is drawn in the middle of the axis.
    const double dx_lo = x_lo == x_hi ? x_lo - 0.5 : xs.lo;
    const double dx_hi = x_lo == x_hi ? x_hi + 0.5 : xs.hi;
    L.x = LinearScale(dx_lo, dx_hi, plot_left, plot_left + plot_w);
    L.y = LinearScale(yt.lo, yt.hi, plot_top + plot_h, plot_top);

    for (const ChartRule& rule : spec.rules) {
        if (rule.x < dx_lo || rule.x > dx_hi) continue;
        ChartLayout::RuleMark r;
        r.x = static_cast<float>(L.x(rule.x));
        // Right of the rule, or left of it when the rule is in the plot's right half.
        const bool on_right = r.x < plot_left + plot_w / 2.0f;
        // Each further rule's label one line lower, so two policy starts do not overprint.
        const float line = fpx(style.tick_px) * (kCapHeight + kDescent) + gap;
        r.label = {
            fit_text(rule.label, style.tick_px, plot_w / 2.0f - gap, width),
            style.tick_px,
            {on_right ? r.x + gap : r.x - gap, plot_top + fpx(style.tick_px) * kCapHeight + gap +
                                                   line * static_cast<float>(L.rules.size())},
            on_right ? HAlign::Left : HAlign::Right,
            false};
        L.rules.push_back(std::move(r));
    }

    for (std::size_t i = 0; i < yt.values.size(); ++i) {
        TickMark t;
        t.value = yt.values[i];
        t.pos = static_cast<float>(L.y(t.value));
        t.label = {y_labels[i],
                   style.tick_px,
                   {plot_left - gap, centred_baseline(t.pos, style.tick_px)},
                   HAlign::Right,
                   false};
        L.y_ticks.push_back(std::move(t));
    }
    const float x_tick_baseline =
        plot_top + plot_h + style.tick_length + gap * 0.6f + fpx(style.tick_px) * kCapHeight;
    for (double v : xt.values) {
        TickMark t;
        t.value = v;
        t.pos = static_cast<float>(L.x(v));
        // Years are identifiers, not quantities: no thousands separator.
        t.label = {std::to_string(static_cast<long long>(std::llround(v))),
                   style.tick_px,
                   {t.pos, x_tick_baseline},
                   HAlign::Centre,
                   false};
        L.x_ticks.push_back(std::move(t));
    }

    L.x_label = {fit_text(spec.x_label, style.axis_label_px, plot_w, width),
                 style.axis_label_px,
                 {plot_left + plot_w / 2.0f, x_label_baseline},
                 HAlign::Centre,
                 false};
    // The rotated y label is centred on the plot; a label longer than the plot (small panels)
    // starts at the plot top and runs down into the empty corner beside the x-axis labels.
    {
        const float room = std::max(plot_h, area.bottom() - pad - plot_top);
        std::string text = fit_text(spec.y_label, style.axis_label_px, room, width);
        const float len = width(text, style.axis_label_px);
        const float centre = len <= plot_h ? plot_top + plot_h / 2.0f : plot_top + len / 2.0f;
        L.y_label = {std::move(text),
                     style.axis_label_px,
                     {left + fpx(style.axis_label_px) * kCapHeight / 2.0f, centre},
                     HAlign::Centre,
                     true};
    }
    L.no_data = {"No data",
                 style.axis_label_px,
                 {plot_left + plot_w / 2.0f,
                  centred_baseline(plot_top + plot_h / 2.0f, style.axis_label_px)},
                 HAlign::Centre,
                 false};
    return L;
}

} // namespace tendersim::viz

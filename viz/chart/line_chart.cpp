#include "chart/line_chart.hpp"

#include "chart/geometry.hpp"
#include "chart/text_log.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <algorithm>
#include <cmath>

namespace tendersim::viz {

namespace {

sf::String utf8(const std::string& s) {
    return sf::String::fromUtf8(s.begin(), s.end());
}

float advance_width(const sf::Text& t) {
    return t.findCharacterPos(t.getString().getSize()).x - t.findCharacterPos(0).x;
}

void fill_rect(sf::RenderTarget& target, float x, float y, float w, float h, sf::Color c) {
    sf::RectangleShape r({w, h});
    r.setPosition(x, y);
    r.setFillColor(c);
    target.draw(r);
}

void draw_strip(sf::RenderTarget& target, const std::vector<Vec2>& strip, sf::Color c) {
    if (strip.empty()) return;
    sf::VertexArray va(sf::TriangleStrip, strip.size());
    for (std::size_t i = 0; i < strip.size(); ++i) va[i] = sf::Vertex({strip[i].x, strip[i].y}, c);
    target.draw(va);
}

void draw_dot(sf::RenderTarget& target, Vec2 p, float radius, sf::Color c) {
    sf::CircleShape dot(radius, 24);
    dot.setOrigin(radius, radius);
    dot.setPosition(p.x, p.y);
    dot.setFillColor(c);
    target.draw(dot);
}

// Bands are drawn per run of consecutive points that have one: a year with a single replicate
// breaks the band rather than pretending to certainty there.
void draw_band(sf::RenderTarget& target, const ChartLayout& L, const ChartSeries& s, sf::Color c) {
    std::vector<Vec2> lower, upper;
    auto flush = [&] {
        draw_strip(target, band_strip(lower, upper), c);
        lower.clear();
        upper.clear();
    };
    for (const auto& p : s.points) {
        if (p.lo && p.hi) {
            lower.push_back(L.to_pixel(p.x, *p.lo));
            upper.push_back(L.to_pixel(p.x, *p.hi));
        } else {
            flush();
        }
    }
    flush();
}

void draw_series_line(sf::RenderTarget& target, const ChartLayout& L, const ChartSeries& s,
                      float width, sf::Color c) {
    std::vector<Vec2> pts;
    pts.reserve(s.points.size());
    for (const auto& p : s.points) pts.push_back(L.to_pixel(p.x, p.y));
    if (pts.size() == 1) {
        draw_dot(target, pts[0], width * 1.2f, c); // a lone year still shows
        return;
    }
    draw_strip(target, thick_polyline_strip(pts, width), c);
    // Round caps at the ends, so lines do not look cut off at the first and last year.
    if (!pts.empty() && c.a == 255) {
        draw_dot(target, pts.front(), width / 2.0f, c);
        draw_dot(target, pts.back(), width / 2.0f, c);
    }
}

// The baseline: thin and dashed, so it reads as a reference line, never as a band.
void draw_dashed_line(sf::RenderTarget& target, std::span<const Vec2> pts, float width,
                      sf::Color c) {
    for (const auto& dash : dashed_polyline(pts, 4.0f * width, 2.5f * width))
        draw_strip(target, thick_polyline_strip(dash, width), c);
}

void draw_baseline_series(sf::RenderTarget& target, const ChartLayout& L, const ChartSeries& s,
                          float width, sf::Color c) {
    std::vector<Vec2> pts;
    pts.reserve(s.points.size());
    for (const auto& p : s.points) pts.push_back(L.to_pixel(p.x, p.y));
    if (pts.size() == 1) {
        draw_dot(target, pts[0], width * 1.2f, c);
        return;
    }
    draw_dashed_line(target, pts, width, c);
}

} // namespace

sf::Color to_sf(Rgba c) {
    return sf::Color(c.r, c.g, c.b, c.a);
}

TextWidthFn sfml_text_width(const sf::Font& font) {
    return [&font](std::string_view s, unsigned px) {
        const std::string str(s);
        const sf::Text t(utf8(str), font, px);
        return advance_width(t);
    };
}

void draw_text(sf::RenderTarget& target, const sf::Font& font, const TextItem& item,
               sf::Color colour, sf::Uint32 style) {
    if (item.text.empty()) return;
    sf::Text text(utf8(item.text), font, item.px);
    text.setStyle(style);
    text.setFillColor(colour);
    const float w = advance_width(text);
    const float px = static_cast<float>(item.px);
    const float shift = item.align == HAlign::Centre  ? w / 2.0f
                        : item.align == HAlign::Right ? w
                                                      : 0.0f;
    // Positions are rounded to whole pixels: glyphs placed at fractional positions are
    // resampled and come out blurred, which is the first thing a projector exaggerates.
    if (!item.vertical) {
        // SFML puts the first baseline one character size below the text's origin.
        text.setPosition(std::round(item.pos.x - shift), std::round(item.pos.y - px));
    } else {
        text.setOrigin(std::round(w / 2.0f), std::round(px - px * kCapHeight / 2.0f));
        text.setPosition(std::round(item.pos.x), std::round(item.pos.y));
        text.setRotation(-90.0f);
    }
    target.draw(text);
    if (text_log_active()) {
        const sf::FloatRect b = text.getGlobalBounds();
        log_text(item.text, {b.left, b.top, b.width, b.height}, item.px);
    }
}

void draw_line_chart(sf::RenderTarget& target, sf::FloatRect area, const ChartSpec& spec,
                     const sf::Font& font) {
    const Rect r{area.left, area.top, area.width, area.height};
    draw_line_chart(target, area, spec, font, default_style(r), Theme{});
}

void draw_line_chart(sf::RenderTarget& target, sf::FloatRect area, const ChartSpec& spec,
                     const sf::Font& font, const ChartStyle& style, const Theme& theme,
                     const sf::Font* title_font) {
    const Rect r{area.left, area.top, area.width, area.height};
    const ChartLayout L =
        compute_layout(r, spec, sfml_text_width(font), style,
                       title_font != nullptr ? sfml_text_width(*title_font) : TextWidthFn{});
    const sf::Color text = to_sf(theme.text);
    const sf::Color muted = to_sf(theme.muted_text);
    const sf::Color axis = to_sf(theme.axis);
    const float hair = std::max(1.0f, std::round(style.line_width / 4.0f));

    fill_rect(target, area.left, area.top, area.width, area.height, to_sf(theme.background));

    // Gridlines first so that everything else sits on top of them.
    for (const auto& t : L.y_ticks) {
        const float y = std::round(t.pos);
        const bool zero = t.value == 0.0 && y > L.plot.top + 0.5f && y < L.plot.bottom() - 0.5f;
        fill_rect(target, L.plot.left, y - std::floor(hair / 2.0f), L.plot.width, hair,
                  zero ? axis : to_sf(theme.grid));
        draw_text(target, font, t.label, text);
    }
    const float axis_y = std::round(L.plot.bottom());
    for (const auto& t : L.x_ticks) {
        const float x = std::round(t.pos);
        fill_rect(target, x - std::floor(hair / 2.0f), axis_y, hair, style.tick_length, axis);
        draw_text(target, font, t.label, text);
    }

    const Rgba bg = theme.background;
    if (L.has_data) {
        // Bands first, the baseline's (its spread over seeds, when it has one) beneath.
        const auto band_of = [](const ChartSeries& s) {
            return to_sf(s.band_colour ? *s.band_colour : band_style(s.colour));
        };
        for (const auto& s : spec.series)
            if (s.baseline) draw_band(target, L, s, band_of(s));
        for (const auto& s : spec.series)
            if (!s.baseline) draw_band(target, L, s, band_of(s));
        for (const auto& s : spec.series)
            if (!s.baseline)
                draw_series_line(target, L, s, style.line_width, to_sf(line_style(s.colour, bg)));
        // Over the current lines: where the runs agree the dashes show inside the current line
        // instead of vanishing beneath it.
        for (const auto& s : spec.series)
            if (s.baseline)
                draw_baseline_series(target, L, s, style.baseline_width,
                                     to_sf(baseline_style(s.colour, bg)));
        for (const auto& s : spec.series)
            if (s.markers)
                for (const auto& p : s.points)
                    draw_dot(target, L.to_pixel(p.x, p.y), style.line_width * 1.4f,
                             to_sf(s.baseline ? baseline_style(s.colour, bg)
                                              : line_style(s.colour, bg)));
    } else {
        draw_text(target, font, L.no_data, muted);
    }
    // Rules (a policy start): dashed, in the axis colour, labelled at the top.
    for (const auto& rule : L.rules) {
        const float dash = std::max(4.0f, style.tick_length * 1.5f);
        for (float y = L.plot.top; y < L.plot.bottom(); y += 2.0f * dash)
            fill_rect(target, std::round(rule.x) - std::floor(hair / 2.0f), y, hair,
                      std::min(dash, L.plot.bottom() - y), axis);
        draw_text(target, font, rule.label, text);
    }
    // The x axis line goes over the bands so a band touching the bottom does not hide it.
    fill_rect(target, L.plot.left, axis_y - std::floor(hair / 2.0f), L.plot.width, hair, axis);

    if (title_font != nullptr)
        draw_text(target, *title_font, L.title, text);
    else
        draw_text(target, font, L.title, text, sf::Text::Bold);
    draw_text(target, font, L.subtitle, muted);
    draw_text(target, font, L.x_label, text);
    draw_text(target, font, L.y_label, text);

    for (const auto& item : L.legend) {
        const ChartSeries& s = spec.series[item.series];
        const bool has_band = std::any_of(s.points.begin(), s.points.end(),
                                          [](const ChartPoint& p) { return p.lo.has_value(); });
        if (has_band && !s.baseline) {
            const float h = static_cast<float>(item.label.px) * 0.8f;
            fill_rect(target, item.swatch_from.x, item.swatch_from.y - h / 2.0f,
                      item.swatch_to.x - item.swatch_from.x, h,
                      to_sf(s.band_colour ? *s.band_colour : band_style(s.colour)));
        }
        const Vec2 seg[2] = {item.swatch_from, item.swatch_to};
        if (s.baseline)
            draw_dashed_line(target, seg, style.baseline_width,
                             to_sf(baseline_style(s.colour, bg)));
        else
            draw_strip(target, thick_polyline_strip(seg, style.line_width),
                       to_sf(line_style(s.colour, bg)));
        draw_text(target, font, item.label, text);
    }
}

} // namespace tendersim::viz

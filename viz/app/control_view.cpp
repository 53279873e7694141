#include "app/control_view.hpp"

#include "app/text_format.hpp"
#include "chart/line_chart.hpp"
#include "chart/palette.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <cmath>
#include <cstdio>

namespace tendersim::viz {

namespace {

const sf::Color kBar(0xF3, 0xF4, 0xF6);
const sf::Color kText(0x11, 0x11, 0x11);
const sf::Color kMuted(0x55, 0x55, 0x55);
const sf::Color kButton(0x2B, 0x33, 0x3D);
const sf::Color kButtonHot(0x44, 0x50, 0x5E);
const sf::Color kPlay = to_sf(okabe_ito::green);
const sf::Color kTrack(0xC4, 0xC8, 0xCE);
const sf::Color kOn = to_sf(okabe_ito::green);
const sf::Color kPending(0xA0, 0x4A, 0x00); // dark vermillion: readable as text on light grey

void rect(sf::RenderTarget& t, const Rect& r, sf::Color fill,
          sf::Color outline = sf::Color::Transparent, float outline_w = 0.0f) {
    sf::RectangleShape s({r.width, r.height});
    s.setPosition(r.left, r.top);
    s.setFillColor(fill);
    if (outline_w > 0.0f) {
        s.setOutlineColor(outline);
        s.setOutlineThickness(-outline_w);
    }
    t.draw(s);
}

void disc(sf::RenderTarget& t, Vec2 c, float r, sf::Color fill,
          sf::Color outline = sf::Color::Transparent, float outline_w = 0.0f) {
    sf::CircleShape s(r, 32);
    s.setOrigin(r, r);
    s.setPosition(c.x, c.y);
    s.setFillColor(fill);
    if (outline_w > 0.0f) {
        s.setOutlineColor(outline);
        s.setOutlineThickness(-outline_w);
    }
    t.draw(s);
}

// A pill: two discs and a rectangle.
void pill(sf::RenderTarget& t, const Rect& r, sf::Color fill) {
    const float rad = r.height / 2.0f;
    disc(t, {r.left + rad, r.top + rad}, rad, fill);
    disc(t, {r.right() - rad, r.top + rad}, rad, fill);
    rect(t, {r.left + rad, r.top, r.width - 2.0f * rad, r.height}, fill);
}

// Text centred in a box (cap height centred vertically).
void centred(sf::RenderTarget& t, const sf::Font& f, const std::string& s, unsigned px,
             const Rect& box, sf::Color c) {
    const float baseline = box.top + box.height / 2.0f + static_cast<float>(px) * kCapHeight / 2.0f;
    draw_text(t, f, {s, px, {box.left + box.width / 2.0f, baseline}, HAlign::Centre, false}, c);
}

std::string speed_text(double v) {
    if (v >= kMaxSpeed) return "fastest";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf) + (v == 1.0 ? " year/s" : " years/s");
}

} // namespace

std::string play_button_text(const ControlState& s) {
    if (s.year >= s.horizon) return "End";
    return s.playing ? "\u275A\u275A Pause" : "\u25B6 Play";
}

std::string control_value_text(ControlId id, const ControlState& s) {
    const PolicyControls& c = s.controls;
    switch (id) {
    case ControlId::PlayPause:
        return play_button_text(s);
    case ControlId::Step:
        return "Step";
    case ControlId::Reset:
        return "Reset";
    case ControlId::Speed:
        return speed_text(s.speed);
    case ControlId::Seed:
        return std::to_string(s.base_seed);
    case ControlId::SocialValue:
        return percent_text(c.social_value_weight);
    case ControlId::PriceWeight:
        return percent_text(c.price_weight) + " / " + percent_text(1.0 - c.price_weight);
    case ControlId::OutcomeShare:
        return percent_text(c.outcome_spec_share);
    case ControlId::LotThreshold:
        return c.lot_threshold_gbp > 0.0 ? money_text(c.lot_threshold_gbp) : "Off";
    case ControlId::SmeReserve:
        return c.sme_reserve ? "On" : "Off";
    case ControlId::SmeThreshold:
        return money_text(c.sme_reserve_threshold_gbp);
    case ControlId::SharedBackOffice:
        return c.shared_back_office ? "On" : "Off";
    }
    return {};
}

std::vector<std::string> wrap_text(const std::string& text, unsigned px, float width,
                                   const sf::Font& font) {
    const TextWidthFn measure = sfml_text_width(font);
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t sp = text.find(' ', i);
        const std::string word =
            text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && measure(candidate, px) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        if (sp == std::string::npos) break;
        i = sp + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

void draw_control_bar(sf::RenderTarget& t, const ControlPanelLayout& L, const ControlState& s,
                      const sf::Font& font, const sf::Font& bold) {
    rect(t, L.area, kBar);
    const unsigned tp = L.text_px;
    const float sc = L.scale;
    const bool ended = s.year >= s.horizon;

    for (const Widget& w : L.widgets) {
        const bool hot = s.hot && *s.hot == w.id;
        switch (w.kind) {
        case WidgetKind::Button: {
            sf::Color fill = hot ? kButtonHot : kButton;
            if (w.id == ControlId::PlayPause && !s.playing && !ended) fill = kPlay;
            if (w.id == ControlId::PlayPause && ended) fill = kTrack;
            rect(t, w.face, fill);
            centred(t, bold, control_value_text(w.id, s), tp, w.face, sf::Color::White);
            break;
        }
        case WidgetKind::Slider: {
            draw_text(t, font, {w.label, tp, w.label_pos, HAlign::Left, false}, kText);
            const bool changed =
                w.id == ControlId::SocialValue
                    ? s.controls.social_value_weight != s.applied.social_value_weight
                : w.id == ControlId::PriceWeight
                    ? s.controls.price_weight != s.applied.price_weight
                    : s.controls.outcome_spec_share != s.applied.outcome_spec_share;
            draw_text(t, bold, {control_value_text(w.id, s), tp, w.value_pos, HAlign::Right, false},
                      changed ? kPending : kText);
            const SliderRange range = slider_range(w.id);
            const double v = w.id == ControlId::SocialValue   ? s.controls.social_value_weight
                             : w.id == ControlId::PriceWeight ? s.controls.price_weight
                                                              : s.controls.outcome_spec_share;
            const float inset = slider_inset(w.face);
            const float cy = std::round(w.face.top + w.face.height / 2.0f);
            const float th = std::max(3.0f, std::round(7.0f * sc));
            const float x0 = w.face.left + inset, x1 = w.face.right() - inset;
            const float kx = slider_x(w.face, v, range);
            pill(t, {x0 - th / 2, cy - th / 2, x1 - x0 + th, th}, kTrack);
            pill(t, {x0 - th / 2, cy - th / 2, kx - x0 + th, th}, kButton);
            const float kr = std::round(w.face.height * 0.3f);
            disc(t, {kx, cy}, kr, hot ? sf::Color(0xFF, 0xF4, 0xD6) : sf::Color::White, kButton,
                 std::max(2.0f, 3.0f * sc));
            break;
        }
        case WidgetKind::Stepper: {
            const bool dim = w.id == ControlId::SmeThreshold && !s.controls.sme_reserve;
            draw_text(t, font, {w.label, tp, w.label_pos, HAlign::Left, false},
                      dim ? kMuted : kText);
            const sf::Color btn = hot ? kButtonHot : kButton;
            rect(t, w.minus, btn);
            rect(t, w.plus, btn);
            centred(t, bold, "\u2212", tp + 4, w.minus, sf::Color::White);
            centred(t, bold, "+", tp + 4, w.plus, sf::Color::White);
            rect(t, w.face, sf::Color::White, kTrack, std::max(1.0f, std::round(2.0f * sc)));
            centred(t, bold, control_value_text(w.id, s), tp, w.face, dim ? kMuted : kText);
            break;
        }
        case WidgetKind::Toggle: {
            draw_text(t, font, {w.label, tp, w.label_pos, HAlign::Left, false}, kText);
            const bool on = w.id == ControlId::SmeReserve ? s.controls.sme_reserve
                                                          : s.controls.shared_back_office;
            pill(t, w.face, on ? kOn : kTrack);
            const float r = w.face.height / 2.0f - std::max(2.0f, 3.0f * sc);
            const float cx =
                on ? w.face.right() - w.face.height / 2.0f : w.face.left + w.face.height / 2.0f;
            disc(t, {cx, w.face.top + w.face.height / 2.0f}, r, sf::Color::White);
            const unsigned sp = tp;
            const Rect label_box =
                on ? Rect{w.face.left, w.face.top, w.face.width - w.face.height, w.face.height}
                   : Rect{w.face.left + w.face.height, w.face.top, w.face.width - w.face.height,
                          w.face.height};
            centred(t, bold, on ? "ON" : "OFF", sp, label_box, on ? sf::Color::White : kText);
            break;
        }
        }
    }

    draw_text(t, bold, {"Policy levers", L.heading_px, L.policy_heading, HAlign::Left, false},
              kText);
    draw_text(t, font,
              {"They apply from the next year", L.small_px, L.policy_note, HAlign::Left, false},
              kMuted);

    // Status: what is pending, then what changed so far (newest last), as many as fit.
    const float line_h = static_cast<float>(L.small_px) * 1.35f;
    std::vector<std::pair<std::string, sf::Color>> lines;
    if (s.controls != s.applied) {
        const std::string what = describe_change(s.applied, s.controls);
        const std::string when = ended ? "Pending (the run has ended): "
                                       : "From year " + std::to_string(s.year + 1) + ": ";
        for (auto& l : wrap_text(when + what, L.small_px, L.status.width, font))
            lines.emplace_back(std::move(l), kPending);
    }
    std::vector<std::pair<std::string, sf::Color>> log;
    for (const auto& c : s.changes) {
        const std::string text = "Year " + std::to_string(c.year) + ": " + c.text +
                                 (c.from_scenario ? " (scenario)" : "");
        for (auto& l : wrap_text(text, L.small_px, L.status.width, font))
            log.emplace_back(std::move(l), kText);
    }
    const auto room = static_cast<std::size_t>(std::max(0.0f, L.status.height / line_h));
    // The heading only with at least one change under it (a short window has room for neither).
    if (!log.empty() && room > lines.size() + 1) {
        lines.emplace_back("Policy changes in this run:", kMuted);
        const std::size_t keep = room - lines.size();
        const std::size_t first = log.size() > keep ? log.size() - keep : 0;
        for (std::size_t i = first; i < log.size(); ++i) lines.push_back(log[i]);
    }
    float y = L.status.top + static_cast<float>(L.small_px) * kCapHeight;
    for (const auto& [text, colour] : lines) {
        if (y > L.status.bottom()) break;
        draw_text(t, font, {text, L.small_px, {L.status.left, y}, HAlign::Left, false}, colour);
        y += line_h;
    }

    float hy = L.help.top + static_cast<float>(L.small_px) * kCapHeight;
    for (std::size_t i = 0; i < L.help_lines; ++i) {
        draw_text(t, font,
                  {control_help_lines()[i], L.small_px, {L.help.left, hy}, HAlign::Left, false},
                  kMuted);
        hy += line_h;
    }
}

} // namespace tendersim::viz

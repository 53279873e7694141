#include "app/control_view.hpp"

#include "app/lever_notes.hpp"
#include "app/score_split.hpp"
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
    // Annual contract values; "/yr" because the stepper's box is narrow (tooltips say "a year").
    case ControlId::LotThreshold:
        return c.lot_threshold_gbp > 0.0 ? money_text(c.lot_threshold_gbp) + "/yr" : "Off";
    case ControlId::SmeReserve:
        return c.sme_reserve ? "On" : "Off";
    case ControlId::SmeThreshold:
        return money_text(c.sme_reserve_threshold_gbp) + "/yr";
    case ControlId::SharedBackOffice:
        return c.shared_back_office ? "On" : "Off";
    // Below a total contract value, unlike the annual thresholds above: "<", no "/yr".
    case ControlId::FrameworkShare:
        return s.has_frameworks ? percent_text(c.framework_share) : "none";
    case ControlId::DirectAwardBelow:
        return c.direct_award_threshold_gbp > 0.0 ? "<" + money_text(c.direct_award_threshold_gbp)
                                                  : "Off";
    case ControlId::QuotesBelow:
        return c.quote_threshold_gbp > 0.0 ? "<" + money_text(c.quote_threshold_gbp) : "Off";
    }
    return {};
}

bool stepper_dimmed(ControlId id, const ControlState& s) {
    return (id == ControlId::SmeThreshold && !s.controls.sme_reserve) ||
           control_disabled(id, s.has_frameworks);
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
            const bool dim = stepper_dimmed(w.id, s);
            // A lever that can do nothing in this scenario: its buttons greyed too.
            const bool disabled = control_disabled(w.id, s.has_frameworks);
            draw_text(t, font, {w.label, tp, w.label_pos, HAlign::Left, false},
                      dim ? kMuted : kText);
            const sf::Color btn = disabled ? kTrack : hot ? kButtonHot : kButton;
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

    // The score's effective split for the levers as set: price, quality, social value.
    {
        const ScoreSplit split = score_split(s.controls);
        draw_text(t, font, {score_split_text(split), L.small_px, L.split_text, HAlign::Left, false},
                  kMuted);
        const Rect& b = L.split_bar;
        float x = b.left;
        const double shares[3] = {split.price, split.quality, split.social_value};
        const sf::Color colours[3] = {kButton, kTrack, kOn};
        for (int i = 0; i < 3; ++i) {
            const float w =
                i == 2 ? b.right() - x : std::round(static_cast<float>(shares[i]) * b.width);
            if (w > 0.0f) rect(t, {x, b.top, w, b.height}, colours[i]);
            x += w;
        }
    }

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
    std::size_t latest = 0; // lines of the newest entry
    for (const auto& c : s.changes) {
        const std::string text = "Year " + std::to_string(c.year) + ": " + c.text +
                                 (c.from_scenario ? " (scenario)" : "");
        latest = 0;
        for (auto& l : wrap_text(text, L.small_px, L.status.width, font)) {
            log.emplace_back(std::move(l), kText);
            ++latest;
        }
    }
    // Why: the latest change's main effect in the model, for its first lever (lever_notes.hpp).
    std::vector<std::pair<std::string, sf::Color>> why;
    if (!s.changes.empty()) {
        const auto levers = levers_in_change(s.changes.back().text);
        if (!levers.empty())
            if (const auto note = lever_note(levers.front()))
                for (auto& l :
                     wrap_text(std::string(note->effect), L.small_px, L.status.width, font))
                    why.emplace_back(std::move(l), kMuted);
    }
    // The explanation is what the room needs after a change: the key help gives up lines for it
    // (from its end), and it is shown whole or not at all, never at the cost of the latest change.
    const auto lines_in = [&](float h) {
        return static_cast<std::size_t>(std::max(0.0f, std::floor(h / line_h)));
    };
    const float gap = L.help.top - L.status.bottom(); // between status and help
    const auto room_with_help = [&](std::size_t help) {
        const float help_top = L.help.bottom() - line_h * static_cast<float>(help);
        return lines_in(help_top - (help > 0 ? gap : 0.0f) - L.status.top);
    };
    // The latest change, whole, comes before the key help too (the bar has less room since the
    // route levers); for the explanation the heading goes as well ("Year 5: ..." says what it is).
    bool heading = !log.empty();
    const auto change_needs = [&] { return lines.size() + (heading ? 1u : 0u) + latest; };
    const auto help_for = [&](std::size_t needed) {
        std::size_t help = L.help_lines;
        while (help > 0 && room_with_help(help) < needed) --help;
        return help;
    };
    std::size_t help_shown = help_for(change_needs() + why.size());
    if (!why.empty() && room_with_help(help_shown) < change_needs() + why.size()) {
        heading = false;
        help_shown = help_for(change_needs() + why.size());
        if (room_with_help(help_shown) < change_needs() + why.size()) {
            heading = !log.empty();
            why.clear();
            help_shown = help_for(change_needs());
        }
    }
    const std::size_t room = room_with_help(help_shown);
    // The heading only with at least one change under it (a short window has room for neither).
    if (!log.empty() && room > lines.size() + (heading ? 1u : 0u)) {
        if (heading) lines.emplace_back("Policy changes in this run:", kMuted);
        const std::size_t keep = room - lines.size() - why.size();
        const std::size_t first = log.size() > keep ? log.size() - keep : 0;
        for (std::size_t i = first; i < log.size(); ++i) lines.push_back(log[i]);
        for (auto& l : why) lines.push_back(std::move(l));
    }
    float y = L.status.top + static_cast<float>(L.small_px) * kCapHeight;
    for (std::size_t i = 0; i < lines.size() && i < room; ++i) {
        draw_text(t, font, {lines[i].first, L.small_px, {L.status.left, y}, HAlign::Left, false},
                  lines[i].second);
        y += line_h;
    }

    float hy = L.help.bottom() - line_h * static_cast<float>(help_shown) +
               static_cast<float>(L.small_px) * kCapHeight;
    for (std::size_t i = 0; i < help_shown; ++i) {
        draw_text(t, font,
                  {control_help_lines()[i], L.small_px, {L.help.left, hy}, HAlign::Left, false},
                  kMuted);
        hy += line_h;
    }
}

} // namespace tendersim::viz

#include "app/scene.hpp"

#include "app/control_view.hpp"
#include "app/hover_text.hpp"
#include "app/lever_notes.hpp"
#include "app/panels.hpp"
#include "app/seed_spread.hpp"
#include "app/text_format.hpp"
#include "chart/line_chart.hpp"
#include "chart/palette.hpp"
#include "chart/text_log.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace tendersim::viz {

namespace {

// The white, outlined box behind a tooltip's lines (chart, market and lever tooltips).
void draw_tooltip_frame(sf::RenderTarget& t, const Rect& r, float scale) {
    sf::RectangleShape box({r.width, r.height});
    box.setPosition(r.left, r.top);
    box.setFillColor(sf::Color(0xFF, 0xFF, 0xFF, 245));
    box.setOutlineColor(sf::Color(0x33, 0x33, 0x33));
    box.setOutlineThickness(std::max(1.0f, 2.0f * scale));
    t.draw(box);
}

const sf::Color kBackground(0xD5, 0xD9, 0xDE); // between panels
const sf::Color kTitleBar(0x1F, 0x29, 0x33);
const sf::Color kTitleText(0xFF, 0xFF, 0xFF);
const sf::Color kTitleMuted(0xC8, 0xD0, 0xD8);
const sf::Color kYear = to_sf(okabe_ito::yellow); // the one bright thing in the bar
const sf::Color kText(0x11, 0x11, 0x11);

void fill(sf::RenderTarget& t, const Rect& r, sf::Color c) {
    sf::RectangleShape s({r.width, r.height});
    s.setPosition(r.left, r.top);
    s.setFillColor(c);
    t.draw(s);
}

float text_w(const sf::Font& f, const std::string& s, unsigned px) {
    return sfml_text_width(f)(s, px);
}

// The floor only keeps text from vanishing in a tiny window: the design sizes are what make text
// readable (at least 14 px from 1024x768 up).
unsigned spx(float design, float scale) {
    return scaled_px(design, scale, 8);
}

} // namespace

Scene::Scene(const sf::Font& font, const sf::Font& bold) : font_(font), bold_(bold) {
    for (auto* b : {&front_, &back_}) {
        *b = std::make_unique<Buffer>();
        (*b)->view = std::make_unique<MarketView>();
    }
}

namespace {

// A render texture of the given rect, viewing the same window coordinates.
void create_cache(sf::RenderTexture& rt, const Rect& r) {
    const auto w = std::max(1u, static_cast<unsigned>(std::lround(r.width)));
    const auto h = std::max(1u, static_cast<unsigned>(std::lround(r.height)));
    // Not multisampled: software GL multisamples slowly (a chart panel took ~15x as long). The
    // market's circles are antialiased by their texture, the charts by supersampling.
    if (!rt.create(w, h))
        throw std::runtime_error("cannot create a " + std::to_string(w) + "x" + std::to_string(h) +
                                 " render texture");
    rt.setView(
        sf::View(sf::FloatRect(r.left, r.top, static_cast<float>(w), static_cast<float>(h))));
    rt.clear(kBackground);
    rt.display();
}

} // namespace

void Scene::resize(unsigned width, unsigned height, float ui_scale) {
    layout_ = compute_app_layout(static_cast<float>(width), static_cast<float>(height), ui_scale);
    controls_ = layout_control_panel(layout_.control_bar, layout_.scale);
    const float s = layout_.scale;
    const Rect& mv = layout_.market_view;
    const float legend_h = std::round(44.0f * s);
    const float pad = std::round(6.0f * s);
    legend_strip_ = {mv.left, mv.bottom() - legend_h, mv.width, legend_h};
    market_area_ = {mv.left + pad, mv.top + pad, mv.width - 2 * pad,
                    std::max(1.0f, mv.height - legend_h - pad)};
    // Bounding box of all panels (with three columns the last panel is not the bottom-right one).
    float right = 0, bottom = 0;
    for (const auto& c : layout_.charts)
        right = std::max(right, c.right()), bottom = std::max(bottom, c.bottom());
    const Rect& first = layout_.charts.front();
    charts_area_ = {first.left, first.top, right - first.left, bottom - first.top};
    for (Buffer* b : {front_.get(), back_.get()}) {
        create_cache(b->market, mv);
        create_cache(b->charts, charts_area_);
        b->snap.reset();
        b->view->rebuild(nullptr, market_area_, s);
    }
    float pw = 0, ph = 0;
    for (const auto& r : layout_.charts) pw = std::max(pw, r.width), ph = std::max(ph, r.height);
    create_cache(panel_2x_, {0, 0, 2 * pw, 2 * ph});
    panel_2x_.setSmooth(true); // bilinear at exactly half size is a 2x2 box filter
    next_piece_ = -1;
    // The old pictures are the wrong size: redraw now rather than show blank panels.
    flush();
}

void Scene::set_snapshot(std::shared_ptr<const Snapshot> snap) {
    latest_ = std::move(snap);
    if (next_piece_ < 0) start_refresh();
    // Nothing on screen yet (start-up): draw it all now instead of a blank first frames.
    if (!front_->snap) flush();
}

void Scene::start_refresh() {
    if (!latest_ || (latest_ == front_->snap && !force_refresh_)) return;
    force_refresh_ = false;
    back_->snap = latest_;
    back_->view->rebuild(back_->snap->market, market_area_, layout_.scale);
    next_piece_ = 0;
}

void Scene::draw_piece(int piece) {
    const auto started = std::chrono::steady_clock::now();
    if (piece < MarketView::kSlices) {
        const TextRegionScope region("market view", layout_.market_view);
        sf::RenderTexture& t = back_->market;
        if (piece == 0) fill(t, layout_.market_view, sf::Color::White);
        back_->view->draw_slice(t, piece, font_);
        if (piece == MarketView::kSlices - 1) draw_market_legend(t, legend_strip_, *back_->view);
        t.display();
    } else {
        const auto panel = static_cast<std::size_t>(piece - MarketView::kSlices);
        draw_panel(back_->charts, *back_->snap, panel);
        if (panel + 1 == kChartPanels && layout_.chart_key.width > 0.0f)
            draw_chart_key(back_->charts, layout_.chart_key);
        back_->charts.display();
    }
    slowest_piece_ =
        std::max(slowest_piece_,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (piece + 1 < kPieces) {
        next_piece_ = piece + 1;
        return;
    }
    // Complete: show it, and start on a newer snapshot if one came meanwhile.
    std::swap(front_, back_);
    next_piece_ = -1;
    start_refresh();
}

std::string Scene::cycle_panel(Vec2 p, int step) {
    for (std::size_t i = 0; i < kChartPanels; ++i) {
        if (!layout_.charts[i].contains(p)) continue;
        const auto choices = panel_choices();
        const auto n = static_cast<std::ptrdiff_t>(choices.size());
        std::ptrdiff_t k = std::find(choices.begin(), choices.end(), cells_[i]) - choices.begin();
        for (std::ptrdiff_t tries = 0; tries < n; ++tries) {
            k = ((k + step) % n + n) % n;
            if (std::find(cells_.begin(), cells_.end(), choices[k]) == cells_.end()) break;
        }
        cells_[i] = choices[k];
        force_refresh_ = true;
        if (next_piece_ < 0) start_refresh();
        return make_panel_chart(cells_[i], {}, {}, 2).title;
    }
    return {};
}

void Scene::set_panels(const std::array<Panel, kChartPanels>& cells) {
    if (cells == cells_) return;
    cells_ = cells;
    force_refresh_ = true;
    if (next_piece_ < 0) start_refresh();
}

void Scene::flush() {
    if (next_piece_ < 0) start_refresh();
    while (next_piece_ >= 0) draw_piece(next_piece_);
}

void Scene::draw_market_legend(sf::RenderTarget& t, const Rect& strip, const MarketView& view) {
    const float s = layout_.scale;
    const unsigned px = spx(21.0f, s);
    const float cy = std::round(strip.top + strip.height / 2.0f);
    const float baseline = cy + static_cast<float>(px) * kCapHeight / 2.0f;
    const float gap = std::round(26.0f * s);
    const float key_w = 28.0f * s + std::round(7.0f * s); // a swatch and its gap
    const float dot_w = 16.0f * s + std::round(7.0f * s);
    const std::size_t n = view.links_drawn();
    const std::string contract =
        n < (view.snapshot() ? view.snapshot()->links.size() : 0)
            ? "Contract (largest " + count_text(static_cast<double>(n)) + ")"
            : "Contract";
    // On a narrow window the least needed words go first rather than running off the strip.
    bool note = true;
    std::string contract_label = contract, large_label = "Large supplier",
                shared_label = "Shared back office";
    // Framework members' rings, only when the scenario has a framework.
    const bool members = view.snapshot() && view.snapshot()->has_frameworks;
    std::string member_label = members ? "Framework member" : "";
    const auto total = [&] {
        float w = std::round(14.0f * s) + 2 * dot_w + 12.0f * s + std::round(7.0f * s) + 2 * key_w;
        for (const std::string& l : {std::string("SME"), large_label, std::string("Council"),
                                     contract_label, shared_label})
            w += text_w(font_, l, px) + gap;
        if (members) w += dot_w + text_w(font_, member_label, px) + gap;
        if (note) w += text_w(font_, "(circle area: annual contract value)", px) + gap;
        return w - gap;
    };
    if (total() > strip.width) note = false;
    if (total() > strip.width) contract_label = "Contract";
    if (total() > strip.width) large_label = "Large", shared_label = "Shared office";
    if (members && total() > strip.width) member_label = "Framework";

    float x = strip.left + std::round(14.0f * s);
    const auto label = [&](const std::string& text) {
        draw_text(t, font_, {text, px, {x, baseline}, HAlign::Left, false}, kText);
        x += text_w(font_, text, px) + gap;
    };
    const auto dot = [&](sf::Color c, float r) {
        sf::CircleShape d(r, 24);
        d.setOrigin(r, r);
        d.setPosition(x + r, cy);
        d.setFillColor(c);
        t.draw(d);
        x += 2 * r + std::round(7.0f * s);
    };
    dot(to_sf(kSmeColour), 8.0f * s);
    label("SME");
    dot(to_sf(kLargeColour), 8.0f * s);
    label(large_label);
    if (note) label("(circle area: annual contract value)");
    fill(t, {x, cy - 6.0f * s, 12.0f * s, 12.0f * s}, sf::Color(0x22, 0x22, 0x22));
    x += 12.0f * s + std::round(7.0f * s);
    label("Council");
    fill(t, {x, cy - 1.0f, 28.0f * s, std::max(1.0f, 2.0f * s)}, sf::Color(0x40, 0x40, 0x40, 140));
    x += key_w;
    label(contract_label);
    fill(t, {x, cy - 2.0f * s, 28.0f * s, std::max(2.0f, 4.0f * s)}, to_sf(okabe_ito::purple));
    x += key_w;
    label(shared_label);
    if (members) {
        // As drawn in the view: a ring in the member colour round a supplier's circle.
        const float r = 8.0f * s;
        sf::CircleShape d(r - std::max(1.5f, 2.5f * s) / 2.0f, 24);
        d.setOrigin(d.getRadius(), d.getRadius());
        d.setPosition(x + r, cy);
        d.setFillColor(to_sf(kSmeColour));
        d.setOutlineColor(to_sf(kFrameworkRing));
        d.setOutlineThickness(std::max(1.5f, 2.5f * s));
        t.draw(d);
        x += 2 * r + std::round(7.0f * s);
        label(member_label);
    }
}

// In the cell a 4:3 window leaves free below the charts: what the lines mean, which the panels
// (no "This run / Baseline" legend in a one-line panel) and a shortened title-bar key leave out.
void Scene::draw_chart_key(sf::RenderTarget& t, const Rect& box) {
    const TextRegionScope region("chart key", box);
    const ChartStyle st = panel_style(layout_.scale);
    fill(t, box, sf::Color::White);
    const float pad = st.padding;
    const float x = box.left + pad, right = box.right() - pad;
    float y = box.top + pad + static_cast<float>(st.title_px) * kCapHeight;
    draw_text(t, bold_, {"Reading the charts", st.title_px, {x, y}, HAlign::Left, false}, kText);
    y += static_cast<float>(st.title_px) * kDescent + st.gap * 2.0f;
    const unsigned px = st.legend_px;
    const float line_h = std::round(static_cast<float>(px) * 1.3f);
    const float sw = st.swatch_length, tx = x + sw + st.gap;
    const sf::Color ink(0x33, 0x33, 0x33);
    const auto entry = [&](const std::string& text, auto&& swatch) {
        const auto lines = wrap_text(text, px, right - tx, font_);
        const float mid = y + line_h / 2.0f;
        swatch(mid);
        for (const auto& l : lines) {
            const float base = y + line_h / 2.0f + static_cast<float>(px) * kCapHeight / 2.0f;
            if (base + static_cast<float>(px) * kDescent > box.bottom() - pad) return;
            draw_text(t, font_, {l, px, {tx, base}, HAlign::Left, false}, kText);
            y += line_h;
        }
        y += st.gap;
    };
    const float w = std::max(2.0f, std::round(st.line_width / 2.0f));
    entry("This run", [&](float mid) { fill(t, {x, mid - w / 2, sw, w}, ink); });
    entry("Baseline: same seed, no policy changes", [&](float mid) {
        const float d = std::round(sw / 4.0f);
        for (float k = 0; k + d <= sw + 0.5f; k += 2 * d)
            fill(t, {x + k, mid - w / 4, d, w / 2}, ink);
    });
    entry("When a policy changed", [&](float mid) {
        const float d = std::round(static_cast<float>(px) * 0.3f);
        for (float k = -static_cast<float>(px) * 0.6f; k < static_cast<float>(px) * 0.6f;
             k += 2 * d)
            fill(t, {x + sw / 2 - 1, mid + k, 2, d}, ink);
    });
    // Only the ensemble's band: it has one colour whatever the line's, which nothing else
    // explains; a seed band is in its line's hue and the title bar names it.
    if (latest_ && latest_->band_source == BandSource::Ensemble)
        if (const std::string band =
                band_legend(BandSource::Ensemble, latest_->seed_current.size());
            !band.empty())
            entry(band, [&](float mid) {
                const float h = static_cast<float>(px) * 0.8f;
                fill(t, {x, mid - h / 2, sw, h}, to_sf(model_band_style()));
            });
}

void Scene::draw_panel(sf::RenderTarget& t, const Snapshot& snap, std::size_t i) {
    const Rect& r = layout_.charts[i];
    // Supersampled: laid out and drawn at twice the size (text rasterised at twice the size
    // too), then drawn at half size with bilinear filtering, which averages each 2x2 block.
    const float s2 = layout_.scale * 2.0f;
    const Rect big{0, 0, 2 * r.width, 2 * r.height};
    const ChartStyle style = panel_style(s2);
    ChartSpec spec =
        app_panel_chart(cells_[i], snap.current, snap.baseline, snap.horizon, snap.seed_lines());
    // A run continued from a saved state has no years before it to draw.
    if (snap.start_year > 0) spec.x_min = snap.start_year;
    const TextRegionScope region("chart '" + spec.title + "'", r, 0.5f, {r.left, r.top});
    draw_line_chart(panel_2x_, sf::FloatRect(big.left, big.top, big.width, big.height), spec, font_,
                    style, Theme{}, &bold_);
    // A dashed rule where a policy changed (between the last year before and the first year
    // after), so the eye finds where the lines should part, labelled at its top so a room knows
    // what the rule means. The label goes right of the rule, or left near the plot's right edge;
    // no patch behind it, which would hide the data there.
    const ChartLayout L =
        compute_layout(big, spec, sfml_text_width(font_), style, sfml_text_width(bold_));
    // draw_panel only ever draws the buffer being prepared.
    back_->plots[i] = {
        {r.left + L.plot.left / 2, r.top + L.plot.top / 2, L.plot.width / 2, L.plot.height / 2},
        L.x.domain_lo(),
        L.x.domain_hi()};
    const sf::Color rule(0x55, 0x55, 0x55);
    const TextWidthFn measure = sfml_text_width(font_);
    float label_end = -1e9f; // right end of the last label: two changes a year apart share one
    for (const auto& c : snap.changes) {
        const double x = c.year - 0.5;
        if (x < L.x.domain_lo() || x > L.x.domain_hi()) continue;
        const float px = std::round(L.to_pixel(x, 0).x);
        const float dash = std::round(7.0f * s2), w = std::max(2.0f, std::round(2.0f * s2));
        for (float y = L.plot.top; y < L.plot.bottom(); y += 2 * dash)
            fill(panel_2x_, {px - w / 2, y, w, std::min(dash, L.plot.bottom() - y)}, rule);
        const unsigned tp = style.tick_px;
        const float pad = std::round(4.0f * s2);
        std::string text = "policy change";
        if (measure(text, tp) + 2 * pad > std::max(L.plot.right() - px, px - L.plot.left))
            text = "change";
        const float tw = measure(text, tp);
        const bool right = px + pad + tw + pad <= L.plot.right();
        const float left = right ? px + w : px - w - tw - 2 * pad;
        if (left < L.plot.left || left < label_end) continue;
        const float top = L.plot.top + std::round(2.0f * s2);
        draw_text(panel_2x_, font_,
                  {text,
                   tp,
                   {left + pad, top + pad / 2 + static_cast<float>(tp) * kCapHeight},
                   HAlign::Left,
                   false},
                  rule);
        label_end = left + tw + 2 * pad;
    }
    panel_2x_.display();
    sf::Sprite half(panel_2x_.getTexture(),
                    sf::IntRect(0, 0, static_cast<int>(big.width), static_cast<int>(big.height)));
    half.setScale(0.5f, 0.5f);
    half.setPosition(r.left, r.top);
    t.draw(half, sf::RenderStates(sf::BlendNone));
}

void Scene::draw_title_bar(sf::RenderTarget& t, const FrameState& st) {
    const float s = layout_.scale;
    const Rect& bar = layout_.title_bar;
    fill(t, bar, kTitleBar);
    const unsigned big = spx(30.0f, s), small = spx(22.0f, s), tiny = spx(21.0f, s);
    const float baseline =
        std::round(bar.top + bar.height / 2.0f + static_cast<float>(big) * kCapHeight / 2.0f);
    float x = bar.left + std::round(20.0f * s);
    const std::string name =
        "tendersim \u00B7 " + (latest_ ? latest_->scenario : std::string("..."));
    draw_text(t, bold_, {name, big, {x, baseline}, HAlign::Left, false}, kTitleText);
    x += text_w(bold_, name, big) + std::round(36.0f * s);
    const ControlState& c = st.controls;
    const std::string year = "Year " + std::to_string(c.year) + " of " + std::to_string(c.horizon);
    draw_text(t, bold_, {year, big, {x, baseline}, HAlign::Left, false}, kYear);
    x += text_w(bold_, year, big) + std::round(28.0f * s);
    // A toast (a saved screenshot's full path, a warning) takes the status's place: it must be
    // read whole.
    std::string status;
    if (!st.toast.empty())
        status.clear();
    else if (c.computing)
        status = "computing year " + std::to_string(c.year + 1) + "\u2026";
    else if (c.year >= c.horizon)
        status = "end of run \u2014 Reset to start again";
    else if (c.playing)
        status = "playing";
    else
        status = c.year == 0 ? "press Play" : "paused";
    if (!status.empty())
        draw_text(t, font_, {status, small, {x, baseline}, HAlign::Left, false}, kTitleMuted);

    float right = bar.right() - std::round(20.0f * s);
    if (st.fps > 0.0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f fps", st.fps);
        draw_text(t, font_, {buf, tiny, {right, baseline}, HAlign::Right, false}, kTitleMuted);
        right -= text_w(font_, buf, tiny) + std::round(24.0f * s);
    }
    // Shortened rather than drawn over the status on a narrow window: the short form first, then
    // an ellipsis.
    const float room =
        right - (status.empty() ? x : x + text_w(font_, status, small) + std::round(28.0f * s));
    std::string key = st.toast;
    if (key.empty()) {
        const std::string bands =
            latest_ ? bands_key(latest_->band_source, latest_->seed_current.size()) : "";
        // After A (A-vs-B) the dashed line is policy A, not the untouched scenario.
        const int pinned = latest_ ? latest_->pinned_year : -1;
        const std::string dashed =
            pinned < 0 ? "baseline" : "A (policy of year " + std::to_string(pinned) + ")";
        const std::string solid = pinned < 0 ? "this run" : "B (the levers)";
        const std::string why = pinned < 0 ? " (same seed, no policy changes)" : " (same seeds)";
        // A model-uncertainty band keeps its name to the last: its colour says nothing alone.
        const std::string band =
            latest_ && latest_->band_source == BandSource::Ensemble
                ? " \u00B7 " + band_legend(BandSource::Ensemble, latest_->seed_current.size())
                : "";
        for (const std::string& k :
             {"Solid: " + solid + " \u00B7 dashed: " + dashed + why + bands,
              "Solid: " + solid + " \u00B7 dashed: " + dashed + bands, "Dashed: " + dashed + bands,
              "Dashed: " + dashed + band, band.empty() ? "Dashed: " + dashed : band.substr(4)}) {
            key = k;
            if (text_w(font_, key, small) <= room) break;
        }
    }
    // A toast too long for the title bar (a screenshot's full path) goes in a box of its own
    // below it (draw_toast_box), never shortened.
    toast_boxed_ = !st.toast.empty() && text_w(font_, st.toast, small) > room;
    if (toast_boxed_) return;
    const std::string shown = fit_text(key, small, room, sfml_text_width(font_));
    if (room > 0.0f && shown != "\u2026")
        draw_text(t, font_, {shown, small, {right, baseline}, HAlign::Right, false},
                  st.toast.empty() ? kTitleMuted : kYear);
}

void Scene::draw_tooltip(sf::RenderTarget& t, const FrameState& st, const HoverTarget& hover) {
    const MarketSnapshot* m = front_->view->snapshot();
    if (!m || hover.kind == HoverTarget::Kind::None) return;
    const auto i = static_cast<std::size_t>(hover.index);
    draw_box(t, st,
             hover.kind == HoverTarget::Kind::Supplier ? supplier_hover_lines(*m, i)
                                                       : council_hover_lines(*m, i));
}

std::vector<std::string> Scene::chart_hover(const FrameState& st) const {
    const Snapshot* snap = front_->snap.get();
    if (snap == nullptr) return {};
    for (std::size_t i = 0; i < kChartPanels; ++i) {
        const PanelPlot& p = front_->plots[i];
        if (!p.plot.contains(st.mouse) || p.plot.width <= 0.0f) continue;
        const double f = (st.mouse.x - p.plot.left) / p.plot.width;
        const int year = static_cast<int>(std::lround(p.year_lo + f * (p.year_hi - p.year_lo)));
        return panel_hover_lines(cells_[i], snap->current, snap->baseline, snap->seed_lines(), year,
                                 snap->pinned_year >= 0);
    }
    return {};
}

void Scene::draw_box(sf::RenderTarget& t, const FrameState& st,
                     const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    const float s = layout_.scale;
    const unsigned px = spx(19.0f, s);
    const float line_h = std::round(static_cast<float>(px) * 1.4f);
    const float pad = std::round(12.0f * s);
    float w = 0;
    for (std::size_t k = 0; k < lines.size(); ++k)
        w = std::max(w, text_w(k == 0 ? bold_ : font_, lines[k], px));
    const float bw = w + 2 * pad, bh = line_h * static_cast<float>(lines.size()) + pad * 1.4f;
    // Beside the pointer, flipped to stay inside the window.
    float x = st.mouse.x + 18.0f * s, y = st.mouse.y + 18.0f * s;
    if (x + bw > layout_.window.right()) x = st.mouse.x - 18.0f * s - bw;
    if (y + bh > layout_.window.bottom()) y = st.mouse.y - 18.0f * s - bh;
    x = std::max(0.0f, std::round(x));
    y = std::max(0.0f, std::round(y));
    draw_tooltip_frame(t, {x, y, bw, bh}, s);
    float baseline = y + pad + static_cast<float>(px) * kCapHeight;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        draw_text(t, k == 0 ? bold_ : font_,
                  {lines[k], px, {x + pad, baseline}, HAlign::Left, false}, kText);
        baseline += line_h;
    }
}

void Scene::draw_toast_box(sf::RenderTarget& t, const std::string& toast) {
    const float s = layout_.scale;
    const unsigned px = spx(22.0f, s); // the title bar's status size
    const float pad = std::round(12.0f * s);
    const Rect& area = layout_.market_view;
    const auto lines = wrap_text(toast, px, area.width - 4 * pad, font_);
    const float line_h = std::round(static_cast<float>(px) * 1.4f);
    float tw = 0;
    for (const auto& l : lines) tw = std::max(tw, text_w(font_, l, px));
    const float bw = tw + 2 * pad, bh = line_h * static_cast<float>(lines.size()) + pad * 1.4f;
    const float x = std::round(area.right() - pad - bw), y = std::round(area.top + pad);
    sf::RectangleShape box({bw, bh});
    box.setPosition(x, y);
    box.setFillColor(kTitleBar);
    t.draw(box);
    float baseline = y + pad + static_cast<float>(px) * kCapHeight;
    for (const auto& l : lines) {
        draw_text(t, font_, {l, px, {x + pad, baseline}, HAlign::Left, false}, kYear);
        baseline += line_h;
    }
}

void Scene::draw_lever_tooltip(sf::RenderTarget& t, const FrameState& st) {
    const auto& hot = st.controls.tooltip;
    if (!hot || !is_policy_lever(*hot)) return;
    const Widget* w = controls_.find(*hot);
    if (w == nullptr) return;
    const float s = layout_.scale;
    const unsigned px = spx(21.0f, s); // the bar's own size: 14 px at 1280x720 and 1024x768
    const float line_h = std::round(static_cast<float>(px) * 1.4f);
    const float pad = std::round(12.0f * s);
    // Over the market view, never over the bar the pointer is in; wide enough for two lines of
    // anchor text.
    const float x = layout_.control_bar.right() + std::round(12.0f * s);
    const float max_w =
        std::min(layout_.window.right() - x - pad, std::round(720.0f * s)) - 2 * pad;
    std::vector<std::pair<std::string, bool>> lines; // text, bold
    const auto source = lever_tooltip_lines(*hot, st.controls.controls, st.controls.has_frameworks);
    for (std::size_t k = 0; k < source.size(); ++k)
        for (auto& l : wrap_text(source[k], px, max_w, k == 0 ? bold_ : font_))
            lines.emplace_back(std::move(l), k == 0);
    float tw = 0;
    for (const auto& [text, b] : lines) tw = std::max(tw, text_w(b ? bold_ : font_, text, px));
    const float bw = tw + 2 * pad, bh = line_h * static_cast<float>(lines.size()) + pad * 1.4f;
    const float y = std::round(std::max(0.0f, std::min(w->row.top, layout_.window.bottom() - bh)));
    draw_tooltip_frame(t, {x, y, bw, bh}, s);
    float baseline = y + pad + static_cast<float>(px) * kCapHeight;
    for (const auto& [text, b] : lines) {
        draw_text(t, b ? bold_ : font_, {text, px, {x + pad, baseline}, HAlign::Left, false},
                  kText);
        baseline += line_h;
    }
}

void Scene::draw(sf::RenderTarget& target, const FrameState& st) {
    if (next_piece_ >= 0) draw_piece(next_piece_);
    target.clear(kBackground);
    // Copies, not blends: the caches are opaque, and blending would read every pixel back.
    const sf::RenderStates copy(sf::BlendNone);
    sf::Sprite market(front_->market.getTexture());
    market.setPosition(layout_.market_view.left, layout_.market_view.top);
    target.draw(market, copy);
    sf::Sprite charts(front_->charts.getTexture());
    charts.setPosition(charts_area_.left, charts_area_.top);
    target.draw(charts, copy);
    // Looked up after any swap above, so it always refers to the picture being shown.
    const HoverTarget hover = front_->view->hit(st.mouse);
    front_->view->draw_hover(target, hover);
    {
        const TextRegionScope region("title bar", layout_.title_bar);
        draw_title_bar(target, st);
    }
    {
        const TextRegionScope region("control bar", layout_.control_bar);
        draw_control_bar(target, controls_, st.controls, font_, bold_);
    }
    const TextRegionScope region("window", layout_.window);
    draw_tooltip(target, st, hover);
    draw_box(target, st, chart_hover(st));
    draw_lever_tooltip(target, st);
    if (toast_boxed_) draw_toast_box(target, st.toast);
}

} // namespace tendersim::viz

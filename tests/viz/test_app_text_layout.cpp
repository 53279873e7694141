// Draws whole app frames at the workshop sizes with the renderer's own text measurement logged
// (chart/text_log.hpp) and checks the geometry of every text drawn: inside the panel it belongs
// to, not over another text of that panel, not shortened, and at least the minimum size a room
// can read. Exact, and no pixels read; it needs an X display only because SFML measures glyphs
// with a GL context (ctest runs it under xvfb-run).
#include "app/lever_notes.hpp"
#include "app/panels.hpp"
#include "app/scene.hpp"
#include "app/sim_worker.hpp"
#include "app/trainer_flow.hpp"
#include "chart/display.hpp"
#include "chart/font.hpp"
#include "chart/text_log.hpp"
#include "io/scenario_loader.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <doctest/doctest.h>
#include <memory>
#include <sstream>

using namespace tendersim;
using namespace tendersim::viz;
using namespace std::chrono_literals;

namespace {

struct Size {
    unsigned w, h;
    float min_px; // smallest character size allowed anywhere in the window
};

// 14 px is the floor for a projected 1024x768 or 1280x720 picture; 1920x1080 keeps the same
// proportions, so 1.5 times that.
constexpr Size kSizes[] = {{1024, 768, 14.0f}, {1280, 720, 14.0f}, {1920, 1080, 21.0f}};

std::string describe(const LoggedText& e) {
    std::ostringstream o;
    o << "'" << e.text << "' (" << e.px << " px) at [" << e.box.left << ", " << e.box.top << " .. "
      << e.box.right() << ", " << e.box.bottom() << "] in " << e.region << " ["
      << e.region_rect.left << ", " << e.region_rect.top << " .. " << e.region_rect.right() << ", "
      << e.region_rect.bottom() << "]";
    return o.str();
}

Rect shrunk(const Rect& r, float by) {
    return {r.left + by, r.top + by, r.width - 2 * by, r.height - 2 * by};
}

struct Fixture {
    sf::Font font, bold;
    std::unique_ptr<SimWorker> worker;
    std::shared_ptr<const Snapshot> snap;

    Fixture() {
        const DisplayStatus d = check_display("viz_app_text_layout_test");
        if (!d.ok) FAIL(d.message); // registered only under xvfb-run, so this is a real failure
        font = load_font();
        bold = load_font(kDefaultBoldFontPath);
        // The baseline scenario with a lever moved mid-run: a policy rule in every chart and a
        // line in the change log, as a workshop shows them.
        load("baseline.toml", {{3, "social_value_weight", 0.6}});
    }

    // Runs a scenario for 6 years; the grid it starts with (initial_panels), as the app does.
    void load(const char* file, std::vector<ScheduledChange> scheduled) {
        RunSetup s;
        s.spec = load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/" + file);
        s.base_seed = static_cast<std::uint64_t>(s.spec.run.seed);
        s.horizon = 6;
        s.speed = kMaxSpeed;
        s.playing = true;
        s.scheduled = std::move(scheduled);
        panels = initial_panels(s.spec);
        has_frameworks = !s.spec.frameworks.empty();
        worker.reset();
        worker = std::make_unique<SimWorker>(std::move(s));
        snap = worker->wait_for_year(6, 120s);
        REQUIRE(snap->year == 6);
    }
    std::array<Panel, kChartPanels> panels = panel_order();
    bool has_frameworks = false;

    // Every text of one frame at this size, the app's state as on screen with a lever moved
    // but not yet applied (the longest status text).
    std::vector<LoggedText> frame(unsigned w, unsigned h, float ui_scale,
                                  std::optional<ControlId> hot = std::nullopt,
                                  std::string toast = {}) {
        Scene scene(font, bold);
        scene.resize(w, h, ui_scale);
        scene.set_panels(panels);
        TextLog log;
        const TextLogScope scope(log);
        scene.set_snapshot(snap);
        scene.flush();
        FrameState st;
        ControlState& c = st.controls;
        c.controls = snap->controls;
        c.controls.price_weight = 0.8;
        c.applied = snap->controls;
        c.base_seed = snap->base_seed;
        c.year = snap->year - 1; // not the end: "From year 6: ..." rather than "Pending"
        c.horizon = snap->horizon;
        c.changes = snap->changes;
        c.speed = kMaxSpeed;
        c.has_frameworks = has_frameworks;
        st.fps = 60.0; // shown when asked for (--show-fps): it must fit too
        c.tooltip = hot;
        if (hot) st.mouse = scene.control_layout().find(*hot)->label_pos;
        st.toast = std::move(toast);
        sf::RenderTexture rt;
        REQUIRE(rt.create(w, h));
        scene.draw(rt, st);
        return log.entries;
    }
};

void check_frame(const std::vector<LoggedText>& texts, float min_px, bool full_text) {
    REQUIRE(texts.size() > 50); // title, controls, market legend, 8 charts
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const LoggedText& e = texts[i];
        INFO(describe(e));
        // Half a pixel: glyph quads are placed at whole pixels, bounds are not.
        CHECK(shrunk(e.region_rect, -0.5f).contains(e.box));
        CHECK(e.px >= min_px);
        if (full_text) CHECK(e.text.find("\u2026") == std::string::npos);
        for (std::size_t j = 0; j < i; ++j) {
            if (texts[j].region != e.region) continue;
            INFO("and " << describe(texts[j]));
            CHECK_FALSE(shrunk(e.box, 0.5f).intersects(shrunk(texts[j].box, 0.5f)));
        }
    }
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "text layout: every text inside its panel, whole and legible") {
    for (const Size& s : kSizes) {
        INFO(s.w << "x" << s.h);
        check_frame(frame(s.w, s.h, 1.0f), s.min_px, true);
    }
}

TEST_CASE_FIXTURE(Fixture, "text layout: projector mode's larger text still fits its panels") {
    // --ui-scale 1.3 and the largest Ctrl+plus allows, on the smaller screens: the layout grows
    // only as far as the window fits (long titles may be shortened), and nothing spills out of
    // its panel or runs into other text.
    for (const float ui : {1.3f, 2.0f})
        for (const Size& s : {kSizes[0], kSizes[1]}) {
            INFO(s.w << "x" << s.h << " at UI scale " << ui);
            check_frame(frame(s.w, s.h, ui), s.min_px, false);
        }
    // On a 16:9 screen it does grow: every chart's smallest text is larger than by default.
    const auto smallest_chart_text = [](const std::vector<LoggedText>& texts) {
        float m = 1e9f;
        for (const auto& e : texts)
            if (e.region.rfind("chart", 0) == 0) m = std::min(m, e.px);
        return m;
    };
    CHECK(smallest_chart_text(frame(1280, 720, 1.3f)) >=
          1.1f * smallest_chart_text(frame(1280, 720, 1.0f)));
}

TEST_CASE_FIXTURE(Fixture, "text layout: lever tooltips and the trainer's toasts are whole") {
    // The longest toasts: the seed warning and a screenshot saved under a deep directory.
    const std::string saved =
        "Saved /home/trainer/workshops/2026-12/tendersim-baseline-year20-3.png";
    for (const Size& s : kSizes)
        for (const ControlId id : policy_levers()) {
            INFO(s.w << "x" << s.h << ", lever " << static_cast<int>(id));
            const auto texts =
                frame(s.w, s.h, 1.0f, id, id == ControlId::SocialValue ? saved : kSeedWarning);
            check_frame(texts, s.min_px, true);
            // The thresholds' steppers say their values are annual ("£100k/yr").
            bool per_year = false;
            for (const auto& e : texts)
                per_year |= e.region == "control bar" && e.text.find("k/yr") != std::string::npos;
            CHECK(per_year);
            // The tooltip is drawn, all of it: its lines, rejoined, hold the whole anchor.
            std::string tooltip;
            for (const auto& e : texts)
                if (e.region == "window") tooltip += (tooltip.empty() ? "" : " ") + e.text;
            CHECK(tooltip.find(std::string(lever_note(id)->anchor)) != std::string::npos);
        }
}

TEST_CASE_FIXTURE(Fixture, "text layout: a framework scenario's spend by route, rings and levers") {
    // frameworks.toml at year 6: a framework in its term, 80% of its categories called off.
    load("frameworks.toml", {});
    REQUIRE(panels.back() == Panel::SpendByRoute);
    for (const Size& s : kSizes)
        for (const auto hot : {std::optional<ControlId>{}, std::optional(ControlId::FrameworkShare),
                               std::optional(ControlId::DirectAwardBelow)}) {
            INFO(s.w << "x" << s.h << ", tooltip " << (hot ? static_cast<int>(*hot) : -1));
            const auto texts = frame(s.w, s.h, 1.0f, hot);
            check_frame(texts, s.min_px, true);
            bool route_chart = false, member_key = false, share = false;
            for (const auto& e : texts) {
                route_chart |= e.text == "Spend by route";
                member_key |= e.region == "market view" && e.text.rfind("Framework", 0) == 0;
                share |= e.region == "control bar" && e.text == "80%";
            }
            CHECK(route_chart);
            CHECK(member_key); // the market legend's ring key
            CHECK(share);      // the adopted share, not "none"
        }
}

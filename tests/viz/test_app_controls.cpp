// The live app's controls -> engine Adoption mapping, and the control bar's geometry and values.
// No window.
#include "app/control_panel.hpp"
#include "app/controls.hpp"
#include "app/lever_notes.hpp"
#include "app/text_format.hpp"
#include "core/policy.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <stdexcept>

using namespace tendersim;
using namespace tendersim::viz;

namespace {

// The policy a council ends with after the adoptions.
PolicySpec applied(PolicySpec p, const std::vector<Adoption>& adoptions) {
    for (const auto& a : adoptions) apply_patch(p, a);
    return p;
}

} // namespace

TEST_CASE("controls: one adoption per changed lever, for all councils, keyed by the policy field") {
    const PolicyControls from = controls_from_policy(PolicySpec{});
    CHECK(adoptions_for_change(from, from).empty());

    PolicyControls to = from;
    to.social_value_weight = 0.6;
    auto a = adoptions_for_change(from, to);
    REQUIRE(a.size() == 1);
    CHECK(a[0].scope == Adoption::Scope::All);
    CHECK(a[0].keys == std::vector<std::string>{"social_value_weight"});
    CHECK(a[0].patch.social_value_weight == doctest::Approx(0.6));
    CHECK(applied(PolicySpec{}, a).social_value_weight == doctest::Approx(0.6));
    // Other fields of the council's policy are untouched.
    PolicySpec custom;
    custom.price_weight = 0.8;
    CHECK(applied(custom, a).price_weight == doctest::Approx(0.8));

    to = from;
    to.price_weight = 0.3;
    to.outcome_spec_share = 0.5;
    to.lot_threshold_gbp = 250'000;
    to.shared_back_office = true;
    a = adoptions_for_change(from, to);
    REQUIRE(a.size() == 4);
    const PolicySpec p = applied(PolicySpec{}, a);
    CHECK(p.price_weight == doctest::Approx(0.3));
    CHECK(p.outcome_spec_share == doctest::Approx(0.5));
    CHECK(p.lot_threshold_gbp == doctest::Approx(250'000));
    CHECK(p.shared_back_office);
    CHECK(controls_from_policy(p) == to);
}

TEST_CASE("controls: SME reservation is a switch plus a threshold, and off is a zero threshold") {
    PolicyControls off;
    CHECK_FALSE(off.sme_reserve);
    PolicyControls moved = off;
    moved.sme_reserve_threshold_gbp = 250'000; // threshold changed while off: no policy change
    CHECK(adoptions_for_change(off, moved).empty());

    PolicyControls on = moved;
    on.sme_reserve = true;
    auto a = adoptions_for_change(off, on);
    REQUIRE(a.size() == 1);
    CHECK(a[0].keys == std::vector<std::string>{"sme_reserve_threshold_gbp"});
    CHECK(applied(PolicySpec{}, a).sme_reserve_threshold_gbp == doctest::Approx(250'000));

    a = adoptions_for_change(on, off);
    REQUIRE(a.size() == 1);
    CHECK(applied(applied(PolicySpec{}, adoptions_for_change(off, on)), a)
              .sme_reserve_threshold_gbp == 0.0);

    // Reading a policy back: a zero threshold is "off", keeping the default for when it is on.
    PolicySpec p;
    p.sme_reserve_threshold_gbp = 50'000;
    const PolicyControls c = controls_from_policy(p);
    CHECK(c.sme_reserve);
    CHECK(c.sme_reserve_threshold_gbp == 50'000);
}

TEST_CASE("controls: set_control uses the scenario keys and the engine's ranges") {
    PolicyControls c;
    CHECK(set_control(c, "social_value_weight", 0.6).empty());
    CHECK(c.social_value_weight == 0.6);
    CHECK(set_control(c, "shared_back_office", 1).empty());
    CHECK(c.shared_back_office);
    CHECK(set_control(c, "sme_reserve_threshold_gbp", 100'000).empty());
    CHECK(c.sme_reserve);
    CHECK(set_control(c, "sme_reserve_threshold_gbp", 0).empty());
    CHECK_FALSE(c.sme_reserve);
    CHECK(set_control(c, "social_value_weight", 0.7).find("out of range") != std::string::npos);
    CHECK(c.social_value_weight == 0.6); // unchanged on error
    CHECK(set_control(c, "markup", 0.1).find("unknown control 'markup'") != std::string::npos);
    PolicyControls too_much;
    too_much.social_value_weight = 0.9;
    CHECK_THROWS_AS(adoptions_for_change({}, too_much), std::invalid_argument);
}

TEST_CASE("controls: changes are described in words a workshop reads") {
    PolicyControls a, b;
    b.social_value_weight = 0.6;
    b.lot_threshold_gbp = 250'000;
    CHECK(describe_change(a, b) ==
          "social-value weight 0% \u2192 60%; lots above \u00A3250k a year");
    CHECK(describe_change(a, a).empty());
}

TEST_CASE("text: money, percentages and counts") {
    CHECK(money_text(950) == "\u00A3950");
    CHECK(money_text(250'000) == "\u00A3250k");
    CHECK(money_text(1'500'000) == "\u00A31.5m");
    CHECK(money_text(2'000'000) == "\u00A32m");
    CHECK(money_text(12'400'000) == "\u00A312m");
    CHECK(money_text(-3'000) == "\u2212\u00A33k");
    CHECK(percent_text(0.35) == "35%");
    CHECK(percent_text(0.125, 1) == "12.5%");
    CHECK(count_text(12'400) == "12,400");
}

TEST_CASE("control panel: sliders map pixels to snapped values and back") {
    const Rect face{100, 0, 300, 40};
    const SliderRange sv = slider_range(ControlId::SocialValue);
    CHECK(sv.hi == doctest::Approx(0.6)); // the engine's maximum
    CHECK(slider_value_at(face, 0, sv) == 0.0);
    CHECK(slider_value_at(face, 1000, sv) == doctest::Approx(0.6));
    for (double v = 0.0; v <= 0.6 + 1e-9; v += 0.05) {
        const double back = slider_value_at(face, slider_x(face, v, sv), sv);
        CHECK(back == doctest::Approx(v));
    }
    // Snapped to the 5% step, without binary noise.
    const double mid = slider_value_at(face, slider_x(face, 0.31, sv), sv);
    CHECK(mid == 0.3);
}

TEST_CASE("control panel: steppers move through their choices and stop at the ends") {
    const auto lots = stepper_values(ControlId::LotThreshold);
    CHECK(step_value(lots, 0, 1) == 100'000);
    CHECK(step_value(lots, 100'000, -1) == 0);
    CHECK(step_value(lots, 0, -1) == 0);
    CHECK(step_value(lots, 2'000'000, 1) == 2'000'000);
    CHECK(step_value(lots, 300'000, 1) == 500'000); // a scenario's own value steps to the next
    CHECK(step_value(lots, 300'000, -1) == 250'000);
    const auto speed = stepper_values(ControlId::Speed);
    CHECK(step_value(speed, 1.0, 1) == 2.0);
    CHECK(step_value(speed, 10.0, 1) == kMaxSpeed);
}

TEST_CASE("control panel: widgets fit the bar and do not overlap, at 720p and 1080p") {
    for (float s : {1280.0f / 1920.0f, 1.0f}) {
        const Rect bar{0, 64 * s, 390 * s, 1080 * s - 64 * s};
        const ControlPanelLayout L = layout_control_panel(bar, s);
        INFO("scale " << s);
        REQUIRE(L.widgets.size() == 15);
        for (std::size_t i = 0; i < L.widgets.size(); ++i) {
            const Widget& w = L.widgets[i];
            CHECK(bar.contains(w.row));
            CHECK(bar.contains(w.face));
            for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(w.row.intersects(L.widgets[j].row));
            if (w.kind == WidgetKind::Stepper) {
                CHECK_FALSE(w.minus.intersects(w.face));
                CHECK_FALSE(w.plus.intersects(w.face));
                CHECK(w.minus.width >= 28.0f * s); // a finger- and projector-sized target
            }
            // Every widget answers a click in its middle.
            const Rect& target = w.kind == WidgetKind::Stepper ? w.plus : w.face;
            const auto hit =
                hit_test(L, {target.left + target.width / 2, target.top + target.height / 2});
            REQUIRE(hit);
            CHECK(hit->id == w.id);
        }
        CHECK(L.help.bottom() <= bar.bottom());
        CHECK(L.status.top >= L.widgets.back().row.bottom());
        CHECK(L.status.bottom() <= L.help.top);
        CHECK(L.status.height > 40.0f * s); // room for the change log
        CHECK_FALSE(hit_test(L, {bar.right() + 5, bar.top + 5}));
    }
}

TEST_CASE("controls: non-finite values are refused by the engine's range check") {
    PolicyControls c;
    for (const double v : {std::nan(""), std::numeric_limits<double>::infinity()}) {
        CHECK_FALSE(set_control(c, "price_weight", v).empty());
        CHECK(c.price_weight == 0.6);
    }
}

TEST_CASE("controls: the route levers adopt their policy keys, and their thresholds are totals") {
    const PolicyControls from = controls_from_policy(PolicySpec{});
    CHECK(from.framework_share == 0.0);
    CHECK(from.direct_award_threshold_gbp == 0.0);
    CHECK(from.quote_threshold_gbp == 0.0);
    PolicyControls to = from;
    to.framework_share = 0.8;
    to.direct_award_threshold_gbp = 25'000;
    to.quote_threshold_gbp = 100'000;
    const auto a = adoptions_for_change(from, to);
    REQUIRE(a.size() == 3);
    CHECK(a[0].keys == std::vector<std::string>{"framework_share"});
    CHECK(a[1].keys == std::vector<std::string>{"direct_award_threshold_gbp"});
    CHECK(a[2].keys == std::vector<std::string>{"quote_threshold_gbp"});
    for (const auto& x : a) CHECK(x.scope == Adoption::Scope::All);
    const PolicySpec p = applied(PolicySpec{}, a);
    CHECK(p.framework_share == doctest::Approx(0.8));
    CHECK(p.direct_award_threshold_gbp == doctest::Approx(25'000));
    CHECK(p.quote_threshold_gbp == doctest::Approx(100'000));
    CHECK(p.quote_invitations == PolicySpec{}.quote_invitations); // not a lever: untouched
    CHECK(controls_from_policy(p) == to);
    // Back to off: zero thresholds, no share.
    const PolicySpec back = applied(p, adoptions_for_change(to, from));
    CHECK(back.framework_share == 0.0);
    CHECK(back.direct_award_threshold_gbp == 0.0);
    CHECK(back.quote_threshold_gbp == 0.0);

    // The scenario keys, as --set-from-year and the presets use them, with the engine's ranges.
    PolicyControls c;
    CHECK(set_control(c, "framework_share", 0.4).empty());
    CHECK(c.framework_share == 0.4);
    CHECK_FALSE(set_control(c, "framework_share", 1.2).empty());
    CHECK(c.framework_share == 0.4);
    CHECK(set_control(c, "direct_award_threshold_gbp", 207'720).empty());
    CHECK(c.direct_award_threshold_gbp == 207'720);
    CHECK(set_control(c, "quote_threshold_gbp", 50'000).empty());
    CHECK(c.quote_threshold_gbp == 50'000);
    CHECK_FALSE(set_control(c, "quote_threshold_gbp", -1).empty());

    // Said in words, the route thresholds are totals, never "a year".
    const std::string said = describe_change(from, to);
    CHECK(said == "framework share 0% \u2192 80%; direct awards below \u00A325k in total; quotes "
                  "below \u00A3100k in total");
    CHECK(said.find("a year") == std::string::npos);
    CHECK(describe_change(to, from) ==
          "framework share 80% \u2192 0%; no direct awards; no quotes");
}

TEST_CASE(
    "control panel: the route steppers step through totals, and the share without frameworks") {
    const auto da = stepper_values(ControlId::DirectAwardBelow);
    CHECK(step_value(da, 0, 1) == 5'000);
    CHECK(step_value(da, 100'000, 1) == 207'720); // the sub-central threshold (docs/routes.md)
    CHECK(step_value(da, 250'000, 1) == 250'000);
    const auto q = stepper_values(ControlId::QuotesBelow);
    CHECK(step_value(q, 0, 1) == 10'000);
    CHECK(step_value(q, 10'000, -1) == 0);
    const auto fs = stepper_values(ControlId::FrameworkShare);
    CHECK(fs.front() == 0.0);
    CHECK(fs.back() == 1.0);
    CHECK(step_value(fs, 0.8, 1) == 1.0);
    // Every choice is one the engine accepts for its key.
    const std::pair<ControlId, const char*> keys[] = {
        {ControlId::FrameworkShare, "framework_share"},
        {ControlId::DirectAwardBelow, "direct_award_threshold_gbp"},
        {ControlId::QuotesBelow, "quote_threshold_gbp"}};
    for (const auto& [id, key] : keys)
        for (double v : stepper_values(id)) {
            PolicyControls c;
            CHECK(set_control(c, key, v).empty());
        }
    // Only the framework share depends on the scenario: without a [[framework]] it does nothing.
    CHECK(control_disabled(ControlId::FrameworkShare, false));
    CHECK_FALSE(control_disabled(ControlId::FrameworkShare, true));
    for (ControlId id : {ControlId::DirectAwardBelow, ControlId::QuotesBelow,
                         ControlId::SocialValue, ControlId::SharedBackOffice})
        CHECK_FALSE(control_disabled(id, false));
    // The three are policy levers in the bar, in its order, below the others.
    const ControlPanelLayout L = layout_control_panel({0, 64, 410, 1016}, 1.0f);
    const Widget* share = L.find(ControlId::FrameworkShare);
    const Widget* direct = L.find(ControlId::DirectAwardBelow);
    const Widget* quotes = L.find(ControlId::QuotesBelow);
    REQUIRE(share != nullptr);
    REQUIRE(direct != nullptr);
    REQUIRE(quotes != nullptr);
    CHECK(share->row.top > L.find(ControlId::SharedBackOffice)->row.bottom());
    CHECK(direct->row.top > share->row.bottom());
    CHECK(quotes->row.top > direct->row.bottom());
    CHECK(share->kind == WidgetKind::Stepper);
    for (ControlId id :
         {ControlId::FrameworkShare, ControlId::DirectAwardBelow, ControlId::QuotesBelow})
        CHECK(is_policy_lever(id));
}

// The trainer's workflow without a window: the score-split bar against the engine's scoring, the
// lever notes against docs/policy-results.md, when a seed change must be confirmed, and when a
// save has reached the screen.
#include "app/lever_notes.hpp"
#include "app/score_split.hpp"
#include "app/trainer_flow.hpp"
#include "core/evaluation.hpp"
#include "io/scenario_loader.hpp"

#include <array>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace tendersim;
using namespace tendersim::viz;
using namespace std::chrono_literals;

namespace {

PolicyControls levers(double sv, double pw) {
    PolicyControls c;
    c.social_value_weight = sv;
    c.price_weight = pw;
    return c;
}

// Two bids scored by the engine (score_bids) with the weights a tender gets from these levers
// (single precision, as Tender stores them), identical but for what `vary` changes in the second.
template <class Vary> double score_gap(const PolicyControls& c, Vary vary) {
    const EvaluationWeights policy = policy_score_weights(c.social_value_weight, c.price_weight);
    const EvaluationWeights tender{static_cast<float>(policy.price),
                                   static_cast<float>(policy.social_value)};
    std::array<Bid, 2> bids{};
    for (std::size_t i = 0; i < bids.size(); ++i) {
        bids[i].supplier = SupplierId(static_cast<std::uint32_t>(i));
        bids[i].price = bids[i].evaluated_price = bids[i].own_cost = 100'000;
        bids[i].quality = 1.0f;
        bids[i].sv_offer = bids[i].sv_evaluated = 50'000;
    }
    vary(bids[1]);
    score_bids(bids, tender, AbnormalRule{});
    return bids[0].score - bids[1].score;
}

std::string squeezed(const std::string& text) {
    // Markdown's line breaks and emphasis are not part of a sentence.
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "**") == 0) {
            ++i;
            continue;
        }
        const bool space = text[i] == ' ' || text[i] == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : text[i];
    }
    return out;
}

} // namespace

TEST_CASE("score split: 60% social value makes price vs quality 60/40 a 24/16/60 score") {
    const ScoreSplit s = score_split(levers(0.6, 0.6));
    CHECK(s.price == doctest::Approx(0.24));
    CHECK(s.quality == doctest::Approx(0.16));
    CHECK(s.social_value == doctest::Approx(0.60));
    CHECK(score_split_text(s) == "Price 24% \u00B7 quality 16% \u00B7 SV 60%");
    const ScoreSplit none = score_split(levers(0.0, 0.6));
    CHECK(none.price == doctest::Approx(0.6));
    CHECK(none.social_value == 0.0);
}

TEST_CASE("score split: each share is what that part moves in the engine's own score") {
    for (const double sv : {0.0, 0.1, 0.3, 0.6})
        for (const double pw : {0.0, 0.4, 0.6, 1.0}) {
            const PolicyControls c = levers(sv, pw);
            const ScoreSplit s = score_split(c);
            INFO("social value " << sv << ", price weight " << pw);
            CHECK(s.price + s.quality + s.social_value == doctest::Approx(1.0));
            // Twice the price: its price score halves, so the score drops by half the share.
            CHECK(score_gap(c, [](Bid& b) { b.price = b.evaluated_price = 200'000; }) ==
                  doctest::Approx(s.price / 2.0).epsilon(1e-6));
            // No quality at all: the whole quality share goes.
            CHECK(score_gap(c, [](Bid& b) { b.quality = 0.0f; }) ==
                  doctest::Approx(s.quality).epsilon(1e-6));
            // A quarter of the best social-value offer: three quarters of its share goes.
            CHECK(score_gap(c, [](Bid& b) { b.sv_offer = b.sv_evaluated = 12'500; }) ==
                  doctest::Approx(0.75 * s.social_value).epsilon(1e-6));
        }
}

TEST_CASE("lever notes: every policy lever has a tooltip and an explanation") {
    for (const ControlId id : policy_levers()) {
        INFO(static_cast<int>(id));
        const auto note = lever_note(id);
        REQUIRE(note.has_value());
        CHECK(!note->what.empty());
        CHECK(!note->anchor.empty());
        CHECK(!note->effect.empty());
        CHECK(lever_tooltip_lines(id, PolicyControls{}).size() == 3);
    }
    // The other widgets have none (no tooltip over Play).
    for (const ControlId id : {ControlId::PlayPause, ControlId::Speed, ControlId::Seed}) {
        CHECK_FALSE(is_policy_lever(id));
        CHECK_FALSE(lever_note(id).has_value());
    }
}

TEST_CASE("lever notes: each explanation is a sentence of docs/policy-results.md, word for word") {
    std::ifstream in(std::string(TENDERSIM_SOURCE_DIR) + "/docs/policy-results.md");
    REQUIRE(in);
    std::ostringstream all;
    all << in.rdbuf();
    const std::string docs = squeezed(all.str());
    const auto section = docs.find("What each lever does in the model, and why");
    REQUIRE(section != std::string::npos);
    for (const ControlId id : policy_levers()) {
        const std::string effect(lever_note(id)->effect);
        INFO(effect);
        CHECK(docs.find(effect, section) != std::string::npos);
        // Whole sentences: a capital first and a full stop last.
        CHECK(std::isupper(static_cast<unsigned char>(effect.front())));
        CHECK(effect.back() == '.');
    }
}

TEST_CASE("lever notes: lot and reservation thresholds say a year, route thresholds say total") {
    PolicyControls c;
    c.lot_threshold_gbp = 250'000;
    c.sme_reserve = true;
    c.sme_reserve_threshold_gbp = 100'000;
    CHECK(lever_tooltip_lines(ControlId::LotThreshold, c).front() ==
          "Lots above \u00A3250k a year");
    CHECK(lever_tooltip_lines(ControlId::SmeThreshold, c).front().find("\u00A3100k a year") !=
          std::string::npos);
    CHECK(describe_change(PolicyControls{}, c).find("\u00A3250k a year") != std::string::npos);
    // The route thresholds are a contract's total value (docs/routes.md), not an annual one.
    PolicyControls r;
    r.direct_award_threshold_gbp = 25'000;
    r.quote_threshold_gbp = 100'000;
    const auto direct = lever_tooltip_lines(ControlId::DirectAwardBelow, r);
    const auto quotes = lever_tooltip_lines(ControlId::QuotesBelow, r);
    CHECK(direct.front() == "Direct awards below \u00A325k in total");
    CHECK(quotes.front() == "Quotes below \u00A3100k in total");
    for (const auto& lines : {direct, quotes}) {
        CHECK(lines[1].find("total value") != std::string::npos); // what the lever is
        for (const auto& l : lines) CHECK(l.find("a year") == std::string::npos);
    }
    const std::string said = describe_change(PolicyControls{}, r);
    CHECK(said.find("\u00A325k in total") != std::string::npos);
    CHECK(said.find("a year") == std::string::npos);
    CHECK(lever_tooltip_lines(ControlId::DirectAwardBelow, PolicyControls{}).front() ==
          "Direct awards: off");
}

TEST_CASE("lever notes: the framework share says when the scenario has no framework") {
    PolicyControls c;
    c.framework_share = 0.8;
    CHECK(lever_tooltip_lines(ControlId::FrameworkShare, c, true).front() ==
          "Framework share: 80% of those needs");
    const auto none = lever_tooltip_lines(ControlId::FrameworkShare, c, false);
    REQUIRE(none.size() == 3);
    CHECK(none.front() == kNoFrameworks);
    CHECK(none.front().find("frameworks.toml") != std::string::npos);
    // Only the framework share depends on it.
    CHECK(lever_tooltip_lines(ControlId::SocialValue, c, false) ==
          lever_tooltip_lines(ControlId::SocialValue, c, true));
}

TEST_CASE("lever notes: the change log's text names the lever that moved") {
    const PolicyControls base;
    std::vector<std::pair<PolicyControls, ControlId>> moves;
    PolicyControls m = base;
    m.social_value_weight = 0.2;
    moves.emplace_back(m, ControlId::SocialValue);
    m = base;
    m.price_weight = 0.8;
    moves.emplace_back(m, ControlId::PriceWeight);
    m = base;
    m.outcome_spec_share = 0.5;
    moves.emplace_back(m, ControlId::OutcomeShare);
    m = base;
    m.lot_threshold_gbp = 500'000;
    moves.emplace_back(m, ControlId::LotThreshold);
    m = base;
    m.sme_reserve = true;
    moves.emplace_back(m, ControlId::SmeReserve);
    m = base;
    m.shared_back_office = true;
    moves.emplace_back(m, ControlId::SharedBackOffice);
    m = base;
    m.framework_share = 0.6;
    moves.emplace_back(m, ControlId::FrameworkShare);
    m = base;
    m.direct_award_threshold_gbp = 10'000;
    moves.emplace_back(m, ControlId::DirectAwardBelow);
    m = base;
    m.quote_threshold_gbp = 50'000;
    moves.emplace_back(m, ControlId::QuotesBelow);
    for (const auto& [to, id] : moves) {
        INFO(describe_change(base, to));
        CHECK(levers_in_change(describe_change(base, to)) == std::vector<ControlId>{id});
        // And back again ("no lots", "no SME reservation", "... off", "no direct awards").
        CHECK(levers_in_change(describe_change(to, base)) == std::vector<ControlId>{id});
    }
    PolicyControls two = base;
    two.social_value_weight = 0.6;
    two.shared_back_office = true;
    CHECK(levers_in_change(describe_change(base, two)) ==
          std::vector<ControlId>{ControlId::SocialValue, ControlId::SharedBackOffice});
    CHECK(levers_in_change("scenario policy for some councils").empty());
}

TEST_CASE("seed change: asks first only when moved levers would be lost") {
    const auto now = std::chrono::steady_clock::now();
    const PolicyControls scenario;
    PolicyControls moved = scenario;
    moved.social_value_weight = 0.3;
    CHECK(seed_click(scenario, scenario, std::nullopt, now) == SeedClick::Change);
    CHECK(seed_click(moved, scenario, std::nullopt, now) == SeedClick::AskFirst);
    CHECK(seed_click(moved, scenario, now - 1s, now) == SeedClick::Change);
    CHECK(seed_click(moved, scenario, now - kSeedConfirmWindow - 1ms, now) == SeedClick::AskFirst);
}

TEST_CASE("seed change: the scenario's own adoptions are not levers the user moved") {
    const ScenarioSpec sv60 =
        load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/sv60.toml");
    const PolicyControls before = scenario_controls_at(sv60, 4);
    const PolicyControls after = scenario_controls_at(sv60, 5);
    CHECK(before.social_value_weight == doctest::Approx(sv60.policy.social_value_weight));
    CHECK(after.social_value_weight == doctest::Approx(0.6));
    // At year 10 of sv60, untouched levers show 60%: a seed change loses nothing.
    CHECK(seed_click(after, scenario_controls_at(sv60, 10), std::nullopt,
                     std::chrono::steady_clock::now()) == SeedClick::Change);
    CHECK(seed_click(after, before, std::nullopt, std::chrono::steady_clock::now()) ==
          SeedClick::AskFirst);
}

TEST_CASE("save: confirmed by the first newer snapshot that saved its own year") {
    Snapshot s;
    s.version = 7;
    s.year = 6;
    s.saved_year = 6;
    CHECK_FALSE(save_confirmed(s, 7)); // the snapshot on screen when K was pressed
    CHECK(save_confirmed(s, 6));
    s.saved_year = 3; // a year finished before the save: not it yet
    CHECK_FALSE(save_confirmed(s, 6));
    s.saved_year = -1;
    CHECK_FALSE(save_confirmed(s, 6));
    CHECK(saved_toast(6).rfind("Saved year 6", 0) == 0);
    CHECK(rewind_toast(4) == "Back to year 4 \u2014 move a lever to branch");
    CHECK(rewind_toast(std::nullopt).find("move a lever to branch") != std::string::npos);
}

TEST_CASE("lever tooltips: the whole row answers, not only what a click hits") {
    const ControlPanelLayout L = layout_control_panel({0, 0, 400, 1000}, 1.0f);
    for (const ControlId id : policy_levers()) {
        const Widget* w = L.find(id);
        REQUIRE(w != nullptr);
        // Just right of the label's start, on its baseline's row.
        const Vec2 on_label{w->label_pos.x + 2.0f, w->row.top + 2.0f};
        INFO(static_cast<int>(id));
        CHECK(widget_at(L, on_label) == id);
    }
    // A stepper's label is no click target, but it is the lever's row.
    const Widget* lots = L.find(ControlId::LotThreshold);
    const Vec2 label{lots->label_pos.x + 2.0f, lots->row.top + lots->row.height / 2};
    CHECK_FALSE(hit_test(L, label).has_value());
    CHECK(widget_at(L, label) == ControlId::LotThreshold);
    CHECK_FALSE(widget_at(L, {L.area.right() + 5.0f, lots->row.top}).has_value());
}

// Scenario format versions (sim/io/scenario_schema.hpp): old files are translated in one place
// and give the spec of their current-version equivalent; newer files are refused.
#include "core/params.hpp"
#include "io/input_file_error.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"
#include "io/scenario_schema.hpp"

#include <doctest/doctest.h>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

using namespace tendersim;

namespace {

const char* kBody = "name = \"old\"\n[market]\ncouncils = 12\n[policy]\nprice_weight = 0.7\n"
                    "[[adopt]]\nyear = 2\n[adopt.policy]\nsocial_value_weight = 0.2\n";

// Loads text, returning the spec and what the loader wrote to stderr.
ScenarioSpec load_capturing_stderr(const std::string& text, std::string& err) {
    std::ostringstream captured;
    std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
    try {
        ScenarioSpec spec = load_scenario_text(text, "s.toml");
        std::cerr.rdbuf(old);
        err = captured.str();
        return spec;
    } catch (...) {
        std::cerr.rdbuf(old);
        throw;
    }
}

// A made-up version 2 that renamed [market] towns to councils, to check the step mechanism.
void rename_towns(toml::table& root) {
    auto* market = root["market"].as_table();
    if (!market) return;
    if (auto* towns = market->get("towns")) {
        const std::int64_t n = towns->as_integer()->get();
        market->erase("towns");
        market->insert_or_assign("councils", n);
    }
}

} // namespace

TEST_CASE("scenario schema: a file without schema_version loads as its version-1 equivalent") {
    std::string old_note;
    std::string v1_note;
    std::string current_note;
    const ScenarioSpec old = load_capturing_stderr(kBody, old_note);
    const ScenarioSpec v1 =
        load_capturing_stderr(std::string("schema_version = 1\n") + kBody, v1_note);
    const ScenarioSpec current =
        load_capturing_stderr(std::string("schema_version = 2\n") + kBody, current_note);
    CHECK(scenario_toml(old, "#") == scenario_toml(v1, "#"));
    // Every parameter, category and adoption: the resolved scenario file of each.
    CHECK(scenario_toml(old, "#") == scenario_toml(current, "#"));
    CHECK(old.market.councils == 12);
    CHECK(old.adoptions.size() == 1);
    CHECK(old_note == "s.toml: note: no schema_version, read as version 2 (0 -> 1: "
                      "schema_version added; no other change; 1 -> 2: suppliers.markup_loss_step "
                      "and suppliers.markup_win_step dropped: bidders now price against the "
                      "competition they expect); set schema_version = 2 to silence this note\n");
    CHECK(v1_note.find("schema_version 1, read as version 2") != std::string::npos);
    CHECK(current_note.empty());
}

TEST_CASE("scenario schema: a newer or malformed version is refused with a clear message") {
    CHECK_THROWS_WITH_AS(load_scenario_text("schema_version = 3\n", "s.toml"),
                         "s.toml:1: key 'schema_version': expected 1 to 2 (the versions this "
                         "tendersim reads), got the integer 3: the file is for a newer tendersim",
                         ScenarioError);
    CHECK_THROWS_WITH_AS(load_scenario_text("schema_version = 0\n", "s.toml"),
                         doctest::Contains("got the integer 0"), ScenarioError);
    CHECK_THROWS_WITH_AS(load_scenario_text("schema_version = 1.0\n", "s.toml"),
                         doctest::Contains("got the number 1"), ScenarioError);
}

TEST_CASE("scenario schema: steps apply in order from the file's version to the current one") {
    const SchemaStep steps[] = {
        {0, "schema_version added", [](toml::table&) {}},
        {1, "[market] towns renamed councils", rename_towns},
    };
    TomlReader old(InputKind::Scenario, "old.toml", "schema_version = 1\n[market]\ntowns = 7\n");
    std::ostringstream note;
    CHECK(upgrade_scenario(old, note, steps, 2) == 1);
    const TomlReader translated(InputKind::Scenario, "new.toml",
                                "schema_version = 2\n[market]\ncouncils = 7\n");
    CHECK(old.root() == translated.root());
    CHECK(note.str() == "old.toml: note: schema_version 1, read as version 2 (1 -> 2: [market] "
                        "towns renamed councils); set schema_version = 2 to silence this note\n");

    TomlReader unversioned(InputKind::Scenario, "u.toml", "[market]\ntowns = 7\n");
    CHECK(upgrade_scenario(unversioned, note, steps, 2) == kUnversionedSchema);
    CHECK(unversioned.root() == translated.root());

    // The current version is read as it is, without a note.
    TomlReader current(InputKind::Scenario, "c.toml", "schema_version = 2\n[market]\ntowns = 7\n");
    std::ostringstream quiet;
    CHECK(upgrade_scenario(current, quiet, steps, 2) == 2);
    CHECK(quiet.str().empty());
    CHECK(current.root().at_path("market.towns").value<std::int64_t>() == 7);

    // A missing step is a bug in the step list, not bad input.
    TomlReader gap(InputKind::Scenario, "g.toml", "schema_version = 1\n");
    CHECK_THROWS_AS(upgrade_scenario(gap, note, std::span<const SchemaStep>(steps, 1), 2),
                    std::logic_error);
}

TEST_CASE("scenario schema: version 1's markup steps are dropped, and unknown in version 2") {
    std::string note;
    const ScenarioSpec spec = load_capturing_stderr(
        "schema_version = 1\n[suppliers]\nmarkup_loss_step = 0.02\nmarkup_win_step = 0.06\n", note);
    CHECK(spec.suppliers.markup_max == SupplierSpec{}.markup_max);
    CHECK(note.find("markup_loss_step and suppliers.markup_win_step dropped") != std::string::npos);
    CHECK_THROWS_WITH_AS(
        load_scenario_text("schema_version = 2\n[suppliers]\nmarkup_loss_step = 0.02\n", "s.toml"),
        doctest::Contains("markup_loss_step"), ScenarioError);
}

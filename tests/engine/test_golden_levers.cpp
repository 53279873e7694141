// Golden regression with every policy lever on (tests/golden/all_levers.toml): its metrics must
// reproduce tests/golden/all_levers_metrics.csv and its final state hash the value pinned here,
// byte for byte (golden_file.hpp). One replicate, seeded with the scenario's seed as given, so the
// rule that derives replicate seeds does not enter. Regenerate after an intended model change
// with TENDERSIM_UPDATE_GOLDEN=1 ctest -R golden, paste the printed hash, and say why in the
// commit message.
#include "core/simulation.hpp"
#include "golden_file.hpp"
#include "io/csv_writers.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <map>
#include <sstream>
#include <string>

using namespace tendersim;

namespace {

constexpr std::uint64_t kFinalStateHash = 0xdf3b5711ef8542acULL;

struct LeverRun {
    std::string metrics_csv;
    std::uint64_t final_hash = 0;
    std::map<std::string, double> totals; // each metric summed over the years
};

LeverRun run_all_levers() {
    const ScenarioSpec spec =
        load_scenario_file(TENDERSIM_SOURCE_DIR "/tests/golden/all_levers.toml");
    REQUIRE(spec.run.replicates == 1);
    REQUIRE(spec.adoptions.size() == 2);
    const auto seed = static_cast<std::uint64_t>(spec.run.seed);
    Simulation sim(spec, seed, 2);
    LeverRun out;
    std::ostringstream csv;
    write_metrics_header(csv);
    for (std::int64_t y = 0; y < spec.run.years; ++y)
        write_metrics_rows(csv, RowKey{spec.name, 0, seed}, sim.run_year(), spec);
    out.metrics_csv = csv.str();
    // Rows end "...,metric,value"; an empty value is a metric not defined that year.
    for (const auto& line : test::golden_lines(out.metrics_csv)) {
        const auto cut = line.rfind(','), start = line.rfind(',', cut - 1) + 1;
        if (cut + 1 < line.size() && line.compare(0, 9, "scenario,") != 0)
            out.totals[line.substr(start, cut - start)] += std::stod(line.substr(cut + 1));
    }
    out.final_hash = state_hash(sim.market());
    return out;
}

} // namespace

TEST_CASE("golden scenario with every lever on matches its metrics file and state hash") {
    const LeverRun run = run_all_levers();
    test::check_golden_file(TENDERSIM_SOURCE_DIR "/tests/golden/all_levers_metrics.csv",
                            run.metrics_csv);
    test::check_golden_hash(run.final_hash, kFinalStateHash);
}

TEST_CASE("the every-lever golden scenario exercises every lever") {
    // A golden file pins values only for what runs: each lever must leave a trace in the metrics.
    const LeverRun run = run_all_levers();
    for (const char* metric :
         {"extra_lots", "reserved_share", "subcontract_value_gbp", "joint_tenders",
          "outcome_spec_share", "outcome_payment_withheld_gbp", "social_value_promised_gbp",
          "monitored_shortfalls"}) {
        const std::string name = metric;
        CAPTURE(name);
        REQUIRE(run.totals.count(name) == 1);
        CHECK(run.totals.at(name) > 0.0);
    }
}

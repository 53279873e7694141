#pragma once
// `tendersim run`: runs a scenario's replicates and writes the results directory.
#include "core/bid_cap.hpp"
#include "core/spec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tendersim {

struct RunConfig {
    std::string scenario_path;
    std::optional<std::int64_t> seed;
    std::optional<std::int64_t> years;
    std::optional<std::int64_t> replicates;
    std::vector<std::string> overrides; // key=value
    // Where overrides[i] came from, for errors ("--params-json", a JSON file's path); a missing
    // or empty entry means "--set key=value".
    std::vector<std::string> override_sources;
    int threads = 1;
    std::string out_dir = "results";
    bool tender_log = false;
    bool bid_log = false;   // bids.csv, one row per bid
    bool ocds = false;      // ocds.jsonl, OCDS release packages (docs/ocds.md)
    bool ocds_gzip = false; // ocds.jsonl.gz instead (implies ocds)
    bool quiet = false;
    // Saved states (docs/state-format.md): write the market after the last year to save_state;
    // continue from the state in from_state (scenario_path may then be empty: the saved scenario).
    std::string save_state;
    std::string from_state;
};

struct RunSummary {
    std::string result_dir;
    double wall_seconds = 0;
    std::vector<std::uint64_t> final_state_hashes; // one per replicate
    BidCapCount bid_cap;                           // over all replicates
};

// Loads and validates the scenario (throws ScenarioError before anything is written), runs it,
// writes metrics.csv, suppliers.csv, manifest.json and optionally tenders.csv, bids.csv and
// ocds.jsonl[.gz].
RunSummary run_job(const RunConfig& config);

// The spec a config resolves to: file, then overrides, then command-line run settings.
ScenarioSpec resolve_spec(const RunConfig& config);
// The same from a scenario's text (a saved state's scenario), `source` naming it in errors.
ScenarioSpec resolve_spec_text(const RunConfig& config, const std::string& text,
                               const std::string& source);

} // namespace tendersim

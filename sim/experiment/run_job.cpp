#include "experiment/run_job.hpp"

#include "core/params.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "io/csv_writers.hpp"
#include "io/errors.hpp"
#include "io/input_file_error.hpp"
#include "io/manifest.hpp"
#include "io/names.hpp"
#include "io/result_dir.hpp"
#include "io/scenario_loader.hpp"
#include "io/spec_prefix.hpp"
#include "io/state_file.hpp"
#include "ocds/export/bid_log_csv.hpp"
#include "ocds/export/gzip_stream.hpp"
#include "ocds/export/ocds_exporter.hpp"

#include <cerrno>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace tendersim {

namespace {

void apply_config(const RunConfig& config, ScenarioSpec& spec) {
    std::vector<Override> overrides;
    for (std::size_t i = 0; i < config.overrides.size(); ++i)
        overrides.push_back({config.overrides[i], i < config.override_sources.size()
                                                      ? config.override_sources[i]
                                                      : std::string()});
    // Errors name the option as typed, e.g. "--years 3: key 'adopt.year': ...".
    auto set = [&](const char* key, const char* option, const std::optional<std::int64_t>& v) {
        if (v)
            overrides.push_back({std::string(key) + "=" + std::to_string(*v),
                                 std::string(option) + " " + std::to_string(*v)});
    };
    set("run.seed", "--seed", config.seed);
    set("run.years", "--years", config.years);
    set("run.replicates", "--replicates", config.replicates);
    // Cross-field checks once, on the final combination.
    apply_overrides(spec, overrides);
}

} // namespace

ScenarioSpec resolve_spec(const RunConfig& config) {
    ScenarioSpec spec = load_scenario_file(config.scenario_path);
    apply_config(config, spec);
    return spec;
}

ScenarioSpec resolve_spec_text(const RunConfig& config, const std::string& text,
                               const std::string& source) {
    ScenarioSpec spec = load_scenario_text(text, source);
    apply_config(config, spec);
    return spec;
}

namespace {

// The replicate to run: built from the spec, or continued from a saved state after checking
// that the spec agrees with the one it was saved with on every year already run.
struct StartingPoint {
    std::optional<LoadedState> loaded;
    ScenarioSpec spec;
};

StartingPoint starting_point(const RunConfig& config) {
    StartingPoint start;
    if (config.from_state.empty()) {
        start.spec = resolve_spec(config);
        return start;
    }
    const std::string& file = config.from_state;
    if (config.seed)
        throw InputError("--seed cannot go with --from-state: the state carries its seed");
    start.loaded = read_state_file(file);
    const Market& saved = start.loaded->state.market;
    start.spec =
        config.scenario_path.empty()
            ? resolve_spec_text(config, start.loaded->scenario_text, file + " (saved scenario)")
            : resolve_spec(config);
    const std::int64_t year = saved.year;
    if (const SpecDifference d = first_difference(saved.spec, start.spec, year); d.any())
        throw InputError(continuation_refusal(
            file, config.scenario_path.empty() ? "asked" : config.scenario_path, d, year));
    const std::int64_t reported = saved.reported_year();
    if (start.spec.run.years <= reported)
        throw InputError(file + ": the state was saved after year " + std::to_string(reported) +
                         ", so run.years (" + std::to_string(start.spec.run.years) +
                         ") leaves nothing to run: give --years N, more than " +
                         std::to_string(reported));
    if (start.spec.run.replicates != 1)
        throw InputError("--from-state continues one replicate: give --replicates 1 (the "
                         "scenario asks for " +
                         std::to_string(start.spec.run.replicates) + ")");
    if (!start.loaded->same_engine)
        std::cerr << "warning: " << file << " was saved by another engine build (tendersim "
                  << start.loaded->tendersim_version
                  << "): the continuation may differ from an uninterrupted run of this one\n";
    return start;
}

} // namespace

namespace {

bool inside(const std::filesystem::path& path, const std::filesystem::path& dir) {
    const auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path));
    const auto d = std::filesystem::weakly_canonical(std::filesystem::absolute(dir));
    auto it = p.begin();
    for (const auto& part : d) {
        if (it == p.end() || *it != part) return false;
        ++it;
    }
    return true;
}

// Checked before the run, not after it: a state file inside the results directory would be
// swapped away with the old results, and a path that cannot take a file would lose the run.
void check_state_paths(const RunConfig& config, const std::filesystem::path& target) {
    for (const auto& [option, path] : {std::pair{"--save-state", config.save_state},
                                       std::pair{"--from-state", config.from_state}}) {
        if (path.empty()) continue;
        if (inside(path, target))
            throw InputError(std::string(option) + " " + path + ": inside " + target.string() +
                             ", which this run replaces; keep state files elsewhere");
    }
    if (config.save_state.empty()) return;
    const auto file = std::filesystem::absolute(config.save_state);
    if (!std::filesystem::is_directory(file.parent_path()))
        throw InputError("--save-state " + config.save_state + ": no directory " +
                         file.parent_path().string());
    if (std::filesystem::is_directory(file))
        throw InputError("--save-state " + config.save_state +
                         ": a directory; give a file name, e.g. " +
                         (std::filesystem::path(config.save_state) / "market.state").string());
}

} // namespace

RunSummary run_job(const RunConfig& config) {
    const auto started = std::chrono::steady_clock::now();
    StartingPoint start = starting_point(config);
    const ScenarioSpec& spec = start.spec;
    if (!config.save_state.empty() && spec.run.replicates != 1)
        throw InputError("--save-state saves one replicate's market: give --replicates 1 (the "
                         "scenario asks for " +
                         std::to_string(spec.run.replicates) + ")");
    const std::filesystem::path target = std::filesystem::path(config.out_dir) / spec.name;
    check_state_paths(config, target);
    // The loader checks names; this catches a spec built another way before it becomes a path.
    if (!valid_name(spec.name))
        throw ScenarioError(config.scenario_path, 0, "name",
                            name_expectation() + ", got " + quoted_name(spec.name));
    RunSummary summary;
    // Locks results/<name> for the whole run, and recovers what a killed run left there.
    StagedResultDir dir(target);
    auto metrics = dir.open("metrics.csv");
    auto suppliers = dir.open("suppliers.csv");
    std::unique_ptr<OutFile> tenders;
    write_metrics_header(*metrics);
    write_suppliers_header(*suppliers);
    if (config.tender_log) {
        tenders = dir.open("tenders.csv");
        write_tenders_header(*tenders);
    }
    std::unique_ptr<OutFile> bids;
    if (config.bid_log) {
        bids = dir.open("bids.csv");
        ocds::write_bids_header(*bids);
    }
    // The export streams into ocds.jsonl, or through a compressor into ocds.jsonl.gz.
    const bool ocds = config.ocds || config.ocds_gzip;
    std::unique_ptr<OutFile> ocds_file;
    std::unique_ptr<ocds::GzipOstream> ocds_gzip;
    if (ocds) {
        ocds_file = dir.open(config.ocds_gzip ? "ocds.jsonl.gz" : "ocds.jsonl");
        if (config.ocds_gzip) ocds_gzip = std::make_unique<ocds::GzipOstream>(*ocds_file);
    }
    std::ostream* const ocds_out =
        ocds_gzip ? static_cast<std::ostream*>(ocds_gzip.get()) : ocds_file.get();
    std::vector<std::uint64_t> seeds;
    std::optional<SimulationState> saved; // written once the results are in place
    RunPlan plan = make_run_plan(spec);
    std::int64_t first_year = 0; // reported years already run (a continued state's)
    if (start.loaded) {
        plan.front().seed = start.loaded->state.market.seed;
        first_year = start.loaded->state.market.reported_year();
    }
    for (const PlannedRun& run : plan) {
        seeds.push_back(run.seed);
        std::unique_ptr<Simulation> sim_ptr;
        if (start.loaded) {
            sim_ptr = std::make_unique<Simulation>(std::move(start.loaded->state), config.threads);
            sim_ptr->continue_under(run.spec);
        } else {
            sim_ptr = std::make_unique<Simulation>(run.spec, run.seed, config.threads);
        }
        Simulation& sim = *sim_ptr;
        // After the burn-in (run by the constructor): only reported years keep their bids.
        sim.set_bid_log(bids || ocds);
        std::optional<ocds::OcdsExporter> exporter;
        if (ocds)
            exporter.emplace(*ocds_out, run.label, run.replicate, run.spec.run.calendar_start_year);
        const RowKey key{run.label, run.replicate, run.seed};
        for (std::int64_t y = first_year; y < run.spec.run.years; ++y) {
            write_metrics_rows(*metrics, key, sim.run_year(), run.spec);
            if (tenders) write_tender_rows(*tenders, key, sim.market(), sim.last_year());
            if (bids) ocds::write_bid_rows(*bids, key, sim.market(), sim.last_year());
            if (exporter) exporter->write_year(sim.market(), sim.last_year());
        }
        write_supplier_rows(*suppliers, key, sim.market());
        if (!config.save_state.empty()) saved = sim.state();
        summary.final_state_hashes.push_back(state_hash(sim.market()));
        summary.bid_cap.add(sim.bid_cap());
        // A full disk stops the run here, not after the last replicate.
        for (const auto* f :
             {metrics.get(), suppliers.get(), tenders.get(), bids.get(), ocds_file.get()})
            if (f) f->check();
        if (!config.quiet)
            std::cerr << "replicate " << run.replicate + 1 << "/" << spec.run.replicates
                      << " done (seed " << run.seed << ")\n";
    }
    if (ocds_gzip) ocds_gzip->finish(); // the gzip trailer, before its file closes
    for (auto* f : {metrics.get(), suppliers.get(), tenders.get(), bids.get(), ocds_file.get()})
        if (f) f->close();
    summary.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // The hashes of the bytes the loader parsed, not of a second read of the file.
    ManifestInfo info;
    info.scenario_path = config.scenario_path;
    info.scenario_sha256 = spec.sources.empty() ? std::string() : spec.sources.front().sha256;
    info.replicate_seeds = seeds;
    info.threads = config.threads;
    info.wall_seconds = summary.wall_seconds;
    info.final_state_hashes = summary.final_state_hashes;
    info.bid_cap = summary.bid_cap;
    if (start.loaded) {
        info.from_state = config.from_state;
        info.from_state_sha256 = start.loaded->sha256;
        info.from_state_year = first_year;
    }
    info.saved_state = config.save_state;
    auto manifest = dir.open("manifest.json");
    *manifest << manifest_json(spec, info);
    manifest->close();
    dir.commit();
    summary.result_dir = dir.target().string();
    if (saved) write_state_file(config.save_state, *saved);
    // Once per run, --quiet or not: results from a market where the cap bound understate bids.
    if (const std::string warning = bid_cap_warning(summary.bid_cap); !warning.empty())
        std::cerr << warning << "\n";
    return summary;
}

} // namespace tendersim

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
#include "ocds/export/bid_log_csv.hpp"
#include "ocds/export/gzip_stream.hpp"
#include "ocds/export/ocds_exporter.hpp"

#include <cerrno>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace tendersim {

ScenarioSpec resolve_spec(const RunConfig& config) {
    ScenarioSpec spec = load_scenario_file(config.scenario_path);
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
    return spec;
}

RunSummary run_job(const RunConfig& config) {
    const auto started = std::chrono::steady_clock::now();
    const ScenarioSpec spec = resolve_spec(config);
    // The loader checks names; this catches a spec built another way before it becomes a path.
    if (!valid_name(spec.name))
        throw ScenarioError(config.scenario_path, 0, "name",
                            name_expectation() + ", got " + quoted_name(spec.name));
    RunSummary summary;
    // Locks results/<name> for the whole run, and recovers what a killed run left there.
    StagedResultDir dir(std::filesystem::path(config.out_dir) / spec.name);
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
    for (const PlannedRun& run : make_run_plan(spec)) {
        seeds.push_back(run.seed);
        Simulation sim(run.spec, run.seed, config.threads);
        // After the burn-in (run by the constructor): only reported years keep their bids.
        sim.set_bid_log(bids || ocds);
        std::optional<ocds::OcdsExporter> exporter;
        if (ocds)
            exporter.emplace(*ocds_out, run.label, run.replicate, run.spec.run.calendar_start_year);
        const RowKey key{run.label, run.replicate, run.seed};
        for (std::int64_t y = 0; y < run.spec.run.years; ++y) {
            write_metrics_rows(*metrics, key, sim.run_year(), run.spec);
            if (tenders) write_tender_rows(*tenders, key, sim.market(), sim.last_year());
            if (bids) ocds::write_bid_rows(*bids, key, sim.market(), sim.last_year());
            if (exporter) exporter->write_year(sim.market(), sim.last_year());
        }
        write_supplier_rows(*suppliers, key, sim.market());
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
    ManifestInfo info{config.scenario_path,
                      spec.sources.empty() ? std::string() : spec.sources.front().sha256,
                      seeds,
                      config.threads,
                      summary.wall_seconds,
                      summary.final_state_hashes,
                      summary.bid_cap};
    auto manifest = dir.open("manifest.json");
    *manifest << manifest_json(spec, info);
    manifest->close();
    dir.commit();
    summary.result_dir = dir.target().string();
    // Once per run, --quiet or not: results from a market where the cap bound understate bids.
    if (const std::string warning = bid_cap_warning(summary.bid_cap); !warning.empty())
        std::cerr << warning << "\n";
    return summary;
}

} // namespace tendersim

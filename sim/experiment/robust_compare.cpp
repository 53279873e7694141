#include "experiment/robust_compare.hpp"

#include "experiment/mpi_sweep.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_merge.hpp"
#include "io/manifest.hpp"
#include "io/result_dir.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>

namespace tendersim::experiment {
namespace fs = std::filesystem;

fs::path robust_compare_dir(const CompareData& data, const fs::path& out_parent) {
    return out_parent / (compare_dir_name(data.labels) + "-robust");
}

std::string held_parameters_text(const CompareData& data, const std::vector<HeldParameter>& held,
                                 const std::string& reference) {
    std::string t;
    for (std::size_t s = 0; s < data.labels.size(); ++s) {
        std::string replaced, adopted;
        for (const HeldParameter& h : held) {
            if (h.scenario != s) continue;
            std::string& list = h.adopted_from == 0 ? replaced : adopted;
            list += (list.empty() ? "" : ", ") + h.key + " = " + h.value;
            if (h.adopted_from != 0) list += " from year " + std::to_string(h.adopted_from);
        }
        if (replaced.empty() && adopted.empty()) continue;
        t += "- " + data.labels[s] + ":";
        if (!replaced.empty()) t += " its own values, replaced by each set's: " + replaced + ".";
        if (!adopted.empty())
            t += " set by an [[adopt]], so the same in every set from that year on where it "
                 "applies: " +
                 adopted + ".";
        t += "\n";
    }
    if (t.empty()) return t;
    return "Parameters the sets do not vary as drawn. The sets apply on top of each scenario "
           "(its file, base and --set), so a drawn parameter the scenario sets to a value other "
           "than " +
           reference + " is replaced by each set's; an [[adopt]] applies on top of the sets:\n\n" +
           t;
}

std::string robust_manifest_json(const RobustPlan& plan) {
    const CompareData& data = plan.comparison.data;
    const ParameterSets& sets = plan.sets;
    std::ostringstream o;
    o << "{\n  \"tool\": \"tendersim\",\n  \"kind\": \"compare-robust\",\n  \"scenarios\": [";
    for (std::size_t s = 0; s < data.labels.size(); ++s)
        o << (s ? "," : "") << "\n    {\"name\": " << json_string(data.labels[s])
          << ", \"file\": " << json_string(data.files[s])
          << ", \"sha256\": " << json_string(data.sha256[s])
          << ", \"sweep\": " << json_string("sweeps/" + data.labels[s])
          << ", \"sweep_fingerprint\": " << json_string(plan.sweeps[s]->fingerprint())
          << ", \"sources\": " << source_files_json(data.sources[s], "    ") << "}";
    o << "\n  ],\n  \"reference\": " << json_string(data.labels[0]);
    if (!sets.file.empty())
        o << ",\n  \"ensemble\": {\"file\": " << json_string(sets.file)
          << ", \"sha256\": " << json_string(sets.sha256) << ", \"members\": " << sets.size()
          << "}";
    else
        o << ",\n  \"robust\": {\"design\": \"lhs over the plausible ranges\", \"sets\": "
          << sets.draws << ", \"seed\": " << sets.seed << "}";
    o << ",\n  \"parameters\": [";
    for (std::size_t c = 0; c < sets.params.size(); ++c)
        o << (c ? ", " : "") << json_string(sets.params[c].key);
    o << "],\n  \"held_parameters_relative_to\": " << json_string(plan.held_reference)
      << ",\n  \"held_parameters\": [";
    for (std::size_t h = 0; h < plan.held.size(); ++h) {
        const HeldParameter& p = plan.held[h];
        o << (h ? "," : "") << "\n    {\"scenario\": " << json_string(data.labels[p.scenario])
          << ", \"key\": " << json_string(p.key) << ", \"value\": " << json_string(p.value)
          << ", \"by\": "
          << json_string(p.adopted_from == 0 ? "scenario: replaced by the sets" : "adopt");
        if (p.adopted_from != 0) o << ", \"from_year\": " << p.adopted_from;
        o << "}";
    }
    o << (plan.held.empty() ? "" : "\n  ") << "],\n  \"sets\": " << sets.size()
      << ",\n  \"replicates\": " << data.replicates() << ",\n  \"years\": " << data.years
      << ",\n  \"years_at\": [";
    for (std::size_t y = 0; y < data.years_at.size(); ++y) o << (y ? ", " : "") << data.years_at[y];
    o << "],\n  \"summary_year\": " << data.years_at[data.summary_index()]
      << ",\n  \"seed\": " << data.seed
      << ",\n  \"replicate_seed\": \"replicate_seed(seed, r) in sim/core/run_plan.hpp, as "
         "tendersim compare and run, for every set\",\n  \"replicate_seeds\": [";
    for (std::size_t r = 0; r < data.replicates(); ++r)
        o << (r ? ", " : "") << data.replicate_seeds[r];
    o << "],\n  \"metrics\": [";
    for (std::size_t m = 0; m < data.metrics.size(); ++m)
        o << (m ? ", " : "") << json_string(data.metrics[m]);
    o << "],\n  \"method\": \"analysis::robust_effect (sim/analysis/robustness.hpp); "
         "docs/experiments.md, Robust comparison\"\n}\n";
    return o.str();
}

RobustOutcome run_robust_compare(const RobustPlan& plan, const RobustOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const CompareData& data = plan.comparison.data;
    RobustOutcome outcome;
    outcome.dir = robust_compare_dir(data, options.out_parent);
    // manifest.json says the comparison is complete: unless every sweep is already finished
    // (--resume of a complete comparison), it and the summaries go before any run, so an
    // interrupted rerun (another --robust N, say) never leaves the old result looking complete
    // beside sweeps that hold the new runs. --resume writes them again at the end.
    bool all_finished = options.resume;
    for (std::size_t s = 0; all_finished && s < plan.sweeps.size(); ++s) {
        const fs::path dir = robust_sweep_dir(outcome.dir, data.labels[s]);
        all_finished =
            shard_files(dir).empty() && finished_fingerprint(dir) == plan.sweeps[s]->fingerprint();
    }
    if (!all_finished)
        for (const char* f : {"manifest.json", "report.md", "robustness.csv", "effects.csv",
                              "sets.csv", "scenarios.csv"}) {
            std::error_code ec; // absent is fine; under MPI every rank tries
            fs::remove(outcome.dir / f, ec);
        }
    bool worker = false;
    for (std::size_t s = 0; s < plan.sweeps.size(); ++s) {
        SweepOptions opt;
        opt.sweep_dir = robust_sweep_dir(outcome.dir, data.labels[s]);
        opt.threads = options.threads;
        opt.resume = options.resume;
        opt.restart = options.restart;
        opt.log = options.log;
        opt.terminal = options.terminal;
        opt.cancel = options.cancel;
        opt.share_prefix = false; // the sets differ from the build: nothing to share
        opt.shard = options.shard;
        // Under MPI every rank runs this loop; the sweep's own progress (rank 0's) names it.
        if (options.log && !options.mpi)
            *options.log << "scenario " << s + 1 << " of " << plan.sweeps.size() << ": "
                         << data.labels[s] << " under " << plan.sets.size() << " parameter sets\n";
        fs::create_directories(opt.sweep_dir.parent_path());
        const SweepOutcome out =
            options.mpi ? run_sweep_mpi(*plan.sweeps[s], opt) : run_sweep(*plan.sweeps[s], opt);
        // With a shard, its own runs (those with index % N == K), also when --resume finds the
        // sweep finished and reports all of them.
        const ShardSpec& shard = options.shard;
        const std::uint64_t own =
            (plan.sweeps[s]->run_count() + shard.count - 1 - shard.index) / shard.count;
        outcome.runs_total += own;
        outcome.runs_before += std::min(out.runs_before, own);
        outcome.runs_now += out.runs_now;
        switch (out.status) {
        case SweepStatus::Complete:
        case SweepStatus::AlreadyComplete:
        case SweepStatus::ShardComplete: // on to this shard of the next scenario's sweep
            break;
        case SweepStatus::WorkerRankDone:
            worker = true;
            break;
        case SweepStatus::Interrupted:
        case SweepStatus::Failed:
            outcome.status = out.status;
            outcome.exit_code = out.exit_code;
            return outcome;
        }
    }
    if (worker) {
        outcome.status = SweepStatus::WorkerRankDone;
        return outcome;
    }
    if (options.shard.count > 1) {
        // The other shards' runs are still to come: --resume without a shard merges them.
        outcome.status = SweepStatus::ShardComplete;
        outcome.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return outcome;
    }
    const ResultDirLock lock(outcome.dir);
    const RobustValues values = read_robust_values(plan, outcome.dir);
    outcome.rows = robust_rows(plan.sets, values);
    write_file_atomically(outcome.dir / "sets.csv", sets_csv(plan.sets));
    write_file_atomically(outcome.dir / "effects.csv", effects_csv(data, values));
    write_file_atomically(outcome.dir / "robustness.csv", robustness_csv(data, outcome.rows));
    write_file_atomically(outcome.dir / "scenarios.csv", scenarios_csv(data));
    write_file_atomically(
        outcome.dir / "report.md",
        robust_report_md(data, plan.sets, outcome.rows,
                         held_parameters_text(data, plan.held, plan.held_reference)));
    // Last: its presence says the robust comparison is complete.
    write_file_atomically(outcome.dir / "manifest.json", robust_manifest_json(plan));
    outcome.status = SweepStatus::Complete;
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

} // namespace tendersim::experiment

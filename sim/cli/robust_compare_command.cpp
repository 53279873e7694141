// `tendersim compare A.toml B.toml ... --ensemble FILE | --robust N`: the paired comparison under
// each parameter set, as one resumable sweep per scenario (experiment/robust_compare.hpp).
#include "experiment/robust_compare.hpp"
#include "experiment_commands.hpp"
#include "io/errors.hpp"
#include "sweep_cli.hpp"
#include "text/text.hpp"
#include "validation/parameter_sets.hpp"

#include <atomic>
#include <iostream>
#include <unistd.h>

namespace tendersim {

int robust_compare(const experiment::CompareConfig& config, const RobustCompareArgs& args) {
    experiment::PreparedComparison prepared = experiment::prepare_comparison(config);
    experiment::ParameterSets sets =
        args.ensemble.empty() ? validation::draw_parameter_sets(args.draws, prepared.data.seed)
                              : validation::read_ensemble(args.ensemble);
    // An ensemble calibrated on another scenario is allowed (its sets are versions of the model),
    // but worth a note: its members fit the targets under that scenario's market.
    if (!args.quiet && !sets.calibrated_scenario.empty() &&
        sets.calibrated_scenario != prepared.specs.front().name)
        std::cerr << "note: " << args.ensemble << " was calibrated on scenario '"
                  << sets.calibrated_scenario << "', the reference here is '"
                  << prepared.specs.front().name << "'\n";
    const experiment::RobustPlan plan =
        experiment::make_robust_plan(std::move(prepared), std::move(sets));
    if (!args.quiet)
        if (const std::string held = experiment::held_parameters_text(
                plan.comparison.data, plan.held, plan.held_reference);
            !held.empty())
            std::cerr << "note: " << held << "(in report.md and manifest.json too)\n";
    experiment::RobustOptions opt;
    opt.out_parent = config.out_parent;
    opt.threads = config.threads;
    opt.resume = args.resume;
    opt.restart = args.restart;
    opt.mpi = args.mpi;
    opt.shard = args.shard;
    if (!args.quiet) {
        opt.log = &std::cerr;
        opt.terminal = ::isatty(STDERR_FILENO) != 0;
    }
    experiment::RobustOutcome out;
    cli::run_interruptibly([&](const std::atomic<bool>* cancel) {
        opt.cancel = cancel;
        out = experiment::run_robust_compare(plan, opt);
    });
    using experiment::SweepStatus;
    switch (out.status) {
    case SweepStatus::Complete:
    case SweepStatus::AlreadyComplete: {
        std::size_t robust = 0, depends = 0, noise = 0, undetermined = 0;
        for (const auto& row : out.rows)
            if (row.effect) {
                const auto v = row.effect->verdict;
                (v == analysis::RobustnessVerdict::Robust        ? robust
                 : v == analysis::RobustnessVerdict::DependsOn   ? depends
                 : v == analysis::RobustnessVerdict::WithinNoise ? noise
                                                                 : undetermined)++;
            }
        std::cout << "wrote " << out.dir.string()
                  << " (report.md, robustness.csv, effects.csv, sets.csv, scenarios.csv, "
                     "manifest.json; runs in sweeps/): "
                  << plan.sets.size() << " parameter sets, " << out.runs_total << " runs, "
                  << out.runs_now << " run now in " << format_seconds(out.seconds) << "; " << robust
                  << " robust, " << depends << " depends on, " << noise << " within noise"
                  << (undetermined ? ", " + std::to_string(undetermined) + " undetermined" : "")
                  << "\n";
        return kExitOk;
    }
    case SweepStatus::Interrupted:
        std::cerr << "interrupted: the runs done so far are saved in " << out.dir.string()
                  << "; finish with the same command and --resume\n";
        return kExitInterrupted;
    case SweepStatus::WorkerRankDone:
        return kExitOk;
    case SweepStatus::Failed:
        return out.exit_code != 0 ? out.exit_code : kExitInternal;
    case SweepStatus::ShardComplete:
        std::cout << "shard " << args.shard.index << "/" << args.shard.count
                  << " of the robust comparison done: " << out.runs_total << " runs ("
                  << out.runs_now << " run now in " << format_seconds(out.seconds) << ") in "
                  << out.dir.string()
                  << "; when every shard is done, run the same command with --resume and "
                     "without --shard to merge and report\n";
        return kExitOk;
    }
    return kExitInternal;
}

} // namespace tendersim

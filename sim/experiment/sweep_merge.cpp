#include "experiment/sweep_merge.hpp"

#include "core/params.hpp"
#include "experiment/sensitivity_csv.hpp"
#include "experiment/shard_index.hpp"
#include "experiment/sweep_rows.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/manifest.hpp"
#include "io/result_dir.hpp"
#include "io/version.hpp"
#include "text/text.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace tendersim::experiment {
namespace {

namespace fs = std::filesystem;

// "shard-3-of-10.records" -> (3, 10); other names -> nullopt.
std::optional<ShardSpec> shard_of_file(const fs::path& p) {
    const std::string stem = p.stem().string();
    unsigned long long k = 0, n = 0;
    char tail = 0;
    if (std::sscanf(stem.c_str(), "shard-%llu-of-%llu%c", &k, &n, &tail) == 2 && n > 0 && k < n)
        return ShardSpec{k, n};
    return std::nullopt;
}

[[noreturn]] void report_missing(const SweepPlan& plan, const ShardIndex& idx) {
    std::ostringstream msg;
    const std::uint64_t missing = plan.run_count() - idx.complete;
    msg << "the sweep is not complete: " << missing << " of " << plan.run_count()
        << " runs have no result yet (first missing:";
    int listed = 0;
    for (std::uint64_t r = 0; r < plan.run_count() && listed < 5; ++r)
        if (!idx.done(r)) msg << (listed++ ? ", " : " ") << "run " << r;
    msg << ")";
    // With --shard K/N files present, say which shard jobs to rerun.
    std::map<std::uint64_t, std::uint64_t> counts; // shard count N -> files seen
    for (const auto& f : idx.files)
        if (auto s = shard_of_file(f)) ++counts[s->count];
    if (counts.size() == 1) {
        const std::uint64_t n = counts.begin()->first;
        std::map<std::uint64_t, std::uint64_t> per_shard;
        for (std::uint64_t r = 0; r < plan.run_count(); ++r)
            if (!idx.done(r)) ++per_shard[r % n];
        msg << ". Unfinished shards:";
        for (const auto& [k, c] : per_shard) msg << " " << k << "/" << n << " (" << c << " runs)";
        msg << "; rerun each with `tendersim sweep " << plan.spec().file << " --shard K/" << n
            << " --resume`";
    } else {
        msg << "; finish it with `tendersim sweep " << plan.spec().file << " --resume`";
    }
    throw InputError(msg.str());
}

} // namespace

std::string sweep_manifest_json(const SweepPlan& plan) {
    const SweepSpec& s = plan.spec();
    std::ostringstream o;
    o << "{\n  \"tool\": \"tendersim\",\n  \"kind\": \"sweep\",\n  \"version\": "
      << json_string(kVersion) << ",\n  \"git_commit\": " << json_string(kGitCommit)
      << ",\n  \"engine_build\": " << json_string(kEngineBuild)
      << ",\n  \"sweep\": " << json_string(s.name)
      << ",\n  \"description\": " << json_string(s.description)
      << ",\n  \"sweep_file\": " << json_string(s.file)
      << ",\n  \"sweep_sha256\": " << json_string(s.file_sha256)
      << ",\n  \"base_scenario_file\": " << json_string(s.base_file)
      << ",\n  \"base_scenario_sha256\": " << json_string(s.base_sha256)
      << ",\n  \"base_scenario_sources\": " << source_files_json(s.base.sources, "  ")
      << ",\n  \"fingerprint\": " << json_string(plan.fingerprint())
      << ",\n  \"design\": {\"type\": " << json_string(std::string(design_name(s.design)));
    switch (s.design) {
    case DesignKind::Grid:
        o << ", \"points_per_dim\": " << s.points_per_dim;
        break;
    case DesignKind::Lhs:
        o << ", \"samples\": " << s.samples;
        break;
    case DesignKind::Morris:
        o << ", \"trajectories\": " << s.trajectories << ", \"levels\": " << s.levels;
        break;
    case DesignKind::Sobol:
        o << ", \"base_samples\": " << s.base_samples << ", \"bootstrap\": " << s.bootstrap;
        break;
    case DesignKind::Points:
        o << ", \"file\": " << json_string(s.points_file)
          << ", \"file_sha256\": " << json_string(s.points_sha256);
        break;
    }
    o << "},\n  \"design_points\": " << plan.point_count()
      << ",\n  \"replicates\": " << s.replicates << ",\n  \"runs\": " << plan.run_count()
      << ",\n  \"seed\": " << s.seed
      << ",\n  \"run_seed\": \"derive_seed(seed, StreamPurpose::Sweep, run) in sim/core/rng.hpp\""
      << ",\n  \"years\": " << s.base.run.years << ",\n  \"parameters\": [";
    for (std::size_t i = 0; i < s.params.size(); ++i) {
        const auto& p = s.params[i];
        o << (i ? "," : "") << "\n    {\"key\": " << json_string(p.key);
        if (!p.range.levels.empty()) {
            o << ", \"values\": [";
            for (std::size_t j = 0; j < p.range.levels.size(); ++j) {
                const std::string t = param_text(p, p.range.levels[j]);
                o << (j ? ", " : "") << (p.def->kind == ParamKind::Choice ? json_string(t) : t);
            }
            o << "]}";
        } else {
            o << ", \"min\": " << param_text(p, p.range.lo)
              << ", \"max\": " << param_text(p, p.range.hi) << "}";
        }
    }
    o << "\n  ],\n  \"outputs\": [";
    for (std::size_t i = 0; i < s.outputs.size(); ++i)
        o << (i ? ", " : "") << json_string(s.outputs[i]);
    o << "],\n  \"timeseries\": " << (s.timeseries ? "true" : "false")
      << ",\n  \"base_parameters\": {\n";
    bool first = true;
    for (const auto& def : scenario_params()) {
        const std::string v = param_value_text(def, s.base);
        o << (first ? "" : ",\n") << "    " << json_string(std::string(def.key)) << ": "
          << (def.kind == ParamKind::Choice ? json_string(v) : v);
        first = false;
    }
    o << "\n  }\n}\n";
    return o.str();
}

std::string finished_fingerprint(const fs::path& sweep_dir) {
    std::ifstream in(sweep_dir / "manifest.json");
    std::string line;
    const std::string key = "\"fingerprint\": \"";
    while (std::getline(in, line)) {
        const auto at = line.find(key);
        if (at == std::string::npos) continue;
        const auto start = at + key.size();
        const auto end = line.find('"', start);
        if (end != std::string::npos) return line.substr(start, end - start);
    }
    return {};
}

void merge_sweep(const SweepPlan& plan, const ResultDirLock& lock) {
    const fs::path& sweep_dir = lock.target();
    const ShardIndex idx = index_shards(sweep_dir, plan);
    if (idx.complete != plan.run_count()) report_missing(plan, idx);

    StagedResultDir staged(sweep_dir, lock);
    {
        auto runs = staged.open("runs.csv");
        std::unique_ptr<OutFile> series;
        *runs << runs_header(plan);
        if (plan.spec().timeseries) {
            series = staged.open("timeseries.csv");
            *series << timeseries_header();
        }
        // One open stream per shard file; records are read in run order, so memory holds one
        // payload at a time whatever the sweep size.
        std::vector<std::unique_ptr<std::ifstream>> files;
        for (const auto& f : idx.files)
            files.push_back(std::make_unique<std::ifstream>(f, std::ios::binary));
        for (std::uint64_t r = 0; r < plan.run_count(); ++r) {
            const RunRecord& rec = idx.by_run[static_cast<std::size_t>(r)];
            const std::string payload = read_payload(*files[rec.file], {r, rec.offset, rec.size});
            const PayloadParts parts = split_payload(payload);
            *runs << parts.runs_row;
            if (series) *series << parts.timeseries;
        }
        runs->close();
        if (series) series->close();
    }
    const SweepSpec& s = plan.spec();
    if (s.design == DesignKind::Morris || s.design == DesignKind::Sobol) {
        std::ifstream runs(staged.file("runs.csv"), std::ios::binary);
        const PointOutputs outputs = read_point_outputs(runs, plan.point_count());
        auto sens = staged.open("sensitivity.csv");
        if (s.design == DesignKind::Morris)
            *sens << morris_csv(std::get<analysis::MorrisDesign>(plan.design()), outputs);
        else
            *sens << sobol_csv(std::get<analysis::SaltelliDesign>(plan.design()), outputs,
                               s.bootstrap, s.seed);
        sens->close();
    }
    {
        auto manifest = staged.open("manifest.json");
        *manifest << sweep_manifest_json(plan);
        manifest->close();
    }
    staged.commit();
}

} // namespace tendersim::experiment

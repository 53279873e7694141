#include "experiment/shard_index.hpp"

#include "io/errors.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace tendersim::experiment {

namespace fs = std::filesystem;

fs::path shards_dir(const fs::path& sweep_dir) {
    return sweep_dir / "shards";
}

std::vector<fs::path> shard_files(const fs::path& sweep_dir) {
    std::vector<fs::path> out;
    const fs::path dir = shards_dir(sweep_dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".records")
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

ShardIndex index_shards(const fs::path& sweep_dir, const SweepPlan& plan) {
    ShardIndex idx;
    idx.files = shard_files(sweep_dir);
    idx.by_run.assign(static_cast<std::size_t>(plan.run_count()), RunRecord{});
    // Scan every file before judging any: a foreign file's error must say how much valid work
    // the others hold, so the advice never destroys it.
    std::vector<ShardScan> scans(idx.files.size());
    std::vector<std::string> not_shard(idx.files.size()); // why a file is no shard file at all
    std::uint64_t runs_here = 0;
    for (std::size_t f = 0; f < idx.files.size(); ++f) {
        try {
            scans[f] = scan_shard_file(idx.files[f]);
        } catch (const InputError& e) {
            not_shard[f] = std::string(e.what()) + "; move it out of " +
                           shards_dir(sweep_dir).string() + " (only this sweep's shard files " +
                           "belong there)";
            continue;
        }
        if (scans[f].header_valid && scans[f].fingerprint == plan.fingerprint())
            runs_here += scans[f].records.size();
    }
    std::string foreign;
    for (std::size_t f = 0; f < idx.files.size(); ++f) {
        std::string problem = not_shard[f];
        if (problem.empty() && scans[f].header_valid && scans[f].fingerprint != plan.fingerprint())
            problem = foreign_shard_message(idx.files[f], scans[f], plan.definition(), runs_here);
        if (!problem.empty()) foreign += (foreign.empty() ? "" : "\n") + problem;
    }
    if (!foreign.empty()) throw InputError(foreign);
    for (std::uint32_t f = 0; f < idx.files.size(); ++f) {
        const ShardScan& scan = scans[f];
        if (!scan.header_valid) continue;
        for (const auto& rec : scan.records) {
            if (rec.run >= plan.run_count())
                throw InputError(idx.files[f].string() + " records run " + std::to_string(rec.run) +
                                 ", outside this sweep");
            RunRecord& slot = idx.by_run[static_cast<std::size_t>(rec.run)];
            if (slot.file == RunRecord::none) {
                slot = {f, rec.offset, rec.size};
                ++idx.complete;
                continue;
            }
            // The same run twice (overlapping shards, or a rerun): harmless if identical, and a
            // reproducibility failure worth stopping for if not.
            std::ifstream a(idx.files[slot.file], std::ios::binary);
            std::ifstream b(idx.files[f], std::ios::binary);
            if (read_payload(a, {rec.run, slot.offset, slot.size}) != read_payload(b, rec))
                throw std::runtime_error("run " + std::to_string(rec.run) +
                                         " was recorded twice with different results (" +
                                         idx.files[slot.file].string() + " and " +
                                         idx.files[f].string() +
                                         "): the runs are not reproducible on this setup");
        }
    }
    return idx;
}

} // namespace tendersim::experiment

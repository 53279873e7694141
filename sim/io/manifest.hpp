#pragma once
// manifest.json: what produced a results directory (scenario, the hash of every file it was
// built from, every resolved parameter, [[adopt]] entry and [[framework]], seeds, threads, version,
// commit, wall time), so any result can be traced and rerun.
#include "core/bid_cap.hpp"
#include "core/spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tendersim {

struct ManifestInfo {
    std::string scenario_path;
    std::string scenario_sha256;
    std::vector<std::uint64_t> replicate_seeds;
    int threads = 1;
    double wall_seconds = 0;
    std::vector<std::uint64_t> final_state_hashes;
    BidCapCount bid_cap; // how often the per-tender bid cap bound (bid_cap.hpp)
    // A run continued from a saved state (--from-state): its file, SHA-256 and the reported year
    // it was saved after; empty file otherwise. A state saved at the end (--save-state): its file.
    std::string from_state;
    std::string from_state_sha256;
    std::int64_t from_state_year = 0;
    std::string saved_state;
};

std::string manifest_json(const ScenarioSpec& spec, const ManifestInfo& info);
// [{"path": ..., "sha256": ...}, ...] for a spec's sources, one per line after `indent`.
std::string source_files_json(const std::vector<SourceFile>& sources, const std::string& indent);
// One [[adopt]] entry: {"year": 5, "scope": "region", "region": 1, "policy": {"key": value}}.
std::string adoption_json(const Adoption& adoption);
// One [[framework]]: {"name": ..., every field, "lots": [{"name": ..., "categories": [...], ...}]}.
std::string framework_json(const FrameworkSpec& framework);
std::string sha256_of(const std::string& text);

} // namespace tendersim

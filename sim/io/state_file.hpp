#pragma once
// Saved states: a replicate's whole state after some year, on disk, to continue from
// (`tendersim run --save-state` / `--from-state`, the app's --state). The layout, its version
// rule and its checks are in docs/state-format.md.
#include "core/simulation.hpp"
#include "io/errors.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace tendersim {

inline constexpr std::uint32_t kStateFormatVersion = 1;

// A file that is not a state this build can read: another format, another format version, cut
// short, damaged (checksum), or a market its saved scenario could not have built. Exit code 2.
class StateFileError : public InputError {
  public:
    using InputError::InputError;
};

// Writes `state` to `path` atomically (a temporary file renamed when complete), with the scenario
// it follows as text, so the file is enough to continue from. Throws IoError when writing fails.
void write_state_file(const std::filesystem::path& path, const SimulationState& state);

struct LoadedState {
    SimulationState state;         // its market's spec is the saved scenario (as `scenario_text`)
    std::string tendersim_version; // the version that saved it
    std::string engine_build;      // its kEngineBuild (io/version.hpp)
    bool same_engine = false;      // saved by a build with this kEngineBuild
    std::string scenario_text;     // the scenario it was saved with, as `params --toml` writes
    std::string sha256;            // of the whole file, for manifests
};

// Reads and checks a state file. Throws StateFileError naming the file and what is wrong with it,
// IoError when it cannot be read.
LoadedState read_state_file(const std::filesystem::path& path);

} // namespace tendersim

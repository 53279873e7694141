#pragma once
// Shared helpers for the experiment tests: sweep files over the tiny scenario, scratch
// directories, whole-directory comparison.
#include "experiment/sweep_plan.hpp"
#include "experiment/sweep_spec.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

namespace test {

inline const std::string kDataDir = TENDERSIM_SOURCE_DIR "/tests/experiment/data";

// A sweep file over tests/experiment/data/tiny.toml; `body` adds design and parameters.
inline std::string sweep_text(const std::string& body) {
    return "schema_version = 1\nbase = \"tiny.toml\"\n" + body;
}

inline tendersim::experiment::SweepSpec load(const std::string& body,
                                             const std::string& name = "test.toml") {
    return tendersim::experiment::load_sweep_text(sweep_text(body), name, kDataDir);
}

// A fresh directory under the build tree, removed first if it exists.
inline std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("tendersim-exp-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// Relative path -> contents of every regular file under dir.
inline std::map<std::string, std::string> tree(const std::filesystem::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            out[std::filesystem::relative(e.path(), dir).string()] = slurp(e.path());
    return out;
}

} // namespace test

#include "io/data_dir.hpp"

#include "io/input_file_error.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

// Both set for this file only by sim/CMakeLists.txt; the defaults keep it compilable alone.
#ifndef TENDERSIM_DATA_FROM_BINDIR
#define TENDERSIM_DATA_FROM_BINDIR "../share/tendersim"
#endif
#ifndef TENDERSIM_SOURCE_TREE
#define TENDERSIM_SOURCE_TREE ""
#endif

namespace tendersim {

namespace fs = std::filesystem;

DataSearch current_data_search() {
    DataSearch search;
    if (const char* env = std::getenv(kDataDirVariable); env != nullptr) search.env_dir = env;
    std::error_code ec;
    // Linux only, like the rest of the file handling; elsewhere the later places still apply.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) search.exe_path = exe;
    search.source_dir = TENDERSIM_SOURCE_TREE;
    return search;
}

std::vector<fs::path> data_dirs(const DataSearch& search) {
    std::vector<fs::path> dirs;
    if (!search.env_dir.empty()) dirs.push_back(search.env_dir);
    if (!search.exe_path.empty())
        dirs.push_back(
            (search.exe_path.parent_path() / TENDERSIM_DATA_FROM_BINDIR).lexically_normal());
    if (!search.source_dir.empty()) dirs.push_back(search.source_dir);
    dirs.push_back(".");
    return dirs;
}

fs::path find_data_file(std::string_view relative, const DataSearch& search) {
    std::string looked;
    for (const fs::path& dir : data_dirs(search)) {
        const fs::path candidate = dir / relative;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return candidate;
        looked += (looked.empty() ? "" : ", ") + candidate.string();
    }
    const std::string var = kDataDirVariable;
    const std::string state = search.env_dir.empty()
                                  ? var + " is not set; set it"
                                  : var + " is " + search.env_dir.string() + "; set it";
    throw InputFileError(std::string(relative), 0, "",
                         "not found in the tendersim data directories (looked in " + looked +
                             "); " + state +
                             " to the directory that holds scenarios/ and validation/ "
                             "(installed: PREFIX/share/tendersim)");
}

fs::path find_data_file(std::string_view relative) {
    return find_data_file(relative, current_data_search());
}

} // namespace tendersim

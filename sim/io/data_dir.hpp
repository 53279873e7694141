#pragma once
// Where the programs find the data that ships with tendersim (scenarios/baseline.toml,
// validation/targets.toml) when the user names no file: an installed or moved binary must not
// depend on the directory it is started from, and a binary in a build tree must keep finding the
// checkout it was built from. The places, first that holds the file wins:
//   1. $TENDERSIM_DATA_DIR
//   2. <directory of the executable>/../share/tendersim (the installed layout; the relative path
//      follows CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR)
//   3. the source tree the build came from
//   4. the current directory
// A file the user names (an option, an argument) is never looked up: it is read as given.
#include <filesystem>
#include <string_view>
#include <vector>

namespace tendersim {

// The environment variable that overrides the search.
inline constexpr const char* kDataDirVariable = "TENDERSIM_DATA_DIR";

// What the search starts from; an empty path is a place that does not apply.
struct DataSearch {
    std::filesystem::path env_dir;    // $TENDERSIM_DATA_DIR
    std::filesystem::path exe_path;   // the running program (/proc/self/exe)
    std::filesystem::path source_dir; // the checkout this build was compiled from
};

// This process's search: $TENDERSIM_DATA_DIR, /proc/self/exe and the source tree compiled in.
DataSearch current_data_search();

// The directories searched, in order (1 to 4 above, those that apply).
std::vector<std::filesystem::path> data_dirs(const DataSearch& search);

// The first of data_dirs(search) / relative that is a regular file. Throws InputFileError
// "RELATIVE: not found in the tendersim data directories (looked in A, B, ...); set
// TENDERSIM_DATA_DIR ..." when none is.
std::filesystem::path find_data_file(std::string_view relative, const DataSearch& search);
std::filesystem::path find_data_file(std::string_view relative); // current_data_search()

} // namespace tendersim

// The data lookup (io/data_dir.hpp): $TENDERSIM_DATA_DIR, then beside the executable, then the
// source tree, then the current directory; the first that holds the file wins, and a miss names
// every place looked.
#include "io/data_dir.hpp"
#include "io/input_file_error.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace tendersim;
namespace fs = std::filesystem;

namespace {

// A fresh directory of this process (other worktrees may run the same tests at once).
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("tendersim_data_dir_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void touch(const fs::path& path) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "# data\n";
}

} // namespace

TEST_CASE("data directories: the variable, beside the executable, the source tree, then here") {
    DataSearch s;
    s.env_dir = "/data/env";
    s.exe_path = "/opt/tendersim/bin/tendersim";
    s.source_dir = "/src/tendersim";
    const auto dirs = data_dirs(s);
    REQUIRE(dirs.size() == 4);
    CHECK(dirs[0] == fs::path("/data/env"));
    // ../share/tendersim from bin/ (GNUInstallDirs' defaults), normalised.
    CHECK(dirs[1] == fs::path("/opt/tendersim/share/tendersim"));
    CHECK(dirs[2] == fs::path("/src/tendersim"));
    CHECK(dirs[3] == fs::path("."));

    // A place that does not apply is left out, not searched as "".
    const auto only_here = data_dirs(DataSearch{});
    REQUIRE(only_here.size() == 1);
    CHECK(only_here[0] == fs::path("."));
}

TEST_CASE("find_data_file takes the first directory that holds the file") {
    const fs::path root = scratch("first");
    DataSearch s;
    s.env_dir = root / "env"; // exists, but without the file
    fs::create_directories(s.env_dir);
    s.exe_path = root / "prefix" / "bin" / "tendersim";
    s.source_dir = root / "src";
    touch(root / "prefix/share/tendersim/validation/targets.toml");
    touch(root / "src/validation/targets.toml");
    CHECK(find_data_file("validation/targets.toml", s) ==
          root / "prefix/share/tendersim/validation/targets.toml");

    // Once the variable's directory holds it, the variable wins.
    touch(root / "env/validation/targets.toml");
    CHECK(find_data_file("validation/targets.toml", s) == root / "env/validation/targets.toml");

    // Without the installed copy or the variable, the source tree's.
    s.env_dir.clear();
    fs::remove_all(root / "prefix");
    CHECK(find_data_file("validation/targets.toml", s) == root / "src/validation/targets.toml");

    // A directory of that name is not the file.
    fs::remove_all(root / "src/validation");
    fs::create_directories(root / "src/validation/targets.toml");
    CHECK_THROWS_AS(find_data_file("validation/targets.toml", s), InputFileError);
    fs::remove_all(root);
}

TEST_CASE("a data file found nowhere: every place looked, and the variable to set") {
    const fs::path root = scratch("missing");
    DataSearch s;
    s.exe_path = root / "bin" / "tendersim";
    s.source_dir = root / "src";
    std::string message;
    try {
        find_data_file("scenarios/no-such.toml", s);
    } catch (const InputFileError& e) {
        message = e.what();
    }
    INFO(message);
    CHECK(message.starts_with("scenarios/no-such.toml: not found"));
    CHECK(message.find((root / "share/tendersim/scenarios/no-such.toml").string()) !=
          std::string::npos);
    CHECK(message.find((root / "src/scenarios/no-such.toml").string()) != std::string::npos);
    CHECK(message.find("./scenarios/no-such.toml") != std::string::npos);
    CHECK(message.find("TENDERSIM_DATA_DIR is not set") != std::string::npos);

    s.env_dir = root / "env";
    message.clear();
    try {
        find_data_file("scenarios/no-such.toml", s);
    } catch (const InputFileError& e) {
        message = e.what();
    }
    CHECK(message.find((root / "env/scenarios/no-such.toml").string()) != std::string::npos);
    CHECK(message.find("TENDERSIM_DATA_DIR is " + (root / "env").string()) != std::string::npos);
    fs::remove_all(root);
}

TEST_CASE("this process's search: the variable, this executable, the source tree built from") {
    const char* old = std::getenv(kDataDirVariable);
    const std::string saved = old ? old : "";
    ::setenv(kDataDirVariable, "/somewhere/data", 1);
    const DataSearch s = current_data_search();
    CHECK(s.env_dir == fs::path("/somewhere/data"));
    CHECK(s.exe_path.filename() == "test_engine");
    // The build's own checkout, which holds the shipped data.
    CHECK(fs::is_regular_file(s.source_dir / "scenarios/baseline.toml"));
    ::unsetenv(kDataDirVariable);
    CHECK(current_data_search().env_dir.empty());
    if (old) ::setenv(kDataDirVariable, saved.c_str(), 1);
}

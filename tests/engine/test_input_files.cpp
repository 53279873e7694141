// Input files are regular files of bounded size, and every problem with one names the file that
// refers to it; a malformed --set value is a located error (issue 19, item 6).
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace tendersim;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("tendersim-input-files-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
};

template <class E> std::string error_of(const std::string& path) {
    try {
        load_scenario_file(path);
    } catch (const E& e) {
        return e.what();
    }
    return "no error";
}

std::string override_error(const std::string& assignment) {
    ScenarioSpec spec;
    spec.categories = default_categories();
    try {
        apply_override(spec, assignment);
    } catch (const InputFileError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("a scenario path must name a regular file") {
    TempDir dir;
    CHECK(error_of<InputFileError>(dir.path.string()) ==
          dir.path.string() + ": scenario file is a directory, not a file (resolved to " +
              dir.path.string() + ")");
    CHECK(error_of<InputFileError>("/dev/zero") ==
          "/dev/zero: scenario file is not a regular file (it is a character device)");
    const fs::path missing = dir.path / "nope.toml";
    CHECK(error_of<InputFileError>(missing.string()) ==
          missing.string() + ": scenario file not found (resolved to " + missing.string() + ")");
}

TEST_CASE("a bad base names the file and line that refer to it") {
    TempDir dir;
    fs::create_directories(dir.path / "sub");
    const std::string head = "schema_version = 1\nname = \"x\"\n";
    const fs::path missing = dir.write("missing.toml", head + "base = \"nope.toml\"\n");
    CHECK(error_of<InputFileError>(missing.string()) ==
          missing.string() + ":3: key 'base': file 'nope.toml' not found (resolved to " +
              (dir.path / "nope.toml").string() + ")");
    const fs::path directory = dir.write("directory.toml", head + "base = \"sub\"\n");
    CHECK(error_of<InputFileError>(directory.string()) ==
          directory.string() + ":3: key 'base': file 'sub' is a directory, not a file (resolved " +
              "to " + (dir.path / "sub").string() + ")");
    const fs::path device = dir.write("device.toml", head + "base = \"/dev/zero\"\n");
    CHECK(error_of<InputFileError>(device.string()) ==
          device.string() +
              ":3: key 'base': file '/dev/zero' is not a regular file (it is a character device)");
}

TEST_CASE("input files larger than the cap are refused before they are read") {
    TempDir dir;
    const fs::path big = dir.path / "big.toml";
    {
        std::ofstream out(big, std::ios::binary);
        out << "schema_version = 1\n";
    }
    fs::resize_file(big, kMaxInputFileBytes + 1);
    CHECK(error_of<InputFileError>(big.string()) ==
          big.string() + ": scenario file is 16777217 bytes; input files may hold at most 16 MiB " +
              "(16777216 bytes)");
    const fs::path at_cap = dir.write("cap.toml", "");
    fs::resize_file(at_cap, kMaxInputFileBytes);
    const InputFileRead read = try_read_input_file(at_cap);
    CHECK(read.problem.empty());
    CHECK(read.text.size() == kMaxInputFileBytes);
}

TEST_CASE("a file that cannot be read is an I/O failure, not bad input") {
    if (::geteuid() == 0) return; // root reads anything
    TempDir dir;
    const fs::path locked = dir.write("locked.toml", "schema_version = 1\n");
    fs::permissions(locked, fs::perms::none);
    const std::string message = error_of<IoError>(locked.string());
    CHECK(message == locked.string() + ": scenario file cannot be opened: Permission denied");
    fs::permissions(locked, fs::perms::owner_all);
}

TEST_CASE("a malformed --set value is a located error naming the option") {
    CHECK(override_error("policy.price_weight=") ==
          "--set policy.price_weight=: key 'policy.price_weight': expected a value after '=', "
          "e.g. policy.price_weight=0.6");
    const std::string bracket = override_error("policy.price_weight=[1");
    CHECK(bracket.starts_with("--set policy.price_weight=[1: key 'policy.price_weight': expected "
                              "a value in TOML syntax"));
    CHECK(bracket.find("got '[1'") != std::string::npos);
    CHECK(override_error("policy.price_weight=\"")
              .starts_with("--set policy.price_weight=\": key 'policy.price_weight': expected a "
                           "value in TOML"));
    CHECK(override_error("policy.price_weight=0.5\nw = 1").find("expected one value") !=
          std::string::npos);
    // bare words are still choices
    CHECK(override_error("evaluation.abnormally_low_action=reject") == "no error");
}

TEST_CASE("exit codes: one mapping for every program") {
    CHECK(exit_code_for(InputFileError("f", 1, "k", "m")) == kExitBadInput);
    CHECK(exit_code_for(ScenarioError("f", 1, "k", "m")) == kExitBadInput);
    CHECK(exit_code_for(SweepFileError("f", 1, "k", "m")) == kExitBadInput);
    CHECK(exit_code_for(TargetsFileError("f", 1, "k", "m")) == kExitBadInput);
    CHECK(exit_code_for(InputError("x")) == kExitBadInput);
    CHECK(exit_code_for(std::invalid_argument("x")) == kExitBadInput);
    CHECK(exit_code_for(IoError("x")) == kExitIoFailure);
    CHECK(exit_code_for(fs::filesystem_error("x", std::make_error_code(std::errc::io_error))) ==
          kExitIoFailure);
    CHECK(exit_code_for(std::runtime_error("x")) == kExitInternal);
    CHECK(exit_code_for(std::bad_alloc()) == kExitInternal);
    CHECK_THROWS_WITH_AS(check_thread_count(70000), "--threads must be from 1 to 1024 (got 70000)",
                         InputError);
    CHECK_THROWS_AS(check_thread_count(0), InputError);
    CHECK_NOTHROW(check_thread_count(1024));
}

// Results directories: checked writes (a full disk is an error naming the file and the reason),
// the staged swap, recovery of what a killed process left, and the per-directory lock.
#include "io/result_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace tendersim;
namespace fs = std::filesystem;

namespace {

// A fresh directory of this process (other worktrees may run the same tests at once).
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("tendersim_result_dir_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// Names in `dir` that start with '.' and contain `part` (staging left behind).
std::vector<std::string> hidden_with(const fs::path& dir, const std::string& part) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.starts_with(".") && n.find(part) != std::string::npos) out.push_back(n);
    }
    return out;
}

// A PID no process has (above the kernel's largest pid_max, 2^22).
constexpr long kDeadPid = 99999999;

} // namespace

TEST_CASE("checked writes: a full disk is an error naming the file and the reason") {
    {
        OutFile out("/dev/full");
        out << "a few bytes stay in the buffer";
        CHECK_THROWS_WITH_AS(out.close(), "cannot write /dev/full: No space left on device",
                             IoError);
    }
    {
        OutFile out("/dev/full");
        out << std::string(1 << 20, 'x'); // more than the buffer: written at once, and fails
        CHECK_THROWS_WITH_AS(out.check(), "cannot write /dev/full: No space left on device",
                             IoError);
    }
    CHECK_THROWS_WITH_AS(OutFile("/nonexistent-dir/x.csv"),
                         "cannot create /nonexistent-dir/x.csv: No such file or directory",
                         IoError);
    const fs::path dir = scratch("atomic");
    write_file_atomically(dir / "a.md", "hello\n");
    CHECK(read(dir / "a.md") == "hello\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("staged results: a failed manifest write keeps the earlier results") {
    const fs::path dir = scratch("full");
    const fs::path target = dir / "golden";
    write(target / "manifest.json", "earlier\n");
    {
        StagedResultDir staged(target);
        // The disk fills up just as manifest.json is written.
        fs::create_symlink("/dev/full", staged.file("manifest.json"));
        auto manifest = staged.open("manifest.json");
        *manifest << "{\"tool\": \"tendersim\"}\n";
        CHECK_THROWS_WITH_AS(manifest->close(), doctest::Contains("No space left on device"),
                             IoError);
    } // not committed: the staging directory goes
    CHECK(read(target / "manifest.json") == "earlier\n");
    CHECK(hidden_with(dir, ".partial-").empty());
    fs::remove_all(dir);
}

TEST_CASE("staged results: the swap replaces the target whole, by exchange or by renames") {
    const fs::path dir = scratch("swap");
    const fs::path target = dir / "run";
    for (const auto swap : {StagedResultDir::Swap::Exchange, StagedResultDir::Swap::Renames}) {
        write(target / "old-only.csv", "earlier\n");
        StagedResultDir staged(target);
        auto f = staged.open("metrics.csv");
        *f << "new\n";
        f->close();
        staged.commit(swap);
        CHECK(read(target / "metrics.csv") == "new\n");
        CHECK(!fs::exists(target / "old-only.csv"));
        CHECK(hidden_with(dir, ".partial-").empty());
        CHECK(hidden_with(dir, ".old-").empty());
        fs::remove_all(target);
    }
    { // no earlier results: a plain rename
        StagedResultDir staged(target);
        staged.open("a.csv")->close();
        staged.commit();
        CHECK(fs::exists(target / "a.csv"));
    }
    fs::remove_all(dir);
}

TEST_CASE("staged results: a kill between the renames is recovered on the next start") {
    const fs::path dir = scratch("recover");
    const fs::path target = dir / "sweep-x";
    const std::string dead = std::to_string(kDeadPid);
    // What a kill between `target -> .old-PID` and `.partial-PID -> target` leaves.
    write(dir / (".sweep-x.old-" + dead) / "shards" / "main.records", "work\n");
    write(dir / (".sweep-x.partial-" + dead) / "runs.csv", "new\n");
    // A live process's staging (the parent of this test) is left alone.
    const std::string live = std::to_string(::getppid());
    write(dir / (".sweep-x.partial-" + live) / "runs.csv", "in progress\n");
    // Another target's staging is not this one's business.
    write(dir / (".other.partial-" + dead) / "runs.csv", "x\n");
    {
        const ResultDirLock lock(target);
        CHECK(lock.recovered().size() == 2);
        CHECK(read(target / "shards" / "main.records") == "work\n");
        CHECK(hidden_with(dir, ".sweep-x.old-").empty());
        CHECK(hidden_with(dir, ".sweep-x.partial-") ==
              std::vector<std::string>{".sweep-x.partial-" + live});
        CHECK(fs::exists(dir / (".other.partial-" + dead)));
    }
    // With the target there, a dead process's .old-PID is stale (the swap had finished).
    write(dir / (".sweep-x.old-" + dead) / "runs.csv", "older\n");
    const auto done = recover_stale_staging(target);
    CHECK(done.size() == 1);
    CHECK(read(target / "shards" / "main.records") == "work\n");
    CHECK(hidden_with(dir, ".sweep-x.old-").empty());
    fs::remove_all(dir);
}

TEST_CASE("staged results: one writer per results directory") {
    const fs::path dir = scratch("lock");
    const fs::path target = dir / "golden";
    CHECK(process_alive(::getpid()));
    CHECK(!process_alive(kDeadPid));
    {
        const ResultDirLock first(target);
        // flock conflicts between two opens of the lock file even in one process.
        CHECK_THROWS_WITH_AS(ResultDirLock{target},
                             (target.string() + " is in use by PID " + std::to_string(::getpid()) +
                              ": another tendersim job is writing these results; wait for it to "
                              "finish, or write elsewhere with --out")
                                 .c_str(),
                             ResultDirBusy);
        CHECK_THROWS_AS(StagedResultDir{target}, ResultDirBusy);
        StagedResultDir staged(target, first); // under the lock already held
        staged.open("a.csv")->close();
        staged.commit();
    }
    {
        const ResultDirLock a(target, ResultDirLock::Mode::Shared);
        const ResultDirLock b(target, ResultDirLock::Mode::Shared); // --shard jobs side by side
        CHECK_THROWS_WITH_AS(ResultDirLock{target}, doctest::Contains("is in use by another"),
                             ResultDirBusy);
    }
    const ResultDirLock again(target); // released when the holders went
    fs::remove_all(dir);
}

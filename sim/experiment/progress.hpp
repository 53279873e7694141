#pragma once
// The progress line of a sweep on stderr: runs done, rate and time left. On a terminal it
// rewrites one line in place (at most a few times a second); into a log file it prints a line
// every ten seconds so batch logs stay short.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace tendersim::experiment {

class Progress {
  public:
    // out may be null (quiet). already_done counts runs finished before this process started;
    // the rate and time left use only this process's runs.
    Progress(std::ostream* out, std::string label, std::uint64_t total, std::uint64_t already_done,
             bool terminal);

    void tick(std::uint64_t runs = 1); // thread-safe
    void finish();                     // final line (and newline on a terminal)

    std::uint64_t done() const { return done_; }

    // "37/200 runs (18%), 4.2 runs/s, 39 s left" (exposed for tests).
    static std::string line(std::uint64_t done, std::uint64_t total, double rate,
                            std::uint64_t done_here);

  private:
    void print(bool final);

    std::ostream* out_;
    std::string label_;
    std::uint64_t total_;
    std::uint64_t done_;
    std::uint64_t done_here_ = 0;
    bool terminal_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_print_;
    std::mutex mutex_;
};

} // namespace tendersim::experiment

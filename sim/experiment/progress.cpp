#include "experiment/progress.hpp"

#include <cmath>
#include <cstdio>

namespace tendersim::experiment {
namespace {

std::string duration_text(double seconds) {
    char buf[32];
    if (seconds < 90)
        std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    else if (seconds < 5400)
        std::snprintf(buf, sizeof buf, "%.0f min", seconds / 60);
    else
        std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
    return buf;
}

} // namespace

Progress::Progress(std::ostream* out, std::string label, std::uint64_t total,
                   std::uint64_t already_done, bool terminal)
    : out_(out), label_(std::move(label)), total_(total), done_(already_done), terminal_(terminal),
      start_(std::chrono::steady_clock::now()), last_print_(start_) {}

std::string Progress::line(std::uint64_t done, std::uint64_t total, double rate,
                           std::uint64_t done_here) {
    char buf[160];
    const double pct = total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100;
    int n = std::snprintf(buf, sizeof buf, "%llu/%llu runs (%.0f%%)",
                          static_cast<unsigned long long>(done),
                          static_cast<unsigned long long>(total), std::floor(pct));
    std::string s(buf, static_cast<std::size_t>(n));
    if (done_here > 0 && rate > 0) {
        n = std::snprintf(buf, sizeof buf, ", %.3g runs/s", rate);
        s.append(buf, static_cast<std::size_t>(n));
        if (done < total)
            s += ", " + duration_text(static_cast<double>(total - done) / rate) + " left";
    }
    return s;
}

void Progress::tick(std::uint64_t runs) {
    std::lock_guard lock(mutex_);
    done_ += runs;
    done_here_ += runs;
    if (!out_) return;
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - last_print_).count();
    if (since >= (terminal_ ? 0.25 : 10.0)) {
        last_print_ = now;
        print(false);
    }
}

void Progress::finish() {
    std::lock_guard lock(mutex_);
    if (out_) print(true);
}

void Progress::print(bool final) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_here_) / elapsed : 0.0;
    const std::string text = label_ + ": " + line(done_, total_, rate, done_here_);
    if (terminal_)
        *out_ << "\r\033[K" << text << (final ? "\n" : "") << std::flush;
    else
        *out_ << text << "\n" << std::flush;
}

} // namespace tendersim::experiment

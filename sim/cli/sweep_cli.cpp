#include "sweep_cli.hpp"

#include "experiment/mpi_sweep.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace tendersim::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_interrupt(int) {
    if (g_cancel.exchange(true)) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
        return;
    }
    const char msg[] = "\ninterrupt: finishing the runs in progress (Ctrl-C again to stop now)\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
}

} // namespace

bool parse_shard(const std::string& text, experiment::ShardSpec& shard) {
    unsigned long long k = 0, n = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%llu/%llu%c", &k, &n, &tail) != 2 || n == 0 || k >= n)
        return false;
    shard = {k, n};
    return true;
}

void run_interruptibly(const std::function<void(const std::atomic<bool>* cancel)>& body) {
    std::signal(SIGINT, on_interrupt);
    try {
        body(&g_cancel);
    } catch (...) {
        std::signal(SIGINT, SIG_DFL);
        throw;
    }
    std::signal(SIGINT, SIG_DFL);
}

experiment::SweepOutcome run_sweep_interruptibly(const experiment::SweepPlan& plan,
                                                 experiment::SweepOptions options, bool under_mpi) {
    experiment::SweepOutcome out;
    run_interruptibly([&](const std::atomic<bool>* cancel) {
        options.cancel = cancel;
        out = under_mpi ? experiment::run_sweep_mpi(plan, options)
                        : experiment::run_sweep(plan, options);
    });
    return out;
}

} // namespace tendersim::cli

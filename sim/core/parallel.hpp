#pragma once
// One kernel, two drivers: with one thread the kernel runs in a plain loop; with more it runs
// under oneTBB inside an arena of that size. Kernels write only to their own index's slots, so
// both drivers give the same bytes.
#include <cstddef>
#include <exception>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_arena.h>
#include <thread>
#include <vector>

namespace tendersim {

class Executor {
  public:
    explicit Executor(int threads) : threads_(threads < 1 ? 1 : threads), arena_(threads_) {}
    int threads() const { return threads_; }

    // grain: the fewest items worth handing to a thread (more for cheap kernels, fewer for costly
    // ones such as a whole index cell).
    template <class Kernel> void for_each(std::size_t n, Kernel&& kernel, std::size_t grain = 256) {
        grain = grain < 1 ? 1 : grain;
        if (threads_ == 1 || n <= grain) {
            for (std::size_t i = 0; i < n; ++i) kernel(i);
            return;
        }
#if defined(__SANITIZE_THREAD__)
        // Under ThreadSanitizer: the distro's libtbb is not instrumented, so its internal
        // synchronisation is invisible and every kernel would look racy. Plain threads, which
        // TSan understands, run the same kernels here, so real races in them are still caught.
        // An exception in a kernel (e.g. MoneyOverflow) reaches the caller, as under oneTBB.
        std::vector<std::thread> workers;
        const std::size_t parts = static_cast<std::size_t>(threads_);
        std::vector<std::exception_ptr> errors(parts);
        for (std::size_t p = 0; p < parts; ++p)
            workers.emplace_back([&, p] {
                try {
                    for (std::size_t i = p * n / parts; i < (p + 1) * n / parts; ++i) kernel(i);
                } catch (...) {
                    errors[p] = std::current_exception();
                }
            });
        for (auto& w : workers) w.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
        return;
#endif
        arena_.execute([&] {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain),
                              [&](const tbb::blocked_range<std::size_t>& r) {
                                  for (std::size_t i = r.begin(); i != r.end(); ++i) kernel(i);
                              });
        });
    }

    // Two independent jobs (writing disjoint data): one after the other with one thread, side by
    // side with more.
    template <class First, class Second> void invoke(First&& first, Second&& second) {
        if (threads_ == 1) {
            first();
            second();
            return;
        }
#if defined(__SANITIZE_THREAD__)
        std::exception_ptr error;
        std::thread other([&] {
            try {
                second();
            } catch (...) {
                error = std::current_exception();
            }
        });
        try {
            first();
        } catch (...) {
            other.join();
            throw;
        }
        other.join();
        if (error) std::rethrow_exception(error);
        return;
#endif
        arena_.execute([&] { tbb::parallel_invoke(first, second); });
    }

  private:
    int threads_;
    tbb::task_arena arena_;
};

} // namespace tendersim

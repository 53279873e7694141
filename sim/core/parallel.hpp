#pragma once
// One kernel, two drivers: with one thread the kernel runs in a plain loop; with more it runs
// under oneTBB inside an arena of that size. Kernels write only to their own index's slots, so
// both drivers give the same bytes.
//
// The sanitizer story, for this file and experiment/worker_pool.cpp: under ThreadSanitizer
// (GCC's __SANITIZE_THREAD__ or clang's __has_feature(thread_sanitizer), both seen here as
// TENDERSIM_TSAN) the distro's libtbb is not instrumented, so its internal synchronisation is
// invisible and every kernel would look racy. There the same kernels run on plain std::threads
// (run_on_threads below), whose start and join TSan understands, so real races in the kernels
// are still caught.
#include <cstddef>
#include <exception>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_arena.h>
#include <thread>
#include <vector>

#if !defined(TENDERSIM_TSAN)
#if defined(__SANITIZE_THREAD__)
#define TENDERSIM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TENDERSIM_TSAN 1
#endif
#endif
#endif

namespace tendersim {

// Runs part(0) .. part(parts - 1) each on a thread of its own and joins them all; then rethrows
// the exception of the lowest-numbered part that threw, if any. The ThreadSanitizer driver.
template <class Part> void run_on_threads(std::size_t parts, Part&& part) {
    std::vector<std::exception_ptr> errors(parts);
    std::vector<std::thread> threads;
    threads.reserve(parts);
    for (std::size_t p = 0; p < parts; ++p)
        threads.emplace_back([&, p] {
            try {
                part(p);
            } catch (...) {
                errors[p] = std::current_exception();
            }
        });
    for (auto& t : threads) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

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
#if defined(TENDERSIM_TSAN)
        // An exception in a kernel (e.g. MoneyOverflow) reaches the caller, as under oneTBB.
        const std::size_t parts = static_cast<std::size_t>(threads_);
        run_on_threads(parts, [&](std::size_t p) {
            for (std::size_t i = p * n / parts; i < (p + 1) * n / parts; ++i) kernel(i);
        });
#else
        arena_.execute([&] {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain),
                              [&](const tbb::blocked_range<std::size_t>& r) {
                                  for (std::size_t i = r.begin(); i != r.end(); ++i) kernel(i);
                              });
        });
#endif
    }

    // Two independent jobs (writing disjoint data): one after the other with one thread, side by
    // side with more.
    template <class First, class Second> void invoke(First&& first, Second&& second) {
        if (threads_ == 1) {
            first();
            second();
            return;
        }
#if defined(TENDERSIM_TSAN)
        run_on_threads(2, [&](std::size_t p) {
            if (p == 0)
                first();
            else
                second();
        });
#else
        arena_.execute([&] { tbb::parallel_invoke(first, second); });
#endif
    }

  private:
    int threads_;
    tbb::task_arena arena_;
};

} // namespace tendersim

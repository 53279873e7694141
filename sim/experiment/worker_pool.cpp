#include "experiment/worker_pool.hpp"

#include "core/parallel.hpp"

#include <exception>
#include <mutex>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

namespace tendersim::experiment {
namespace {

// What one pool's workers share: the stop request and the first exception. Each worker catches
// its own exception here, so nothing is thrown through oneTBB and the first one is kept whatever
// order the workers end in.
class PoolState {
  public:
    void run(const std::function<void(std::stop_token)>& worker) {
        try {
            worker(stop_.get_token());
        } catch (...) {
            {
                std::lock_guard lock(mutex_);
                if (!error_) error_ = std::current_exception();
            }
            stop_.request_stop();
        }
    }
    // After every worker has returned.
    void rethrow_first() const {
        if (error_) std::rethrow_exception(error_);
    }

  private:
    std::stop_source stop_;
    std::mutex mutex_;
    std::exception_ptr error_;
};

} // namespace

void run_pool(int threads, const std::function<void(std::stop_token)>& worker) {
    if (threads < 1) threads = 1;
    PoolState state;
#if defined(TENDERSIM_TSAN)
    // oneTBB's hand-off of tasks happens inside the uninstrumented libtbb, invisible to
    // ThreadSanitizer (core/parallel.hpp): plain threads run the workers there.
    run_on_threads(static_cast<std::size_t>(threads), [&](std::size_t) { state.run(worker); });
#else
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::task_group group;
        for (int t = 0; t < threads; ++t) group.run([&] { state.run(worker); });
        group.wait();
    });
#endif
    state.rethrow_first();
}

} // namespace tendersim::experiment

#include "experiment/worker_pool.hpp"

#include <mutex>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

namespace tendersim::experiment {
namespace {

// oneTBB hands tasks to its threads inside libtbb, which is not compiled with ThreadSanitizer,
// so TSan cannot see that the task (and what it refers to) was written before a worker reads
// it, nor that a worker's last accesses come before the caller reuses that memory, and reports
// false races. Passing through this mutex at both ends makes the order visible to TSan; in other
// builds it costs two uncontended lock operations per worker per pool. It is a global so that
// reaching it needs no read of the task object itself.
std::mutex g_handoff;

} // namespace

void run_pool(int threads, const std::function<void()>& worker) {
    if (threads < 1) threads = 1;
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::task_group group;
        {
            std::lock_guard setup(g_handoff); // released once every task is set up
            for (int t = 0; t < threads; ++t)
                group.run([&worker] {
                    { std::lock_guard after_setup(g_handoff); }
                    worker();
                    { std::lock_guard before_return(g_handoff); }
                });
        }
        group.wait();
    });
    std::lock_guard after_workers(g_handoff); // after every worker's last access
}

} // namespace tendersim::experiment

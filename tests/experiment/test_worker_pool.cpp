// run_pool: every worker runs, and a worker's exception reaches the caller after the others have
// stopped taking work and returned.
#include "experiment/worker_pool.hpp"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <thread>

using namespace tendersim::experiment;

namespace {

struct JobFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Counts workers that have returned, however they return.
struct ReturnCounter {
    std::atomic<int>& returned;
    ~ReturnCounter() { ++returned; }
};

// Waits until `stop` is requested; false if `limit` passes first.
bool wait_for_stop(const std::stop_token& stop, std::chrono::steady_clock::duration limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!stop.stop_requested()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    return true;
}

} // namespace

TEST_CASE("run_pool runs every copy of the worker and waits for all of them") {
    for (int threads : {1, 3}) {
        CAPTURE(threads);
        std::atomic<int> started{0}, returned{0};
        std::atomic<std::size_t> cursor{0}, done{0};
        run_pool(threads, [&](std::stop_token stop) {
            ++started;
            ReturnCounter on_return{returned};
            while (!stop.stop_requested() && cursor.fetch_add(1) < 1000) ++done;
        });
        CHECK(started == threads);
        CHECK(returned == threads);
        CHECK(done == 1000);
    }
}

TEST_CASE("a worker that throws: run_pool rethrows it after the others stop and return") {
    // Job 3 throws. A worker that takes a later job holds it until the pool requests the stop
    // (or 20 s pass), so the test does not depend on how the threads are scheduled: with the stop
    // request every worker returns before the rethrow, having taken at most one job past job 3;
    // without it the held jobs time out.
    for (int threads : {1, 2, 4}) {
        CAPTURE(threads);
        constexpr std::size_t kQueue = 1'000'000;
        std::atomic<std::size_t> cursor{0};
        std::atomic<int> returned{0}, timed_out{0};
        int returned_at_rethrow = -1;
        try {
            run_pool(threads, [&](std::stop_token stop) {
                ReturnCounter on_return{returned};
                for (std::size_t k; !stop.stop_requested() && (k = cursor.fetch_add(1)) < kQueue;) {
                    if (k == 3) throw JobFailed("job 3 failed");
                    if (k > 3 && !wait_for_stop(stop, std::chrono::seconds(20))) {
                        ++timed_out; // no stop request: give up rather than hold every job
                        return;
                    }
                }
            });
            FAIL("run_pool returned normally");
        } catch (const JobFailed& e) {
            returned_at_rethrow = returned.load();
            CHECK(std::string(e.what()) == "job 3 failed");
        }
        CHECK(returned_at_rethrow == threads);
        CHECK(timed_out == 0);
        CHECK(cursor.load() <= 3 + static_cast<std::size_t>(threads));
    }
}

TEST_CASE("when every worker throws, run_pool rethrows exactly one of their exceptions") {
    std::atomic<int> calls{0};
    CHECK_THROWS_AS(run_pool(3,
                             [&](std::stop_token) {
                                 ++calls;
                                 throw JobFailed("each fails");
                             }),
                    JobFailed);
    // Workers that start after the stop request still run (they decide what to do with it).
    CHECK(calls == 3);
}

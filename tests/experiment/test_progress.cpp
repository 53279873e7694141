#include "experiment/progress.hpp"

#include <doctest/doctest.h>
#include <sstream>

using tendersim::experiment::Progress;

TEST_CASE("progress line: runs done, rate and time left") {
    CHECK(Progress::line(37, 200, 4.2, 37) == "37/200 runs (18%), 4.2 runs/s, 39 s left");
    CHECK(Progress::line(50, 200, 0.01, 10) == "50/200 runs (25%), 0.01 runs/s, 4.2 h left");
    CHECK(Progress::line(200, 200, 12.5, 100) == "200/200 runs (100%), 12.5 runs/s");
    CHECK(Progress::line(10, 200, 0, 0) == "10/200 runs (5%)"); // nothing run yet: no rate
}

TEST_CASE("progress: counts runs from before and after a resume, quiet prints nothing") {
    std::ostringstream out;
    Progress p(&out, "sweep x", 10, 4, false);
    p.tick();
    p.tick(2);
    CHECK(p.done() == 7);
    p.finish();
    CHECK(out.str().starts_with("sweep x: 7/10 runs (70%)"));
    Progress quiet(nullptr, "q", 3, 0, true);
    quiet.tick();
    quiet.finish();
    CHECK(quiet.done() == 1);
}

#pragma once
// The one comparison every golden test uses (golden metrics files, pinned state hashes).
//
// Tolerance policy: byte-exact. The engine is deterministic by construction (its own random
// streams and distributions, no std::*_distribution, fixed summation orders, identical at any
// thread count), and results/reference is already compared with cmp, so a golden file must
// reproduce to the last byte, written as metrics.csv writes it (shortest round-trip doubles).
// A tolerance would only hide a real change behind "last-bit noise". The one way a build could
// legitimately differ is floating-point contraction (FMA) on a platform that has it by default;
// such a port must build with -ffp-contract=off rather than loosen this comparison.
#include <cstdint>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tendersim::test {

inline std::vector<std::string> golden_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// Checks `actual` against the committed file at `path`, byte for byte, naming the first line
// that differs. With TENDERSIM_UPDATE_GOLDEN set, rewrites the file first (after an intended
// model change; explain it in the commit message).
inline void check_golden_file(const std::string& path, const std::string& actual) {
    if (std::getenv("TENDERSIM_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("rewrote " << path);
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream expected;
    expected << in.rdbuf();
    if (expected.str() == actual) return;
    const auto want = golden_lines(expected.str()), got = golden_lines(actual);
    std::size_t k = 0;
    while (k < want.size() && k < got.size() && want[k] == got[k]) ++k;
    CAPTURE(path);
    CAPTURE(k + 1); // first line that differs
    CAPTURE(k < want.size() ? want[k] : std::string("(end of file)"));
    CAPTURE(k < got.size() ? got[k] : std::string("(end of output)"));
    FAIL("output differs from the golden file (regenerate only after an intended model change)");
}

// A pinned state hash: the same policy, exact. Printed in hex on failure, ready to paste.
inline void check_golden_hash(std::uint64_t actual, std::uint64_t expected) {
    std::ostringstream hex;
    hex << "0x" << std::hex << actual << "ULL";
    CAPTURE(hex.str());
    CHECK(actual == expected);
}

} // namespace tendersim::test

#pragma once
// Parameter names "p0", "p1", ... for the design and interleave tests' made-up parameter spaces.
#include <string>

namespace tendersim::analysis::test {

// Built by appending: `"p" + std::to_string(i)` trips GCC 12's false -Wrestrict (GCC bug 105329)
// at -O2.
inline std::string param_name(int i) {
    std::string s = "p";
    s += std::to_string(i);
    return s;
}

} // namespace tendersim::analysis::test

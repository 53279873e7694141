#pragma once
// A float in its shortest round-trip form as a float ("0.7", not the double 0.699999988...).
#include <charconv>
#include <string>

namespace tendersim::ocds {

inline void append_float(std::string& out, float value) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    out.append(buf, end);
}

} // namespace tendersim::ocds

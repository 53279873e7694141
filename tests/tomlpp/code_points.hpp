#pragma once
// Documents that put one code point where whitespace, a key or a value may start: the positions
// where toml++ 3.3.0 reached undefined behaviour (tests/tomlpp/README in test_tomlpp.cpp).
#include <string>
#include <vector>

namespace tendersim::test {

inline std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
}

// The documents for one code point: a value, a table name, a key, after a value, after a
// line-ending backslash in a multi-line string (upstream issue #190), inside an inline table, in
// an array.
inline std::vector<std::string> documents_with(char32_t c) {
    const std::string u = utf8(c);
    return {"x = " + u + "\n",
            "[" + u + "t]\n",
            u + "x = 1\n",
            "x = 1" + u + "\n",
            "s = \"\"\"\\\n" + u + "\"\"\"\n",
            "t = {" + u + "a = 1}\n",
            "a = [" + u + "]\n"};
}

} // namespace tendersim::test

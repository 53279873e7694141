// toml++ compiled with its internal assertions on (header-only, NDEBUG undefined in this
// translation unit only): the repro files and every code point in the positions of
// code_points.hpp give a parse error, not a failed assertion. Exit 0 on success.
#undef NDEBUG
#define TOML_HEADER_ONLY 1
#include "code_points.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <toml++/toml.h>

namespace {

int expect_error(const std::string& path, std::uint32_t line) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in || buf.str().empty()) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return 1;
    }
    try {
        (void)toml::parse(buf.str(), path);
    } catch (const toml::parse_error& e) {
        if (e.source().begin.line == line) return 0;
        std::fprintf(stderr, "%s: error on line %u, expected %u\n", path.c_str(),
                     static_cast<unsigned>(e.source().begin.line), static_cast<unsigned>(line));
        return 1;
    }
    std::fprintf(stderr, "%s: parsed, expected a syntax error\n", path.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: test_tomlpp_asserts DATA_DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    int failures = expect_error(dir + "/unreachable-whitespace.toml", 1) +
                   expect_error(dir + "/debug-assert.toml", 2) +
                   expect_error(dir + "/array-brace.toml", 1) +
                   expect_error(dir + "/date-space-brace.toml", 1);
    long documents = 0;
    for (char32_t c = 0x01; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        for (const std::string& doc : tendersim::test::documents_with(c)) {
            try {
                (void)toml::parse(doc, std::string_view("cp.toml"));
            } catch (const toml::parse_error&) {
            }
            ++documents;
        }
    }
    std::printf("toml++ with assertions on: repro files checked, %ld documents parsed\n",
                documents);
    return failures == 0 ? 0 : 1;
}

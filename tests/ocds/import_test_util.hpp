#pragma once
// Helpers for the OCDS import tests: a sink that keeps what the reader delivers, temporary
// directories, gzip writing, and the message of an expected error.
#include "ocds/import/json_reader.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>
#include <zlib.h>

namespace tendersim::ocds::test {

struct Collector : ReleaseSink {
    std::vector<nlohmann::json> releases;
    std::vector<std::string> wheres;
    std::vector<std::string> skips;
    void release(const nlohmann::json& r, const Where& w) override {
        releases.push_back(r);
        wheres.push_back(w.text());
    }
    void skipped(const Where& w, const std::string& reason) override {
        skips.push_back(w.text() + ": " + reason);
    }
};

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("tendersim-ocds-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

inline void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}
inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
inline void write_gzip(const std::filesystem::path& p, const std::string& text) {
    gzFile f = gzopen(p.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, text.data(), static_cast<unsigned>(text.size())) ==
            static_cast<int>(text.size()));
    REQUIRE(gzclose(f) == Z_OK);
}

// The what() of the exception f throws; fails the test when it throws nothing.
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    FAIL("expected an error");
    return "";
}

} // namespace tendersim::ocds::test

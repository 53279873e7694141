// toml++ on hostile input (issue 19, item 7): the patched copy in third_party/tomlplusplus gives a
// located syntax error, never undefined behaviour. Run under UBSan (the address sanitizer build
// of scripts/test.sh, -fno-sanitize-recover) a reached __builtin_unreachable or a failed
// assumption would abort these tests.
#include "code_points.hpp"
#include "experiment/sweep_spec.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"
#include "validation/targets.hpp"

#include <doctest/doctest.h>
#include <string>
#include <toml++/toml.h>

using namespace tendersim;

namespace {

const std::string kData = std::string(TENDERSIM_SOURCE_DIR) + "/tests/tomlpp/data/";

// The error every loader gives: "FILE:LINE: TOML syntax error: ...".
template <class Load> std::string error_of(Load&& load) {
    try {
        load();
    } catch (const InputFileError& e) {
        return e.what();
    }
    return "(no error)";
}

// U+0009 and U+0020 are TOML whitespace; the rest of toml++'s non-ASCII horizontal whitespace
// (which it recognises only to reject it with a clear message) is this list.
bool reference_non_ascii_horizontal_whitespace(char32_t c) {
    return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
           c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

} // namespace

TEST_CASE("toml++ is the patched copy in third_party") {
    CHECK(TENDERSIM_TOMLPP_PATCHED == 1);
}

TEST_CASE("toml++: the whitespace lookup answers every code point, as the reference list") {
    // 3.3.0 reached TOML_UNREACHABLE for U+00A1-U+0499, U+2C5E-U+3057 and U+FB26-U+FEFE.
    int mismatches = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c)
        if (toml::impl::is_non_ascii_horizontal_whitespace(c) !=
            reference_non_ascii_horizontal_whitespace(c))
            ++mismatches;
    CHECK(mismatches == 0);
}

TEST_CASE("scenario loader: the toml++ repro files give a located syntax error") {
    const std::string ws = kData + "unreachable-whitespace.toml";
    CHECK(error_of([&] { load_scenario_file(ws); }).starts_with(ws + ":1: TOML syntax error"));
    const std::string da = kData + "debug-assert.toml";
    const std::string msg = error_of([&] { load_scenario_file(da); });
    CHECK(msg.starts_with(da + ":2: TOML syntax error"));
    CHECK(msg.find("expected bare key starting character") != std::string::npos);
}

TEST_CASE("scenario loader: a value terminator where a value should start is a syntax error") {
    // Found by fuzz_sweep / fuzz_scenario: "x = [}" failed a toml++ assertion.
    const std::string path = kData + "array-brace.toml";
    CHECK(error_of([&] { load_scenario_file(path); })
              .starts_with(path + ":1: TOML syntax error: Error while parsing array: expected a "
                                  "value, saw '}'"));
}

TEST_CASE("sweep parser and targets reader: the repro files give a located syntax error") {
    for (const char* name : {"unreachable-whitespace.toml", "debug-assert.toml"}) {
        const std::string path = kData + name;
        const std::string line = name[0] == 'u' ? ":1:" : ":2:";
        CHECK(error_of([&] {
                  experiment::load_sweep_file(path);
              }).starts_with(path + line + " TOML syntax error"));
        CHECK(error_of([&] {
                  validation::load_targets(path);
              }).starts_with(path + line + " TOML syntax error"));
    }
}

TEST_CASE("toml++: every code point below U+10000 where whitespace, a key or a value may start") {
    // Either a document or a parse error; under UBSan, no undefined behaviour on the way.
    long errors = 0, parsed = 0, unlocated = 0;
    for (char32_t c = 0x01; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue; // surrogates are not encodable
        for (const std::string& doc : test::documents_with(c)) {
            try {
                (void)toml::parse(doc, std::string_view("cp.toml"));
                ++parsed;
            } catch (const toml::parse_error& e) {
                ++errors;
                if (e.source().begin.line < 1) ++unlocated;
            }
        }
    }
    CHECK(parsed > 0);
    CHECK(errors > 0);
    CHECK(unlocated == 0);
}

TEST_CASE("--set/--params-json: a value toml++ cannot read either way is a located error") {
    // Found by fuzz_params_json: invalid UTF-8 (or a stray quote) failed both the TOML reading
    // and the bare-word reading, and the second toml::parse_error escaped apply_override.
    ScenarioSpec spec;
    for (const std::string& value : {std::string("re\xbf\xff\xff\xff"), std::string("a\"b")}) {
        const std::string msg = error_of([&] {
            apply_override(spec, "evaluation.abnormally_low_action=" + value, "--params-json");
        });
        CHECK(msg.starts_with("--params-json: key 'evaluation.abnormally_low_action': expected a "
                              "value in TOML syntax"));
    }
}

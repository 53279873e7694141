#include "io/input_file_error.hpp"
#include "validation/targets.hpp"
#include "validation/validate.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace tendersim;
using namespace tendersim::validation;

namespace {

std::string write_temp(const std::string& text) {
    static int n = 0;
    const auto path = std::filesystem::temp_directory_path() /
                      ("tendersim_targets_" + std::to_string(++n) + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

std::string error_of(const std::string& text) {
    const std::string path = write_temp(text);
    try {
        load_targets(path);
    } catch (const TargetsFileError& e) {
        const std::string msg = e.what();
        return msg.substr(path.size()); // drop the temp path, keep ":LINE: ..."
    }
    return "no error";
}

const char* kTarget = R"(schema_version = 1
[[target]]
id = "sme"
metric = "sme_share_direct"
description = "SME share"
published = 0.35
lower = 0.30
upper = 0.40
source = "Tussell"
)";

} // namespace

TEST_CASE("the repository's targets file loads, and every target has a source") {
    const auto set = load_targets(TENDERSIM_SOURCE_DIR "/validation/targets.toml");
    CHECK(set.targets.size() >= 7);
    for (const auto& t : set.targets) {
        CAPTURE(t.id);
        CHECK(!t.source.empty());
        CHECK(t.lower <= t.published);
        CHECK(t.published <= t.upper);
    }
}

TEST_CASE("bad targets files name the line and key") {
    CHECK(error_of(kTarget) == "no error");
    std::string unknown_metric = kTarget;
    unknown_metric.replace(unknown_metric.find("sme_share_direct"), 16, "sme_shar");
    CHECK(error_of(unknown_metric) ==
          ":4: key 'target.metric': unknown metric 'sme_shar' (see docs/metrics.md)");
    std::string bad_range = kTarget;
    bad_range.replace(bad_range.find("upper = 0.40"), 12, "upper = 0.20");
    CHECK(error_of(bad_range) ==
          ":2: key 'target.lower': expected lower <= published <= upper for target 'sme'");
    CHECK(error_of(std::string(kTarget) + "colour = 1\n") ==
          ":10: key 'target.colour': unknown key; expected id, metric, description, published, "
          "lower, upper, source, note, gate or scenarios");
}

TEST_CASE("validation verdicts and distance follow the tolerances") {
    ValidationReport report;
    TargetResult inside;
    inside.target.published = 0.35, inside.target.lower = 0.30, inside.target.upper = 0.40;
    inside.model_mean = 0.38; // 0.03 above, half-width 0.05: z = 0.6
    inside.inside = true;
    TargetResult outside = inside;
    outside.model_mean = 0.20; // 0.15 below, half-width 0.05: z = -3
    outside.inside = false;
    report.results = {inside};
    CHECK(report.passed());
    CHECK(report.distance() == doctest::Approx(0.36));
    report.results.push_back(outside);
    CHECK_FALSE(report.passed());
    CHECK(report.distance() == doctest::Approx(0.36 + 9.0));
    report.results.back().target.gate = false; // reported only
    CHECK(report.passed());
    CHECK(report.distance() == doctest::Approx(0.36));
}

TEST_CASE("validate runs replicates and puts the model's value inside its interval") {
    ScenarioSpec spec;
    spec.categories = default_categories();
    spec.market.councils = 10;
    spec.market.suppliers = 500;
    spec.run.years = 4;
    const auto set = load_targets(write_temp(kTarget));
    const auto report = validate(spec, set, 3, 1);
    REQUIRE(report.results.size() == 1);
    const auto& r = report.results[0];
    CHECK(r.model_mean > 0.0);
    CHECK(r.model_mean < 1.0);
    CHECK(r.ci95_low <= r.model_mean);
    CHECK(r.model_mean <= r.ci95_high);
    CHECK(r.inside == (r.model_mean >= 0.30 && r.model_mean <= 0.40));
}

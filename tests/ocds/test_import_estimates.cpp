// Tolerant extraction, merging by ocid, the estimates and the files an import writes.
#include "import_test_util.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"
#include "ocds/import/cpv_categories.hpp"
#include "ocds/import/estimate.hpp"
#include "ocds/import/import.hpp"
#include "ocds/import/register.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <sstream>

using namespace tendersim;
using namespace tendersim::ocds;
using tendersim::ocds::test::error_of;
using tendersim::ocds::test::TempDir;

namespace {
Register read_into(const std::string& text, ImportOptions options = {},
                   FileFormat format = FileFormat::JsonLines) {
    Register reg(std::move(options));
    std::istringstream in(text);
    read_releases(in, format, "reg.jsonl", reg);
    return reg;
}
const TenderSummary& tender(const Register& reg, const std::string& ocid) {
    const auto it = reg.tenders().find(ocid);
    REQUIRE(it != reg.tenders().end());
    return it->second;
}
std::size_t count_kind(const Register& reg, const std::string& part) {
    std::size_t n = 0;
    for (const auto& [kind, count] : reg.drop_counts())
        if (kind.find(part) != std::string::npos) n += count;
    return n;
}
} // namespace

TEST_CASE("wrong types and missing sections leave facts unknown, with a reason, never a crash") {
    const Register reg = read_into(
        R"({"ocid":"a","tender":"not an object","planning":[1,2],"awards":{"x":1}}
{"ocid":"b","tender":{"numberOfTenderers":"five","value":{"amount":"abc","currency":"GBP"}, "items":[{"classification":{"scheme":"CPV","id":12}}],"contractPeriod":{"startDate":7}}, "buyer":["x"],"contracts":"none","bids":{"details":{"a":1}},"parties":[1,{"roles":"buyer"}]}
{"ocid":"c"}
{"ocid":42}
[1,2]
{"ocid":"d","tender":{"numberOfTenderers":2.5,"value":{"amount":1e300}}})");
    CHECK(reg.tenders().size() == 5); // a, b, c, d and "42" (an ocid written as a number)
    for (const char* ocid : {"a", "b", "c"}) {
        const auto& t = tender(reg, ocid);
        CHECK(t.bidders < 0);
        CHECK(t.value_gbp < 0);
        CHECK(t.duration_years < 0);
        CHECK(t.buyer < 0);
    }
    CHECK(count_kind(reg, "tender: not an object") == 1);
    CHECK(count_kind(reg, "numberOfTenderers: not a whole number") == 2);
    CHECK(count_kind(reg, "tender.value.amount: not a number") == 1);
    CHECK(count_kind(reg, "line is not a JSON object") == 1);
}

TEST_CASE("zero, placeholder, negative-period and currency-less values are dropped with reasons") {
    const Register reg = read_into(
        R"({"ocid":"z","tender":{"value":{"amount":0,"currency":"GBP"}}}
{"ocid":"p","tender":{"value":{"amount":99999999,"currency":"GBP"},"minValue":{"amount":5000,"currency":"GBP"}}}
{"ocid":"n","contracts":[{"period":{"startDate":"2016-05-01","endDate":"2016-04-01"}},{"period":{"startDate":"2016-01-01","endDate":"2018-01-01"}}]}
{"ocid":"u","tender":{"value":{"amount":100,"currency":null}}}
{"ocid":"q","tender":{"value":{"amount":99999.1,"currency":"GBP"}}})");
    CHECK(tender(reg, "z").value_gbp < 0);
    CHECK(tender(reg, "p").value_gbp == doctest::Approx(5000)); // falls back to minValue
    CHECK(tender(reg, "p").value_field == ValueField::TenderMinValue);
    // The negative period is dropped; the next contract's period is used.
    CHECK(tender(reg, "n").duration_years == doctest::Approx(731.0 / 365.25));
    CHECK(tender(reg, "u").value_gbp < 0);
    CHECK(tender(reg, "q").value_gbp == doctest::Approx(99999.1)); // a price, not a filler
    CHECK(count_kind(reg, "zero or negative amount") == 1);
    CHECK(count_kind(reg, "placeholder amount") == 1);
    CHECK(count_kind(reg, "ends before it starts") == 1);
    CHECK(count_kind(reg, "unknown currency") == 1);
}

TEST_CASE(
    "a currency without a rate stops the import, naming it, the file, the record and --rate") {
    const std::string text = R"({"ocid":"a","tender":{"value":{"amount":5,"currency":"GBP"}}}
{"ocid":"b","tender":{"value":{"amount":1000,"currency":"AMD"}}})";
    const std::string e = error_of([&] { read_into(text); });
    CHECK(e.find("reg.jsonl:2") != std::string::npos);
    CHECK(e.find("AMD") != std::string::npos);
    CHECK(e.find("--rate AMD=") != std::string::npos);
    ImportOptions options;
    options.gbp_per_unit["AMD"] = 0.002;
    CHECK(tender(read_into(text, options), "b").value_gbp == doctest::Approx(2.0));
}

TEST_CASE("releases merge by ocid: the later date wins field by field, in any file order") {
    const std::string older =
        R"({"ocid":"m","id":"1","date":"2016-01-01T00:00:00Z","tender":{"numberOfTenderers":3,"value":{"amount":500,"currency":"GBP"}}})";
    const std::string newer =
        R"({"ocid":"m","id":"2","date":"2016-03-01T10:00:00Z","tender":{"numberOfTenderers":5},"buyer":{"name":"B"}})";
    for (const std::string& text : {older + "\n" + newer, newer + "\n" + older}) {
        const Register reg = read_into(text);
        const auto& t = tender(reg, "m");
        CHECK(t.bidders == 5);                      // newer states it
        CHECK(t.value_gbp == doctest::Approx(500)); // only the older states it
        CHECK(t.buyer == 0);
        CHECK(reg.drop_total() == 0);
    }
}

TEST_CASE("the same release read twice (same ocid and release id) is dropped, not merged again") {
    const std::string r = R"({"ocid":"d","id":"r1","tender":{"numberOfTenderers":2}})";
    const Register reg = read_into(r + "\n" + r + "\n" +
                                   R"({"ocid":"d","id":"r2","tender":{"numberOfTenderers":4}})");
    CHECK(reg.tenders().size() == 1);
    CHECK(count_kind(reg, "duplicate release") == 1);
    CHECK(reg.releases_read() == 3);
    const auto e = estimate_from(reg, {"reg.jsonl"});
    CHECK(e.bids_sample == 1);
}

TEST_CASE("UK Contracts Finder's tenderPeriod is its contract period, detected by ocid prefix") {
    const std::string period =
        R"("tenderPeriod":{"startDate":"2015-01-01T00:00:00Z","endDate":"2017-01-01T00:00:00Z"})";
    const Register reg = read_into(std::string(R"({"ocid":"ocds-b5fd17-x","tender":{)") + period +
                                   "}}\n" + R"({"ocid":"ocds-other-x","tender":{)" + period + "}}");
    CHECK(tender(reg, "ocds-b5fd17-x").duration_years == doctest::Approx(731.0 / 365.25));
    CHECK(tender(reg, "ocds-b5fd17-x").duration_field == DurationField::UkTenderPeriod);
    CHECK(tender(reg, "ocds-other-x").duration_years < 0); // a bidding window elsewhere
}

TEST_CASE("bids per tender: numberOfTenderers, else distinct bidders in bids.details") {
    const Register reg = read_into(
        R"({"ocid":"a","tender":{"numberOfTenderers":1}}
{"ocid":"b","bids":{"details":[{"tenderers":[{"id":"x"}]},{"tenderers":[{"id":"y"}]},{"tenderers":[{"id":"x"}]}]}}
{"ocid":"c","tender":{"numberOfTenderers":0}}
{"ocid":"d","tender":{"numberOfTenderers":1}})");
    const auto e = estimate_from(reg, {});
    CHECK(e.bids_sample == 4);
    CHECK(e.bids_histogram.at(2) == 1);
    CHECK(e.bids_with_bids == 3);
    CHECK(e.bids_mean == doctest::Approx(4.0 / 4));
    CHECK(e.single_bid_share == doctest::Approx(2.0 / 3));
    CHECK(e.bids_sources.at("bids.details[].tenderers") == 1);
}

TEST_CASE("CPV codes map through the table by longest prefix") {
    CHECK(cpv_digits("32420000-3") == std::optional<std::string>("32420000"));
    CHECK(!cpv_digits("3242"));
    CHECK(kCategoryNames[static_cast<std::size_t>(category_of_cpv("32420000"))] ==
          "ict-infrastructure");
    CHECK(kCategoryNames[static_cast<std::size_t>(category_of_cpv("32500000"))] == "telecoms");
    CHECK(kCategoryNames[static_cast<std::size_t>(category_of_cpv("72220000"))] == "consultancy");
    CHECK(kCategoryNames[static_cast<std::size_t>(category_of_cpv("72000000"))] ==
          "digital-services");
    CHECK(category_of_cpv("45000000") == -1);
}

TEST_CASE("statistics: log-normal fit by moments of logs, linear quantiles") {
    const auto fit = lognormal_fit({std::exp(1.0), std::exp(2.0), std::exp(3.0), -4.0});
    CHECK(fit.n == 3);
    CHECK(fit.median == doctest::Approx(std::exp(2.0)));
    CHECK(fit.log_sd == doctest::Approx(1.0));
    const auto q = analysis::quantiles_of({5, 1, 4, 2, 3});
    CHECK(q.p50 == doctest::Approx(3));
    CHECK(q.p25 == doctest::Approx(2));
    CHECK(q.p10 == doctest::Approx(1.4));
    CHECK(q.mean == doctest::Approx(3));
}

TEST_CASE("rates: CUR=X with a positive number, else a clear error") {
    CHECK(parse_rate("AMD=0.0019") == std::pair<std::string, double>("AMD", 0.0019));
    for (const char* bad : {"amd=1", "AMD", "AMD=0", "AMD=-1", "AMDX=1", "AMD=x"})
        CHECK(error_of([&] { parse_rate(bad); }).find("expected CUR=GBP_PER_UNIT") !=
              std::string::npos);
}

TEST_CASE(
    "an import writes a scenario that loads, with the estimates, a report and estimates.json") {
    TempDir dir;
    std::string lines;
    // 12 tenders from 3 buyers, facilities CPV (50...), 2-year contracts of 200k..(growing).
    for (int i = 0; i < 12; ++i)
        lines +=
            R"({"ocid":"t)" + std::to_string(i) + R"(","buyer":{"id":"B)" + std::to_string(i % 3) +
            R"("},"tender":{"numberOfTenderers":)" + std::to_string(1 + i % 4) +
            R"(,"items":[{"classification":{"scheme":"CPV","id":"50000000"}}],"value":{"amount":)" +
            std::to_string(200000 + 10000 * i) +
            R"(,"currency":"GBP"},"contractPeriod":{"startDate":"2016-01-01","endDate":"2018-01-01"}}})" +
            "\n";
    lines += "{\"ocid\":\"t0\",\"id\":\"x\"}\n{\"ocid\":\"t0\",\"id\":\"x\"}\n"; // a duplicate
    test::write_file(dir.path / "reg.jsonl", lines);
    ImportConfig config;
    config.inputs = {dir.path};
    config.out = dir.path / "mine.toml";
    config.base = std::filesystem::path(TENDERSIM_SOURCE_DIR) / "scenarios" / "baseline.toml";
    const ImportSummary s = run_import(config);
    CHECK(s.tenders == 12);
    const ScenarioSpec spec = load_scenario_file(config.out.string());
    CHECK(spec.name == "mine");
    CHECK(spec.market.councils == 3);
    const CategorySpec* facilities = nullptr;
    for (const auto& c : spec.categories)
        if (c.name == "facilities") facilities = &c;
    REQUIRE(facilities != nullptr);
    CHECK(facilities->spend_share == doctest::Approx(1.0));
    CHECK(facilities->duration_min_years == 2);
    CHECK(facilities->duration_max_years == 2);
    // Median of 100k..155k a year (total over 2 years), as the fit computes it from the logs.
    std::vector<double> annual;
    for (int i = 0; i < 12; ++i) annual.push_back((200000.0 + 10000.0 * i) / (731.0 / 365.25));
    CHECK(facilities->value_median_gbp ==
          doctest::Approx(lognormal_fit(annual).median).epsilon(0.005));
    const std::string text = test::read_file(config.out);
    CHECK(text.find("base = ") != std::string::npos);
    CHECK(text.find("# estimate: 3 distinct buyers") != std::string::npos);
    const std::string report = test::read_file(dir.path / "mine.toml.report.md");
    CHECK(report.find("duplicate release") != std::string::npos);
    const auto json = nlohmann::json::parse(test::read_file(dir.path / "mine.toml.estimates.json"));
    CHECK(json["bids"]["sample"] == 12);
    CHECK(json["bids"]["single_bid_share"].get<double>() == doctest::Approx(3.0 / 12));
    // Nothing left behind under a temporary name.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir.path)) ++files;
    CHECK(files == 4);
}

TEST_CASE("an import of files with no usable release is refused") {
    TempDir dir;
    test::write_file(dir.path / "r.jsonl", "[1]\n{\"tender\":{}}\n");
    ImportConfig config;
    config.inputs = {dir.path / "r.jsonl"};
    config.out = dir.path / "x.toml";
    config.base = std::filesystem::path(TENDERSIM_SOURCE_DIR) / "scenarios" / "baseline.toml";
    CHECK(error_of([&] { run_import(config); }).find("no usable OCDS release") !=
          std::string::npos);
    CHECK(!std::filesystem::exists(config.out));
}

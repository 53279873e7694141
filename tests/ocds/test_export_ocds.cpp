// The OCDS exporter's releases, read back with nlohmann-json: one per tender, awards point at the
// winning bid, re-lets name an earlier process of the export, and gzip output inflates back to
// the same lines.
#include "core/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "ocds/export/gzip_stream.hpp"
#include "ocds/export/ocds_exporter.hpp"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <zlib.h>

using namespace tendersim;
using json = nlohmann::json;

namespace {

std::string export_run(int years, int threads) {
    const ScenarioSpec spec =
        load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/tests/golden/golden.toml");
    Simulation sim(spec, 3, threads);
    sim.set_bid_log(true);
    std::ostringstream out;
    ocds::OcdsExporter exporter(out, spec.name, 0, 2030);
    for (int y = 0; y < years; ++y) {
        sim.run_year();
        exporter.write_year(sim.market(), sim.last_year());
    }
    return out.str();
}

std::string gunzip(const std::string& data) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 16 + 15) == Z_OK);
    std::string out;
    char buf[1 << 14];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    CHECK(rc == Z_STREAM_END);
    return out;
}

} // namespace

TEST_CASE("OCDS export: releases read back, awards name the winning bid, re-lets link back") {
    const std::string text = export_run(4, 1);
    std::istringstream in(text);
    std::string line;
    std::set<std::string> seen;
    std::size_t tenders = 0, awards = 0, linked = 0, terminations = 0;
    while (std::getline(in, line)) {
        const json package = json::parse(line);
        REQUIRE(package["releases"].size() == 1);
        const json& r = package["releases"][0];
        const std::string ocid = r["ocid"];
        CHECK(ocid.rfind("ocds-tsim00-golden-r0-", 0) == 0);
        const auto& tag = r["tag"];
        if (tag[0] == "contractTermination") {
            ++terminations;
            CHECK(seen.count(ocid) == 1); // terminates a contract this export awarded
            CHECK(r["contracts"][0]["status"] == "terminated");
            continue;
        }
        ++tenders;
        CHECK(seen.insert(ocid).second); // one tender release per process
        CHECK(r["tender"]["numberOfTenderers"] == r["bids"]["statistics"][0]["value"]);
        CHECK(std::string(r["date"]).substr(0, 4) >= "2030");
        if (r.contains("awards")) {
            ++awards;
            const json& award = r["awards"][0];
            const std::string supplier = award["suppliers"][0]["id"];
            bool found = false;
            for (const auto& bid : r["bids"]["details"])
                if (bid["id"] == award["relatedBid"]) {
                    found = true;
                    CHECK(bid["tenderers"][0]["id"] == supplier);
                    CHECK(bid["status"] == "valid");
                    CHECK(bid["value"]["amount"] == award["value"]["amount"]);
                }
            CHECK(found);
            CHECK(r["contracts"][0]["awardID"] == award["id"]);
        }
        if (r.contains("relatedProcesses")) {
            ++linked;
            const std::string prev = r["relatedProcesses"][0]["identifier"];
            CHECK(prev != ocid);
            CHECK(seen.count(prev) == 1); // an earlier process of this export
        }
    }
    CHECK(tenders > 50);
    CHECK(awards > 0);
    CHECK(linked > 0);
    INFO("terminations: " << terminations);
}

TEST_CASE("OCDS export is byte-identical across thread counts") {
    const std::string one = export_run(3, 1);
    CHECK(one.size() > 10000);
    CHECK(export_run(3, 2) == one);
}

TEST_CASE("gzip stream: the compressed export inflates back to the same bytes") {
    const std::string text = export_run(2, 1);
    std::ostringstream sink;
    {
        ocds::GzipOstream gz(sink);
        gz << text;
        gz.finish();
        CHECK(gz.good());
    }
    const std::string packed = sink.str();
    CHECK(packed.size() < text.size() / 3);
    CHECK(gunzip(packed) == text);
}

TEST_CASE("OCDS export: each route has its procurement method") {
    // Quotes and direct awards below thresholds, and call-offs from a framework with direct
    // award and mini-competitions: OCDS's method codelist tells them apart.
    ScenarioSpec spec =
        load_scenario_file(std::string(TENDERSIM_SOURCE_DIR) + "/tests/golden/golden.toml");
    FrameworkSpec fw;
    fw.name = "national";
    fw.direct_award = true;
    fw.direct_award_max_gbp = 300'000;
    fw.lots = {FrameworkLotSpec{"tech", {"ict-infrastructure", "software-saas"}, 20, 0.6, 0.0}};
    spec.frameworks = {fw};
    spec.policy.framework_share = 0.8;
    spec.policy.direct_award_threshold_gbp = 40'000;
    spec.policy.quote_threshold_gbp = 150'000;
    Simulation sim(spec, 3, 1);
    sim.set_bid_log(true);
    std::ostringstream out;
    ocds::OcdsExporter exporter(out, spec.name, 0, 2030);
    for (int y = 0; y < 3; ++y) {
        sim.run_year();
        exporter.write_year(sim.market(), sim.last_year());
    }
    std::istringstream in(out.str());
    std::map<std::string, int> methods;
    std::string line;
    while (std::getline(in, line)) {
        const json package = json::parse(line);
        const json& release = package.at("releases").at(0);
        if (!release.contains("tender")) continue; // a contract termination
        const auto& tender = release.at("tender");
        const std::string method = tender.at("procurementMethod");
        const std::string details = tender.at("procurementMethodDetails");
        ++methods[method];
        if (method == "selective") CHECK(details.find("mini-competition") != std::string::npos);
        if (method == "limited") CHECK(details.find("quotations") != std::string::npos);
        if (method == "direct")
            CHECK((details.find("Direct award") == 0 ||
                   details.find("direct award from") != std::string::npos));
        if (method == "direct" && details.find("framework") == std::string::npos)
            CHECK(tender.at("numberOfTenderers").get<int>() <= 1);
    }
    for (const char* m : {"open", "limited", "direct", "selective"}) {
        CAPTURE(m);
        CHECK(methods[m] > 0);
    }
}

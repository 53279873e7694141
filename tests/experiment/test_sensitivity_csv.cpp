// sensitivity.csv end to end on a function with known indices: the Ishigami function's outputs
// are written as a runs.csv (two replicates per design point, in interleaved run order, as a
// sweep writes them), read back, and the Morris and Sobol' columns checked against the analytic
// values. The estimators themselves are tested in tests/analysis.
#include "analysis/interleave.hpp"
#include "experiment/sensitivity_csv.hpp"
#include "text/text.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <numbers>
#include <sstream>

using namespace tendersim::analysis;
using namespace tendersim::experiment;
using tendersim::parse_double;
using tendersim::split;

namespace {

double ishigami(std::span<const double> x) {
    return std::sin(x[0]) + 7.0 * std::sin(x[1]) * std::sin(x[1]) +
           0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}

std::vector<ParamRange> space() {
    const double pi = std::numbers::pi;
    return {continuous("x1", -pi, pi), continuous("x2", -pi, pi), continuous("x3", -pi, pi)};
}

// runs.csv text: replicate r of every point, points in run order. The two replicates differ by
// +/- 0.5, so their mean is the function value.
template <class Design> std::string runs_csv(const Design& d) {
    const auto order = run_order(d);
    std::ostringstream out;
    out.precision(17);
    out << "run,point,replicate,seed,x1,x2,x3,final.y,mean.y\n";
    std::size_t run = 0;
    for (int rep = 0; rep < 2; ++rep) {
        for (const std::size_t p : order) {
            const double y = ishigami(d.points.row(p)) + (rep == 0 ? 0.5 : -0.5);
            out << run++ << "," << p << "," << rep << ",0,0,0,0," << y << "," << 2 * y << "\n";
        }
    }
    return out.str();
}

// "output,parameter" -> column name -> value of a sensitivity.csv.
using Table = std::map<std::string, std::map<std::string, std::string>>;
Table parse(const std::string& csv, std::vector<std::string>* header = nullptr) {
    Table out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    for (auto v : split(line, ',')) names.emplace_back(v);
    if (header) *header = names;
    while (std::getline(in, line)) {
        const auto f = split(line, ',');
        REQUIRE(f.size() == names.size());
        auto& row = out[std::string(f[0]) + "," + std::string(f[1])];
        for (std::size_t c = 0; c < f.size(); ++c) row[names[c]] = std::string(f[c]);
    }
    return out;
}

double num(const std::string& s) {
    return *parse_double(s);
}

} // namespace

TEST_CASE("sensitivity.csv: Sobol' indices of the Ishigami function") {
    const SaltelliDesign d = saltelli(space(), 1u << 12, 77);
    std::istringstream runs(runs_csv(d));
    const PointOutputs outputs = read_point_outputs(runs, d.points.rows());
    REQUIRE(outputs.names == std::vector<std::string>{"final.y", "mean.y"});
    std::vector<std::string> header;
    const auto rows = parse(sobol_csv(d, outputs, 50, 3), &header);
    // SALib's names first, then what SALib lacks.
    CHECK(header == std::vector<std::string>{"output", "parameter", "S1", "S1_conf", "ST",
                                             "ST_conf", "S1_low", "S1_high", "ST_low", "ST_high",
                                             "blocks_used", "variance"});
    REQUIRE(rows.size() == 6);
    const double s1[3] = {0.3139, 0.4424, 0.0};
    const double st[3] = {0.5576, 0.4424, 0.2437};
    for (int i = 0; i < 3; ++i) {
        for (const std::string out : {"final.y", "mean.y"}) {
            const auto& r = rows.at(out + ",x" + std::to_string(i + 1));
            INFO(out << " x" << i + 1);
            CHECK(std::fabs(num(r.at("S1")) - s1[i]) < 0.03);
            CHECK(std::fabs(num(r.at("ST")) - st[i]) < 0.03);
            CHECK(num(r.at("S1_conf")) > 0.0);
            CHECK(num(r.at("ST_conf")) < 0.05);
            CHECK(num(r.at("S1_low")) <= num(r.at("S1_high")));
            CHECK(num(r.at("ST_low")) <= num(r.at("ST_high")));
            CHECK(r.at("blocks_used") == "4096"); // every block complete
        }
    }
    // Scale invariance: mean.y = 2 final.y gives the same indices.
    CHECK(num(rows.at("final.y,x1").at("S1")) ==
          doctest::Approx(num(rows.at("mean.y,x1").at("S1"))));
    // Without a bootstrap the interval columns are empty.
    for (const auto& [key, row] : parse(sobol_csv(d, outputs, 0, 3))) {
        CHECK(row.at("S1_conf").empty());
        CHECK(row.at("ST_high").empty());
        CHECK_FALSE(row.at("S1").empty());
    }
}

TEST_CASE("sensitivity.csv: Morris mu* ranks the Ishigami parameters") {
    const MorrisDesign d = morris(space(), 400, 4, 2024);
    std::istringstream runs(runs_csv(d));
    std::vector<std::string> header;
    const auto rows = parse(morris_csv(d, read_point_outputs(runs, d.points.rows())), &header);
    CHECK(header == std::vector<std::string>{"output", "parameter", "mu", "mu_star", "sigma",
                                             "mu_star_conf", "effects"});
    // Analytic values at p = 4 (see tests/analysis/test_sensitivity.cpp): mu*(x2) = 7.875
    // exactly, mu*(x1) ~ 7.70, mu*(x3) ~ 6.25; the output is per full range of a parameter.
    CHECK(num(rows.at("final.y,x2").at("mu_star")) == doctest::Approx(7.875).epsilon(1e-9));
    CHECK(std::fabs(num(rows.at("final.y,x1").at("mu_star")) - 7.70) < 1.0);
    CHECK(std::fabs(num(rows.at("final.y,x3").at("mu_star")) - 6.25) < 1.0);
    CHECK(num(rows.at("final.y,x3").at("sigma")) > num(rows.at("final.y,x3").at("mu_star")));
    // mu* of x2 is exact (every |EE| is 7.875), so its half-width is 0; x3's effects vary.
    CHECK(num(rows.at("final.y,x2").at("mu_star_conf")) == doctest::Approx(0.0).epsilon(1e-9));
    CHECK(num(rows.at("final.y,x3").at("mu_star_conf")) > 0.1);
    CHECK(rows.at("final.y,x1").at("effects") == "400");
}

TEST_CASE("sensitivity.csv: points without finished runs are left out") {
    const MorrisDesign d = morris(space(), 10, 4, 1);
    // Only the first replicate of the first 11 points in run order (half a sweep).
    std::istringstream in(runs_csv(d));
    std::ostringstream partial;
    std::string line;
    for (int k = 0; k < 12 && std::getline(in, line); ++k) partial << line << "\n";
    std::istringstream runs(partial.str());
    const PointOutputs outputs = read_point_outputs(runs, d.points.rows());
    std::size_t nan = 0;
    for (const double v : outputs.value[0]) nan += std::isnan(v);
    CHECK(nan == d.points.rows() - 11);
    const auto rows = parse(morris_csv(d, outputs));
    CHECK(std::stoi(rows.at("final.y,x1").at("effects")) < 10);
}

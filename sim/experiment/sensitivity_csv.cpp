#include "experiment/sensitivity_csv.hpp"

#include "analysis/sensitivity.hpp"
#include "core/params.hpp"
#include "text/text.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace tendersim::experiment {
namespace {

std::string num(double v) {
    return std::isnan(v) ? std::string() : format_number(v);
}

} // namespace

PointOutputs read_point_outputs(std::istream& runs_csv, std::size_t design_rows) {
    std::string line;
    if (!std::getline(runs_csv, line)) throw std::runtime_error("runs.csv is empty");
    const auto header = split(line, ',');
    std::size_t point_col = header.size();
    std::vector<std::size_t> cols;
    PointOutputs out;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c] == "point") point_col = c;
        if (header[c].starts_with("final.") || header[c].starts_with("mean.")) {
            cols.push_back(c);
            out.names.emplace_back(header[c]);
        }
    }
    if (point_col == header.size()) throw std::runtime_error("runs.csv has no point column");
    std::vector<std::vector<double>> sum(cols.size(), std::vector<double>(design_rows, 0.0));
    std::vector<std::vector<std::uint32_t>> count(cols.size(),
                                                  std::vector<std::uint32_t>(design_rows, 0));
    while (std::getline(runs_csv, line)) {
        if (line.empty()) continue;
        const auto fields = split(line, ',');
        if (fields.size() != header.size())
            throw std::runtime_error("runs.csv: a row has " + std::to_string(fields.size()) +
                                     " fields, the header " + std::to_string(header.size()));
        const auto point = parse_u64(fields[point_col]);
        if (!point || *point >= design_rows)
            throw std::runtime_error("runs.csv: bad point index '" +
                                     std::string(fields[point_col]) + "'");
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const auto v = parse_double(fields[cols[k]]);
            if (v && std::isfinite(*v)) {
                sum[k][static_cast<std::size_t>(*point)] += *v;
                ++count[k][static_cast<std::size_t>(*point)];
            }
        }
    }
    out.value.resize(cols.size());
    for (std::size_t k = 0; k < cols.size(); ++k) {
        out.value[k].resize(design_rows);
        for (std::size_t r = 0; r < design_rows; ++r)
            out.value[k][r] = count[k][r] > 0 ? sum[k][r] / count[k][r]
                                              : std::numeric_limits<double>::quiet_NaN();
    }
    return out;
}

std::string morris_csv(const analysis::MorrisDesign& design, const PointOutputs& outputs) {
    std::string s = "output,parameter,mu,mu_star,sigma,mu_star_conf,effects\n";
    for (std::size_t k = 0; k < outputs.names.size(); ++k) {
        for (const auto& m : analysis::morris_indices(design, outputs.value[k]))
            s += outputs.names[k] + "," + m.name + "," + num(m.mu) + "," + num(m.mu_star) + "," +
                 num(m.sigma) + "," + num(m.mu_star_conf) + "," + std::to_string(m.effects) + "\n";
    }
    return s;
}

std::string sobol_csv(const analysis::SaltelliDesign& design, const PointOutputs& outputs,
                      std::size_t bootstrap, std::uint64_t seed) {
    std::string s = "output,parameter,S1,S1_conf,ST,ST_conf,S1_low,S1_high,ST_low,ST_high,"
                    "blocks_used,variance\n";
    analysis::SobolOptions options;
    options.bootstrap = bootstrap;
    options.seed = seed;
    for (std::size_t k = 0; k < outputs.names.size(); ++k) {
        const auto r = analysis::sobol_indices(design, outputs.value[k], options);
        for (const auto& i : r.indices)
            s += outputs.names[k] + "," + i.name + "," + num(i.s1) + "," + num(i.s1_conf) + "," +
                 num(i.st) + "," + num(i.st_conf) + "," + num(i.s1_low) + "," + num(i.s1_high) +
                 "," + num(i.st_low) + "," + num(i.st_high) + "," + std::to_string(r.blocks_used) +
                 "," + num(r.variance) + "\n";
    }
    return s;
}

} // namespace tendersim::experiment

#pragma once
// sensitivity.csv for Morris and Sobol' sweeps, computed from runs.csv after the merge (so memory
// holds one number per design point and output, never the runs themselves).
//
// Each output column of runs.csv (final.<metric>, mean.<metric>) is averaged over the replicates
// of each design point; the estimators of sim/analysis then run on those point means.
#include "analysis/design.hpp"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace tendersim::experiment {

struct PointOutputs {
    std::vector<std::string> names;         // output columns, in runs.csv order
    std::vector<std::vector<double>> value; // [output][design row]: replicate mean, NaN if none
};

// Reads runs.csv text: the `point` column and every final.* / mean.* column.
PointOutputs read_point_outputs(std::istream& runs_csv, std::size_t design_rows);

// Columns take SALib's names where SALib has the quantity (mu, mu_star, sigma, mu_star_conf;
// S1, S1_conf, ST, ST_conf), so SALib users read the file as they read SALib's results; the
// others keep descriptive names.
// output,parameter,mu,mu_star,sigma,mu_star_conf,effects
std::string morris_csv(const analysis::MorrisDesign& design, const PointOutputs& outputs);
// output,parameter,S1,S1_conf,ST,ST_conf,S1_low,S1_high,ST_low,ST_high,blocks_used,variance
// (_conf: z x bootstrap sd, as SALib; _low/_high: the bootstrap percentile interval; all empty
// when bootstrap is 0)
std::string sobol_csv(const analysis::SaltelliDesign& design, const PointOutputs& outputs,
                      std::size_t bootstrap, std::uint64_t seed);

} // namespace tendersim::experiment

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

// output,parameter,mu,mu_star,sigma,effects
std::string morris_csv(const analysis::MorrisDesign& design, const PointOutputs& outputs);
// output,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high,blocks_used,variance
// (the _low/_high columns are a bootstrap percentile interval; empty when bootstrap is 0)
std::string sobol_csv(const analysis::SaltelliDesign& design, const PointOutputs& outputs,
                      std::size_t bootstrap, std::uint64_t seed);

} // namespace tendersim::experiment

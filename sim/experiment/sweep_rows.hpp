#pragma once
// The text of runs.csv and timeseries.csv. Each completed run becomes one record payload: its
// runs.csv row, then its timeseries rows (if kept). The final merge only sorts these payloads by
// run index, so output bytes never depend on who computed a run or when.
#include "experiment/run_point.hpp"
#include "experiment/sweep_plan.hpp"

#include <string>

namespace tendersim::experiment {

// run,point,replicate,seed,<parameter keys>,final.<metric>...,mean.<metric>...
std::string runs_header(const SweepPlan& plan);
std::string timeseries_header(); // run,year,metric,value

// One payload: the runs.csv row and the timeseries rows, each ending in '\n'.
std::string run_payload(const SweepPlan& plan, const RunInfo& info, const RunOutputs& out);

// Splits a payload into its runs.csv row and its timeseries rows.
struct PayloadParts {
    std::string_view runs_row;   // with its '\n'
    std::string_view timeseries; // zero or more lines
};
PayloadParts split_payload(std::string_view payload);

} // namespace tendersim::experiment

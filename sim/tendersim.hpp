#pragma once
// tendersim's supported C++ API, in one header: #include <tendersim.hpp> and link tendersim::io
// (which brings tendersim::core); run_job also needs tendersim::experiment. Installed as
// include/tendersim/tendersim.hpp with the CMake package (find_package(tendersim), README.md
// "Install"). Other installed headers are the libraries' insides: usable, but they change
// without notice.
//
//   ScenarioSpec spec = tendersim::load_scenario_file(path);     // scenario spec and loader
//   for (const tendersim::PlannedRun& run : tendersim::make_run_plan(spec)) {   // run plan
//       tendersim::Simulation sim(run.spec, run.seed, threads);   // builds the market, burn-in
//       const tendersim::YearMetrics& year = sim.run_year();      // one simulated year
//       for (const auto& [name, value] : tendersim::metric_rows(year, run.spec))   // results
//           std::cout << name << ',' << tendersim::metric_text(value) << '\n';  // as metrics.csv
//   }

// The scenario: the frozen spec, its loader and overrides (--set), the parameter registry.
#include "core/params.hpp"
#include "core/spec.hpp"
#include "io/scenario_loader.hpp"

// The market a scenario builds and the simulation that runs it year by year.
#include "core/market.hpp"
#include "core/simulation.hpp"

// The run plan: replicates and their seeds, decided in one place.
#include "core/run_plan.hpp"

// Results: a year's metrics, their definitions, the metrics.csv text of a value; whole runs
// written as `tendersim run` writes them (tendersim::experiment).
#include "core/metric_registry.hpp"
#include "core/metrics.hpp"
#include "experiment/run_job.hpp"
#include "io/csv_writers.hpp"

// The shipped data (scenarios/, validation/) wherever tendersim is installed, and the version.
#include "io/data_dir.hpp"
#include "io/version.hpp"

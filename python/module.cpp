// The `_tendersim` extension behind the Python package (python/tendersim/__init__.py). It returns
// the same CSV text the command line writes, made by the same writers (io/csv_writers.hpp), so a
// DataFrame built from it holds exactly the numbers of metrics.csv, tenders.csv or
// comparison.csv; the Python layer only parses. Every simulation runs with the GIL released.
#include "core/params.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "experiment/compare.hpp"
#include "experiment/run_job.hpp"
#include "experiment/sweep_plan.hpp"
#include "experiment/sweep_runner.hpp"
#include "experiment/sweep_spec.hpp"
#include "io/csv_writers.hpp"
#include "io/errors.hpp"
#include "io/input_file_error.hpp"
#include "io/version.hpp"
#include "ocds/export/bid_log_csv.hpp"
#include "text/text.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sstream>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace tendersim;

namespace {

RunConfig run_config(const std::string& scenario, const std::vector<std::string>& overrides,
                     std::optional<std::int64_t> seed, std::optional<std::int64_t> years,
                     std::optional<std::int64_t> replicates, int threads) {
    RunConfig config;
    config.scenario_path = scenario;
    config.overrides = overrides;
    config.override_sources.assign(overrides.size(), "set"); // errors: "set: key ..."
    config.seed = seed;
    config.years = years;
    config.replicates = replicates;
    config.threads = threads;
    return config;
}

struct RunTexts {
    std::string metrics;
    std::string suppliers;
    std::string tenders; // empty unless asked for
    std::string bids;
};

// The replicates of tendersim run, as text instead of files.
RunTexts run_texts(const RunConfig& config, bool tender_log, bool bid_log) {
    const ScenarioSpec spec = resolve_spec(config);
    std::ostringstream metrics, suppliers, tenders, bids;
    write_metrics_header(metrics);
    write_suppliers_header(suppliers);
    if (tender_log) write_tenders_header(tenders);
    if (bid_log) ocds::write_bids_header(bids);
    for (const PlannedRun& run : make_run_plan(spec)) {
        Simulation sim(run.spec, run.seed, config.threads);
        sim.set_bid_log(bid_log);
        const RowKey key{run.label, run.replicate, run.seed};
        for (std::int64_t y = 0; y < run.spec.run.years; ++y) {
            write_metrics_rows(metrics, key, sim.run_year(), run.spec);
            if (tender_log) write_tender_rows(tenders, key, sim.market(), sim.last_year());
            if (bid_log) ocds::write_bid_rows(bids, key, sim.market(), sim.last_year());
        }
        write_supplier_rows(suppliers, key, sim.market());
    }
    return {metrics.str(), suppliers.str(), tenders.str(), bids.str()};
}

// One replicate stepped a year at a time from Python (notebooks): the scenario's own run plan
// picks the seed, so year k equals year k of tendersim run's replicate.
// Every method runs without the GIL and under one mutex: a second Python thread (a notebook
// widget) calling suppliers() during step() waits instead of reading a market being written.
class SteppedRun {
  public:
    SteppedRun(const std::string& scenario, const std::vector<std::string>& overrides,
               std::optional<std::int64_t> seed, std::int64_t replicate, int threads)
        : spec_(resolve_spec(run_config(scenario, overrides, seed, std::nullopt,
                                        checked_replicate(replicate) + 1, threads))) {
        const PlannedRun run = make_run_plan(spec_).at(static_cast<std::size_t>(replicate));
        label_ = run.label;
        replicate_ = run.replicate;
        seed_ = run.seed;
        sim_ = std::make_unique<Simulation>(run.spec, run.seed, threads);
    }

    // Runs the next year; returns its rows of metrics.csv (with the header).
    std::string step() {
        const std::lock_guard lock(mutex_);
        std::ostringstream out;
        write_metrics_header(out);
        const YearMetrics& y = sim_->run_year();
        write_metrics_rows(out, key(), y, spec_);
        ++year_;
        return out.str();
    }
    std::string suppliers() const {
        const std::lock_guard lock(mutex_);
        std::ostringstream out;
        write_suppliers_header(out);
        write_supplier_rows(out, key(), sim_->market());
        return out.str();
    }
    std::string tenders() const {
        const std::lock_guard lock(mutex_);
        std::ostringstream out;
        write_tenders_header(out);
        if (year_ > 0) write_tender_rows(out, key(), sim_->market(), sim_->last_year());
        return out.str();
    }
    std::int64_t year() const { return year_; }
    std::int64_t years() const { return spec_.run.years; }
    std::uint64_t seed() const { return seed_; }
    std::string label() const { return label_; }
    std::string state_hash_hex() const {
        const std::lock_guard lock(mutex_);
        return hex64(state_hash(sim_->market()));
    }

  private:
    static std::int64_t checked_replicate(std::int64_t replicate) {
        if (replicate < 0 || replicate >= 100000)
            throw std::invalid_argument("replicate must be from 0 to 99999, got " +
                                        std::to_string(replicate));
        return replicate;
    }
    RowKey key() const { return RowKey{label_, replicate_, seed_}; }

    ScenarioSpec spec_;
    std::string label_;
    std::int64_t replicate_ = 0;
    std::uint64_t seed_ = 0;
    std::unique_ptr<Simulation> sim_;
    std::atomic<std::int64_t> year_ = 0; // read without the mutex (the property)
    mutable std::mutex mutex_;
};

py::dict compare_texts(const std::vector<std::string>& scenarios,
                       const std::vector<std::string>& overrides, std::int64_t replicates,
                       std::optional<std::int64_t> seed, std::optional<std::int64_t> years,
                       const std::vector<std::int64_t>& years_at,
                       const std::vector<std::string>& metrics, int threads) {
    experiment::CompareConfig config;
    config.scenario_paths = scenarios;
    config.overrides = overrides;
    config.replicates = replicates;
    config.seed = seed;
    config.years = years;
    config.years_at = years_at;
    config.metrics = metrics;
    config.threads = threads;
    std::string comparison, per_replicate;
    {
        py::gil_scoped_release release;
        const experiment::CompareData data = experiment::collect_comparison(config);
        comparison = experiment::comparison_csv(data, experiment::summarise(data));
        per_replicate = experiment::replicates_csv(data);
    }
    py::dict out;
    out["comparison"] = comparison;
    out["replicates"] = per_replicate;
    return out;
}

// Runs a sweep file into its results directory (resumable like the CLI); returns the directory.
std::string run_sweep_file(const std::string& sweep_file, const std::string& out_parent,
                           int threads, bool resume) {
    py::gil_scoped_release release;
    const experiment::SweepPlan plan(experiment::load_sweep_file(sweep_file));
    experiment::SweepOptions opt;
    opt.sweep_dir = experiment::default_sweep_dir(plan, out_parent);
    opt.threads = threads;
    opt.resume = resume;
    const experiment::SweepOutcome outcome = experiment::run_sweep(plan, opt);
    if (outcome.status != experiment::SweepStatus::Complete &&
        outcome.status != experiment::SweepStatus::AlreadyComplete)
        throw std::runtime_error("the sweep did not complete: " + opt.sweep_dir.string());
    return outcome.sweep_dir.string();
}

// The parameter reference as rows (tendersim params): one dict per scenario parameter.
py::list parameter_rows() {
    ScenarioSpec defaults;
    defaults.categories = default_categories();
    py::list rows;
    for (const auto& def : scenario_params()) {
        py::dict row;
        row["key"] = std::string(def.key);
        row["type"] = std::string(def.kind == ParamKind::Real   ? "number"
                                  : def.kind == ParamKind::Int  ? "integer"
                                  : def.kind == ParamKind::Bool ? "boolean"
                                                                : "choice");
        row["unit"] = std::string(def.unit);
        row["default"] = param_value_text(def, defaults);
        row["min"] = def.kind == ParamKind::Real || def.kind == ParamKind::Int
                         ? py::object(py::float_(def.min))
                         : py::object(py::none());
        row["max"] = def.kind == ParamKind::Real || def.kind == ParamKind::Int
                         ? py::object(py::float_(def.max))
                         : py::object(py::none());
        row["choices"] = std::string(def.choices);
        row["basis"] = std::string(basis_word(def.origin.basis));
        row["plausible_low"] = def.origin.has_range()
                                   ? py::object(py::float_(def.origin.plausible_lo))
                                   : py::object(py::none());
        row["plausible_high"] = def.origin.has_range()
                                    ? py::object(py::float_(def.origin.plausible_hi))
                                    : py::object(py::none());
        row["meaning"] = std::string(def.meaning);
        row["source"] = std::string(def.origin.source);
        rows.append(row);
    }
    return rows;
}

} // namespace

PYBIND11_MODULE(_tendersim, m) {
    m.doc() = "tendersim engine bindings; use the `tendersim` package, not this module";
    m.attr("version") = kVersion;
    m.attr("commit") = std::string(kGitCommit);

    // Input errors (a bad scenario, sweep or key) become ValueError with the CLI's message.
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const InputError& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        }
    });

    m.def(
        "run",
        [](const std::string& scenario, const std::vector<std::string>& overrides,
           std::optional<std::int64_t> seed, std::optional<std::int64_t> years,
           std::optional<std::int64_t> replicates, int threads, bool tender_log, bool bid_log) {
            RunTexts t;
            {
                py::gil_scoped_release release;
                t = run_texts(run_config(scenario, overrides, seed, years, replicates, threads),
                              tender_log, bid_log);
            }
            py::dict out;
            out["metrics"] = t.metrics;
            out["suppliers"] = t.suppliers;
            out["tenders"] = t.tenders;
            out["bids"] = t.bids;
            return out;
        },
        py::arg("scenario"), py::arg("overrides"), py::arg("seed"), py::arg("years"),
        py::arg("replicates"), py::arg("threads"), py::arg("tender_log"), py::arg("bid_log"));
    m.def("compare", &compare_texts, py::arg("scenarios"), py::arg("overrides"),
          py::arg("replicates"), py::arg("seed"), py::arg("years"), py::arg("years_at"),
          py::arg("metrics"), py::arg("threads"));
    m.def("sweep", &run_sweep_file, py::arg("sweep_file"), py::arg("out_parent"),
          py::arg("threads"), py::arg("resume"));
    m.def("parameter_rows", &parameter_rows);

    py::class_<SteppedRun>(m, "SteppedRun")
        .def(py::init<const std::string&, const std::vector<std::string>&,
                      std::optional<std::int64_t>, std::int64_t, int>(),
             py::arg("scenario"), py::arg("overrides"), py::arg("seed"), py::arg("replicate"),
             py::arg("threads"))
        .def("step", &SteppedRun::step, py::call_guard<py::gil_scoped_release>())
        .def("suppliers", &SteppedRun::suppliers, py::call_guard<py::gil_scoped_release>())
        .def("tenders", &SteppedRun::tenders, py::call_guard<py::gil_scoped_release>())
        .def_property_readonly("year", &SteppedRun::year)
        .def_property_readonly("years", &SteppedRun::years)
        .def_property_readonly("seed", &SteppedRun::seed)
        .def_property_readonly("label", &SteppedRun::label)
        .def("state_hash", &SteppedRun::state_hash_hex, py::call_guard<py::gil_scoped_release>());
}

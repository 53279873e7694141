"""tendersim from Python: run scenarios, compare policies and run sweeps, with results as pandas
DataFrames holding exactly the numbers the command line writes (docs/python.md).

    import tendersim
    m = tendersim.run("scenarios/baseline.toml", replicates=2)
    m[m.metric == "sme_share_direct"].groupby("year").value.mean()

Simulations release the GIL, so other Python threads keep running while one simulates.
"""
import io
import os
import tempfile

import pandas as pd

from . import _tendersim as _ts

__version__ = _ts.version
__commit__ = _ts.commit
__all__ = ["run", "compare", "sweep", "params", "Simulation", "__version__", "__commit__"]

# Yes/no columns of the outputs, read as booleans (nullable where a value can be missing).
_FLAGS = {"relet": "bool", "reserved_sme": "bool", "incumbent_won": "bool", "alive": "bool"}


def _threads(threads):
    if threads is None:
        return max(1, os.cpu_count() or 1)
    if int(threads) != threads or threads < 1:
        raise ValueError(f"threads must be a whole number of 1 or more, got {threads!r}")
    return int(threads)


def _value_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8.0 -> "8": drivers send integers as floats
    return str(value)


def _overrides(set):
    """{"policy.price_weight": 0.7} -> ["policy.price_weight=0.7"], as --set takes them."""
    if set is None:
        return []
    if not isinstance(set, dict):
        raise TypeError("set must be a dict of parameter key -> value")
    return [f"{key}={_value_text(value)}" for key, value in set.items()]


def _opt_int(name, value):
    if value is None:
        return None
    if isinstance(value, bool) or int(value) != value:
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return int(value)


def _frame(text, **kwargs):
    return pd.read_csv(io.StringIO(text), **kwargs)


def _flags(frame):
    for column, dtype in _FLAGS.items():
        if column in frame.columns:
            frame[column] = frame[column].astype(dtype)
    return frame


def run(scenario, set=None, replicates=None, threads=None, years=None, seed=None,
        tender_log=False, bid_log=False, suppliers=False):
    """Run a scenario's replicates; returns the tidy metrics (metrics.csv) as a DataFrame:
    scenario, replicate, seed, year, metric, value (NaN where a metric is undefined that year).

    With tender_log, bid_log or suppliers, returns a dict of DataFrames instead: "metrics" and
    "tenders" (tenders.csv), "bids" (bids.csv), "suppliers" (suppliers.csv) as asked.
    replicates, years and seed default to the scenario's run.replicates, run.years, run.seed;
    threads to every core (results do not depend on it).
    """
    out = _ts.run(str(scenario), _overrides(set), _opt_int("seed", seed), _opt_int("years", years),
                  _opt_int("replicates", replicates), _threads(threads), bool(tender_log),
                  bool(bid_log))
    metrics = _frame(out["metrics"])
    if not (tender_log or bid_log or suppliers):
        return metrics
    result = {"metrics": metrics}
    if tender_log:
        result["tenders"] = _flags(_frame(out["tenders"]))
    if bid_log:
        bids = _frame(out["bids"])
        bids["reason"] = bids["reason"].fillna("")  # empty for a bid that won or lost on score
        result["bids"] = bids
    if suppliers:
        result["suppliers"] = _flags(_frame(out["suppliers"]))
    return result


def compare(scenarios, set=None, replicates=10, threads=None, years=None, seed=None,
            years_at=None, metrics=None, per_replicate=False):
    """Paired comparison of scenario files (the first is the reference), as tendersim compare:
    returns comparison.csv as a DataFrame (one row per metric, year and scenario; diff columns
    empty for the reference; distinguishable a nullable boolean). With per_replicate, returns
    (comparison, replicates) where replicates is replicates.csv."""
    if isinstance(scenarios, (str, os.PathLike)):
        raise TypeError("scenarios must be a list of at least two scenario files")
    out = _ts.compare([str(s) for s in scenarios], _overrides(set), int(replicates),
                      _opt_int("seed", seed), _opt_int("years", years),
                      [int(y) for y in (years_at or [])], list(metrics or []), _threads(threads))
    table = _frame(out["comparison"], dtype={"distinguishable": "boolean", "vs": "string"})
    if per_replicate:
        return table, _frame(out["replicates"])
    return table


def sweep(sweep_file, out=None, threads=None, resume=False, timeseries=False):
    """Run a sweep file (tendersim sweep) and return runs.csv as a DataFrame. Results are kept in
    OUT/sweep-<name>/ (default: a new temporary directory); resume=True continues an interrupted
    sweep there. With timeseries, returns (runs, timeseries) when the sweep writes timeseries.csv.
    """
    parent = str(out) if out is not None else tempfile.mkdtemp(prefix="tendersim-sweep-")
    directory = _ts.sweep(str(sweep_file), parent, _threads(threads), bool(resume))
    runs = pd.read_csv(os.path.join(directory, "runs.csv"))
    runs.attrs["directory"] = directory
    if timeseries:
        path = os.path.join(directory, "timeseries.csv")
        return runs, (pd.read_csv(path) if os.path.exists(path) else None)
    return runs


def params():
    """The parameter reference (tendersim params) as a DataFrame: key, type, unit, default,
    min, max, choices, basis (sourced / calibrated / assumed / setting), plausible range,
    meaning and source."""
    return pd.DataFrame(_ts.parameter_rows())


class Simulation:
    """One replicate of a scenario, stepped a year at a time, for notebooks. Replicate r gets the
    seed tendersim run gives its replicate r, so the years equal that run's.

        sim = tendersim.Simulation("scenarios/baseline.toml", set={"policy.price_weight": 0.7})
        while sim.year < sim.years:
            year = sim.step()              # that year's metrics, a Series indexed by metric
        sim.suppliers()                    # every supplier's state now (suppliers.csv)
    """

    def __init__(self, scenario, set=None, seed=None, replicate=0, threads=1):
        self._run = _ts.SteppedRun(str(scenario), _overrides(set), _opt_int("seed", seed),
                                   int(replicate), _threads(threads))

    @property
    def year(self):
        """Years simulated so far (0 before the first step)."""
        return self._run.year

    @property
    def years(self):
        """The scenario's run.years."""
        return self._run.years

    @property
    def seed(self):
        return self._run.seed

    def step(self):
        """Simulate the next year; returns its metrics as a Series indexed by metric name."""
        rows = _frame(self._run.step())
        return rows.set_index("metric")["value"].rename(f"year {self._run.year}")

    def run(self, years=None):
        """Simulate `years` more years (default: up to the scenario's run.years); returns their
        metrics as a DataFrame with one row per year and one column per metric."""
        target = self.years if years is None else self.year + int(years)
        rows = {}
        while self.year < target:
            year = self.year + 1  # before step(), which advances self.year
            rows[year] = self.step()
        return pd.DataFrame(rows).T.rename_axis("year")

    def suppliers(self):
        """Every supplier's current state (the columns of suppliers.csv)."""
        return _flags(_frame(self._run.suppliers()))

    def tenders(self):
        """The tenders of the last simulated year (the columns of tenders.csv)."""
        return _flags(_frame(self._run.tenders()))

    def state_hash(self):
        """A hash of the whole market state (the manifest's final state hash)."""
        return self._run.state_hash()

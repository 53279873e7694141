"""The Python package gives the numbers the command line writes (docs/python.md).
Usage: /usr/bin/python3 test_package.py TENDERSIM SOURCE_DIR WORKDIR (PYTHONPATH has the package)."""
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import unittest

import pandas as pd

import tendersim

TS, ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
DATA = os.path.join(ROOT, "tests", "experiment", "data")
TINY = os.path.join(DATA, "tiny.toml")
VARIANT = os.path.join(DATA, "tiny-variant.toml")


def cli(*args):
    subprocess.run([TS, *args, "--quiet"], check=True, stdout=subprocess.DEVNULL)


class RunMatchesCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = os.path.join(WORK, "cli-run")
        shutil.rmtree(cls.out, ignore_errors=True)
        cli("run", TINY, "--replicates", "3", "--seed", "11", "--set", "policy.price_weight=0.7",
            "--set", "policy.reserve_sme=true", "--tender-log", "--bid-log", "--threads", "1",
            "--out", cls.out)
        cls.py = tendersim.run(TINY, set={"policy.price_weight": 0.7, "policy.reserve_sme": True},
                               replicates=3, seed=11, threads=2, tender_log=True, bid_log=True,
                               suppliers=True)

    def cli_frame(self, name):
        return pd.read_csv(os.path.join(self.out, "tiny", name))

    def test_metrics_equal_cli(self):
        want = self.cli_frame("metrics.csv")
        self.assertEqual(len(want), len(self.py["metrics"]))
        self.assertEqual(sorted(set(want.replicate)), [0, 1, 2])
        pd.testing.assert_frame_equal(self.py["metrics"], want)

    def test_tenders_bids_suppliers_equal_cli(self):
        pd.testing.assert_frame_equal(self.py["tenders"], self.cli_frame("tenders.csv"))
        bids = self.cli_frame("bids.csv")
        bids["reason"] = bids["reason"].fillna("")
        pd.testing.assert_frame_equal(self.py["bids"], bids)
        pd.testing.assert_frame_equal(self.py["suppliers"], self.cli_frame("suppliers.csv"))
        self.assertEqual(self.py["tenders"]["relet"].dtype, bool)

    def test_seeds_are_the_manifests(self):
        manifest = json.load(open(os.path.join(self.out, "tiny", "manifest.json")))
        self.assertEqual(sorted(self.py["metrics"].seed.unique()), sorted(manifest["replicate_seeds"]))

    def test_plain_run_returns_the_metrics_frame(self):
        m = tendersim.run(TINY, replicates=1, years=2, threads=1)
        self.assertEqual(list(m.columns), ["scenario", "replicate", "seed", "year", "metric", "value"])
        self.assertEqual(sorted(m.year.unique()), [1, 2])


class SimulationSteps(unittest.TestCase):
    def test_stepping_equals_run_and_the_state_hash(self):
        out = os.path.join(WORK, "cli-step")
        shutil.rmtree(out, ignore_errors=True)
        cli("run", TINY, "--replicates", "2", "--threads", "1", "--out", out)
        want = pd.read_csv(os.path.join(out, "tiny", "metrics.csv"))
        manifest = json.load(open(os.path.join(out, "tiny", "manifest.json")))
        sim = tendersim.Simulation(TINY, replicate=1)
        self.assertEqual(sim.seed, manifest["replicate_seeds"][1])
        self.assertEqual(sim.year, 0)
        first = sim.step()
        self.assertEqual(sim.year, 1)
        rest = sim.run()
        self.assertEqual(sim.year, sim.years)
        rep = want[want.replicate == 1]
        for year, row in [(1, first)] + [(y, rest.loc[y]) for y in rest.index]:
            expect = rep[rep.year == year].set_index("metric")["value"]
            pd.testing.assert_series_equal(row.loc[expect.index], expect, check_names=False)
        self.assertEqual(sim.state_hash(), manifest["final_state_hashes"][1])
        self.assertTrue(sim.suppliers()["alive"].any())
        self.assertGreater(len(sim.tenders()), 0)


class CompareAndSweep(unittest.TestCase):
    def test_compare_equals_cli(self):
        out = os.path.join(WORK, "cli-compare")
        shutil.rmtree(out, ignore_errors=True)
        cli("compare", TINY, VARIANT, "--replicates", "4", "--years-at", "2,4", "--threads", "1",
            "--out", out)
        want = pd.read_csv(os.path.join(out, "compare-tiny-vs-tiny-variant", "comparison.csv"),
                           dtype={"distinguishable": "boolean", "vs": "string"})
        got, reps = tendersim.compare([TINY, VARIANT], replicates=4, years_at=[2, 4], threads=2,
                                      per_replicate=True)
        pd.testing.assert_frame_equal(got, want)
        self.assertEqual(str(got["distinguishable"].dtype), "boolean")
        self.assertTrue(got.loc[got.scenario == "tiny", "distinguishable"].isna().all())
        self.assertEqual(len(reps), 4 * 2 * len(got.metric.unique()) * 2)

    def test_sweep_equals_cli(self):
        sweep_file = os.path.join(ROOT, "scenarios", "sweeps", "ci-smoke.toml")
        out = os.path.join(WORK, "cli-sweep")
        shutil.rmtree(out, ignore_errors=True)
        cli("sweep", sweep_file, "--threads", "1", "--out", out)
        want = pd.read_csv(os.path.join(out, "sweep-ci-smoke", "runs.csv"))
        got = tendersim.sweep(sweep_file, out=os.path.join(WORK, "py-sweep"), threads=2)
        pd.testing.assert_frame_equal(got, want)
        self.assertEqual(len(got), 16)


class ParamsAndErrors(unittest.TestCase):
    def test_params_lists_the_registry(self):
        p = tendersim.params()
        text = subprocess.run([TS, "params"], check=True, capture_output=True, text=True).stdout
        keys = [line.split("`")[1] for line in text.splitlines() if line.startswith("| `")]
        self.assertEqual(sorted(p.key), sorted(k for k in keys if "." in k))
        seed = p.set_index("key").loc["run.seed"]
        self.assertEqual(seed["max"], 2.0**53 - 1)
        self.assertEqual(set(p.basis), {"sourced", "calibrated", "assumed", "setting"})

    def test_bad_input_is_a_value_error_with_the_cli_message(self):
        with self.assertRaisesRegex(ValueError, "did you mean 'policy.price_weight'"):
            tendersim.run(TINY, set={"policy.price_wieght": 0.7}, years=1)
        with self.assertRaisesRegex(ValueError, "expected a number from 0 to 1"):
            tendersim.run(TINY, set={"policy.price_weight": 1.5}, years=1)
        with self.assertRaisesRegex(ValueError, "nowhere.toml"):
            tendersim.run(os.path.join(WORK, "nowhere.toml"))
        with self.assertRaises(ValueError):
            tendersim.run(TINY, threads=0)
        with self.assertRaisesRegex(ValueError, "replicate must be from 0 to 99999, got -1"):
            tendersim.Simulation(TINY, replicate=-1)
        with self.assertRaisesRegex(ValueError, "--seed 9007199254740992: expected an integer"):
            tendersim.compare([TINY, VARIANT], replicates=2, seed=2**53)

    def test_drivers_values_are_taken(self):
        # A float for an integer and True for a boolean, as a Python driver sends them.
        a = tendersim.run(TINY, set={"market.councils": 5.0, "policy.reserve_sme": True}, years=1,
                          replicates=1, threads=1)
        b = tendersim.run(TINY, set={"market.councils": 5, "policy.reserve_sme": "true"}, years=1,
                          replicates=1, threads=1)
        pd.testing.assert_frame_equal(a, b)


class ReleasesTheGil(unittest.TestCase):
    def test_reading_a_simulation_while_it_steps_waits_for_the_step(self):
        sim = tendersim.Simulation(os.path.join(ROOT, "scenarios", "baseline.toml"))
        stepper = threading.Thread(target=lambda: [sim.step() for _ in range(3)])
        stepper.start()
        counts = []
        while stepper.is_alive():
            counts.append(len(sim.suppliers()))  # a whole table each time, never a torn one
        stepper.join()
        self.assertEqual(sim.year, 3)
        self.assertTrue(all(n > 0 for n in counts))
        self.assertEqual(len(sim.tenders()), len(sim.tenders()))


    def test_python_threads_run_while_simulating(self):
        ticks = []
        done = threading.Event()

        def simulate():
            try:
                tendersim.run(os.path.join(ROOT, "scenarios", "baseline.toml"), replicates=1,
                              years=3, threads=1)
            finally:
                done.set()  # also when the run fails: the loop below must end

        worker = threading.Thread(target=simulate)
        worker.start()
        while not done.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.002)
        worker.join()
        # Holding the GIL would freeze this loop for the whole run (about 0.5 s).
        self.assertGreater(len(ticks), 20)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])

#!/usr/bin/env python3
"""A stand-in for an EMEWS EQ/Py loop: proposes points as a Python algorithm would (every
dimension a float, booleans as 1/0, some values wrapped in one-element lists as R's jsonlite
writes them), runs each through emews_model.sh, and prints one CSV row per point with the
objective and the provenance of its runs.

Usage: emews_loop.py SCENARIO WORK_DIR [REPLICATES]
"""
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    scenario, work = sys.argv[1], sys.argv[2]
    replicates = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
    # A two-point design as numpy or an optimiser hands it over: floats throughout.
    points = [
        {"policy.price_weight": 0.8, "run.replicates": replicates, "policy.reserve_local": 0},
        {"policy.price_weight": [0.4], "run.replicates": [replicates], "policy.reserve_local": 1.0},
    ]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["point", "objective", "replicates", "version", "commit"])
    for k, point in enumerate(points):
        instance = os.path.join(work, f"instance_{k}")
        objective = subprocess.run(
            ["bash", os.path.join(HERE, "emews_model.sh"), json.dumps(point), instance, scenario,
             "sme_share_direct"],
            check=True, capture_output=True, text=True).stdout.strip()
        rows = [json.loads(line) for line in open(os.path.join(instance, "result.json"))]
        out.writerow([k, objective, len(rows), rows[0]["version"], rows[0]["commit"]])


if __name__ == "__main__":
    main()

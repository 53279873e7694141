#!/usr/bin/env python3
"""Markdown table of a robust comparison's robustness.csv (`tendersim compare ... --ensemble`):
one row per alternative scenario, one column per metric holding the median effect across the
parameter sets and its verdict (R robust, D depends on, N within noise, U undetermined), and a
last column saying in words what the robustness of that lever rests on.
Usage: scripts/robust_table.py ROBUSTNESS_CSV YEAR METRIC[:LABEL[:FORMAT]] ..."""
import csv
import sys

# Effects, so signed; shares as percentage points.
FORMATS = {
    "pts": lambda v: f"{100 * v:+.1f} pts",
    "2": lambda v: f"{v:+.2f}",
    "3": lambda v: f"{v:+.3f}",
    "0": lambda v: f"{v:+,.0f}",
    "m": lambda v: f"{v / 1e6:+.2f}",
}
MARK = {"robust": "R", "depends on": "D", "within noise": "N", "undetermined": "U"}


def summary(row_cells):
    """'2/11 robust; depends on `x` (SME direct, HHI); 3 more depend on the set'."""
    robust = sum(1 for _, r in row_cells if r["verdict"] == "robust")
    by_driver, unnamed = {}, 0
    for label, r in row_cells:
        if r["verdict"] != "depends on":
            continue
        if r["drivers"]:
            key = r["drivers"].split(";")[0].split(" (rho")[0].strip()
            by_driver.setdefault(key, []).append(label)
        else:
            unnamed += 1
    text = f"{robust}/{len(row_cells)} robust"
    if by_driver:
        text += "; depends on " + ", ".join(
            f"`{k}` ({', '.join(v)})" for k, v in by_driver.items())
    if unnamed:
        text += f"; {unnamed} {'more depends' if by_driver and unnamed == 1 else 'more depend' if by_driver else 'depend' if unnamed > 1 else 'depends'} on the set, no single parameter named"
    return text


def main():
    path, year, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = [r for r in csv.DictReader(open(path)) if r["year"] == year]
    scenarios = list(dict.fromkeys(r["scenario"] for r in rows))
    cell = {(r["scenario"], r["metric"]): r for r in rows}
    cols = []
    for spec in specs:
        parts = spec.split(":")
        cols.append((parts[0], parts[1] if len(parts) > 1 else parts[0],
                     parts[2] if len(parts) > 2 else "3"))
    print("| scenario | " + " | ".join(label for _, label, _ in cols) + " | robustness |")
    print("|---" * (len(cols) + 2) + "|")
    for s in scenarios:
        out, defined = [], []
        for metric, label, fmt in cols:
            r = cell.get((s, metric))
            # No set where the metric is defined in every replicate: nothing to judge.
            if r is None or not r["verdict"]:
                out.append("-")
                continue
            out.append(f"{FORMATS[fmt](float(r['median']))} {MARK[r['verdict']]}")
            defined.append((label, r))
        print(f"| {s} | " + " | ".join(out) + f" | {summary(defined)} |")


if __name__ == "__main__":
    main()

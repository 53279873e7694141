#!/usr/bin/env python3
"""Markdown tables of a `tendersim compare` comparison.csv: one row per scenario, one column per
metric, '*' where the paired difference from the first scenario is distinguishable from noise.
Usage: scripts/policy_table.py COMPARISON_CSV YEAR METRIC[:LABEL[:FORMAT]] ..."""
import csv
import sys

FORMATS = {
    "pct": lambda v: f"{100 * v:.1f}%",
    "2": lambda v: f"{v:.2f}",
    "3": lambda v: f"{v:.3f}",
    "0": lambda v: f"{v:,.0f}",
    "m": lambda v: f"{v / 1e6:.2f}",
}


def main():
    path, year, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = [r for r in csv.DictReader(open(path)) if r["year"] == year]
    scenarios = list(dict.fromkeys(r["scenario"] for r in rows))
    cell = {(r["scenario"], r["metric"]): r for r in rows}
    cols = []
    for spec in specs:
        parts = spec.split(":")
        cols.append((parts[0], parts[1] if len(parts) > 1 else parts[0], parts[2] if len(parts) > 2 else "3"))
    print("| scenario | " + " | ".join(label for _, label, _ in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for s in scenarios:
        out = []
        for metric, _, fmt in cols:
            r = cell.get((s, metric))
            if r is None:
                out.append("")
                continue
            mark = "*" if r["distinguishable"] in ("TRUE", "true") else ""
            # A metric not defined in a scenario (no call-offs, say) is written empty.
            out.append((FORMATS[fmt](float(r["mean"])) if r["mean"] else "-") + mark)
        print(f"| {s} | " + " | ".join(out) + " |")


if __name__ == "__main__":
    main()

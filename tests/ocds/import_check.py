#!/usr/bin/env python3
"""Checks `tendersim ocds import`'s estimates against figures computed here, independently,
from the raw sample files with Python's json module (no code shared with the importer).

Usage: import_check.py FOLDER PUBLISHER SCENARIO.toml [--rate CUR=X]...
"""
import glob
import gzip
import json
import math
import statistics
import sys
import tomllib

folder, publisher, scenario = sys.argv[1:4]
rates = {}
args = sys.argv[4:]
for i, a in enumerate(args):
    if a == "--rate":
        cur, x = args[i + 1].split("=")
        rates[cur] = float(x)

estimates = json.load(open(scenario + ".estimates.json"))
with open(scenario, "rb") as f:
    written = tomllib.load(f)
failures = []


def check(what, got, want, rel=1e-9):
    ok = (got == want) if isinstance(want, (int, str)) and not isinstance(want, bool) else \
        math.isclose(got, want, rel_tol=rel, abs_tol=1e-12)
    print(f"{'ok  ' if ok else 'FAIL'} {what}: importer {got}, independent {want}")
    if not ok:
        failures.append(what)


def releases():
    for path in sorted(glob.glob(folder + "/*.json")):
        doc = json.load(open(path, encoding="utf-8"))
        if "releases" in doc:
            yield from doc["releases"]
        else:
            for record in doc["records"]:
                yield record["compiledRelease"]


rels = list(releases())
ocids = {r["ocid"] for r in rels}
check("tenders (distinct ocids)", estimates["tenders"], len(ocids))

buyers = set()
for r in rels:
    b = r.get("buyer") or {}
    key = b.get("id") or b.get("name")
    if key:
        buyers.add(key)
check("distinct buyers", estimates["buyers"]["count"], len(buyers))
if len(rels) >= estimates["min_sample"]:
    check("market.councils in the scenario", written["market"]["councils"], len(buyers))

counts = [r["tender"]["numberOfTenderers"] for r in rels
          if isinstance(r.get("tender"), dict) and isinstance(r["tender"].get("numberOfTenderers"), int)]
if publisher == "uk-contracts-finder":
    # Notices only: no bidder counts (README). Median of the positive tender.minValue amounts.
    check("tenders with a bidder count", estimates["bids"]["sample"], 0)
    mins = [r["tender"]["minValue"]["amount"] for r in rels]
    positive = [m for m in mins if m and m > 0]
    check("notices with a positive tender.minValue", estimates["total_value_gbp"]["n"], len(positive))
    check("median tender.minValue (GBP)", estimates["total_value_gbp"]["p50"], statistics.median(positive))
    check("notices", len(rels), 200)
else:
    with_bids = [c for c in counts if c >= 1]
    check("tenders with numberOfTenderers", estimates["bids"]["sample"], len(counts))
    check("mean numberOfTenderers", estimates["bids"]["mean"], statistics.mean(counts))
    check("tenders with at least one bid", estimates["bids"]["with_bids"], len(with_bids))
    check("single-bid share", estimates["bids"]["single_bid_share"],
          sum(1 for c in with_bids if c == 1) / len(with_bids))
    for k, n in estimates["bids"]["histogram"].items():
        check(f"tenders with {k} bids", n, counts.count(int(k)))
    # Awarded suppliers and the HHI of award value by supplier (split evenly in joint awards).
    value = {}
    for r in rels:
        for a in r.get("awards") or []:
            if a.get("status") in ("cancelled", "unsuccessful"):
                continue
            sup = [s.get("id") or s.get("name") for s in a.get("suppliers") or []]
            sup = [s for s in sup if s]
            v = (a.get("value") or {})
            amount, cur = v.get("amount"), v.get("currency")
            for s in sup:
                value.setdefault(s, 0.0)
                if isinstance(amount, (int, float)) and amount >= 1 and cur in rates:
                    digits = str(int(amount))
                    if not (len(digits) >= 4 and set(digits) == {"9"}):
                        value[s] += amount * rates[cur] / len(sup)
    total = sum(value.values())
    check("distinct awarded suppliers", estimates["suppliers"]["count"], len(value))
    check("HHI of award value", estimates["suppliers"]["hhi"],
          sum((v / total) ** 2 for v in value.values()), rel=1e-6)

if failures:
    print("failed:", ", ".join(failures))
    sys.exit(1)

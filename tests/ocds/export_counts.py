#!/usr/bin/python3
"""Checks a tendersim OCDS export against the run's own tenders.csv and bids.csv.

Run with --tender-log --bid-log --ocds into RESULT_DIR. Per replicate and year: the number of
tender releases equals the tenders.csv rows, the releases with an award equal the rows with a
winner, the bids statistic and the listed bids equal tenders.csv's bids and bids.csv's rows, the
smeBids statistic equals tenders.csv's sme_bids and bids.csv's SME rows; tender by tender, the
award's supplier is tenders.csv's winner and bids.csv's 'won' bidder. A contractTermination
release must follow an awarded tender release of the same ocid, and end a year not before it.

Usage: export_counts.py RESULT_DIR      Exit status 0 when everything matches, 1 otherwise.
"""
import collections
import csv
import gzip
import json
import os
import re
import sys

OCID = re.compile(r"^ocds-tsim00-.*-r(\d+)-y(\d+)-n(\d+)$")


def main():
    d = sys.argv[1]
    path = os.path.join(d, "ocds.jsonl")
    if not os.path.exists(path):
        path += ".gz"
    opener = gzip.open if path.endswith(".gz") else open
    want = collections.Counter()  # (replicate, year, what) -> count, from the CSV files
    got = collections.Counter()   # the same from the export
    winners_csv, winners_ocds = {}, {}
    awarded_ocids = set()
    terminations, bad_terminations = 0, []
    tender_need = {}  # (replicate, year, tender index) -> need
    with open(os.path.join(d, "tenders.csv"), newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["replicate"]), int(row["year"]))
            tender_need[key + (int(row["tender"]),)] = int(row["need"])
            want[key + ("tenders",)] += 1
            want[key + ("bids",)] += int(row["bids"])
            want[key + ("smeBids",)] += int(row["sme_bids"])
            if row["winner"]:
                want[key + ("awards",)] += 1
                winners_csv[key + (int(row["need"]),)] = row["winner"]
    bid_rows = collections.Counter()
    won_csv = {}
    with open(os.path.join(d, "bids.csv"), newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["replicate"]), int(row["year"]))
            bid_rows[key + ("bids",)] += 1
            bid_rows[key + ("smeBids",)] += row["scale"] == "sme"
            if row["status"] == "won":
                need = tender_need[key + (int(row["tender"]),)]
                won_csv[key + (need,)] = row["bidder"]
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            for rel in json.loads(line)["releases"]:
                m = OCID.match(rel["ocid"])
                if not m:
                    print("unexpected ocid %r" % rel["ocid"])
                    return 1
                rep, year, need = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if "tender" not in rel["tag"]:
                    # A later release of the same process: the early end of its contract.
                    terminations += 1
                    end = rel["contracts"][0]["period"]["endDate"]
                    start = rel["contracts"][0]["period"]["startDate"]
                    if rel["ocid"] not in awarded_ocids or end < start:
                        bad_terminations.append(rel["ocid"])
                    continue
                key = (rep, year)
                got[key + ("tenders",)] += 1
                stats = {s["measure"]: s["value"] for s in rel["bids"]["statistics"]}
                got[key + ("bids",)] += stats["bids"]
                got[key + ("smeBids",)] += stats["smeBids"]
                got[key + ("listedBids",)] += len(rel["bids"].get("details", []))
                for award in rel.get("awards", []):
                    awarded_ocids.add(rel["ocid"])
                    got[key + ("awards",)] += 1
                    winners_ocds[key + (need,)] = award["suppliers"][0]["id"].split("-")[1]
    for key, n in got.items():
        if key[2] == "listedBids":
            want[key] = want[key[:2] + ("bids",)]
    errors = []
    for key in sorted(set(want) | set(got)):
        if want[key] != got[key]:
            errors.append("replicate %d year %d %s: csv %d, ocds %d" % (key + (want[key], got[key])))
    for key, n in bid_rows.items():
        if want[key] != n:
            errors.append("replicate %d year %d %s: tenders.csv %d, bids.csv %d"
                          % (key + (want[key], n)))
    if winners_csv != winners_ocds:
        errors.append("award suppliers differ from tenders.csv winners for %d tenders"
                      % len(set(winners_csv.items()) ^ set(winners_ocds.items())))
    if winners_csv != won_csv:
        errors.append("bids.csv 'won' bidders differ from tenders.csv winners for %d tenders"
                      % len(set(winners_csv.items()) ^ set(won_csv.items())))
    if bad_terminations:
        errors.append("%d contractTermination releases without an earlier award, e.g. %s"
                      % (len(bad_terminations), bad_terminations[0]))
    for e in errors[:20]:
        print(e)
    years = len({k[:2] for k in want})
    print("%s: %d replicate-years, %d tenders, %d bids, %d awards, %d terminations; %d mismatches"
          % (d, years, sum(v for k, v in want.items() if k[2] == "tenders"),
             sum(v for k, v in want.items() if k[2] == "bids"),
             sum(v for k, v in want.items() if k[2] == "awards"), terminations, len(errors)))
    if years == 0 or not winners_csv:
        print("nothing to compare")
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

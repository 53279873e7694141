"""Reads tendersim's outputs with pandas as docs/r.md shows and checks what comes back
(read_outputs.sh): seeds exact as int64 and as float64, yes/no columns boolean."""
import glob
import json
import os
import sys

import pandas as pd

d = sys.argv[1]


def fail(*msg):
    print("FAIL:", *msg)
    sys.exit(1)


def raw(path, column):
    return pd.read_csv(path, dtype=str, keep_default_na=False)[column].tolist()


def exact(values, text, what):
    back = [f"{v:.0f}" if isinstance(v, float) else str(v) for v in values]
    if back != text:
        fail(what, "changed in pandas")
    # Also through a float column (what a NaN elsewhere or a JSON reader makes of it).
    if [f"{float(v):.0f}" for v in values] != text:
        fail(what, "does not survive float64")


def boolean(series, what, allow_missing=False):
    if allow_missing:
        if str(series.dtype) != "boolean":
            fail(what, "is", series.dtype, "not boolean")
    elif series.dtype != bool:
        fail(what, "is", series.dtype, "not bool")


run = os.path.join(d, "tiny")
mpath = os.path.join(run, "metrics.csv")
m = pd.read_csv(mpath)
if m["seed"].dtype != "int64":
    fail("metrics.csv seed is", m["seed"].dtype)
exact(m["seed"].tolist(), raw(mpath, "seed"), "metrics.csv seed")
man = json.load(open(os.path.join(run, "manifest.json")))
if sorted(str(s) for s in man["replicate_seeds"]) != sorted(set(raw(mpath, "seed"))):
    fail("manifest.json replicate_seeds differ from metrics.csv seeds")
t = pd.read_csv(os.path.join(run, "tenders.csv"))
for col in ("relet", "reserved_sme", "incumbent_won"):
    boolean(t[col], "tenders.csv " + col)
if t["relet"].all() or not t["relet"].any():
    fail("tenders.csv relet: expected both values")
boolean(pd.read_csv(os.path.join(run, "suppliers.csv"))["alive"], "suppliers.csv alive")

cpath = glob.glob(os.path.join(d, "compare-*", "comparison.csv"))[0]
c = pd.read_csv(cpath, dtype={"distinguishable": "boolean"})
boolean(c["distinguishable"], "comparison.csv distinguishable", allow_missing=True)
ref = c["scenario"] == "tiny"
if not c.loc[ref, "distinguishable"].isna().all() or c.loc[~ref, "distinguishable"].isna().all():
    fail("comparison.csv distinguishable: NA exactly for the reference rows")

rpath = os.path.join(d, "sweep-rsafe", "runs.csv")
r = pd.read_csv(rpath)
exact(r["seed"].tolist(), raw(rpath, "seed"), "runs.csv seed")
boolean(r["policy.reserve_sme"], "runs.csv policy.reserve_sme")
lines = pd.read_json(os.path.join(d, "lines.jsonl"), lines=True, dtype={"seed": "int64"})
exact(lines["seed"].tolist(), raw(os.path.join(d, "lines.csv"), "seed"), "result-line seed")
boolean(lines["policy.reserve_sme"], "result-line json policy.reserve_sme")
boolean(pd.read_csv(os.path.join(d, "lines.csv"))["policy.reserve_sme"], "result-line csv")
print("pandas: ok")

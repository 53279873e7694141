"""Worked example for docs/python.md: a sweep and a policy comparison from Python, summarised with
pandas and drawn with matplotlib (Debian's python3-pandas and python3-matplotlib).
Usage: PYTHONPATH=build/python /usr/bin/python3 scripts/examples/sweep_in_python.py OUT_DIR"""
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt

import tendersim

out = sys.argv[1] if len(sys.argv) > 1 else "results"
os.makedirs(out, exist_ok=True)

# 1. A sweep: 8 Latin-hypercube points over the price and social-value weights, 2 replicates each
#    (scenarios/sweeps/ci-smoke.toml). runs.csv comes back as a DataFrame.
runs = tendersim.sweep("scenarios/sweeps/ci-smoke.toml", out=out)
points = (runs.groupby(["point", "policy.price_weight", "policy.social_value_weight"])
          ["final.sme_share_direct"].agg(["mean", "std"]).reset_index())
print(points.round(3).to_string(index=False))

# 2. A paired comparison: the baseline against a 20% social-value weight, 5 replicates.
cmp = tendersim.compare(["scenarios/baseline.toml", "scenarios/sv20.toml"], replicates=5,
                        years_at=[10, 20], metrics=["sme_share_direct", "price_index"])
effects = cmp[cmp.vs.notna()][["metric", "year", "diff", "diff_ci95_low", "diff_ci95_high",
                               "distinguishable"]]
print(effects.to_string(index=False))

# 3. One run stepped a year at a time, as a notebook would, adopting nothing: the SME share by year.
sim = tendersim.Simulation("scenarios/baseline.toml")
years = sim.run(10)

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
sc = left.scatter(points["policy.social_value_weight"], points["mean"],
                  c=points["policy.price_weight"], cmap="viridis")
left.errorbar(points["policy.social_value_weight"], points["mean"], yerr=points["std"], fmt="none",
              ecolor="grey")
left.set_xlabel("social-value weight")
left.set_ylabel("SME share of spend (final year)")
left.set_title("Sweep: mean and spread of 2 replicates")
fig.colorbar(sc, ax=left, label="price weight")
right.plot(years.index, years["sme_share_direct"], marker="o")
right.set_xlabel("year")
right.set_ylabel("SME share of spend")
right.set_title(f"One baseline run, seed {sim.seed}")
fig.tight_layout()
fig.savefig(os.path.join(out, "sweep.png"), dpi=100)
print("wrote", os.path.join(out, "sweep.png"))

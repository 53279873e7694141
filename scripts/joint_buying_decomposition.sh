#!/usr/bin/env bash
# Where the saving of joint buying comes from (issue 12, point 5). Runs, on common random numbers,
# baseline and shared-backoffice with the channels of joint buying knocked out one at a time:
#   - buyer-side price knowledge: policy.joint_price_pooling = false (a joint tender's estimate
#     is the sum of the partners' own estimates, and only the lead learns from the price);
#   - supplier scale economies: scale_economies = 0 in the back-office categories (the large
#     firm's unit cost no longer falls with contract size). A world without scale economies has
#     its own baseline, so this knock-out is compared with baseline-noscale;
#   - both.
# What is left when both are off is the merging itself: one procedure instead of several (the
# council's transaction cost), bigger contracts that fewer firms can take, a new incumbent.
# Each figure is a replicate's mean over the second half of the run (years Y/2 to Y: joint buying
# starts in year 5, and a single year is noisy when only a few tenders a year are joint). Prints a
# Markdown table of the means over replicates (and the paired difference from each scenario's
# reference) and the decomposition of the saving into channels:
#   pooling = S - S(no pooling), scale = S - S(no scale), merging = S(neither),
#   interaction = S - pooling - scale - merging,  with S = reference - scenario (paired).
# There is no per-category price metric, so the back-office saving shows in total spend.
#
# Usage: scripts/joint_buying_decomposition.sh [--replicates N] [--years Y] [--out DIR]
#          [--tendersim PATH]
#   --replicates N  replicates per scenario (default 10)
#   --years Y       simulated years (default 20, the scenario's run.years)
#   --out DIR       working directory for the scenario files and results (default: a new
#                   temporary directory, removed at the end)
#   --tendersim P   the binary (default: $TENDERSIM or build/sim/cli/tendersim)
# Exit status: 0 table printed; 2 bad arguments; 1 any other failure (with a message).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ts=${TENDERSIM:-$root/build/sim/cli/tendersim}
replicates=10 years=20 out=""
die() { echo "joint_buying_decomposition: $*" >&2; exit 1; }
usage() { echo "usage: scripts/joint_buying_decomposition.sh [--replicates N] [--years Y] [--out DIR] [--tendersim PATH]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicates) [ $# -ge 2 ] || usage; replicates=$2; shift 2 ;;
    --years) [ $# -ge 2 ] || usage; years=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --tendersim) [ $# -ge 2 ] || usage; ts=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "joint_buying_decomposition: unknown option '$1'" >&2; usage ;;
  esac
done
[[ "$replicates" =~ ^[1-9][0-9]*$ ]] || { echo "joint_buying_decomposition: --replicates must be a positive integer" >&2; usage; }
[[ "$years" =~ ^[1-9][0-9]*$ ]] && [ "$years" -ge 2 ] || { echo "joint_buying_decomposition: --years must be an integer of at least 2" >&2; usage; }
[ -x "$ts" ] || die "no tendersim binary at '$ts' (build it, or pass --tendersim)"
baseline=$root/scenarios/baseline.toml shared=$root/scenarios/shared-backoffice.toml
[ -f "$baseline" ] && [ -f "$shared" ] || die "scenarios/baseline.toml or shared-backoffice.toml missing"

if [ -z "$out" ]; then
  out=$(mktemp -d) || die "cannot make a temporary directory"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/scenarios" || die "cannot create '$out/scenarios'"
scen=$out/scenarios

# The baseline's categories with scale_economies = 0 where back_office = true ([[category]] in a
# derived scenario replaces the base's list whole, so every category is copied).
awk '
  function flush() { if (n) { for (i = 1; i <= n; i++) { line = buf[i]
                       if (bo && line ~ /^scale_economies *=/) { line = "scale_economies = 0"; changed++ }
                       print line } }
                     n = 0; bo = 0 }
  /^\[\[category\]\]/ { flush(); incat = 1 }
  /^\[/ && !/^\[\[category\]\]/ { flush(); incat = 0 }
  incat { buf[++n] = $0; if ($0 ~ /^back_office *= *true/) bo = 1 }
  END { flush(); if (!changed) exit 3 }
' "$baseline" > "$scen/noscale-categories.toml" ||
  die "found no back-office category with scale_economies in scenarios/baseline.toml"

derive() { # name base pooling(true|false|"") scale(keep|off)
  local name=$1 base=$2 pooling=$3 scale=$4 file=$scen/$1.toml
  {
    echo "schema_version = 2"
    echo "base = \"$base\""
    echo "name = \"$name\""
    echo "description = \"joint buying decomposition: $name\""
    [ -z "$pooling" ] || printf '[policy]\njoint_price_pooling = %s\n' "$pooling"
    [ "$scale" = keep ] || cat "$scen/noscale-categories.toml"
  } > "$file" || die "cannot write $file"
}
derive baseline-noscale "$baseline" "" off
derive sbo-nopooling "$shared" false keep
derive sbo-noscale "$shared" "" off
derive sbo-neither "$shared" false off

metrics=price_index,total_spend_gbp,council_procurement_cost_gbp,supplier_bid_cost_gbp,sme_share_direct,hhi,hhi.back-office,joint_tenders,merged_needs
first=$(( (years + 1) / 2 ))
args=(--replicates "$replicates" --years "$years" --years-at "$(seq -s, "$first" "$years")"
      --metrics "$metrics" --out "$out/results" --quiet)
"$ts" compare "$baseline" "$shared" "$scen/sbo-nopooling.toml" "$scen/baseline-noscale.toml" \
  "$scen/sbo-noscale.toml" "$scen/sbo-neither.toml" "${args[@]}" > "$out/compare.log" 2>&1 ||
  { cat "$out/compare.log" >&2; die "tendersim compare failed"; }
reps=$out/results/compare-baseline-vs-shared-backoffice-vs-sbo-nopooling-vs-baseline-noscale-vs-sbo-noscale-vs-sbo-neither/replicates.csv
[ -s "$reps" ] || die "compare wrote no $reps"

awk -F, -v reps="$replicates" -v first="$first" -v years="$years" '
  NR == 1 { if ($1 != "scenario" || $2 != "replicate" || $4 != "year" || $5 != "metric" || $6 != "value") { print "unexpected header in replicates.csv: " $0 > "/dev/stderr"; exit 3 }; next }
  # the figure of a replicate: its mean over the reported years (an empty value is a year without one)
  $6 != "" { sum[$1, $2, $5] += $6; count[$1, $2, $5]++ }
  { seen[$1] = 1; year_seen[$4] = 1; if ($2 + 1 > nrep) nrep = $2 + 1 }
  function v(s, r, m) { if (!count[s, r, m]) { print "missing " m " for " s " replicate " r > "/dev/stderr"; failed = 1; return 0 }; return sum[s, r, m] / count[s, r, m] }
  function mean(s, m,   r, t) { t = 0; for (r = 0; r < nrep; r++) t += v(s, r, m); return t / nrep }
  # paired saving: reference minus scenario, per replicate
  function saving(ref, s, m, r) { return v(ref, r, m) - v(s, r, m) }
  function diff_text(ref, s, m, scale, digits,   r, t, tt, d, mu, se) {
    if (ref == "") return ""
    t = 0; tt = 0
    for (r = 0; r < nrep; r++) { d = v(s, r, m) - v(ref, r, m); t += d; tt += d * d }
    mu = t / nrep; se = nrep > 1 ? sqrt((tt / nrep - mu * mu) * nrep / (nrep - 1) / nrep) : 0
    return sprintf(" (%+." digits "f ± %." digits "f)", mu * scale, 1.96 * se * scale)
  }
  function cell(s, ref, m, scale, digits) { return sprintf("%." digits "f", mean(s, m) * scale) diff_text(ref, s, m, scale, digits) }
  function share(part, whole) { return (whole == 0) ? "n/a" : sprintf("%.0f%%", 100 * part / whole) }
  function channels(m, scale, digits, label,   r, S, Snp, Sns, Snn, pool, sc, merge, inter) {
    S = Snp = Sns = Snn = 0
    for (r = 0; r < nrep; r++) {
      S += saving("baseline", "shared-backoffice", m, r)
      Snp += saving("baseline", "sbo-nopooling", m, r)
      Sns += saving("baseline-noscale", "sbo-noscale", m, r)
      Snn += saving("baseline-noscale", "sbo-neither", m, r)
    }
    S /= nrep; Snp /= nrep; Sns /= nrep; Snn /= nrep
    pool = S - Snp; sc = S - Sns; merge = Snn; inter = S - pool - sc - merge
    printf "| %s | %." digits "f | %." digits "f (%s) | %." digits "f (%s) | %." digits "f (%s) | %." digits "f (%s) |\n", label, S * scale, pool * scale, share(pool, S), sc * scale, share(sc, S), merge * scale, share(merge, S), inter * scale, share(inter, S)
  }
  END {
    if (failed) exit 3
    split("baseline shared-backoffice sbo-nopooling baseline-noscale sbo-noscale sbo-neither", names, " ")
    split(",baseline,baseline,,baseline-noscale,baseline-noscale", refs, ",")
    split("baseline|shared-backoffice|shared-backoffice, pooling off|baseline, scale economies off|shared-backoffice, scale economies off|shared-backoffice, both off", labels, "|")
    for (k = 1; k <= 6; k++) if (!(names[k] in seen)) { print "no rows for scenario " names[k] > "/dev/stderr"; exit 3 }
    if (nrep != reps) { print "expected " reps " replicates, found " nrep > "/dev/stderr"; exit 3 }
    for (y = first; y <= years; y++) if (!(y in year_seen)) { print "no rows for year " y > "/dev/stderr"; exit 3 }
    printf "Joint buying decomposition: means over years %d-%d and %d replicates on common seeds; in brackets the paired difference from the reference ± 1.96 s.e. (the reference of a scale-off scenario is the scale-off baseline).\n\n", first, years, nrep
    print "| scenario | price index | spend (GBP m) | council procurement cost (GBP k) | supplier bid cost (GBP k) | SME share (direct, %) | HHI | HHI back-office | joint tenders | merged needs |"
    print "|---|---|---|---|---|---|---|---|---|---|"
    for (k = 1; k <= 6; k++) {
      s = names[k]; ref = refs[k]
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", labels[k], cell(s, ref, "price_index", 1, 4), cell(s, ref, "total_spend_gbp", 1e-6, 2), cell(s, ref, "council_procurement_cost_gbp", 1e-3, 0), cell(s, ref, "supplier_bid_cost_gbp", 1e-3, 0), cell(s, ref, "sme_share_direct", 100, 1), cell(s, ref, "hhi", 1, 0), cell(s, ref, "hhi.back-office", 1, 0), cell(s, ref, "joint_tenders", 1, 1), cell(s, ref, "merged_needs", 1, 1)
    }
    if (failed) exit 3
    print ""
    print "Saving of shared-backoffice over baseline (reference minus scenario; positive = cheaper) and its channels (share of the saving):"
    print ""
    print "| measure | saving | price pooling | supplier scale economies | merging (procedures, contract size) | interaction |"
    print "|---|---|---|---|---|---|"
    channels("price_index", 1, 4, "price index")
    channels("total_spend_gbp", 1e-6, 2, "spend (GBP m)")
    channels("council_procurement_cost_gbp", 1e-3, 0, "council procurement cost (GBP k)")
    channels("supplier_bid_cost_gbp", 1e-3, 0, "supplier bid cost (GBP k)")
    if (failed) exit 3
  }
' "$reps" || die "could not build the table from $reps"

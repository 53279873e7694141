# Worked example for docs/r.md: read a tendersim sweep and a policy comparison with data.table,
# summarise them, and draw one chart. Base R graphics only, so Debian's r-base-core and
# r-cran-data.table are all it needs.
# Usage: Rscript scripts/examples/sweep_in_r.R SWEEP_DIR COMPARE_DIR OUT_PNG
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
sweep_dir <- args[1]; compare_dir <- args[2]; png_file <- args[3]

# runs.csv: one row per run. integer64 = "double" keeps seeds as plain numbers: tendersim's seeds
# are below 2^53, so a double holds them exactly.
runs <- fread(file.path(sweep_dir, "runs.csv"), integer64 = "double")
# Mean over replicates per design point, and how much the replicates disagree.
by_point <- runs[, .(sme_share = mean(final.sme_share_direct), sd = sd(final.sme_share_direct),
                     n = .N), by = .(point, policy.price_weight, policy.social_value_weight)]
setorder(by_point, point)
print(by_point)
# A linear summary of the sweep: SME share against both weights.
fit <- lm(final.sme_share_direct ~ policy.price_weight + policy.social_value_weight, data = runs)
print(round(coef(summary(fit)), 4))

# comparison.csv: one row per metric, year and scenario; distinguishable is logical (NA for the
# reference scenario, which is not compared with itself).
cmp <- fread(file.path(compare_dir, "comparison.csv"))
effects <- cmp[!is.na(distinguishable) & metric == "sme_share_direct",
               .(scenario, year, diff, diff_ci95_low, diff_ci95_high, distinguishable)]
print(effects)

# Any run can be reproduced from its seed as R read it.
first <- runs[1]
cat(sprintf("run %d: seed %s\n", first$run, format(first$seed, scientific = FALSE)))

png(png_file, width = 800, height = 500)
plot(by_point$policy.social_value_weight, by_point$sme_share, pch = 19,
     ylim = range(by_point$sme_share - by_point$sd, by_point$sme_share + by_point$sd),
     col = hcl.colors(10, "viridis")[cut(by_point$policy.price_weight, 10, labels = FALSE)],
     xlab = "social-value weight", ylab = "SME share of spend (final year)",
     main = "SME share across the sweep (colour: price weight)")
arrows(by_point$policy.social_value_weight, by_point$sme_share - by_point$sd,
       by_point$policy.social_value_weight, by_point$sme_share + by_point$sd,
       angle = 90, code = 3, length = 0.03, col = "grey50")
invisible(dev.off())
cat("wrote", png_file, "\n")

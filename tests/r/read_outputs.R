# Reads tendersim's outputs as docs/r.md says and checks what R gets back (read_outputs.sh).
suppressMessages({ library(data.table); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
fail <- function(...) { cat("FAIL:", ..., "\n"); quit(status = 1) }
# The exact text of a column, to compare with what R made of it.
raw <- function(path, column) read.csv(path, colClasses = "character")[[column]]
exact <- function(values, text, what) {
  if (!is.numeric(values)) fail(what, "is", class(values)[1], "not numeric")
  back <- sprintf("%.0f", values)
  if (!identical(back, text)) fail(what, "changed in R:", head(text[back != text]), "->", head(back[back != text]))
}
logical_col <- function(values, what) if (!is.logical(values)) fail(what, "is", class(values)[1], "not logical")

run <- file.path(dir, "tiny")
m <- read.csv(file.path(run, "metrics.csv"))
exact(m$seed, raw(file.path(run, "metrics.csv"), "seed"), "metrics.csv seed (read.csv)")
mf <- fread(file.path(run, "metrics.csv"), integer64 = "double")
exact(mf$seed, raw(file.path(run, "metrics.csv"), "seed"), "metrics.csv seed (fread)")
# An undefined metric is an empty field: NA in both readers, never 0.
if (!is.numeric(mf$value)) fail("metrics.csv value is not numeric")
man <- fromJSON(file.path(run, "manifest.json"))
if (!setequal(sprintf("%.0f", man$replicate_seeds), unique(raw(file.path(run, "metrics.csv"), "seed"))))
  fail("manifest.json replicate_seeds differ from metrics.csv seeds")
for (reader in c("read.csv", "fread")) {
  t <- if (reader == "fread") fread(file.path(run, "tenders.csv")) else read.csv(file.path(run, "tenders.csv"))
  for (col in c("relet", "reserved_sme", "incumbent_won")) logical_col(t[[col]], paste("tenders.csv", col, reader))
  if (!any(t$relet) || all(t$relet)) fail("tenders.csv relet: expected both values")
  s <- if (reader == "fread") fread(file.path(run, "suppliers.csv")) else read.csv(file.path(run, "suppliers.csv"))
  logical_col(s$alive, paste("suppliers.csv alive", reader))
}

cmp <- list.files(dir, pattern = "^compare-", full.names = TRUE)
cf <- file.path(cmp, "comparison.csv")
for (c in list(read.csv(cf), fread(cf))) {
  logical_col(c$distinguishable, "comparison.csv distinguishable")
  ref <- c$scenario == "tiny"
  if (!all(is.na(c$distinguishable[ref]))) fail("the reference rows should be NA")
  if (all(is.na(c$distinguishable[!ref]))) fail("no judged difference")
}
rep <- fread(file.path(cmp, "replicates.csv"), integer64 = "double")
if ("seed" %in% names(rep)) exact(rep$seed, raw(file.path(cmp, "replicates.csv"), "seed"), "replicates.csv seed")

rf <- file.path(dir, "sweep-rsafe", "runs.csv")
for (r in list(read.csv(rf), fread(rf, integer64 = "double"))) {
  exact(r$seed, raw(rf, "seed"), "runs.csv seed")
  logical_col(r[["policy.reserve_sme"]], "runs.csv policy.reserve_sme")
}
lines <- stream_in(file(file.path(dir, "lines.jsonl")), verbose = FALSE)
lc <- read.csv(file.path(dir, "lines.csv"))
exact(lines$seed, raw(file.path(dir, "lines.csv"), "seed"), "result-line seed (jsonlite)")
logical_col(lines$policy.reserve_sme, "result-line json policy.reserve_sme")
logical_col(lc$policy.reserve_sme, "result-line csv policy.reserve_sme")
cat("R: ok\n")

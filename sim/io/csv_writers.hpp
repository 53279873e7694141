#pragma once
// Tidy CSV: one row per observation, numbers in shortest round-trip form so files are
// byte-identical whenever the state is.
#include "core/market.hpp"
#include "core/metrics.hpp"
#include "core/year_state.hpp"

#include <ostream>
#include <string>

namespace tendersim {

struct RowKey {
    const std::string& scenario;
    std::int64_t replicate;
    std::uint64_t seed;
};

void write_metrics_header(std::ostream& out);
void write_metrics_rows(std::ostream& out, const RowKey& key, const YearMetrics& y,
                        const ScenarioSpec& spec);

void write_tenders_header(std::ostream& out);
void write_tender_rows(std::ostream& out, const RowKey& key, const Market& m, const YearState& ys);

void write_suppliers_header(std::ostream& out);
void write_supplier_rows(std::ostream& out, const RowKey& key, const Market& m);

// A metric value: shortest round-trip form, or empty when the metric is not defined that year
// (NaN, e.g. price_index when nothing was paid; see docs/metrics.md).
std::string metric_text(double value);

// Quotes a CSV field only when it must be quoted.
std::string csv_field(const std::string& text);

} // namespace tendersim

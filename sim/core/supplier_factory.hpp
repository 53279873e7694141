#pragma once
// Creates suppliers with attributes drawn from the scenario, at start-up and on entry.
#include "market.hpp"
#include "rng.hpp"

namespace tendersim {

// Draws a category set weighted by spend share (at least one category).
std::uint32_t draw_category_mask(const ScenarioSpec& spec, Stream& rng);

// Appends one supplier; returns its id.
SupplierId add_supplier(Market& market, Stream& rng, bool sme, std::uint16_t region,
                        std::uint32_t category_mask, std::int32_t year);

// Draws supplier i's attributes into its slot (the columns already hold it): a market build
// sizes the columns once instead of growing them a supplier at a time.
void init_supplier(Market& market, std::size_t i, Stream& rng, bool sme, std::uint16_t region,
                   std::uint32_t category_mask, std::int32_t year);

// Makes an SME large: wider reach and bid team, and a large firm's fixed costs.
void promote_to_large(Market& market, SupplierId id);

// The fixed-cost floor of a supplier of this scale (suppliers.sme_/large_fixed_cost_gbp).
Pence fixed_cost_floor(const SupplierSpec& suppliers, bool sme);

// A supplier's overhead for the year: its fixed-cost floor, or the cost of keeping its capacity
// (suppliers.overhead_share x capacity) when that is larger.
Pence yearly_overhead(const Market& market, std::size_t i);

} // namespace tendersim

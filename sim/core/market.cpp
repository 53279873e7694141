#include "market.hpp"

namespace tendersim {
namespace {

// Calls f on every column, so none is missed.
template <class F> void for_each_column(Suppliers& s, F&& f) {
    f(s.alive);
    f(s.is_sme);
    f(s.region);
    f(s.reach);
    f(s.category_mask);
    f(s.born_year);
    f(s.cost_factor);
    f(s.quality);
    f(s.innovation);
    f(s.social_value);
    f(s.sv_mix_job);
    f(s.sv_mix_carbon);
    f(s.sv_mix_community);
    f(s.bid_capacity);
    f(s.markup);
    f(s.win_belief);
    f(s.edge);
    f(s.reputation);
    f(s.attention);
    f(s.capacity);
    f(s.committed);
    f(s.cash);
    f(s.turnover);
    f(s.bids_year);
    f(s.wins_year);
    f(s.bid_cost_year);
    f(s.revenue_year);
    f(s.cost_year);
    f(s.subcontract_revenue_year);
    f(s.expected_wins_year);
    f(s.markup_sum_year);
    f(s.fixed_cost);
    f(s.idle_years);
    f(s.has_won);
}

} // namespace

void Suppliers::resize(std::size_t n) {
    for_each_column(*this, [n](auto& column) { column.resize(n); });
}

} // namespace tendersim

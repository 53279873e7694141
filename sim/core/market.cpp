#include "market.hpp"

namespace tendersim {

void Suppliers::resize(std::size_t n) {
    alive.resize(n);
    is_sme.resize(n);
    region.resize(n);
    reach.resize(n);
    category_mask.resize(n);
    born_year.resize(n);
    cost_factor.resize(n);
    quality.resize(n);
    innovation.resize(n);
    social_value.resize(n);
    sv_mix_job.resize(n);
    sv_mix_carbon.resize(n);
    sv_mix_community.resize(n);
    bid_capacity.resize(n);
    markup.resize(n);
    win_belief.resize(n);
    edge.resize(n);
    reputation.resize(n);
    attention.resize(n);
    capacity.resize(n);
    committed.resize(n);
    cash.resize(n);
    turnover.resize(n);
    bids_year.resize(n);
    wins_year.resize(n);
    bid_cost_year.resize(n);
    revenue_year.resize(n);
    cost_year.resize(n);
    subcontract_revenue_year.resize(n);
    expected_wins_year.resize(n);
    markup_sum_year.resize(n);
    fixed_cost.resize(n);
    idle_years.resize(n);
    has_won.resize(n);
}

} // namespace tendersim

#include "simulation.hpp"

#include "initialise.hpp"
#include "parallel.hpp"
#include "policy.hpp"
#include "rng.hpp"

#include <chrono>
#include <cstring>
#include <utility>

namespace tendersim {

Simulation::Simulation(const ScenarioSpec& spec, std::uint64_t seed, int threads)
    : market_(build_market(spec, seed, threads)), exec_(std::make_unique<Executor>(threads)) {
    // Burn-in: the market settles from its generated start before year 1 is reported.
    for (std::int64_t y = 0; y < spec.run.burn_in_years; ++y) run_year();
}

Simulation::Simulation(SimulationState state, int threads)
    : market_(std::move(state.market)), exec_(std::make_unique<Executor>(threads)),
      bid_cap_(state.bid_cap) {}

Simulation::~Simulation() = default;

Simulation::Simulation(const Simulation& other, int threads)
    : market_(other.market_), exec_(std::make_unique<Executor>(threads)), index_(other.index_),
      year_(other.year_), metrics_(other.metrics_), times_(other.times_), bid_cap_(other.bid_cap_) {
}

std::unique_ptr<Simulation> Simulation::clone() const {
    // Not make_unique: the copying constructor is private.
    return std::unique_ptr<Simulation>(new Simulation(*this, threads()));
}

int Simulation::threads() const {
    return exec_->threads();
}

void Simulation::adopt_now(const Adoption& adoption) {
    adopt(market_, adoption);
}

const YearMetrics& Simulation::run_year() {
    auto clock = std::chrono::steady_clock::now();
    run_steps(kYearSchedule.front(), kYearSchedule.back(),
              YearContext{market_, year_, index_, *exec_, metrics_}, [&](YearStep step) {
                  const auto now = std::chrono::steady_clock::now();
                  times_.of(step) += std::chrono::duration<double>(now - clock).count();
                  clock = now;
              });
    bid_cap_.add(year_.tenders);
    return metrics_;
}

double& PhaseTimes::of(YearStep step) {
    switch (step) {
    case YearStep::Open: // opening the year (resets, adoptions, steering) counts with the needs
    case YearStep::Needs:
        return needs;
    case YearStep::Design:
        return design; // the index rebuild runs beside it
    case YearStep::Attention:
        return index;
    case YearStep::Bidding:
        return bidding;
    case YearStep::Award:
        return award;
    case YearStep::Delivery:
        return delivery;
    case YearStep::Dynamics:
        return dynamics;
    case YearStep::Monitor:
        return monitor;
    }
    return monitor;
}

namespace {

struct Hasher {
    std::uint64_t h = 0x243f6a8885a308d3ULL;
    void bytes(const void* p, std::size_t n) {
        const auto* c = static_cast<const unsigned char*>(p);
        std::uint64_t word = 0;
        std::size_t k = 0;
        for (; k + 8 <= n; k += 8) {
            std::memcpy(&word, c + k, 8);
            h = hash_combine(h, word);
        }
        word = 0;
        if (n > k) std::memcpy(&word, c + k, n - k); // an empty vector's data() may be null
        h = hash_combine(h, word ^ n);
    }
    template <class T> void vec(const std::vector<T>& v) { bytes(v.data(), v.size() * sizeof(T)); }
    template <class T> void value(const T& v) { bytes(&v, sizeof v); }
};

} // namespace

std::uint64_t state_hash(const Market& m) {
    Hasher h;
    const auto& s = m.suppliers;
    h.vec(s.alive), h.vec(s.is_sme), h.vec(s.region), h.vec(s.reach), h.vec(s.category_mask);
    h.vec(s.cost_factor), h.vec(s.quality), h.vec(s.markup), h.vec(s.win_belief),
        h.vec(s.attention);
    h.vec(s.capacity), h.vec(s.committed), h.vec(s.cash), h.vec(s.turnover);
    h.vec(s.bids_year), h.vec(s.wins_year), h.vec(s.bid_cost_year), h.vec(s.revenue_year),
        h.vec(s.cost_year);
    h.vec(s.reputation), h.vec(s.social_value), h.vec(s.sv_mix_job), h.vec(s.sv_mix_carbon),
        h.vec(s.sv_mix_community), h.vec(s.innovation), h.vec(s.bid_capacity);
    h.vec(s.subcontract_revenue_year), h.vec(s.born_year);
    h.vec(s.fixed_cost), h.vec(s.idle_years), h.vec(s.has_won);
    const auto& c = m.councils;
    h.vec(c.paid_total), h.vec(c.partnership), h.vec(c.steer_threshold), h.vec(c.paid_year),
        h.vec(c.paid_sme_year);
    // Field by field: PolicySpec has padding bytes whose contents are unspecified.
    for (const auto& p : c.policy) {
        h.value(p.price_weight), h.value(p.social_value_weight), h.value(p.outcome_spec_share);
        h.value(p.outcome_payment_share), h.value(p.lot_threshold_gbp),
            h.value(p.lot_admin_cost_gbp);
        h.value(p.sme_reserve_threshold_gbp), h.value(p.sme_target_share),
            h.value(p.subcontract_sme_share);
        h.value(p.partnership_max_size);
        h.value(p.direct_award_threshold_gbp), h.value(p.quote_threshold_gbp),
            h.value(p.quote_invitations), h.value(p.framework_share);
        h.value(std::uint8_t{p.monitor_social_value}), h.value(std::uint8_t{p.reserve_sme}),
            h.value(std::uint8_t{p.reserve_local}), h.value(std::uint8_t{p.shared_back_office});
    }
    for (const auto& k : m.contracts) {
        h.value(k.buyer), h.value(k.supplier), h.value(k.category), h.value(k.start_year),
            h.value(k.end_year);
        h.value(k.annual_price), h.value(k.supplier_cost), h.value(k.sv_promised),
            h.value(k.need_key);
        h.value(k.efficient_cost), h.value(k.subcontractor), h.value(k.subcontract_price),
            h.value(k.quality_offered);
        h.value(k.custom), h.value(k.relet_of_failure), h.value(k.outcome_spec),
            h.value(k.innovative), h.value(k.monitored), h.value(k.joint),
            h.value(k.outcome_payment_share);
        h.value(k.route), h.value(k.framework), h.value(k.fee_share);
    }
    for (const auto& f : m.frameworks) {
        h.value(f.spec), h.vec(f.councils), h.value(std::uint8_t{f.retired});
        h.value(f.region_mask), h.value(f.term_start), h.value(f.term_end);
        for (const auto& lot : f.lots)
            h.vec(lot.members), h.vec(lot.rate_markup), h.vec(lot.called_off);
    }
    h.value(m.ledger_framework_fees);
    h.value(m.ledger_prime_paid_subs), h.value(m.ledger_subs_received), h.value(m.next_need_key);
    h.value(m.ledger_council_paid), h.value(m.ledger_supplier_received), h.value(m.year);
    return h.h;
}

} // namespace tendersim

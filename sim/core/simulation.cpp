#include "simulation.hpp"

#include "initialise.hpp"
#include "phases.hpp"
#include "policy.hpp"
#include "rng.hpp"

#include <chrono>
#include <cstring>

namespace tendersim {

Simulation::Simulation(const ScenarioSpec& spec, std::uint64_t seed, int threads)
    : market_(build_market(spec, seed)), exec_(threads) {}

void Simulation::adopt_now(const Adoption& adoption) {
    adopt(market_, adoption);
}

const YearMetrics& Simulation::run_year() {
    Market& m = market_;
    ++m.year;
    year_.counters.reset();
    reset_year_counters(m);

    auto clock = std::chrono::steady_clock::now();
    auto lap = [&clock](double& total) {
        const auto now = std::chrono::steady_clock::now();
        total += std::chrono::duration<double>(now - clock).count();
        clock = now;
    };

    apply_adoptions(m);
    steer_sme_targets(m);
    run_needs(m, year_), lap(times_.needs);
    run_design(m, year_), lap(times_.design);
    index_.rebuild(m);
    prepare_attention(m, year_, index_, exec_), lap(times_.index);
    run_bidding(m, year_, index_, exec_), lap(times_.bidding);
    run_award(m, year_, index_), lap(times_.award);
    run_delivery(m, year_, exec_), lap(times_.delivery);
    run_dynamics(m, year_, exec_), lap(times_.dynamics);
    metrics_ = compute_metrics(m, year_), lap(times_.monitor);
    return metrics_;
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
        std::memcpy(&word, c + k, n - k);
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
    h.vec(m.councils.paid_total);
    for (const auto& c : m.contracts) {
        h.value(c.buyer), h.value(c.supplier), h.value(c.category), h.value(c.start_year),
            h.value(c.end_year);
        h.value(c.annual_price), h.value(c.supplier_cost), h.value(c.sv_promised),
            h.value(c.need_key);
    }
    h.value(m.ledger_council_paid), h.value(m.ledger_supplier_received), h.value(m.year);
    return h.h;
}

} // namespace tendersim

#include "initialise.hpp"

#include "candidate_index.hpp"
#include "cost_model.hpp"
#include "frameworks.hpp"
#include "market_record.hpp"
#include "market_size.hpp"
#include "parallel.hpp"
#include "policy.hpp"
#include "rng.hpp"
#include "supplier_factory.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

constexpr std::uint64_t kCouncilStream = 1;
constexpr std::uint64_t kSupplierStream = 2;
constexpr std::uint64_t kPortfolioStream = 3;

void build_councils(Market& m) {
    const auto& ms = m.spec.market;
    const auto& cs = m.spec.council;
    const auto n = static_cast<std::size_t>(ms.councils);
    auto& c = m.councils;
    c.region.resize(n);
    c.population.resize(n);
    c.tender_capacity.resize(n);
    c.paid_total.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        Stream rng(m.seed, 0, StreamPurpose::Init, (kCouncilStream << 40) | i);
        c.region[i] = static_cast<std::uint16_t>(i % m.regions);
        c.population[i] =
            std::round(rng.lognormal(ms.council_population_median, ms.council_population_sigma));
        const double officers = std::max(1.0, c.population[i] / 100'000.0 * cs.officers_per_100k);
        c.tender_capacity[i] =
            static_cast<std::int32_t>(std::ceil(officers * cs.tenders_per_officer));
    }
}

void build_suppliers(Market& m, Executor& exec) {
    const auto n = static_cast<std::size_t>(m.spec.market.suppliers);
    m.suppliers.resize(n);
    exec.for_each(n, [&m](std::size_t i) {
        Stream rng(m.seed, 0, StreamPurpose::Init, (kSupplierStream << 40) | i);
        const bool sme = rng.bernoulli(m.spec.market.sme_fraction);
        const auto region = static_cast<std::uint16_t>(rng.below(m.regions));
        const std::uint32_t mask = draw_category_mask(m.spec, rng);
        init_supplier(m, i, rng, sme, region, mask, 0);
    });
}

// About how many contracts build_portfolios draws. For each council and category, the number of
// draws until their sum reaches the target t is, by renewal theory, about t / mu + E[X^2] /
// (2 mu^2), with mu = median exp(sigma^2 / 2) and E[X^2] / mu^2 = exp(sigma^2) for a lognormal;
// at least 1. That is a large-t result: when t is not far above a typical contract (a wide
// sigma), a handful of draws cover it, so the estimate is held to twice the plain t / mu + 1.
// Reserving it saves a continental market most of its build's copying and the doubled buffer
// of its last growth; a short estimate only lets the vector grow as before.
std::size_t expected_portfolio_contracts(const Market& m, double share_total) {
    double renewal = 0, plain = 0;
    for (double population : m.councils.population) {
        const double spend = population * m.spec.market.spend_per_capita_gbp;
        for (const auto& cat : m.spec.categories) {
            const double s2 = cat.value_sigma * cat.value_sigma;
            const double draws =
                spend * cat.spend_share / share_total / (cat.value_median_gbp * std::exp(s2 / 2));
            renewal += std::max(1.0, draws + std::exp(s2) / 2);
            plain += draws + 1.0;
        }
    }
    return static_cast<std::size_t>(std::min(renewal, 2.0 * plain) * 1.03 + 64.0);
}

// Each council's portfolio: contracts drawn until its yearly spend in each category is covered,
// with start years spread back in time so re-lets arrive evenly. Incumbents are drawn among the
// suppliers that could serve the contract and have room for it.
void build_portfolios(Market& m) {
    CandidateIndex index;
    index.rebuild(m);
    const auto& cats = m.spec.categories;
    double share_total = 0;
    for (const auto& c : cats) share_total += c.spend_share;
    m.contracts.reserve(m.contracts.size() + expected_portfolio_contracts(m, share_total));
    for (std::size_t council = 0; council < m.councils.size(); ++council) {
        Stream rng(m.seed, 0, StreamPurpose::Init, (kPortfolioStream << 40) | council);
        const double spend = m.councils.population[council] * m.spec.market.spend_per_capita_gbp;
        for (std::size_t c = 0; c < cats.size(); ++c) {
            const auto& cat = cats[c];
            const double target = spend * cat.spend_share / share_total;
            double covered = 0;
            while (covered < target) {
                const double value = rng.lognormal(cat.value_median_gbp, cat.value_sigma);
                covered += value;
                Contract k;
                k.buyer = CouncilId(static_cast<std::uint32_t>(council));
                k.category = CategoryId(static_cast<std::uint32_t>(c));
                const auto duration = static_cast<std::int16_t>(
                    cat.duration_min_years +
                    static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(
                        cat.duration_max_years - cat.duration_min_years + 1))));
                k.start_year = static_cast<std::int16_t>(
                    1 - duration + static_cast<std::int16_t>(rng.below(duration)));
                k.end_year = static_cast<std::int16_t>(k.start_year + duration - 1);
                k.efficient_cost = pence_from_gbp(value);
                k.complexity = static_cast<float>(cat.complexity);
                k.custom = rng.bernoulli(cat.custom_share) ? 1 : 0;
                k.need_key = m.next_need_key++;
                const auto cell = index.cell(k.category, m.councils.region[council]);
                SupplierId chosen;
                for (int attempt = 0; attempt < 8 && !cell.empty(); ++attempt) {
                    const SupplierId s = cell[rng.below(cell.size())];
                    const Pence cost = supplier_cost(m, s, k.category, k.efficient_cost, false);
                    const Pence price = round_pence(static_cast<double>(cost) *
                                                    (1.0 + m.suppliers.markup[s.index()]));
                    if (m.suppliers.capacity[s.index()] - m.suppliers.committed[s.index()] >=
                        price) {
                        chosen = s;
                        k.annual_price = price;
                        k.supplier_cost = cost;
                        break;
                    }
                }
                if (!chosen.valid()) {
                    // Nobody could take it: the need goes straight to tender in year 1.
                    k.end_year = 0;
                    k.annual_price = 0;
                    k.relet_of_failure = 1;
                } else {
                    add_money(m.suppliers.committed[chosen.index()], k.annual_price,
                              "a supplier's committed work");
                }
                k.supplier = chosen;
                k.quality_offered = chosen.valid() ? m.suppliers.quality[chosen.index()] : 0.0f;
                m.contracts.push_back(k);
            }
        }
    }
}

} // namespace

Market build_market(const ScenarioSpec& spec, std::uint64_t seed, int threads) {
    check_market_fits(spec); // before anything is allocated
    Market m;
    m.spec = spec;
    m.seed = seed;
    m.year = 0;
    m.regions = static_cast<std::size_t>(spec.market.regions);
    m.categories = spec.categories.size();
    build_councils(m);
    open_records(m);
    initialise_policies(m);
    build_frameworks(m);
    Executor exec(threads);
    build_suppliers(m, exec);
    build_portfolios(m);
    return m;
}

} // namespace tendersim

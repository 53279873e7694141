#include "market_record.hpp"
#include "phases.hpp"
#include "rng.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim {
namespace {

std::uint8_t draw_duration(const CategorySpec& cat, Stream& rng) {
    const auto span =
        static_cast<std::uint64_t>(cat.duration_max_years - cat.duration_min_years + 1);
    return static_cast<std::uint8_t>(cat.duration_min_years +
                                     static_cast<std::int64_t>(rng.below(span)));
}

// What a tender takes from the need as it stands; its terms are drawn by draw_terms.
Tender tender_stub(const Market& m, const Contract& k, SupplierId incumbent) {
    const auto& cat = m.spec.categories[k.category.index()];
    Tender t;
    t.buyer = k.buyer;
    t.category = k.category;
    t.region = m.councils.region[k.buyer.index()];
    t.incumbent = incumbent;
    t.is_relet = incumbent.valid() ? 1 : 0;
    t.custom = incumbent.valid() ? k.custom : 0;
    t.efficient_cost = k.efficient_cost;
    t.complexity = static_cast<float>(cat.complexity);
    t.need_key = k.need_key;
    return t;
}

// The tender's duration. The council knows the scope of the work (its efficient cost) but not its
// price: it estimates the price from its learned belief of what a unit of such work costs, with a
// lognormal error of its own judgement (mean-preserving). The scope itself does not drift between
// lettings: a cumulative drift would spread need values without bound over a long run.
void draw_terms(const Market& m, Tender& t, Stream& rng) {
    t.duration = draw_duration(m.spec.categories[t.category.index()], rng);
    const double error = m.spec.council.estimate_error;
    t.estimated_value = round_pence(static_cast<double>(t.efficient_cost) *
                                    believed_unit_price(m, t.buyer, t.category) *
                                    std::exp(error * rng.normal() - 0.5 * error * error));
}

// New needs replace ended ones, and a need ends at an expiry, so a category's share of needs in
// the long run is its arrival weight times its mean duration. Weighting arrivals by spend share /
// (mean value x mean duration) makes that long-run mix the one the portfolio starts with (7.4:
// counts in proportion to spend share / mean value), so the category mix, and with it spend and
// the SME share, does not drift over a long run.
std::size_t draw_category(const ScenarioSpec& spec, Stream& rng) {
    const auto weight = [](const CategorySpec& c) {
        const double mean_value =
            c.value_median_gbp * std::exp(0.5 * c.value_sigma * c.value_sigma);
        const double mean_duration =
            0.5 * static_cast<double>(c.duration_min_years + c.duration_max_years);
        return c.spend_share / (mean_value * mean_duration);
    };
    double total = 0;
    for (const auto& c : spec.categories) total += weight(c);
    double u = rng.uniform() * total;
    std::size_t c = 0;
    while (c + 1 < spec.categories.size() && u >= weight(spec.categories[c]))
        u -= weight(spec.categories[c++]);
    return c;
}

// A contract that ends frees the capacity it held, the prime's and its subcontractor's.
void release_commitment(Market& m, const Contract& k) {
    auto& s = m.suppliers;
    if (k.supplier.valid() && s.alive[k.supplier.index()])
        s.committed[k.supplier.index()] -= k.annual_price - k.subcontract_price;
    if (k.subcontractor.valid() && s.alive[k.subcontractor.index()])
        s.committed[k.subcontractor.index()] -= k.subcontract_price;
}

} // namespace

void run_needs(Market& m, YearState& ys, Executor& exec) {
    auto& tenders = ys.tenders;
    tenders.clear();
    auto& s = m.suppliers;
    const auto year = static_cast<std::int16_t>(m.year);
    std::vector<std::int32_t> load(m.councils.size(), 0);
    std::vector<std::int32_t> expiring(m.councils.size(), 0);
    // Which contracts come up for tender is decided in contract order (a council's team has a
    // limited load); each tender's own draws then happen in parallel, from its saved stream.
    auto& streams = ys.tender_streams;
    streams.clear();
    std::size_t keep = 0;
    for (std::size_t i = 0; i < m.contracts.size(); ++i) {
        Contract k = m.contracts[i];
        const bool has_supplier = k.supplier.valid();
        const bool orphaned = has_supplier && !s.alive[k.supplier.index()];
        const bool failed = k.relet_of_failure && k.end_year < year;
        const bool expired = k.end_year < year;
        if (!orphaned && !expired) {
            m.contracts[keep++] = k;
            continue;
        }
        const std::size_t council = k.buyer.index();
        Stream rng(m.seed, m.year, StreamPurpose::Needs, k.need_key);
        if (orphaned) ++ys.counters.failures; // the supplier went bust under the contract
        const bool must_tender = orphaned || failed || !has_supplier;
        if (!must_tender) {
            ++expiring[council];
            if (rng.bernoulli(m.spec.market.new_need_rate)) { // the need ends with the contract
                release_commitment(m, k);
                ++ys.counters.ended_needs;
                continue;
            }
            if (load[council] >= m.councils.tender_capacity[council]) {
                // The team has no time to re-let: the contract is extended a year.
                k.end_year = year;
                m.contracts[keep++] = k;
                ++ys.counters.extensions;
                continue;
            }
        }
        if (has_supplier) release_commitment(m, k);
        const SupplierId incumbent = must_tender ? SupplierId() : k.supplier;
        tenders.tenders.push_back(tender_stub(m, k, incumbent));
        streams.push_back(rng);
        ++load[council];
        if (incumbent.valid()) ++ys.counters.relets;
    }
    m.contracts.resize(keep);
    exec.for_each(streams.size(),
                  [&](std::size_t j) { draw_terms(m, tenders.tenders[j], streams[j]); });
    // Nothing reads the streams after this: their memory (17 MB at continental scale) is given
    // back rather than held through the monitor, the year's peak.
    std::vector<Stream>().swap(streams);

    // New needs arrive at the rate needs end (a share of this year's expiries), so a council's
    // portfolio is stable in expectation.
    for (std::size_t council = 0; council < m.councils.size(); ++council) {
        Stream rng(m.seed, m.year, StreamPurpose::Needs, (std::uint64_t{1} << 40) | council);
        const std::uint64_t fresh = rng.poisson(m.spec.market.new_need_rate * expiring[council]);
        for (std::uint64_t j = 0; j < fresh; ++j) {
            const std::size_t c = draw_category(m.spec, rng);
            const auto& cat = m.spec.categories[c];
            Contract need;
            need.buyer = CouncilId(static_cast<std::uint32_t>(council));
            need.category = CategoryId(static_cast<std::uint32_t>(c));
            need.efficient_cost =
                pence_from_gbp(rng.lognormal(cat.value_median_gbp, cat.value_sigma));
            need.need_key = m.next_need_key++;
            if (load[council] >= m.councils.tender_capacity[council]) {
                // The team is full: the need waits and must be tendered next year (no need is
                // lost, so the council's spend does not leak away).
                need.complexity = static_cast<float>(cat.complexity);
                need.start_year = need.end_year = year;
                need.relet_of_failure = 1;
                m.contracts.push_back(need);
                ++ys.counters.carried_needs;
                ++ys.counters.new_needs;
                continue;
            }
            Tender t = tender_stub(m, need, SupplierId());
            draw_terms(m, t, rng);
            tenders.tenders.push_back(t);
            ++load[council];
            ++ys.counters.new_needs;
        }
    }
}

} // namespace tendersim

#include "frameworks.hpp"

#include "candidate_index.hpp"
#include "evaluation.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

namespace tendersim {
namespace {

std::uint32_t category_mask_of(const Market& m, const FrameworkLotSpec& lot) {
    std::uint32_t mask = 0;
    for (const auto& name : lot.categories)
        for (std::size_t c = 0; c < m.spec.categories.size(); ++c)
            if (m.spec.categories[c].name == name) mask |= 1u << c;
    return mask;
}

// The lot of framework f that covers a category for a council's region, ignoring its term.
std::ptrdiff_t covering_lot(const Market& m, std::size_t f, CouncilId buyer, CategoryId category) {
    const FrameworkState& fw = m.frameworks[f];
    if (!(fw.region_mask >> m.councils.region[buyer.index()] & 1u)) return -1;
    if (!fw.councils.empty() &&
        std::find(fw.councils.begin(), fw.councils.end(), buyer) == fw.councils.end())
        return -1;
    for (std::size_t l = 0; l < fw.lots.size(); ++l)
        if (fw.lots[l].category_mask >> category.index() & 1u)
            return static_cast<std::ptrdiff_t>(l);
    return -1;
}

// Whether framework f is (or becomes, this year) the one a council's call-offs in a category go
// to: no framework before it in scenario order is in its term and covers them.
bool first_in_line(const Market& m, std::size_t f, CouncilId buyer, CategoryId category) {
    for (std::size_t g = 0; g < f; ++g)
        if (m.frameworks[g].active(m.year) && covering_lot(m, g, buyer, category) >= 0)
            return false;
    return true;
}

// The framework's estimated value a year by market cell (category x region), as it publishes it
// (PA2023 s45(5)): the annual value of the contracts it would take over, i.e. each using
// council's framework share of its running contracts in the categories it covers.
std::vector<double> published_value(const Market& m, std::size_t f) {
    std::vector<double> value(m.categories * m.regions, 0.0);
    for (const Contract& k : m.contracts) {
        const double share = m.councils.policy[k.buyer.index()].framework_share;
        if (share <= 0.0 || covering_lot(m, f, k.buyer, k.category) < 0 ||
            !first_in_line(m, f, k.buyer, k.category))
            continue;
        const Pence annual = k.annual_price > 0 ? k.annual_price : k.efficient_cost;
        value[m.record_index(k.category, m.councils.region[k.buyer.index()])] +=
            share * static_cast<double>(annual);
    }
    return value;
}

// Total capacity of the live suppliers in each cell: a supplier expects call-offs in proportion
// to its share of the capacity that could deliver them.
std::vector<double> cell_capacity(const Market& m) {
    const auto& s = m.suppliers;
    std::vector<double> cap(m.categories * m.regions, 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.alive[i]) continue;
        for (std::uint32_t mask = s.category_mask[i]; mask; mask &= mask - 1) {
            const auto c = static_cast<std::size_t>(std::countr_zero(mask));
            for (std::size_t k = 0; k < s.reach[i] && k < m.regions; ++k)
                cap[c * m.regions + (s.region[i] + k) % m.regions] +=
                    static_cast<double>(s.capacity[i]);
        }
    }
    return cap;
}

double tendered_markup(const Market& m, std::size_t i) {
    const auto& sp = m.spec.suppliers;
    const double learned = m.suppliers.markup[i];
    return std::clamp(learned > 0.0 ? learned : sp.initial_markup, sp.markup_min, sp.markup_max);
}

struct Applicant {
    SupplierId id;
    double score = 0;
    float markup = 0;
};

// The suppliers that apply to a lot: a supplier applies when the margin it expects on its share of
// the lot's published value over the framework's term covers the cost of applying (participation
// on expected profit against the cost of bidding: Levin & Smith 1994; model brief 8), and it can
// pass the financial-standing test for the lot's typical call-off (as for an open tender of that
// size).
std::vector<Applicant> applicants(const Market& m, std::size_t f, std::size_t l,
                                  const std::vector<double>& value,
                                  const std::vector<double>& capacity) {
    const auto& spec = m.framework_spec(f);
    const FrameworkState& fw = m.frameworks[f];
    const FrameworkLot& lot = fw.lots[l];
    const auto& s = m.suppliers;
    const double cost = as_pence(spec.onboarding_cost_gbp);
    const double years = static_cast<double>(spec.term_years);
    const auto& ev = m.spec.evaluation;
    std::vector<std::uint8_t> member(s.size(), 0);
    for (const SupplierId id : lot.members) member[id.index()] = 1;
    std::vector<Applicant> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::uint32_t served = s.category_mask[i] & lot.category_mask;
        if (!s.alive[i] || served == 0 || member[i]) continue;
        double expected = 0.0;
        // The financial-standing test of the smallest typical call-off it could take (pence a
        // year; 0 where that call-off is below the threshold for a selection stage).
        double typical = std::numeric_limits<double>::infinity();
        for (std::uint32_t mask = served; mask; mask &= mask - 1) {
            const auto c = static_cast<std::size_t>(std::countr_zero(mask));
            const auto& cat = m.spec.categories[c];
            const double median = as_pence(cat.value_median_gbp);
            const double total =
                median * 0.5 * static_cast<double>(cat.duration_min_years + cat.duration_max_years);
            const double needs = total >= as_pence(ev.selection_threshold_gbp) ? median : 0.0;
            typical = std::min(typical, needs);
            for (std::size_t k = 0; k < s.reach[i] && k < m.regions; ++k) {
                const std::size_t r = (s.region[i] + k) % m.regions;
                if (!(fw.region_mask >> r & 1u)) continue;
                const std::size_t cell = c * m.regions + r;
                if (capacity[cell] > 0.0)
                    expected += value[cell] * static_cast<double>(s.capacity[i]) / capacity[cell];
            }
        }
        expected = std::min(expected, static_cast<double>(s.capacity[i]));
        const double markup = tendered_markup(m, i);
        if (expected * markup / (1.0 + markup) * years <= cost) continue;
        if (static_cast<double>(s.turnover[i]) < ev.qualification_turnover_multiple * typical)
            continue;
        out.push_back({SupplierId(static_cast<std::uint32_t>(i)), 0.0, static_cast<float>(markup)});
    }
    // The owner ranks applications at the lot's weights: the rate (cost x (1 + markup)), relative
    // to the best rate, quality and social-value capability.
    const auto& lot_spec = spec.lots[l];
    const EvaluationWeights w =
        policy_score_weights(lot_spec.social_value_weight, lot_spec.price_weight);
    double best_rate = 0.0;
    for (const auto& a : out) {
        const double rate = s.cost_factor[a.id.index()] * (1.0 + a.markup);
        best_rate = best_rate == 0.0 ? rate : std::min(best_rate, rate);
    }
    for (auto& a : out) {
        const std::size_t i = a.id.index();
        const double rate = s.cost_factor[i] * (1.0 + a.markup);
        a.score = w.price * best_rate / rate + w.quality() * s.quality[i] +
                  w.social_value * s.social_value[i];
    }
    return out;
}

// Appoints applicants to a lot, best first, up to the lot's free places; every applicant has paid
// for its application.
void appoint(Market& m, std::size_t f, std::size_t l, std::vector<Applicant> apps,
             YearCounters& ctr) {
    FrameworkLot& lot = m.frameworks[f].lots[l];
    const auto& spec = m.framework_spec(f);
    const Pence cost = pence_from_gbp(spec.onboarding_cost_gbp);
    for (const auto& a : apps) {
        add_money(m.suppliers.bid_cost_year[a.id.index()], cost, "a supplier's bid costs");
        add_money(ctr.onboarding_costs, cost, "the year's onboarding costs");
    }
    ctr.framework_applications += static_cast<std::int64_t>(apps.size());
    std::sort(apps.begin(), apps.end(), [](const Applicant& a, const Applicant& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    // Members that left the market leave the framework at a reopening.
    for (std::size_t k = lot.members.size(); k-- > 0;) {
        if (m.suppliers.alive[lot.members[k].index()]) continue;
        lot.members.erase(lot.members.begin() + static_cast<std::ptrdiff_t>(k));
        lot.rate_markup.erase(lot.rate_markup.begin() + static_cast<std::ptrdiff_t>(k));
        lot.called_off.erase(lot.called_off.begin() + static_cast<std::ptrdiff_t>(k));
    }
    const auto cap = spec.lots[l].max_suppliers;
    std::size_t places = apps.size();
    if (cap > 0) {
        std::size_t live = 0;
        for (const SupplierId id : lot.members) live += m.suppliers.alive[id.index()];
        places = static_cast<std::size_t>(
            std::max<std::int64_t>(0, cap - static_cast<std::int64_t>(live)));
    }
    apps.resize(std::min(places, apps.size()));
    // New members rank after the members already appointed (their earlier competition stands).
    for (const auto& a : apps) {
        lot.members.push_back(a.id);
        lot.rate_markup.push_back(a.markup);
        lot.called_off.push_back(0);
    }
    ctr.framework_appointments += static_cast<std::int64_t>(apps.size());
}

FrameworkState framework_state(const Market& m, std::size_t spec_index) {
    const auto& spec = m.spec.frameworks[spec_index];
    FrameworkState fw;
    fw.spec = spec_index;
    if (spec.regions.empty()) fw.region_mask = m.regions >= 32 ? ~0u : (1u << m.regions) - 1u;
    for (const auto r : spec.regions) fw.region_mask |= 1u << r;
    for (const auto& lot : spec.lots) {
        FrameworkLot state;
        state.category_mask = category_mask_of(m, lot);
        fw.lots.push_back(std::move(state));
    }
    return fw;
}

// Partnerships' own frameworks follow the partnerships: a partnership that has none gets one of
// each partnership framework the scenario defines, in its partners' regions; one whose
// partnership broke up is retired (its running call-offs run on). Partnerships change only when
// policies do, so this is cheap on most years.
void sync_partnership_frameworks(Market& m) {
    for (std::size_t f = 0; f < m.frameworks.size(); ++f) {
        FrameworkState& fw = m.frameworks[f];
        if (fw.councils.empty() || fw.retired) continue;
        const bool current = std::find(m.partnerships.begin(), m.partnerships.end(), fw.councils) !=
                             m.partnerships.end();
        if (current) continue;
        fw.retired = true;
        fw.term_end = std::min(fw.term_end, m.year - 1);
    }
    for (std::size_t k = 0; k < m.spec.frameworks.size(); ++k) {
        if (!m.spec.frameworks[k].partnership) continue;
        for (const auto& partners : m.partnerships) {
            const bool exists =
                std::any_of(m.frameworks.begin(), m.frameworks.end(), [&](const auto& fw) {
                    return fw.spec == k && !fw.retired && fw.councils == partners;
                });
            if (exists) continue;
            FrameworkState fw = framework_state(m, k);
            fw.councils = partners;
            fw.region_mask = 0;
            for (const CouncilId c : partners) fw.region_mask |= 1u << m.councils.region[c.index()];
            m.frameworks.push_back(std::move(fw));
        }
    }
}

} // namespace

void build_frameworks(Market& m) {
    m.frameworks.clear();
    for (std::size_t k = 0; k < m.spec.frameworks.size(); ++k)
        if (!m.spec.frameworks[k].partnership) m.frameworks.push_back(framework_state(m, k));
}

void run_framework_appointments(Market& m, YearCounters& ctr) {
    if (m.spec.frameworks.empty()) return;
    sync_partnership_frameworks(m);
    std::vector<double> capacity;
    for (std::size_t f = 0; f < m.frameworks.size(); ++f) {
        const auto& spec = m.framework_spec(f);
        FrameworkState& fw = m.frameworks[f];
        if (fw.retired) continue;
        const auto first = static_cast<std::int32_t>(spec.start_year + m.spec.run.burn_in_years);
        if (m.year < first) continue;
        const bool renews = spec.open || spec.dynamic; // a scheme of successive frameworks
        const auto period = static_cast<std::int32_t>(
            spec.dynamic ? 1 : (spec.open ? spec.reopen_years : spec.term_years));
        // An open framework's scheme ends 8 years after its first award (PA2023 s49(2)(c)) and
        // is competed afresh.
        constexpr std::int32_t kOpenSchemeYears = 8;
        const bool scheme_over =
            spec.open && fw.term_start >= 0 && m.year >= fw.term_start + kOpenSchemeYears;
        const bool fresh = fw.term_start < 0 || scheme_over || (!renews && m.year > fw.term_end);
        const bool reopens = !fresh && renews && m.year > fw.term_end;
        if (!fresh && !reopens) continue;
        if (fresh)
            for (auto& lot : fw.lots) lot = FrameworkLot{lot.category_mask, {}, {}, {}};
        if (capacity.empty()) capacity = cell_capacity(m);
        const auto value = published_value(m, f);
        for (std::size_t l = 0; l < fw.lots.size(); ++l)
            appoint(m, f, l, applicants(m, f, l, value, capacity), ctr);
        if (fresh) fw.term_start = m.year;
        fw.term_end = m.year + period - 1;
    }
}

FrameworkLotRef framework_for(const Market& m, CouncilId buyer, CategoryId category) {
    for (std::size_t f = 0; f < m.frameworks.size(); ++f) {
        if (!m.frameworks[f].active(m.year)) continue;
        const auto l = covering_lot(m, f, buyer, category);
        if (l >= 0) return {static_cast<std::int16_t>(f), static_cast<std::uint8_t>(l)};
    }
    return {};
}

bool buys_through_partnership_framework(const Market& m, CouncilId buyer, CategoryId category) {
    if (m.councils.policy[buyer.index()].framework_share <= 0.0) return false;
    const FrameworkLotRef ref = framework_for(m, buyer, category);
    return ref.valid() && !m.frameworks[static_cast<std::size_t>(ref.framework)].councils.empty();
}

bool can_serve(const Market& m, SupplierId id, const Tender& t) {
    const auto& s = m.suppliers;
    const std::size_t i = id.index();
    return s.alive[i] && (s.category_mask[i] >> t.category.index() & 1u) &&
           reaches_region(s.region[i], s.reach[i], m.regions, t.region);
}

std::ptrdiff_t member_rank(const FrameworkLot& lot, SupplierId id) {
    const auto it = std::find(lot.members.begin(), lot.members.end(), id);
    return it == lot.members.end() ? -1 : it - lot.members.begin();
}

} // namespace tendersim

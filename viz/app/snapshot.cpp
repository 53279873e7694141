#include "app/snapshot.hpp"

#include "core/market.hpp"
#include "core/money.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace tendersim::viz {

namespace {

float to_gbp(Pence p) {
    return static_cast<float>(gbp(p));
}

std::uint16_t clamp16(std::int64_t v) {
    return static_cast<std::uint16_t>(std::clamp<std::int64_t>(v, 0, 65535));
}

// Annual value of the contracts each supplier holds, as prime or as subcontractor.
std::vector<double> contract_books(const Market& m) {
    std::vector<double> book(m.suppliers.size(), 0.0);
    for (const auto& c : m.contracts) {
        if (c.supplier.valid())
            book[c.supplier.index()] += gbp(c.annual_price - c.subcontract_price);
        if (c.subcontractor.valid()) book[c.subcontractor.index()] += gbp(c.subcontract_price);
    }
    return book;
}

} // namespace

void SlotAssigner::reset() {
    *this = SlotAssigner{};
}

std::uint32_t SlotAssigner::take(Pool& p) {
    if (p.free.empty()) return p.next++;
    std::pop_heap(p.free.begin(), p.free.end(), std::greater<>{});
    const std::uint32_t s = p.free.back();
    p.free.pop_back();
    return s;
}

void SlotAssigner::give_back(Pool& p, std::uint32_t slot) {
    p.free.push_back(slot);
    std::push_heap(p.free.begin(), p.free.end(), std::greater<>{});
}

const std::vector<std::uint32_t>& SlotAssigner::update(const Market& m) {
    const auto& s = m.suppliers;
    const bool first = slot_.empty();
    if (pools_.size() < m.regions) pools_.resize(m.regions);
    slot_.resize(s.size(), 0);
    placed_.resize(s.size(), 0);
    region_.resize(s.size(), 0);
    // Free first, then place, so an entrant can take the slot an exit left this year.
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (placed_[i] == 0) continue;
        const std::uint8_t want = s.is_sme[i] ? 2 : 1;
        if (s.alive[i] && placed_[i] == want) continue;
        give_back(pools_[region_[i]][placed_[i] - 1u], slot_[i]);
        placed_[i] = 0;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.alive[i] || placed_[i] != 0) continue;
        const std::uint8_t cls = s.is_sme[i] ? 1 : 0;
        region_[i] = s.region[i];
        slot_[i] = take(pools_[region_[i]][cls]);
        placed_[i] = static_cast<std::uint8_t>(cls + 1);
    }
    if (first)
        for (auto& region : pools_)
            for (auto& p : region) p.initial = p.next;
    return slot_;
}

std::vector<std::array<std::uint32_t, 2>> SlotAssigner::capacity() const {
    std::vector<std::array<std::uint32_t, 2>> out(pools_.size());
    for (std::size_t r = 0; r < pools_.size(); ++r)
        for (std::size_t c = 0; c < 2; ++c) {
            const Pool& p = pools_[r][c];
            // 20% headroom over the start: entry can outpace exit for a while without every
            // circle in the region moving inwards to make room.
            const auto headroom = static_cast<std::uint32_t>(std::ceil(p.initial * 1.2));
            out[r][c] = std::max({p.next, headroom, 1u});
        }
    return out;
}

std::shared_ptr<const MarketSnapshot> capture_market(const Market& m, SlotAssigner& slots,
                                                     double size_reference_gbp) {
    auto snap = std::make_shared<MarketSnapshot>();
    const auto& s = m.suppliers;
    const auto& slot = slots.update(m);
    snap->regions = m.regions;
    snap->slot_capacity = slots.capacity();
    snap->size_reference_gbp = size_reference_gbp;

    const std::vector<double> book = contract_books(m);
    std::vector<std::uint16_t> held(s.size(), 0);
    for (const auto& c : m.contracts)
        if (c.supplier.valid() && held[c.supplier.index()] < 65535) ++held[c.supplier.index()];

    // Members of every lot of every framework in its term (a supplier may sit on several lots).
    std::vector<std::uint8_t> member(s.size(), 0);
    for (const auto& f : m.frameworks) {
        if (!f.active(m.year)) continue;
        for (const auto& lot : f.lots)
            for (const SupplierId id : lot.members) member[id.index()] = 1;
    }
    snap->has_frameworks = !m.spec.frameworks.empty();

    std::vector<std::int64_t> index_of(s.size(), -1);
    snap->suppliers.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.alive[i]) continue;
        index_of[i] = static_cast<std::int64_t>(snap->suppliers.size());
        SupplierView v;
        v.id = static_cast<std::uint32_t>(i);
        v.slot = slot[i];
        v.region = s.region[i];
        v.sme = s.is_sme[i] != 0;
        v.framework_member = member[i] != 0;
        v.contracts = held[i];
        v.bids = clamp16(s.bids_year[i]);
        v.wins = clamp16(s.wins_year[i]);
        v.book_gbp = static_cast<float>(book[i]);
        v.received_gbp = to_gbp(s.revenue_year[i]);
        v.capacity_gbp = to_gbp(s.capacity[i]);
        v.cash_gbp = to_gbp(s.cash[i]);
        v.markup = s.markup[i];
        snap->suppliers.push_back(v);
    }

    const auto& c = m.councils;
    snap->councils.reserve(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        CouncilView v;
        v.region = c.region[i];
        v.partnership = c.partnership.empty() ? -1 : c.partnership[i];
        v.population = static_cast<float>(c.population[i]);
        v.paid_gbp = c.paid_year.empty() ? 0.0f : to_gbp(c.paid_year[i]);
        v.paid_sme_gbp = c.paid_sme_year.empty() ? 0.0f : to_gbp(c.paid_sme_year[i]);
        v.social_value_weight =
            c.policy.empty() ? 0.0f : static_cast<float>(c.policy[i].social_value_weight);
        snap->councils.push_back(v);
    }

    snap->links.reserve(m.contracts.size());
    for (const auto& k : m.contracts) {
        if (!k.supplier.valid() || index_of[k.supplier.index()] < 0) continue;
        snap->links.push_back({static_cast<std::uint32_t>(k.buyer.index()),
                               static_cast<std::uint32_t>(index_of[k.supplier.index()]),
                               to_gbp(k.annual_price)});
    }
    // Largest first, so "the N largest" is a prefix; stable keeps equal values in engine order.
    std::stable_sort(
        snap->links.begin(), snap->links.end(),
        [](const LinkView& a, const LinkView& b) { return a.value_gbp > b.value_gbp; });

    for (const auto& members : m.partnerships) {
        std::vector<std::uint32_t> ids;
        for (const auto& id : members) ids.push_back(static_cast<std::uint32_t>(id.index()));
        snap->partnerships.push_back(std::move(ids));
    }
    return snap;
}

double size_reference(const Market& m) {
    std::vector<double> book = contract_books(m);
    std::erase_if(book, [](double v) { return v <= 0.0; });
    if (book.empty()) return 1.0;
    // The 99th percentile: the biggest 1% are drawn at up to the maximum circle size.
    const auto k =
        static_cast<std::size_t>(std::floor(0.99 * static_cast<double>(book.size() - 1)));
    std::nth_element(book.begin(), book.begin() + static_cast<std::ptrdiff_t>(k), book.end());
    return std::max(1.0, book[k]);
}

} // namespace tendersim::viz

#include "supply_chain.hpp"

#include <algorithm>
#include <tuple>

namespace tendersim {

namespace {

// (prime, sub, paid) of every subcontract payment this year, sorted, so that each prime -> sub
// pair's payments are adjacent.
std::vector<std::tuple<std::uint32_t, std::uint32_t, Pence>> sorted_links(const Market& m,
                                                                          const YearState& ys) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, Pence>> links;
    for (std::size_t k = 0; k < m.contracts.size() && k < ys.delivery.size(); ++k) {
        const auto& r = ys.delivery[k];
        if (r.subcontract_paid <= 0) continue;
        const auto& c = m.contracts[k];
        links.emplace_back(c.supplier.v, c.subcontractor.v, r.subcontract_paid);
    }
    std::sort(links.begin(), links.end());
    return links;
}

} // namespace

SupplyChainGraph build_supply_chain(const Market& m, const YearState& ys) {
    // Collect (prime, sub, paid) in contract order, then merge duplicates so each pair is one edge.
    const auto links = sorted_links(m, ys);
    SupplyChainGraph g(m.suppliers.size());
    for (std::size_t a = 0; a < links.size();) {
        const auto [prime, sub, first] = links[a];
        Pence sum = 0;
        for (; a < links.size() && std::get<0>(links[a]) == prime && std::get<1>(links[a]) == sub;
             ++a)
            sum += std::get<2>(links[a]);
        boost::add_edge(prime, sub, sum, g);
    }
    return g;
}

// The same figures the graph gives (edges, out- and in-degrees), read straight off the sorted
// links: the graph holds two edge lists per supplier, about 130 MB at continental scale, and it
// was the year's peak of memory.
SupplyChainFigures supply_chain_figures(const Market& m, const YearState& ys) {
    const auto links = sorted_links(m, ys);
    SupplyChainFigures f;
    std::vector<std::uint8_t> is_sub(m.suppliers.size(), 0);
    for (std::size_t a = 0; a < links.size();) {
        const auto [prime, sub, first] = links[a];
        if (a == 0 || std::get<0>(links[a - 1]) != prime) ++f.primes; // links sorted by prime
        Pence sum = 0;
        for (; a < links.size() && std::get<0>(links[a]) == prime && std::get<1>(links[a]) == sub;
             ++a)
            sum += std::get<2>(links[a]);
        ++f.links;
        f.value += sum;
        if (m.suppliers.is_sme[sub]) f.sme_value += sum;
        if (!is_sub[sub]) {
            is_sub[sub] = 1;
            ++f.subcontractors;
            if (m.suppliers.is_sme[sub]) ++f.sme_subcontractors;
        }
    }
    return f;
}

} // namespace tendersim

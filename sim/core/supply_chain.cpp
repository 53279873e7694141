#include "supply_chain.hpp"

#include <algorithm>

namespace tendersim {

SupplyChainGraph build_supply_chain(const Market& m, const YearState& ys) {
    // Collect (prime, sub, paid) in contract order, then merge duplicates so each pair is one edge.
    std::vector<std::tuple<std::uint32_t, std::uint32_t, Pence>> links;
    for (std::size_t k = 0; k < m.contracts.size() && k < ys.delivery.size(); ++k) {
        const auto& r = ys.delivery[k];
        if (r.subcontract_paid <= 0) continue;
        const auto& c = m.contracts[k];
        links.emplace_back(c.supplier.v, c.subcontractor.v, r.subcontract_paid);
    }
    std::sort(links.begin(), links.end());
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

SupplyChainFigures supply_chain_figures(const Market& m, const YearState& ys) {
    const SupplyChainGraph g = build_supply_chain(m, ys);
    SupplyChainFigures f;
    const auto weight = boost::get(boost::edge_weight, g);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        ++f.links;
        f.value += weight[*e];
        if (m.suppliers.is_sme[boost::target(*e, g)]) f.sme_value += weight[*e];
    }
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
        if (boost::out_degree(*v, g) > 0) ++f.primes;
        if (boost::in_degree(*v, g) > 0) {
            ++f.subcontractors;
            if (m.suppliers.is_sme[*v]) ++f.sme_subcontractors;
        }
    }
    return f;
}

} // namespace tendersim

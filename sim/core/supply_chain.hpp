#pragma once
// The prime -> subcontractor graph of this year's payments (Boost.Graph), and the figures an
// analyst asks of it.
#include "market.hpp"
#include "year_state.hpp"

#include <boost/graph/adjacency_list.hpp>

namespace tendersim {

// Vertices are suppliers (by id); an edge prime -> sub carries what the prime paid the sub this
// year, one edge per pair (payments on several contracts are summed).
using SupplyChainGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                          boost::property<boost::edge_weight_t, Pence>>;

SupplyChainGraph build_supply_chain(const Market& m, const YearState& ys);

struct SupplyChainFigures {
    std::size_t primes = 0;             // suppliers paying at least one subcontractor
    std::size_t subcontractors = 0;     // suppliers paid as subcontractors
    std::size_t sme_subcontractors = 0; // of which SMEs
    std::size_t links = 0;              // distinct prime -> sub pairs
    Pence value = 0;                    // total paid down the chain
    Pence sme_value = 0;                // of which to SMEs
};

SupplyChainFigures supply_chain_figures(const Market& m, const YearState& ys);

} // namespace tendersim

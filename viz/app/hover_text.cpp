#include "app/hover_text.hpp"

#include "app/text_format.hpp"

namespace tendersim::viz {

std::vector<std::string> supplier_hover_lines(const MarketSnapshot& m, std::size_t i) {
    const SupplierView& s = m.suppliers.at(i);
    std::vector<std::string> out;
    out.push_back((s.sme ? "SME supplier " : "Large supplier ") + std::to_string(s.id) +
                  ", region " + std::to_string(s.region + 1));
    out.push_back("Contracts held: " + std::to_string(s.contracts) + ", worth " +
                  money_text(s.book_gbp) + " a year");
    out.push_back("Paid this year: " + money_text(s.received_gbp));
    out.push_back("Bids this year: " + std::to_string(s.bids) + ", won " + std::to_string(s.wins));
    out.push_back("Capacity: " + money_text(s.capacity_gbp) + " a year");
    out.push_back("Cash: " + money_text(s.cash_gbp) + ", markup " + percent_text(s.markup));
    if (s.framework_member) out.push_back("Framework member: appointed to a lot this term");
    return out;
}

std::vector<std::string> council_hover_lines(const MarketSnapshot& m, std::size_t i) {
    const CouncilView& c = m.councils.at(i);
    std::vector<std::string> out;
    out.push_back("Council " + std::to_string(i) + ", region " + std::to_string(c.region + 1));
    out.push_back("Population: " + count_text(c.population));
    std::size_t contracts = 0;
    for (const auto& l : m.links) contracts += l.council == i;
    out.push_back("Running contracts: " + std::to_string(contracts));
    std::string paid = "Paid this year: " + money_text(c.paid_gbp);
    if (c.paid_gbp > 0.0f) paid += " (" + percent_text(c.paid_sme_gbp / c.paid_gbp) + " to SMEs)";
    out.push_back(paid);
    out.push_back("Social-value weight: " + percent_text(c.social_value_weight));
    if (c.partnership >= 0 && static_cast<std::size_t>(c.partnership) < m.partnerships.size())
        out.push_back(
            "Shared back office with " +
            std::to_string(m.partnerships[static_cast<std::size_t>(c.partnership)].size() - 1) +
            " neighbour(s)");
    else
        out.push_back("No back-office partnership");
    return out;
}

} // namespace tendersim::viz

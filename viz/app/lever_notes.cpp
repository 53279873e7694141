#include "app/lever_notes.hpp"

#include "app/text_format.hpp"

#include <algorithm>
#include <array>

namespace tendersim::viz {

namespace {

// Anchors: ../shared/model-brief.md sections 3, 4 and 7 and docs/routes.md (cite nothing that is
// not there). Effects: docs/policy-results.md, copied word for word (markdown emphasis dropped);
// the route levers' from its "Procurement routes" section.
constexpr std::array kNotes = {
    LeverNote{ControlId::SocialValue, "Share of the tender score given to social value.",
              "UK central government: at least 10% (PPN 06/20; PPN 002 from October 2025). "
              "Digital Specialists and Programmes framework: 60% in lot 2, 20% in lot 1.",
              "Social-value weighting (sv10, sv20, sv60) raises social value delivered per GBP "
              "about 4.4-, 8.6- and 17-fold."},
    LeverNote{ControlId::PriceWeight,
              "Price's share of price + quality; social value takes its weight from both.",
              "Relative price scoring is the most common: price score = W_price \u00D7 P_lowest / "
              "P_i; award on \"most advantageous tender\" (Procurement Act 2023).",
              "At a 60% weight the weight on price is 24%, so price competition is weak: fewer "
              "firms find a bid worth its cost (2.12 bids per tender, 30% single-bid)."},
    LeverNote{ControlId::OutcomeShare,
              "Share of tenders that state the outcome wanted instead of the product.",
              "U4SSC Procurement Guidelines for Smart Sustainable Cities (2023, \u00A74.1.4): "
              "less bias toward an incumbent's product, room for new solutions.",
              "Outcome-based specifications cut the incumbent win rate from 71% to 60%."},
    LeverNote{ControlId::LotThreshold, "Tenders above this annual value are split into lots.",
              "Lots raise SME participation but raise SME win probability only for small lots "
              "(\u2264 \u20AC25,000; Hoekman & Tas, Small Business Economics 2022).",
              "Lots (above GBP 250k a year) raise the SME direct share from 35% to 51%."},
    LeverNote{ControlId::SmeReserve, "Tenders below this annual value are open to SMEs only.",
              "Councils may reserve below-threshold procurements for SMEs/VCSEs or local "
              "suppliers (PPN 11/20, now PPN 005; Procurement Act 2023).",
              "Reservation (below GBP 100k) lifts the SME direct share by about 5.4 points; the "
              "reserved tenders get fewer bids (3.38 bids per tender against 3.45)."},
    LeverNote{ControlId::SharedBackOffice, "Neighbouring councils buy back-office systems jointly.",
              "626 council shared-service partnerships reported \u00A31.34bn cumulative savings "
              "(LGA); bigger contracts can exceed SMEs' capacity (OFT ICT market study).",
              "Shared back-office systems merge partners' back-office tenders into joint tenders: "
              "fewer procedures and a lower council procurement cost (GBP 9.57m to 9.35m a "
              "year)."},
    LeverNote{ControlId::FrameworkShare,
              "Share of needs in a framework's categories that councils call off from it.",
              "Frameworks appoint suppliers for at most 4 years; call-offs by direct award or "
              "competition among members (PA2023 s45-s47). CCS frameworks carry much council ICT.",
              "A capped national framework raises the SME direct share from 34.7% to 37.7% and "
              "cuts the incumbent win rate from 71% to 52%, at a price index of 0.80 against "
              "0.78."},
    LeverNote{ControlId::DirectAwardBelow,
              "Contracts below this total value go to one supplier without competition.",
              "Councils' contract procedure rules ask one quote below about \u00A35k-10k; a direct "
              "award needs no notice (PA2023 s86-s88; docs/routes.md).",
              "Direct awards below the GBP 207,720 threshold raise the incumbent win rate from 71% "
              "to 80% and leave 502 needs a year unawarded, against 66."},
    LeverNote{ControlId::QuotesBelow,
              "Contracts below this total value are bought by inviting quotes, with no notice.",
              "Councils' rules ask three written quotes up to about \u00A325k-50k; no "
              "pre-qualification below the threshold (PA2023 s85; docs/routes.md).",
              "Inviting three quotes instead of advertising contracts below the threshold cuts "
              "councils' procurement cost from GBP 9.6m to 5.9m at a price index of 0.76."},
};

std::string setting_text(ControlId id, const PolicyControls& c, bool has_frameworks) {
    switch (id) {
    case ControlId::SocialValue:
        return "Social-value weight: " + percent_text(c.social_value_weight);
    case ControlId::PriceWeight:
        return "Price vs quality: " + percent_text(c.price_weight) + " / " +
               percent_text(1.0 - c.price_weight);
    case ControlId::OutcomeShare:
        return "Outcome-based specs: " + percent_text(c.outcome_spec_share) + " of tenders";
    case ControlId::LotThreshold:
        return c.lot_threshold_gbp > 0.0 ? "Lots above " + per_year_text(c.lot_threshold_gbp)
                                         : "Lots: off";
    case ControlId::SmeReserve:
    case ControlId::SmeThreshold:
        return std::string(c.sme_reserve ? "SME reservation on" : "SME reservation off") +
               ", below " + per_year_text(c.sme_reserve_threshold_gbp);
    case ControlId::SharedBackOffice:
        return c.shared_back_office ? "Shared back office: on" : "Shared back office: off";
    case ControlId::FrameworkShare:
        return has_frameworks
                   ? "Framework share: " + percent_text(c.framework_share) + " of those needs"
                   : std::string(kNoFrameworks);
    case ControlId::DirectAwardBelow:
        return c.direct_award_threshold_gbp > 0.0
                   ? "Direct awards below " + total_text(c.direct_award_threshold_gbp)
                   : "Direct awards: off";
    case ControlId::QuotesBelow:
        return c.quote_threshold_gbp > 0.0 ? "Quotes below " + total_text(c.quote_threshold_gbp)
                                           : "Quotes: off";
    default:
        return {};
    }
}

} // namespace

const std::vector<ControlId>& policy_levers() {
    static const std::vector<ControlId> ids = {
        ControlId::SocialValue,      ControlId::PriceWeight,    ControlId::OutcomeShare,
        ControlId::LotThreshold,     ControlId::SmeReserve,     ControlId::SmeThreshold,
        ControlId::SharedBackOffice, ControlId::FrameworkShare, ControlId::DirectAwardBelow,
        ControlId::QuotesBelow};
    return ids;
}

bool is_policy_lever(ControlId id) {
    const auto& ids = policy_levers();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::optional<LeverNote> lever_note(ControlId id) {
    if (id == ControlId::SmeThreshold) id = ControlId::SmeReserve;
    for (const LeverNote& n : kNotes)
        if (n.id == id) return n;
    return std::nullopt;
}

std::vector<std::string> lever_tooltip_lines(ControlId id, const PolicyControls& c,
                                             bool has_frameworks) {
    const auto note = lever_note(id);
    if (!note) return {};
    return {setting_text(id, c, has_frameworks), std::string(note->what),
            std::string(note->anchor)};
}

std::vector<ControlId> levers_in_change(std::string_view text) {
    // describe_change's phrases (controls.cpp), in the order it writes them; a test moves each
    // lever alone and checks it is found, so the two cannot drift apart.
    struct Phrase {
        std::string_view start;
        ControlId id;
    };
    static constexpr std::array kPhrases = {
        Phrase{"social-value weight", ControlId::SocialValue},
        Phrase{"price weight", ControlId::PriceWeight},
        Phrase{"outcome-based specs", ControlId::OutcomeShare},
        Phrase{"lots above", ControlId::LotThreshold},
        Phrase{"no lots", ControlId::LotThreshold},
        Phrase{"SME reservation", ControlId::SmeReserve},
        Phrase{"no SME reservation", ControlId::SmeReserve},
        Phrase{"shared back office", ControlId::SharedBackOffice},
        Phrase{"framework share", ControlId::FrameworkShare},
        Phrase{"direct awards below", ControlId::DirectAwardBelow},
        Phrase{"no direct awards", ControlId::DirectAwardBelow},
        Phrase{"quotes below", ControlId::QuotesBelow},
        Phrase{"no quotes", ControlId::QuotesBelow},
    };
    std::vector<ControlId> out;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t end = text.find("; ", i);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = text.substr(i, end - i);
        for (const Phrase& p : kPhrases)
            if (part.substr(0, p.start.size()) == p.start) {
                out.push_back(p.id);
                break;
            }
        i = end + 2;
    }
    return out;
}

std::string per_year_text(double gbp) {
    return money_text(gbp) + " a year";
}

std::string total_text(double gbp) {
    return money_text(gbp) + " in total";
}

} // namespace tendersim::viz

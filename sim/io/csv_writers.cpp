#include "csv_writers.hpp"

#include "core/params.hpp"
#include "text/text.hpp"

#include <cmath>

namespace tendersim {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string metric_text(double value) {
    return std::isfinite(value) ? format_number(value) : std::string();
}

void write_metrics_header(std::ostream& out) {
    out << "scenario,replicate,seed,year,metric,value\n";
}

void write_metrics_rows(std::ostream& out, const RowKey& key, const YearMetrics& y,
                        const ScenarioSpec& spec) {
    const std::string prefix = csv_field(key.scenario) + "," + std::to_string(key.replicate) + "," +
                               std::to_string(key.seed) + "," + std::to_string(y.year) + ",";
    // A per-framework metric carries the framework's name, which may need quoting.
    for (const auto& [name, value] : metric_rows(y, spec))
        out << prefix << csv_field(name) << ',' << metric_text(value) << '\n';
}

void write_tenders_header(std::ostream& out) {
    out << "scenario,replicate,year,tender,need,buyer,region,category,estimated_value_gbp,duration_"
           "years,relet,"
           "reserved_sme,bids,sme_bids,abnormal_flagged,winner,winner_scale,winning_price_gbp,"
           "winning_score,"
           "runner_up_score,incumbent_won,route,framework\n";
}

void write_tender_rows(std::ostream& out, const RowKey& key, const Market& m, const YearState& ys) {
    const auto& tenders = ys.tenders;
    for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
        const Tender& t = tenders.tenders[k];
        const TenderOutcome& o = tenders.outcomes[k];
        out << csv_field(key.scenario) << ',' << key.replicate << ',' << m.reported_year() << ','
            << k << ',' << t.need_key << ',' << t.buyer.v << ',' << t.region << ','
            << csv_field(m.spec.categories[t.category.index()].name) << ','
            << format_number(gbp(t.estimated_value)) << ',' << int{t.duration} << ','
            << csv_bool(t.is_relet) << ',' << csv_bool(t.reserved_sme) << ',' << o.bids << ','
            << o.sme_bids << ',' << o.abnormal_flagged << ',';
        if (o.winner.valid()) {
            const Bid& w = o.shortlist[o.winner_rank];
            out << o.winner.v << ',' << (m.suppliers.is_sme[o.winner.index()] ? "sme" : "large")
                << ',' << format_number(gbp(w.price)) << ',' << format_number(w.score) << ',';
            if (o.shortlisted > 1)
                out << format_number(o.shortlist[o.winner_rank == 0 ? 1 : 0].score);
            out << ',' << csv_bool(t.is_relet && o.winner == t.incumbent);
        } else {
            out << ",,,,," << csv_bool(false);
        }
        // How it was bought, and the framework a call-off was made under (empty: none).
        out << ',' << route_name(t.route) << ',';
        if (t.framework >= 0)
            out << csv_field(m.framework_spec(static_cast<std::size_t>(t.framework)).name);
        out << '\n';
    }
}

void write_suppliers_header(std::ostream& out) {
    out << "scenario,replicate,supplier,alive,scale,region,reach,categories,born_year,capacity_gbp,"
           "committed_gbp,"
           "cash_gbp,turnover_gbp,markup,win_belief,quality,social_value,innovation\n";
}

void write_supplier_rows(std::ostream& out, const RowKey& key, const Market& m) {
    const auto& s = m.suppliers;
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::string cats;
        for (std::size_t c = 0; c < m.categories; ++c)
            if (s.category_mask[i] >> c & 1u)
                cats += (cats.empty() ? "" : ";") + m.spec.categories[c].name;
        out << csv_field(key.scenario) << ',' << key.replicate << ',' << i << ','
            << csv_bool(s.alive[i] != 0) << ',' << (s.is_sme[i] ? "sme" : "large") << ','
            << s.region[i] << ',' << s.reach[i] << ',' << csv_field(cats) << ','
            << s.born_year[i] - m.spec.run.burn_in_years << ',' << format_number(gbp(s.capacity[i]))
            << ',' << format_number(gbp(s.committed[i])) << ',' << format_number(gbp(s.cash[i]))
            << ',' << format_number(gbp(s.turnover[i])) << ',' << format_number(s.markup[i]) << ','
            << format_number(s.win_belief[i]) << ',' << format_number(s.quality[i]) << ','
            << format_number(s.social_value[i]) << ',' << format_number(s.innovation[i]) << '\n';
    }
}

} // namespace tendersim

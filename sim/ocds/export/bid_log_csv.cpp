#include "bid_log_csv.hpp"

#include "bid_records.hpp"
#include "core/money.hpp"
#include "float_text.hpp"
#include "text/text.hpp"

#include <array>
#include <string>

namespace tendersim::ocds {

void write_bids_header(std::ostream& out) {
    out << "scenario,replicate,year,tender,bid,bidder,scale,price_gbp,quality,quality_offered,"
           "social_value_gbp,score,rank,status,reason\n";
}

void write_bid_rows(std::ostream& out, const RowKey& key, const Market& m, const YearState& ys) {
    const auto& tenders = ys.tenders;
    const std::string prefix = csv_field(key.scenario) + ',' + std::to_string(key.replicate) + ',' +
                               std::to_string(m.reported_year()) + ',';
    std::array<BidRecord, kMaxBids> records{};
    std::string line;
    for (std::size_t k = 0; k < tenders.tenders.size(); ++k) {
        const TenderOutcome& o = tenders.outcomes[k];
        const auto bids = ys.bid_log.of(k, o.bids);
        classify_bids(o, bids, records);
        for (std::size_t j = 0; j < bids.size(); ++j) {
            const Bid& b = bids[j];
            const BidRecord& r = records[j];
            line.assign(prefix);
            line += std::to_string(k);
            line += ',';
            line += std::to_string(j);
            line += ',';
            line += std::to_string(b.supplier.v);
            line += b.is_sme ? ",sme," : ",large,";
            line += format_number(gbp(b.price));
            line += ',';
            append_float(line, b.quality);
            line += ',';
            append_float(line, b.quality_offer);
            line += ',';
            line += format_number(gbp(b.sv_offer));
            line += ',';
            // A rejected bid has no score (the evaluator marks it -1).
            if (r.status != BidStatus::Rejected) line += format_number(b.score);
            line += ',';
            if (r.rank > 0) line += std::to_string(r.rank);
            line += ',';
            line += status_name(r.status);
            line += ',';
            line += reason_name(r.reason);
            line += '\n';
            out << line;
        }
    }
}

} // namespace tendersim::ocds

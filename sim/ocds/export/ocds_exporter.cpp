#include "ocds_exporter.hpp"

#include "bid_records.hpp"
#include "category_cpv.hpp"
#include "core/money.hpp"
#include "json_out.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace tendersim::ocds {
namespace {

// The tender's route as OCDS's method codelist puts it (open: anyone may bid; selective: only
// qualified suppliers, here a framework's or dynamic market's members; limited: suppliers the
// buyer invites; direct: one supplier), with the route in words.
struct RouteMethod {
    const char* code;
    std::string details;
};

RouteMethod route_method(const Market& m, const Tender& t) {
    const auto framework = [&] {
        const auto& fw = m.framework_spec(static_cast<std::size_t>(t.framework));
        return "\"" + fw.name + "\", lot \"" + fw.lots[t.framework_lot].name + "\"";
    };
    switch (t.route) {
    case Route::Open:
        break;
    case Route::Quotes:
        return {"limited", "Request for quotations from invited suppliers (below threshold)"};
    case Route::DirectAward:
        return {"direct", "Direct award without competition (below threshold)"};
    case Route::FrameworkDirect:
        return {"direct", "Call-off by direct award from framework " + framework()};
    case Route::MiniCompetition:
        return {"selective",
                "Call-off by mini-competition among the members of framework " + framework()};
    case Route::DynamicMarket:
        return {"selective",
                "Call-off competed among the members of dynamic market " + framework()};
    }
    return {"open", "Open procedure"};
}

// Dates: a reported year y is the financial year starting on 1 April of calendar year
// calendar_start_year + y - 1. Its tenders are advertised from mid-January, awarded in March
// and their contracts run from 1 April for their duration.
std::string date(std::int64_t year, int month, int day, bool end_of_day = false) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%s", static_cast<long long>(year), month, day,
                  end_of_day ? "23:59:59Z" : "00:00:00Z");
    return buf;
}

void write_value(JsonOut& j, Pence amount) {
    j.begin_object().key("amount").number(gbp(amount)).key("currency").plain("GBP").end_object();
}

void write_period(JsonOut& j, const std::string& start, const std::string& end) {
    j.begin_object().key("startDate").plain(start).key("endDate").plain(end).end_object();
}

std::string supplier_id(SupplierId id) {
    return "supplier-" + std::to_string(id.v);
}

void write_org_ref(JsonOut& j, const std::string& id, const std::string& name) {
    j.begin_object().key("id").plain(id).key("name").plain(name).end_object();
}

// A weight as a percentage with at most one decimal ("60", "16.7").
std::string percent(double weight) {
    return format_number(std::round(weight * 1000.0) / 10.0) + "%";
}

// A release package's header, up to the opening of its one release.
void begin_package(JsonOut& j, const std::string& uri, const std::string& published) {
    j.key("uri").plain(uri).key("version").plain("1.1").key("publishedDate").plain(published);
    j.key("publisher")
        .begin_object()
        .key("name")
        .plain("tendersim simulation (synthetic data, not a real publisher)")
        .end_object();
    j.key("extensions").begin_array().plain(kBidExtensionUrl).end_array();
    j.key("releases").begin_array().begin_object();
}

} // namespace

OcdsExporter::OcdsExporter(std::ostream& out, const std::string& scenario, std::int64_t replicate,
                           std::int64_t calendar_start_year)
    : out_(out), ocid_stem_(std::string(kOcidPrefix) + "-" + scenario + "-r" +
                            std::to_string(replicate) + "-"),
      uri_("https://tendersim.invalid/" + scenario + "/ocds.jsonl"),
      calendar_start_year_(calendar_start_year) {}

std::string OcdsExporter::ocid(std::int32_t year, std::uint32_t need_key) const {
    return ocid_stem_ + "y" + std::to_string(year) + "-n" + std::to_string(need_key);
}

void OcdsExporter::write_year(const Market& m, const YearState& ys) {
    for (std::size_t k = 0; k < ys.tenders.tenders.size(); ++k) write_tender(m, ys, k);
    // Contracts that ended early this year: failed in delivery (end year set to this year), or
    // their supplier left the market before their end. run_needs drops both next year, so each is
    // seen here once.
    const auto burn_in = static_cast<std::int32_t>(m.spec.run.burn_in_years);
    for (const Contract& c : m.contracts) {
        if (!c.supplier.valid() || c.start_year - burn_in < 1) continue; // not exported
        const bool failed = c.relet_of_failure && c.end_year == m.year;
        const bool orphaned = !m.suppliers.alive[c.supplier.index()] && c.end_year > m.year;
        if (failed || orphaned) write_termination(m, c);
    }
}

void OcdsExporter::write_tender(const Market& m, const YearState& ys, std::size_t k) {
    const Tender& t = ys.tenders.tenders[k];
    const TenderOutcome& o = ys.tenders.outcomes[k];
    const std::int32_t year = m.reported_year();
    const std::int64_t cal = calendar_start_year_ + year - 1;
    const std::string id = ocid(year, t.need_key);
    const std::string award_date = date(cal, 3, 15);
    const std::string start = date(cal, 4, 1);
    const std::string end = date(cal + t.duration, 3, 31, true);
    const std::string bid_date = date(cal, 2, 15);
    const bool awarded = o.winner.valid();
    const auto bids = ys.bid_log.of(k, o.bids);
    std::array<BidRecord, kMaxBids> records{};
    classify_bids(o, bids, records);
    const std::string buyer_id = "council-" + std::to_string(t.buyer.v);
    const std::string buyer_name = "Council " + std::to_string(t.buyer.v);

    line_.clear();
    JsonOut j(line_);
    j.begin_object();
    begin_package(j, uri_, award_date);
    j.key("ocid").plain(id).key("id").plain(id + "-1").key("date").plain(award_date);
    j.key("tag").begin_array().plain("tender");
    if (awarded) j.plain("award").plain("contract");
    j.end_array();
    j.key("initiationType").plain("tender").key("language").plain("en");

    // Parties: the buyer, then every bidder (tenderer; the winner also supplier).
    j.key("parties").begin_array();
    j.begin_object().key("id").plain(buyer_id).key("name").plain(buyer_name);
    j.key("roles").begin_array().plain("buyer").plain("procuringEntity").end_array();
    j.key("address")
        .begin_object()
        .key("region")
        .plain("Region " + std::to_string(t.region))
        .end_object();
    j.end_object();
    for (const Bid& b : bids) {
        const std::string sid = supplier_id(b.supplier);
        j.begin_object().key("id").plain(sid).key("name").plain("Supplier " +
                                                                std::to_string(b.supplier.v));
        j.key("roles").begin_array().plain("tenderer");
        if (awarded && b.supplier == o.winner) j.plain("supplier");
        j.end_array();
        j.key("address")
            .begin_object()
            .key("region")
            .plain("Region " + std::to_string(m.suppliers.region[b.supplier.index()]))
            .end_object();
        j.key("details").begin_object().key("scale").plain(b.is_sme ? "sme" : "large").end_object();
        j.end_object();
    }
    j.end_array();
    j.key("buyer");
    write_org_ref(j, buyer_id, buyer_name);

    // Tender: value over the whole contract, method, criteria and periods.
    const std::string& category = m.spec.categories[t.category.index()].name;
    const RouteMethod method = route_method(m, t);
    std::string details = method.details;
    if (t.reserved_sme) details += "; reserved for SMEs";
    if (t.reserved_local) details += "; reserved for local suppliers";
    // Tender::joint counts the partners' needs merged into it (1: the lead's own need only).
    if (t.joint)
        details += "; bought by a shared back-office partnership (lead buyer)" +
                   (t.joint > 1 ? ", " + std::to_string(t.joint) + " needs merged" : std::string());
    if (t.outcome_spec) details += "; specified by outcome";
    const double wp = t.price_weight;
    const double wsv = t.social_value_weight;
    j.key("tender").begin_object();
    j.key("id").plain(id + "-tender");
    j.key("title").text(category + " for " + buyer_name +
                        (t.lot > 0 ? " (lot " + std::to_string(t.lot + 1) + ")" : ""));
    j.key("description")
        .text("Simulated " + category + " need " + std::to_string(t.need_key) +
              (t.is_relet ? ", re-let of an expiring contract" : ""));
    j.key("status").plain(awarded ? "complete" : "unsuccessful");
    if (const CategoryCpv* cpv = category_cpv(category)) {
        j.key("mainProcurementCategory").plain(cpv->main);
        j.key("items").begin_array().begin_object().key("id").plain("1");
        j.key("description").text(category);
        j.key("classification")
            .begin_object()
            .key("scheme")
            .plain("CPV")
            .key("id")
            .plain(cpv->cpv)
            .key("description")
            .text(std::string(cpv->description));
        j.end_object().end_object().end_array();
    }
    j.key("value");
    write_value(j, money_mul(t.estimated_value, t.duration, "a tender's total value"));
    j.key("procurementMethod").plain(method.code).key("procurementMethodDetails").text(details);
    j.key("awardCriteria").plain(wp >= 1.0 ? "priceOnly" : "ratedCriteria");
    j.key("awardCriteriaDetails")
        .text("Most economically advantageous tender: price " + percent(wp) + ", quality " +
              percent(1.0 - wp - wsv) + ", social value " + percent(wsv));
    j.key("tenderPeriod");
    write_period(j, date(cal, 1, 15), bid_date);
    j.key("contractPeriod");
    write_period(j, start, end);
    j.key("numberOfTenderers").integer(o.bids);
    j.end_object();

    // Bids (bids extension): statistics and every bid.
    std::size_t valid = 0;
    Pence lowest = 0, highest = 0;
    for (const Bid& b : bids) {
        if (b.rejected) continue;
        ++valid;
        if (valid == 1 || b.price < lowest) lowest = b.price;
        if (valid == 1 || b.price > highest) highest = b.price;
    }
    j.key("bids").begin_object().key("statistics").begin_array();
    int stat = 0;
    auto count = [&](const char* measure, std::int64_t value) {
        j.begin_object().key("id").plain(std::to_string(++stat)).key("measure").plain(measure);
        j.key("value").integer(value).end_object();
    };
    count("bids", o.bids);
    count("bidders", o.bids); // one bid per bidder
    count("validBids", static_cast<std::int64_t>(valid));
    count("smeBids", o.sme_bids);
    count("tendersAbnormallyLow", o.abnormal_rejected);
    if (valid > 0) {
        auto money = [&](const char* measure, Pence annual) {
            j.begin_object().key("id").plain(std::to_string(++stat)).key("measure").plain(measure);
            j.key("value")
                .number(gbp(money_mul(annual, t.duration, "a bid's total value")))
                .key("currency")
                .plain("GBP")
                .end_object();
        };
        money("lowestValidBidValue", lowest);
        money("highestValidBidValue", highest);
    }
    j.end_array();
    if (!bids.empty()) {
        j.key("details").begin_array();
        for (std::size_t b = 0; b < bids.size(); ++b) {
            j.begin_object().key("id").plain("bid-" + std::to_string(b));
            j.key("date").plain(bid_date);
            j.key("status").plain(records[b].status == BidStatus::Rejected ? "disqualified"
                                                                           : "valid");
            j.key("tenderers").begin_array();
            write_org_ref(j, supplier_id(bids[b].supplier),
                          "Supplier " + std::to_string(bids[b].supplier.v));
            j.end_array();
            j.key("value");
            write_value(j, money_mul(bids[b].price, t.duration, "a bid's total value"));
            j.end_object();
        }
        j.end_array();
    }
    j.end_object();

    if (awarded) {
        const Bid& w = o.shortlist[o.winner_rank];
        std::size_t winning_bid = 0;
        for (std::size_t b = 0; b < bids.size(); ++b)
            if (records[b].status == BidStatus::Won) winning_bid = b;
        const Pence total = money_mul(w.price, t.duration, "a contract's total value");
        j.key("awards").begin_array().begin_object();
        j.key("id").plain("award-1").key("status").plain("active").key("date").plain(award_date);
        j.key("value");
        write_value(j, total);
        j.key("suppliers").begin_array();
        write_org_ref(j, supplier_id(w.supplier), "Supplier " + std::to_string(w.supplier.v));
        j.end_array();
        j.key("contractPeriod");
        write_period(j, start, end);
        j.key("relatedBid").plain("bid-" + std::to_string(winning_bid));
        j.end_object().end_array();
        j.key("contracts").begin_array().begin_object();
        j.key("id").plain("contract-1").key("awardID").plain("award-1");
        j.key("status").plain("active");
        j.key("period");
        write_period(j, start, end);
        j.key("value");
        write_value(j, total);
        j.key("dateSigned").plain(date(cal, 3, 31));
        j.end_object().end_array();
    }

    // The previous process for the same need, if it is in this export.
    if (t.need_key >= last_year_.size()) {
        last_year_.resize(t.need_key + 1, 0);
        last_awarded_.resize(t.need_key + 1, 0);
    }
    if (const std::int32_t prev = last_year_[t.need_key]; prev > 0) {
        j.key("relatedProcesses").begin_array().begin_object();
        j.key("id").plain("1");
        // prior: this process renews or replaces it; unsuccessfulProcess: it awarded nothing.
        j.key("relationship")
            .begin_array()
            .plain(last_awarded_[t.need_key] ? "prior" : "unsuccessfulProcess")
            .end_array();
        j.key("title").plain("Previous letting of the same need");
        j.key("scheme").plain("ocid").key("identifier").plain(ocid(prev, t.need_key));
        j.end_object().end_array();
    }
    last_year_[t.need_key] = year;
    last_awarded_[t.need_key] = awarded ? 1 : 0;

    j.end_object().end_array().end_object();
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

void OcdsExporter::write_termination(const Market& m, const Contract& c) {
    const auto burn_in = static_cast<std::int32_t>(m.spec.run.burn_in_years);
    const std::int32_t start_year = c.start_year - burn_in;
    const std::int32_t year = m.reported_year();
    const std::string id = ocid(start_year, c.need_key);
    const std::int64_t start_cal = calendar_start_year_ + start_year - 1;
    const std::string ended = date(calendar_start_year_ + year, 3, 31, true);
    const bool failed = c.relet_of_failure && c.end_year == m.year;

    line_.clear();
    JsonOut j(line_);
    j.begin_object();
    begin_package(j, uri_, ended);
    j.key("ocid").plain(id).key("id").plain(id + "-2").key("date").plain(ended);
    j.key("tag").begin_array().plain("contractTermination").end_array();
    j.key("initiationType").plain("tender").key("language").plain("en");
    j.key("contracts").begin_array().begin_object();
    j.key("id").plain("contract-1").key("awardID").plain("award-1");
    j.key("status").plain("terminated");
    j.key("description")
        .plain(failed ? "Ended early: the contract failed in delivery"
                      : "Ended early: the supplier left the market");
    j.key("period");
    write_period(j, date(start_cal, 4, 1), ended);
    j.end_object().end_array();
    j.end_object().end_array().end_object();
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

} // namespace tendersim::ocds

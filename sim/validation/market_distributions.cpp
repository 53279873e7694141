#include "validation/market_distributions.hpp"

#include "core/money.hpp"
#include "core/run_plan.hpp"
#include "core/simulation.hpp"
#include "experiment/human_format.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace tendersim::validation {

void DistributionBuilder::add_tender(int bids) {
    if (bids < 0) return;
    const auto bin =
        std::min<std::size_t>(static_cast<std::size_t>(bids), MarketDistributions::kBidBins - 1);
    ++d_.bids_histogram[bin];
    ++d_.tenders_with_bids_known;
    bid_sum_ += bids;
    if (bids >= 1) ++d_.tenders_with_a_bid;
    if (bids == 1) ++single_;
}

void DistributionBuilder::add_award(double value_gbp, double years) {
    if (value_gbp > 0 && std::isfinite(value_gbp)) values_.push_back(value_gbp);
    if (years > 0 && std::isfinite(years)) years_.push_back(years);
}

void DistributionBuilder::add_winning_supplier(bool is_sme) {
    ++d_.suppliers_with_scale;
    sme_ += is_sme ? 1 : 0;
}

MarketDistributions DistributionBuilder::finish(std::string source) const {
    MarketDistributions d = d_;
    d.source = std::move(source);
    const auto share = [](std::uint64_t part, std::uint64_t whole) {
        return whole ? static_cast<double>(part) / static_cast<double>(whole) : NAN;
    };
    d.mean_bids =
        d.tenders_with_bids_known ? bid_sum_ / static_cast<double>(d.tenders_with_bids_known) : NAN;
    d.single_bid_share = share(single_, d.tenders_with_a_bid);
    d.sme_supplier_share = share(sme_, d.suppliers_with_scale);
    d.contract_value_gbp = analysis::quantiles_of(values_);
    d.contract_years = analysis::quantiles_of(years_);
    return d;
}

MarketDistributions model_distributions(const ScenarioSpec& spec, std::int64_t replicates,
                                        int threads) {
    DistributionBuilder builder;
    for (const PlannedRun& run :
         make_run_plan(spec, static_cast<std::uint64_t>(spec.run.seed), replicates)) {
        Simulation sim(run.spec, run.seed, threads);
        std::vector<std::int8_t> winner_sme; // per supplier id: -1 never won, else its size
        for (std::int64_t y = 1; y <= spec.run.years; ++y) {
            sim.run_year();
            const Market& m = sim.market();
            const YearTenders& year = sim.last_year().tenders;
            for (std::size_t k = 0; k < year.tenders.size(); ++k) {
                const Tender& t = year.tenders[k];
                const TenderOutcome& o = year.outcomes[k];
                builder.add_tender(o.bids);
                if (!o.winner.valid()) continue;
                const Bid& w = o.shortlist[o.winner_rank];
                builder.add_award(gbp(w.price) * t.duration, t.duration);
                if (winner_sme.size() < m.suppliers.size())
                    winner_sme.resize(m.suppliers.size(), -1);
                winner_sme[o.winner.index()] = m.suppliers.is_sme[o.winner.index()] ? 1 : 0;
            }
        }
        for (const std::int8_t sme : winner_sme)
            if (sme >= 0) builder.add_winning_supplier(sme > 0);
    }
    return builder.finish(spec.name + ", " + std::to_string(replicates) + " replicates x " +
                          std::to_string(spec.run.years) + " years");
}

MarketDistributions register_distributions(const ocds::RegisterEstimates& data) {
    MarketDistributions d;
    d.source = std::to_string(data.files.size()) + " file" + (data.files.size() == 1 ? "" : "s") +
               ", " + std::to_string(data.tenders) + " tenders (distinct ocids)";
    d.tenders_with_bids_known = data.bids_sample;
    for (const auto& [bids, tenders] : data.bids_histogram)
        d.bids_histogram[std::min<std::size_t>(
            static_cast<std::size_t>(std::max<std::int64_t>(0, bids)),
            MarketDistributions::kBidBins - 1)] += tenders;
    d.mean_bids = data.bids_sample ? data.bids_mean : NAN;
    d.tenders_with_a_bid = data.bids_with_bids;
    d.single_bid_share = data.bids_with_bids ? data.single_bid_share : NAN;
    d.contract_value_gbp = data.total_value_gbp;
    d.contract_years = data.duration_years;
    d.suppliers_with_scale = data.sme_scale_sample;
    d.sme_supplier_share = data.sme_scale_sample ? data.sme_share_suppliers : NAN;
    return d;
}

namespace {

struct Row {
    std::string measure, model, model_n, data, data_n;
};

std::string number(double v) {
    return std::isfinite(v) ? experiment::human_number(v) : std::string("-");
}
std::string percent(double v) {
    return std::isfinite(v) ? experiment::human_number(100 * v) + "%" : std::string("-");
}
std::string count(std::uint64_t n) {
    return std::to_string(n);
}

double bin_share(const MarketDistributions& d, std::size_t lo, std::size_t hi) {
    if (!d.tenders_with_bids_known) return NAN;
    std::uint64_t s = 0;
    for (std::size_t b = lo; b <= hi && b < MarketDistributions::kBidBins; ++b)
        s += d.bids_histogram[b];
    return static_cast<double>(s) / static_cast<double>(d.tenders_with_bids_known);
}

std::vector<Row> rows(const MarketDistributions& m, const MarketDistributions& r) {
    std::vector<Row> out;
    const auto nb = [](const MarketDistributions& d) { return count(d.tenders_with_bids_known); };
    out.push_back({"mean bids per tender", number(m.mean_bids), nb(m), number(r.mean_bids), nb(r)});
    const std::size_t last = MarketDistributions::kBidBins - 1;
    const std::pair<std::size_t, std::size_t> bins[] = {{0, 0}, {1, 1}, {2, 2}, {3, 5}, {6, last}};
    for (const auto& [lo, hi] : bins) {
        const std::string label = lo == hi     ? std::to_string(lo)
                                  : hi == last ? std::to_string(lo) + " or more"
                                               : std::to_string(lo) + "-" + std::to_string(hi);
        out.push_back({"tenders with " + label + (lo == 1 && hi == 1 ? " bid" : " bids"),
                       percent(bin_share(m, lo, hi)), nb(m), percent(bin_share(r, lo, hi)), nb(r)});
    }
    out.push_back({"single-bid share (of tenders with a bid)", percent(m.single_bid_share),
                   count(m.tenders_with_a_bid), percent(r.single_bid_share),
                   count(r.tenders_with_a_bid)});
    const auto quant = [&](const std::string& what, const Quantiles& a, const Quantiles& b,
                           const std::string& unit) {
        const std::pair<const char*, double Quantiles::*> ps[] = {
            {"10th percentile", &Quantiles::p10},
            {"median", &Quantiles::p50},
            {"90th percentile", &Quantiles::p90}};
        for (const auto& [name, field] : ps)
            out.push_back({what + ", " + name + " (" + unit + ")", a.n ? number(a.*field) : "-",
                           count(a.n), b.n ? number(b.*field) : "-", count(b.n)});
    };
    quant("contract value", m.contract_value_gbp, r.contract_value_gbp, "GBP");
    quant("contract length", m.contract_years, r.contract_years, "years");
    out.push_back({"SME share of winning suppliers", percent(m.sme_supplier_share),
                   count(m.suppliers_with_scale), percent(r.sme_supplier_share),
                   count(r.suppliers_with_scale)});
    return out;
}

} // namespace

std::string distributions_markdown(const MarketDistributions& model,
                                   const MarketDistributions& data) {
    std::ostringstream out;
    out << "| measure | model | n | register | n |\n|---|---:|---:|---:|---:|\n";
    for (const Row& r : rows(model, data))
        out << "| " << r.measure << " | " << r.model << " | " << r.model_n << " | " << r.data
            << " | " << r.data_n << " |\n";
    out << "\nModel: " << model.source << ". Register: " << data.source
        << ". n is the sample size of each figure; \"-\" where the source does not give it. "
           "Register contract values are the contracts', else the awards', else the tender's "
           "estimate; lengths come from the contract, award or tender period (docs/ocds.md).\n";
    return out.str();
}

std::string distributions_text(const MarketDistributions& model, const MarketDistributions& data) {
    const auto table = rows(model, data);
    std::size_t w0 = 7, w1 = 5, w2 = 1, w3 = 8, w4 = 1;
    for (const Row& r : table) {
        w0 = std::max(w0, r.measure.size()), w1 = std::max(w1, r.model.size());
        w2 = std::max(w2, r.model_n.size()), w3 = std::max(w3, r.data.size());
        w4 = std::max(w4, r.data_n.size());
    }
    std::ostringstream out;
    const auto line = [&](const Row& r) {
        out << r.measure << std::string(w0 - r.measure.size() + 2, ' ')
            << std::string(w1 - r.model.size(), ' ') << r.model << "  "
            << std::string(w2 - r.model_n.size(), ' ') << r.model_n << "  "
            << std::string(w3 - r.data.size(), ' ') << r.data << "  "
            << std::string(w4 - r.data_n.size(), ' ') << r.data_n << "\n";
    };
    line({"measure", "model", "n", "register", "n"});
    for (const Row& r : table) line(r);
    out << "model: " << model.source << "\nregister: " << data.source << "\n";
    return out.str();
}

} // namespace tendersim::validation

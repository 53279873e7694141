#include "estimate.hpp"

#include "cpv_categories.hpp"
#include "io/input_file_error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tendersim::ocds {

namespace {
// Annual value: a contract shorter than a year counts as one year, because the model's
// contracts last at least a year and a 3-month contract's value is that year's spend.
double annual_value(const TenderSummary& t) {
    return t.value_gbp / std::max(1.0, t.duration_years);
}
} // namespace

LogNormalFit lognormal_fit(const std::vector<double>& values) {
    LogNormalFit fit;
    std::vector<double> logs;
    for (double v : values)
        if (v > 0 && std::isfinite(v)) logs.push_back(std::log(v));
    fit.n = logs.size();
    if (logs.empty()) return fit;
    std::sort(logs.begin(), logs.end()); // a fixed summation order: same input, same bits
    const double mean = std::accumulate(logs.begin(), logs.end(), 0.0) / static_cast<double>(fit.n);
    double ss = 0;
    for (double l : logs) ss += (l - mean) * (l - mean);
    fit.median = std::exp(mean);
    fit.log_sd = fit.n > 1 ? std::sqrt(ss / static_cast<double>(fit.n - 1)) : 0.0;
    return fit;
}

namespace {

// Collects the per-tender facts into the estimates' counts and value lists.
struct Accumulator {
    RegisterEstimates& e;
    std::vector<double> totals, annuals, durations;
    std::vector<std::vector<double>> cat_annual, cat_duration;
    std::vector<double> supplier_value;
    std::size_t bids_total = 0;

    Accumulator(RegisterEstimates& estimates, std::size_t suppliers)
        : e(estimates), cat_annual(kCategoryNames.size()), cat_duration(kCategoryNames.size()),
          supplier_value(suppliers, 0.0) {}

    void bids(const TenderSummary& t) {
        if (t.bidders < 0) return;
        ++e.bids_sample;
        ++e.bids_histogram[t.bidders];
        ++e.bids_sources[field_name(t.bidders_field)];
        bids_total += static_cast<std::size_t>(t.bidders);
        if (t.bidders >= 1) ++e.bids_with_bids;
        if (t.bidders == 1) e.single_bid_share += 1;
    }

    void category(const TenderSummary& t, bool has_annual) {
        if (!t.has_cpv) return;
        ++e.classified;
        char digits[9];
        std::snprintf(digits, sizeof digits, "%08u", t.cpv);
        const int c = category_of_cpv(digits);
        if (c < 0) {
            ++e.outside_cpv[std::string(digits, 2)];
            return;
        }
        const auto i = static_cast<std::size_t>(c);
        ++e.categories[i].tenders;
        if (has_annual) cat_annual[i].push_back(annual_value(t));
        if (t.duration_years >= 0) cat_duration[i].push_back(t.duration_years);
    }

    void add(const TenderSummary& t) {
        if (t.buyer >= 0) ++e.tenders_with_buyer;
        bids(t);
        if (t.value_gbp >= 0) {
            totals.push_back(t.value_gbp);
            ++e.value_sources[field_name(t.value_field)];
        }
        if (t.duration_years >= 0) {
            durations.push_back(t.duration_years);
            ++e.duration_sources[field_name(t.duration_field)];
        }
        const bool has_annual = t.value_gbp >= 0 && t.duration_years >= 0;
        if (has_annual) annuals.push_back(annual_value(t));
        category(t, has_annual);
        for (const auto& [supplier, value] : t.awards) {
            if (value < 0) continue;
            supplier_value[supplier] += value;
            ++e.awards_with_value;
        }
        if (t.suitable_for_sme >= 0) {
            ++e.suitability_sample;
            if (t.suitable_for_sme == 1) ++e.suitability_true;
        }
    }

    void finish(const Register& reg) {
        if (e.bids_sample > 0)
            e.bids_mean = static_cast<double>(bids_total) / static_cast<double>(e.bids_sample);
        if (e.bids_with_bids > 0) {
            e.bids_mean_with_bids =
                static_cast<double>(bids_total) / static_cast<double>(e.bids_with_bids);
            e.single_bid_share /= static_cast<double>(e.bids_with_bids);
        }
        e.total_value_gbp = analysis::quantiles_of(totals);
        e.annual_value_gbp = analysis::quantiles_of(annuals);
        e.duration_years = analysis::quantiles_of(durations);
        for (std::size_t c = 0; c < kCategoryNames.size(); ++c) {
            auto& cat = e.categories[c];
            std::sort(cat_annual[c].begin(), cat_annual[c].end()); // a fixed summation order
            cat.annual_value_total_gbp =
                std::accumulate(cat_annual[c].begin(), cat_annual[c].end(), 0.0);
            cat.annual_value = lognormal_fit(cat_annual[c]);
            cat.duration_years = analysis::quantiles_of(cat_duration[c]);
        }
        std::sort(supplier_value.begin(), supplier_value.end());
        e.awarded_value_gbp = std::accumulate(supplier_value.begin(), supplier_value.end(), 0.0);
        if (e.awarded_value_gbp > 0)
            for (double v : supplier_value)
                e.hhi += (v / e.awarded_value_gbp) * (v / e.awarded_value_gbp);
        std::size_t sme = 0;
        for (std::int8_t s : reg.supplier_sme()) {
            if (s < 0) continue;
            ++e.sme_scale_sample;
            if (s == 1) ++sme;
        }
        if (e.sme_scale_sample > 0)
            e.sme_share_suppliers =
                static_cast<double>(sme) / static_cast<double>(e.sme_scale_sample);
    }
};

} // namespace

RegisterEstimates estimate_from(const Register& reg, std::vector<std::string> files) {
    RegisterEstimates e;
    e.files = std::move(files);
    e.releases_read = reg.releases_read();
    e.tenders = reg.tenders().size();
    e.buyers = reg.buyer_count();
    e.suppliers = reg.supplier_count();
    e.drops = reg.drops();
    e.drop_total = reg.drop_total();
    e.drop_counts = reg.drop_counts();
    e.categories.resize(kCategoryNames.size());
    for (std::size_t c = 0; c < kCategoryNames.size(); ++c)
        e.categories[c].name = kCategoryNames[c];
    Accumulator acc(e, reg.supplier_count());
    for (const auto& [ocid, t] : reg.tenders()) acc.add(t);
    acc.finish(reg);
    return e;
}

RegisterEstimates estimate_register(const std::vector<std::filesystem::path>& inputs,
                                    const ImportOptions& options) {
    const auto files = expand_inputs(inputs);
    Register reg(options);
    std::vector<std::string> names;
    for (const auto& f : files) {
        read_release_file(f, reg);
        names.push_back(f.string());
    }
    if (reg.tenders().empty())
        throw InputError("no usable OCDS release in " + std::to_string(files.size()) +
                         " file(s): nothing to estimate from (" + std::to_string(reg.drop_total()) +
                         " records dropped)");
    return estimate_from(reg, std::move(names));
}

} // namespace tendersim::ocds

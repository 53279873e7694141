#include "parameters.hpp"

#include "core/params.hpp"
#include "cpv_categories.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim::ocds {

namespace {

std::string num(double v) {
    return format_number(v);
}

std::string too_few(std::size_t n, std::size_t min_sample, const std::string& what) {
    return "kept: " + std::to_string(n) + " " + what + ", fewer than the minimum sample of " +
           std::to_string(min_sample);
}

std::string sources(const std::map<std::string, std::size_t>& counts) {
    std::ostringstream out;
    bool first = true;
    for (const auto& [field, n] : counts) {
        out << (first ? "" : ", ") << field << " (" << n << ")";
        first = false;
    }
    return first ? std::string("none") : out.str();
}

// Rounded to 3 significant digits: the estimates are not more precise than that, and shorter
// numbers read better in the scenario.
double round3(double v) {
    if (v == 0 || !std::isfinite(v)) return v;
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::fabs(v))));
    return std::round(v * scale) / scale;
}

} // namespace

namespace {

void choose_market(ScenarioEstimate& out, const RegisterEstimates& e, const ScenarioSpec& base,
                   std::size_t min_sample) {
    ScenarioSpec& spec = out.spec;
    // Buyers -> councils; suppliers follow councils at the base's ratio (a register window shows
    // only the suppliers that won in it, not the market's firms).
    {
        ParameterChoice c{"market.councils",
                          "",
                          std::to_string(base.market.councils),
                          {},
                          e.tenders_with_buyer,
                          "buyer.id / buyer.name / parties[role=buyer]",
                          ""};
        if (e.tenders_with_buyer >= min_sample && e.buyers >= 1) {
            spec.market.councils = static_cast<std::int64_t>(e.buyers);
            c.value = std::to_string(spec.market.councils);
            c.note = std::to_string(e.buyers) + " distinct buyers in " +
                     std::to_string(e.tenders_with_buyer) + " tenders with a buyer";
        } else {
            c.note = too_few(e.tenders_with_buyer, min_sample, "tenders with a buyer");
        }
        out.choices.push_back(c);
        ParameterChoice s{
            "market.suppliers", "", std::to_string(base.market.suppliers), {}, 0, "-", ""};
        if (c.value) {
            const double ratio =
                static_cast<double>(base.market.suppliers) /
                static_cast<double>(std::max<std::int64_t>(1, base.market.councils));
            spec.market.suppliers = std::max<std::int64_t>(
                1, std::llround(ratio * static_cast<double>(spec.market.councils)));
            s.value = std::to_string(spec.market.suppliers);
            s.note = "not estimated: scaled with councils at the base's ratio (" +
                     num(round3(ratio)) + " per council); the register names " +
                     std::to_string(e.suppliers) +
                     " awarded suppliers, a lower bound on the market's firms";
        } else {
            s.note = "kept: councils were not estimated";
        }
        out.choices.push_back(s);
    }

    // SME share of suppliers: parties[].details.scale only.
    {
        ParameterChoice c{"market.sme_fraction",
                          "",
                          num(base.market.sme_fraction),
                          {},
                          e.sme_scale_sample,
                          "parties[role=supplier].details.scale",
                          ""};
        if (e.sme_scale_sample >= min_sample) {
            spec.market.sme_fraction = round3(e.sme_share_suppliers);
            c.value = num(spec.market.sme_fraction);
            c.note = "share of suppliers with scale sme/micro/small/medium";
        } else {
            c.note = too_few(e.sme_scale_sample, min_sample, "suppliers with details.scale");
            if (e.suitability_sample > 0)
                c.note += "; the UK isSuitableForSme/suitability flags (" +
                          std::to_string(e.suitability_sample) + " notices, " +
                          std::to_string(e.suitability_true) +
                          " true) say whether a notice suits SMEs, not who won, so they cannot "
                          "give this share";
        }
        out.choices.push_back(c);
    }
}

// One category's parameters; valued and total: the mapped tenders with an annual value and their
// sum over every category (the spend-share basis).
void choose_category(ScenarioEstimate& out, CategorySpec& cat, const CategoryEstimate* est,
                     const RegisterEstimates& e, bool same_categories, std::size_t valued,
                     double total, std::size_t min_sample) {
    const std::string vsrc = "annual value = (" + sources(e.value_sources) + ") / max(1, duration)";
    // spend_share
    ParameterChoice share{"spend_share",
                          cat.name,
                          num(cat.spend_share),
                          {},
                          valued,
                          "CPV (tender.items[].classification, tender.classification) + " + vsrc,
                          ""};
    if (!same_categories) {
        share.note = "kept: the base's categories are not the CPV table's eight";
    } else if (valued < min_sample || total <= 0) {
        share.note =
            too_few(valued, min_sample, "tenders with a mapped CPV, a value and a duration");
    } else {
        cat.spend_share = round3(est->annual_value_total_gbp / total);
        share.value = num(cat.spend_share);
        share.note = "share of mapped annual value (" + std::to_string(est->annual_value.n) +
                     " of " + std::to_string(valued) + " tenders)";
        out.categories_changed = true;
    }
    out.choices.push_back(share);
    const std::size_t n = est ? est->annual_value.n : 0;
    ParameterChoice median{
        "value_median_gbp", cat.name, num(cat.value_median_gbp), {}, n, vsrc, ""};
    ParameterChoice sigma{"value_sigma", cat.name, num(cat.value_sigma), {}, n, vsrc, ""};
    if (est && n >= min_sample) {
        cat.value_median_gbp = std::clamp(round3(est->annual_value.median), 100.0, 1e10);
        cat.value_sigma = std::clamp(round3(est->annual_value.log_sd), 0.0, 4.0);
        median.value = num(cat.value_median_gbp);
        sigma.value = num(cat.value_sigma);
        median.note = "log-normal fit: exp(mean ln annual value)";
        sigma.note = "log-normal fit: sd of ln annual value";
        out.categories_changed = true;
    } else {
        median.note = sigma.note = too_few(n, min_sample, "tenders with a value and a duration");
    }
    out.choices.push_back(median);
    out.choices.push_back(sigma);
    const std::size_t nd = est ? est->duration_years.n : 0;
    const std::string dsrc = "duration: " + sources(e.duration_sources);
    ParameterChoice dmin{
        "duration_min_years", cat.name, std::to_string(cat.duration_min_years), {}, nd, dsrc, ""};
    ParameterChoice dmax{
        "duration_max_years", cat.name, std::to_string(cat.duration_max_years), {}, nd, dsrc, ""};
    if (est && nd >= min_sample) {
        // The 10th and 90th percentiles, in whole years (the model's unit), at least 1.
        const auto lo = std::clamp<std::int64_t>(std::llround(est->duration_years.p10), 1, 50);
        const auto hi = std::clamp<std::int64_t>(std::llround(est->duration_years.p90), lo, 50);
        cat.duration_min_years = lo;
        cat.duration_max_years = hi;
        dmin.value = std::to_string(lo);
        dmax.value = std::to_string(hi);
        dmin.note = "10th percentile " + num(round3(est->duration_years.p10)) +
                    " years, rounded, at least 1";
        dmax.note = "90th percentile " + num(round3(est->duration_years.p90)) + " years, rounded";
        out.categories_changed = true;
    } else {
        dmin.note = dmax.note = too_few(nd, min_sample, "tenders with a duration");
    }
    out.choices.push_back(dmin);
    out.choices.push_back(dmax);
}

} // namespace

ScenarioEstimate choose_parameters(const RegisterEstimates& e, const ScenarioSpec& base,
                                   std::size_t min_sample) {
    ScenarioEstimate out;
    out.spec = base;
    choose_market(out, e, base, min_sample);
    // Categories: only when the base's categories are the table's, so shares can be renormalised.
    const auto& names = kCategoryNames;
    const bool same_categories =
        base.categories.size() == names.size() &&
        std::all_of(base.categories.begin(), base.categories.end(), [&](const CategorySpec& c) {
            return std::find(names.begin(), names.end(), c.name) != names.end();
        });
    std::size_t valued = 0;
    double total = 0;
    for (const auto& cat : e.categories) {
        valued += cat.annual_value.n;
        total += cat.annual_value_total_gbp;
    }
    for (CategorySpec& cat : out.spec.categories) {
        const auto it = std::find(names.begin(), names.end(), cat.name);
        const CategoryEstimate* est =
            it == names.end() ? nullptr
                              : &e.categories[static_cast<std::size_t>(it - names.begin())];
        choose_category(out, cat, est, e, same_categories, valued, total, min_sample);
    }
    return out;
}

} // namespace tendersim::ocds

#include "outputs.hpp"

#include "core/params.hpp"
#include "text/text.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace tendersim::ocds {

namespace {

std::string num(double v) {
    return format_number(v);
}

const ParameterChoice* find_choice(const ScenarioEstimate& s, const std::string& category,
                                   std::string_view key) {
    for (const auto& c : s.choices)
        if (c.category == category && c.key == key) return &c;
    return nullptr;
}

std::string comment(const ParameterChoice& c) {
    // A derived value (suppliers scaled with councils) says so itself; estimates say "estimate".
    const bool derived = c.note.rfind("not estimated", 0) == 0;
    return std::string(derived ? "# " : "# estimate: ") + c.note + " (sample " +
           std::to_string(c.sample) + "; source " + c.source + "; base value " + c.base_value +
           ")\n";
}

std::string md_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string quantile_row(const std::string& what, const Quantiles& q, double scale = 1) {
    std::ostringstream out;
    out << "| " << what << " | " << q.n << " | ";
    if (q.n == 0) {
        out << "- | - | - | - | - | - |\n";
        return out.str();
    }
    for (double v : {q.p10, q.p25, q.p50, q.p75, q.p90, q.mean}) out << num(v * scale) << " | ";
    out << "\n";
    return out.str();
}

nlohmann::json quantiles_json(const Quantiles& q) {
    return {{"n", q.n},     {"mean", q.mean}, {"p10", q.p10}, {"p25", q.p25},
            {"p50", q.p50}, {"p75", q.p75},   {"p90", q.p90}};
}

} // namespace

std::string scenario_text(const ScenarioHeader& h, const ScenarioEstimate& s) {
    std::ostringstream out;
    out << "# Estimated from an OCDS register by `tendersim ocds import`; the report beside this "
           "file\n# (.report.md) says what was estimated, what was kept at the base's value and "
           "why, and\n# which records were dropped. Every estimate below says its sample and "
           "source field.\n"
        << "schema_version = 2\n"
        << "base = " << toml_string(h.base) << "\n"
        << "name = " << toml_string(h.name) << "\n"
        << "description = " << toml_string(h.description) << "\n";
    std::string section;
    for (const auto& c : s.choices) {
        if (!c.category.empty() || !c.value) continue;
        const auto dot = c.key.find('.');
        const std::string sec = c.key.substr(0, dot);
        if (sec != section) {
            out << "\n[" << sec << "]\n";
            section = sec;
        }
        out << comment(c) << c.key.substr(dot + 1) << " = " << *c.value << "\n";
    }
    if (s.categories_changed) {
        out << "\n# [[category]] replaces the base's categories whole, so every category is "
               "listed; keys\n# without an estimate comment repeat the base's value.\n";
        for (const CategorySpec& cat : s.spec.categories) {
            out << "\n[[category]]\nname = " << toml_string(cat.name) << "\n";
            for (const CategoryParamDef& def : category_params()) {
                if (def.key == "name") continue;
                if (const auto* c = find_choice(s, cat.name, def.key); c && c->value)
                    out << comment(*c);
                out << def.key << " = " << param_value_text(def, cat) << "\n";
            }
        }
    }
    return out.str();
}

namespace {

void parameters_section(std::ostream& out, const ScenarioEstimate& s) {
    out << "## Scenario parameters\n\n| parameter | category | value | base | sample | source | "
           "estimate or why kept |\n|---|---|---|---|---|---|---|\n";
    for (const auto& c : s.choices)
        out << "| `" << c.key << "` | " << (c.category.empty() ? "-" : c.category) << " | "
            << (c.value ? "**" + *c.value + "**" : std::string("(kept)")) << " | " << c.base_value
            << " | " << c.sample << " | " << md_escape(c.source) << " | " << md_escape(c.note)
            << " |\n";
}

void bids_line(std::ostream& out, const RegisterEstimates& e) {
    out << "- Bids per tender: " << e.bids_sample << " tenders with a bidder count";
    if (e.bids_sample == 0) {
        out << ": no tender.numberOfTenderers or bids.details in the data\n";
        return;
    }
    out << " (";
    bool first = true;
    for (const auto& [f, n] : e.bids_sources) {
        out << (first ? "" : ", ") << f << ": " << n;
        first = false;
    }
    out << "); mean " << num(e.bids_mean) << " including tenders with no bid, "
        << num(e.bids_mean_with_bids) << " over the " << e.bids_with_bids
        << " with at least one; single-bid share " << num(e.single_bid_share)
        << " (of tenders with at least one bid). Histogram (bids: tenders):";
    for (const auto& [b, n] : e.bids_histogram) out << " " << b << ": " << n << ";";
    out << "\n";
}

void distributions_section(std::ostream& out, const RegisterEstimates& e) {
    out << "\n## The register's distributions\n\nNo scenario parameter takes these: they are "
           "outcomes of the model, to compare with a run (`tendersim validate`).\n\n";
    out << "- Buyers: " << e.buyers << " distinct (" << e.tenders_with_buyer
        << " tenders with a buyer).\n";
    bids_line(out, e);
    out << "- Suppliers: " << e.suppliers << " distinct awarded suppliers; " << e.awards_with_value
        << " supplier awards with a value, " << num(e.awarded_value_gbp)
        << " GBP in all; HHI of award value by supplier " << num(e.hhi) << " ("
        << num(e.hhi * 10000) << " on the 0-10,000 scale).\n";
    out << "- SME: " << e.sme_scale_sample << " suppliers with parties[].details.scale";
    if (e.sme_scale_sample > 0) out << " (SME share " << num(e.sme_share_suppliers) << ")";
    const bool all_false = e.suitability_sample > 0 && e.suitability_true == 0;
    out << "; " << e.suitability_sample << " notices with an SME-suitability flag, "
        << e.suitability_true << " true"
        << (all_false ? " (all false: looks like the publisher's default, not a statement)" : "")
        << ".\n\n";
    out << "| quantity | n | p10 | p25 | median | p75 | p90 | mean "
           "|\n|---|---|---|---|---|---|---|---|\n"
        << quantile_row("total contract value (GBP)", e.total_value_gbp)
        << quantile_row("annual value (GBP/year) = total / max(1, years)", e.annual_value_gbp)
        << quantile_row("duration (years)", e.duration_years) << "\n";
}

std::string or_dash(std::size_t n, double v) {
    return n > 0 ? num(v) : std::string("-");
}

void categories_section(std::ostream& out, const RegisterEstimates& e) {
    out << "## Categories (CPV -> category, docs/ocds.md)\n\n"
        << e.classified << " tenders have a CPV code; " << (e.tenders - e.classified)
        << " have none (no items[].classification or tender.classification with scheme CPV; a "
           "publisher's own scheme is not mapped).\n\n| category | tenders | with annual value | "
           "median annual value | log-sd | durations | median years "
           "|\n|---|---|---|---|---|---|---|\n";
    for (const auto& c : e.categories)
        out << "| " << c.name << " | " << c.tenders << " | " << c.annual_value.n << " | "
            << or_dash(c.annual_value.n, c.annual_value.median) << " | "
            << or_dash(c.annual_value.n, c.annual_value.log_sd) << " | " << c.duration_years.n
            << " | " << or_dash(c.duration_years.n, c.duration_years.p50) << " |\n";
    std::size_t outside = 0;
    for (const auto& [d, n] : e.outside_cpv) outside += n;
    out << "\nOutside the modelled categories: " << outside << " tenders, by CPV division:";
    for (const auto& [d, n] : e.outside_cpv) out << " " << d << ": " << n << ";";
    out << "\n";
}

void drops_section(std::ostream& out, const RegisterEstimates& e) {
    out << "\n## Dropped records and fields\n\n";
    if (e.drop_total == 0) {
        out << "None.\n";
        return;
    }
    out << "A dropped field leaves that fact unknown for the tender (it still counts where "
           "its other facts are known); a dropped record is not used at all.\n\n| reason | "
           "count |\n|---|---|\n";
    for (const auto& [k, n] : e.drop_counts) out << "| " << md_escape(k) << " | " << n << " |\n";
    out << "\n| where | ocid | what |\n|---|---|---|\n";
    for (const auto& d : e.drops)
        out << "| " << md_escape(d.where) << " | " << md_escape(d.ocid) << " | "
            << md_escape(d.detail) << " |\n";
    if (e.drop_total > e.drops.size())
        out << "\n"
            << (e.drop_total - e.drops.size()) << " more not listed (the list stops at "
            << e.drops.size() << "; the counts above are complete).\n";
}

} // namespace

std::string report_markdown(const ScenarioHeader& h, const RegisterEstimates& e,
                            const ScenarioEstimate& s, const ImportOptions& options) {
    std::ostringstream out;
    out << "# OCDS import: " << h.name << "\n\n"
        << "Scenario `" << h.name << "` (base `" << h.base << "`), estimated from "
        << e.files.size() << " file(s): " << e.releases_read << " releases read, " << e.tenders
        << " tenders (distinct ocids), " << e.drop_total << " records or fields dropped. "
        << "Amounts in GBP";
    if (!options.gbp_per_unit.empty()) {
        out << " (rates given, GBP per unit:";
        for (const auto& [cur, rate] : options.gbp_per_unit) out << " " << cur << "=" << num(rate);
        out << ")";
    }
    out << ". Minimum sample per estimate: " << options.min_sample << ".\n\n";
    parameters_section(out, s);
    distributions_section(out, e);
    categories_section(out, e);
    drops_section(out, e);
    return out.str();
}

std::string estimates_json(const RegisterEstimates& e, const ScenarioEstimate& s,
                           const ImportOptions& options) {
    using nlohmann::json;
    json j;
    j["files"] = e.files;
    j["min_sample"] = options.min_sample;
    j["rates_gbp_per_unit"] = options.gbp_per_unit;
    j["releases_read"] = e.releases_read;
    j["tenders"] = e.tenders;
    j["buyers"] = {{"count", e.buyers}, {"tenders_with_buyer", e.tenders_with_buyer}};
    json hist = json::object();
    for (const auto& [b, n] : e.bids_histogram) hist[std::to_string(b)] = n;
    j["bids"] = {{"sample", e.bids_sample},
                 {"mean", e.bids_mean},
                 {"with_bids", e.bids_with_bids},
                 {"mean_with_bids", e.bids_mean_with_bids},
                 {"single_bid_share", e.single_bid_share},
                 {"histogram", hist},
                 {"sources", e.bids_sources}};
    j["total_value_gbp"] = quantiles_json(e.total_value_gbp);
    j["annual_value_gbp"] = quantiles_json(e.annual_value_gbp);
    j["duration_years"] = quantiles_json(e.duration_years);
    j["value_sources"] = e.value_sources;
    j["duration_sources"] = e.duration_sources;
    j["sme"] = {{"scale_sample", e.sme_scale_sample},
                {"share_suppliers", e.sme_scale_sample ? json(e.sme_share_suppliers) : json()},
                {"suitability_sample", e.suitability_sample},
                {"suitability_true", e.suitability_true}};
    j["suppliers"] = {{"count", e.suppliers},
                      {"awards_with_value", e.awards_with_value},
                      {"awarded_value_gbp", e.awarded_value_gbp},
                      {"hhi", e.hhi}};
    json cats = json::object();
    for (const auto& c : e.categories)
        cats[c.name] = {{"tenders", c.tenders},
                        {"annual_value_total_gbp", c.annual_value_total_gbp},
                        {"annual_value",
                         {{"n", c.annual_value.n},
                          {"median", c.annual_value.median},
                          {"log_sd", c.annual_value.log_sd}}},
                        {"duration_years", quantiles_json(c.duration_years)}};
    j["categories"] = cats;
    j["classified"] = e.classified;
    j["outside_cpv_divisions"] = e.outside_cpv;
    j["dropped"] = {{"total", e.drop_total}, {"by_reason", e.drop_counts}};
    json params = json::array();
    for (const auto& c : s.choices)
        params.push_back({{"key", c.key},
                          {"category", c.category},
                          {"base", c.base_value},
                          {"value", c.value ? json(*c.value) : json()},
                          {"sample", c.sample},
                          {"source", c.source},
                          {"note", c.note}});
    j["parameters"] = params;
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace tendersim::ocds

#include "manifest.hpp"

#include "core/params.hpp"
#include "sha256.hpp"
#include "text/text.hpp"
#include "version.hpp"

#include <cstdio>
#include <sstream>

namespace tendersim {

std::string sha256_of(const std::string& text) {
    return sha256_hex(text);
}

namespace {

std::string json_value(ParamKind kind, const std::string& text) {
    return kind == ParamKind::Choice ? json_string(text) : text;
}

} // namespace

std::string source_files_json(const std::vector<SourceFile>& sources, const std::string& indent) {
    std::ostringstream o;
    o << "[";
    for (std::size_t k = 0; k < sources.size(); ++k)
        o << (k ? "," : "") << "\n"
          << indent << "  {\"path\": " << json_string(sources[k].path)
          << ", \"sha256\": " << json_string(sources[k].sha256) << "}";
    o << (sources.empty() ? "" : "\n" + indent) << "]";
    return o.str();
}

std::string adoption_json(const Adoption& a) {
    std::ostringstream o;
    o << "{\"year\": " << a.year << ", \"scope\": " << json_string(scope_word(a.scope));
    if (a.scope == Adoption::Scope::Region) o << ", \"region\": " << a.region;
    if (a.scope == Adoption::Scope::Councils) {
        o << ", \"councils\": [";
        for (std::size_t k = 0; k < a.councils.size(); ++k) o << (k ? ", " : "") << a.councils[k];
        o << "]";
    }
    ScenarioSpec patched;
    patched.policy = a.patch;
    o << ", \"policy\": {";
    for (std::size_t k = 0; k < a.keys.size(); ++k) {
        o << (k ? ", " : "") << json_string(a.keys[k]) << ": ";
        const ParamDef* def = find_param("policy." + a.keys[k]);
        o << (def ? json_value(def->kind, param_value_text(*def, patched)) : "null");
    }
    o << "}}";
    return o.str();
}

std::string framework_json(const FrameworkSpec& f) {
    std::ostringstream o;
    auto flag = [](bool b) { return b ? "true" : "false"; };
    o << "{\"name\": " << json_string(f.name) << ", \"regions\": [";
    for (std::size_t k = 0; k < f.regions.size(); ++k) o << (k ? ", " : "") << f.regions[k];
    o << "], \"start_year\": " << f.start_year << ", \"term_years\": " << f.term_years
      << ", \"open\": " << flag(f.open) << ", \"reopen_years\": " << f.reopen_years
      << ", \"dynamic\": " << flag(f.dynamic) << ", \"fee_share\": " << format_number(f.fee_share)
      << ", \"onboarding_cost_gbp\": " << format_number(f.onboarding_cost_gbp)
      << ", \"direct_award\": " << flag(f.direct_award)
      << ", \"direct_award_max_gbp\": " << format_number(f.direct_award_max_gbp)
      << ", \"partnership\": " << flag(f.partnership) << ", \"lots\": [";
    for (std::size_t l = 0; l < f.lots.size(); ++l) {
        const FrameworkLotSpec& lot = f.lots[l];
        o << (l ? ", " : "") << "{\"name\": " << json_string(lot.name) << ", \"categories\": [";
        for (std::size_t k = 0; k < lot.categories.size(); ++k)
            o << (k ? ", " : "") << json_string(lot.categories[k]);
        o << "], \"max_suppliers\": " << lot.max_suppliers
          << ", \"price_weight\": " << format_number(lot.price_weight)
          << ", \"social_value_weight\": " << format_number(lot.social_value_weight) << "}";
    }
    o << "]}";
    return o.str();
}

std::string manifest_json(const ScenarioSpec& spec, const ManifestInfo& info) {
    std::ostringstream o;
    o << "{\n  \"tool\": \"tendersim\",\n  \"version\": " << json_string(kVersion)
      << ",\n  \"git_commit\": " << json_string(kGitCommit)
      << ",\n  \"scenario\": " << json_string(spec.name)
      << ",\n  \"scenario_file\": " << json_string(info.scenario_path)
      << ",\n  \"scenario_sha256\": " << json_string(info.scenario_sha256)
      << ",\n  \"scenario_sources\": " << source_files_json(spec.sources, "  ")
      << ",\n  \"schema_version\": " << spec.schema_version << ",\n  \"threads\": " << info.threads
      << ",\n  \"wall_seconds\": " << format_number(info.wall_seconds)
      << ",\n  \"replicate_seeds\": [";
    for (std::size_t k = 0; k < info.replicate_seeds.size(); ++k)
        o << (k ? ", " : "") << info.replicate_seeds[k];
    o << "],\n  \"final_state_hashes\": [";
    for (std::size_t k = 0; k < info.final_state_hashes.size(); ++k)
        o << (k ? ", " : "") << json_string(hex64(info.final_state_hashes[k]));
    o << "],\n  \"bid_cap\": {\"max_bids\": " << kMaxBids
      << ", \"tenders\": " << info.bid_cap.tenders
      << ", \"tenders_capped\": " << info.bid_cap.tenders_capped
      << ", \"bids_dropped\": " << info.bid_cap.bids_dropped << "}";
    if (!info.from_state.empty())
        o << ",\n  \"from_state\": {\"file\": " << json_string(info.from_state)
          << ", \"sha256\": " << json_string(info.from_state_sha256)
          << ", \"saved_after_year\": " << info.from_state_year << "}";
    if (!info.saved_state.empty()) o << ",\n  \"saved_state\": " << json_string(info.saved_state);
    o << ",\n  \"parameters\": {\n";
    bool first = true;
    for (const auto& def : scenario_params()) {
        o << (first ? "" : ",\n") << "    " << json_string(std::string(def.key)) << ": "
          << json_value(def.kind, param_value_text(def, spec));
        first = false;
    }
    o << "\n  },\n  \"adoptions\": [";
    for (std::size_t k = 0; k < spec.adoptions.size(); ++k)
        o << (k ? "," : "") << "\n    " << adoption_json(spec.adoptions[k]);
    o << (spec.adoptions.empty() ? "" : "\n  ") << "],\n  \"categories\": [\n";
    for (std::size_t c = 0; c < spec.categories.size(); ++c) {
        o << "    {\"name\": " << json_string(spec.categories[c].name);
        for (const auto& def : category_params())
            o << ", " << json_string(std::string(def.key)) << ": "
              << json_value(def.kind, param_value_text(def, spec.categories[c]));
        o << "}" << (c + 1 < spec.categories.size() ? "," : "") << "\n";
    }
    o << "  ],\n  \"frameworks\": [";
    for (std::size_t k = 0; k < spec.frameworks.size(); ++k)
        o << (k ? "," : "") << "\n    " << framework_json(spec.frameworks[k]);
    o << (spec.frameworks.empty() ? "" : "\n  ") << "]\n}\n";
    return o.str();
}

} // namespace tendersim

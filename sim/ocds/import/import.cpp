#include "import.hpp"

#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/input_file_error.hpp"
#include "io/names.hpp"
#include "io/scenario_loader.hpp"
#include "outputs.hpp"
#include "parameters.hpp"
#include "text/text.hpp"

#include <cmath>

namespace tendersim::ocds {

std::pair<std::string, double> parse_rate(const std::string& text) {
    const auto eq = text.find('=');
    const std::string code = text.substr(0, eq);
    const bool code_ok = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
                             return c >= 'A' && c <= 'Z';
                         });
    const auto rate = eq == std::string::npos ? std::nullopt : parse_double(text.substr(eq + 1));
    if (!code_ok || !rate || !std::isfinite(*rate) || *rate <= 0)
        throw InputError("--rate " + text +
                         ": expected CUR=GBP_PER_UNIT, a 3-letter upper-case ISO 4217 code and a "
                         "positive number, e.g. --rate AMD=0.0019");
    return {code, *rate};
}

ImportSummary run_import(const ImportConfig& config) {
    namespace fs = std::filesystem;
    if (config.inputs.empty()) throw InputError("no OCDS files or directories given");
    if (config.out.empty()) throw InputError("--out SCENARIO.toml is required");
    std::string name = config.name.empty() ? config.out.stem().string() : config.name;
    if (!valid_name(name))
        throw InputError("scenario name " + toml_string(name) + ": " + name_expectation() +
                         (config.name.empty() ? " (taken from --out; pass --name)" : ""));
    // The base is checked before the (possibly long) read of the register.
    const ScenarioSpec base = load_scenario_file(config.base.string());

    const RegisterEstimates e = estimate_register(config.inputs, config.options);
    const ScenarioEstimate s = choose_parameters(e, base, config.options.min_sample);

    const fs::path out_dir = fs::absolute(config.out).parent_path();
    ScenarioHeader header;
    header.name = name;
    header.base =
        fs::absolute(config.base).lexically_normal().lexically_proximate(out_dir).generic_string();
    header.description = "Estimated from an OCDS register: " + std::to_string(e.tenders) +
                         " tenders in " + std::to_string(e.files.size()) + " file(s)";
    const std::string scenario = scenario_text(header, s);
    // The written scenario must load (and resolve its base) exactly as `run` will load it.
    load_scenario_text(scenario, config.out.string());

    ImportSummary summary;
    summary.scenario = config.out;
    summary.report = config.out.string() + ".report.md";
    summary.estimates = config.out.string() + ".estimates.json";
    write_file_checked(summary.estimates, estimates_json(e, s, config.options));
    write_file_checked(summary.report, report_markdown(header, e, s, config.options));
    write_file_checked(summary.scenario, scenario);
    summary.tenders = e.tenders;
    summary.dropped = e.drop_total;
    for (const auto& c : s.choices) (c.value ? summary.estimated : summary.kept) += 1;
    return summary;
}

} // namespace tendersim::ocds

// libFuzzer target: the OCDS importer's reader, extraction, merging, estimates and output text on
// arbitrary bytes. The first byte picks the format (even: one JSON package, odd: JSON Lines); the
// rest is the file. Bad input must end in an InputFileError (InputError) naming the file and
// record; anything else (a crash, a sanitizer report, another exception) is a finding.
#include "fuzz_common.hpp"
#include "io/errors.hpp"
#include "io/scenario_loader.hpp"
#include "ocds/import/estimate.hpp"
#include "ocds/import/outputs.hpp"
#include "ocds/import/parameters.hpp"

#include <sstream>
#include <string>

namespace {
const tendersim::ScenarioSpec& small_spec() {
    // The small market with the eight default categories, the CPV table's, so estimates reach
    // every category parameter and the written [[category]] list.
    static const tendersim::ScenarioSpec spec = [] {
        auto s = tendersim::load_scenario_file(std::string(TENDERSIM_FUZZ_DATA) + "/small.toml");
        s.categories = tendersim::default_categories();
        return s;
    }();
    return spec;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tendersim;
    using namespace tendersim::ocds;
    if (size == 0) return 0;
    const auto format = (data[0] & 1) ? FileFormat::JsonLines : FileFormat::Json;
    std::istringstream in(std::string(fuzz::as_text(data + 1, size - 1)));
    ImportOptions options;
    options.gbp_per_unit = {{"AMD", 0.0016}, {"MXN", 0.041}, {"EUR", 0.85}};
    options.min_sample = 2; // small inputs still reach every estimate
    options.max_listed_drops = 50;
    try {
        Register reg(options);
        read_releases(in, format, "fuzz.json", reg);
        const RegisterEstimates e = estimate_from(reg, {"fuzz.json"});
        const ScenarioEstimate s = choose_parameters(e, small_spec(), options.min_sample);
        const ScenarioHeader header{"fuzz", "fuzzed register", "small.toml"};
        // The scenario text must be one the loader accepts: an import never writes a bad file.
        const std::string text = scenario_text(header, s);
        load_scenario_text(text, std::string(TENDERSIM_FUZZ_DATA) + "/fuzz-import.toml");
        (void)report_markdown(header, e, s, options);
        (void)estimates_json(e, s, options);
    } catch (const InputError&) {
    }
    return 0;
}

// libFuzzer target: the scenario loader (TOML text -> validated ScenarioSpec). Bad input must end
// in ScenarioError; anything else (a crash, a sanitizer report, another exception) is a finding.
#include "fuzz_common.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

#include <string>

namespace {
// A relative `base` resolves against the data directory (small.toml is there).
const std::string kSource = std::string(TENDERSIM_FUZZ_DATA) + "/fuzz.toml";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = tendersim::fuzz::as_text(data, size);
    if (tendersim::fuzz::names_special_file(text)) return 0;
    try {
        const tendersim::ScenarioSpec spec = tendersim::load_scenario_text(text, kSource);
        (void)spec;
    } catch (const tendersim::ScenarioError&) {
    }
    return 0;
}

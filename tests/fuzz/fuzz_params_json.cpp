// libFuzzer target: `--params-json` (a flat JSON object -> key=value overrides), each override
// then applied to a small scenario with apply_override, as `run`/`sweep` do. Bad input must end
// in an InputFileError (ScenarioError from apply_override).
#include "experiment/flat_json.hpp"
#include "fuzz_common.hpp"
#include "fuzz_small_spec.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tendersim;
    const std::string_view text = fuzz::as_text(data, size);
    try {
        ScenarioSpec spec = fuzz::small_spec();
        for (const auto& [key, value] : experiment::parse_flat_json(text, "--params-json"))
            apply_override(spec, key + "=" + value, "--params-json");
    } catch (const InputFileError&) {
    }
    return 0;
}

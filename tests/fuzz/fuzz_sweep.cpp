// libFuzzer target: the sweep parser (sweep TOML -> SweepSpec, its base scenario resolved in
// tests/fuzz/data), then every varied parameter set to the ends of its range and printed as
// runs.csv would print it. Bad input must end in an InputFileError (SweepFileError, or
// ScenarioError for the base scenario).
#include "experiment/sweep_spec.hpp"
#include "fuzz_common.hpp"
#include "io/input_file_error.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tendersim;
    const std::string_view text = fuzz::as_text(data, size);
    if (fuzz::names_special_file(text)) return 0;
    try {
        experiment::SweepSpec sweep =
            experiment::load_sweep_text(text, "fuzz-sweep.toml", TENDERSIM_FUZZ_DATA);
        for (const experiment::SweepParam& p : sweep.params) {
            std::vector<double> values = p.range.levels;
            if (values.empty()) values = {p.range.lo, p.range.hi};
            for (const double v : values) {
                ScenarioSpec spec = sweep.base;
                experiment::set_param(spec, p, v);
                (void)experiment::param_text(p, v);
            }
        }
    } catch (const InputFileError&) {
    }
    return 0;
}

#pragma once
// The small scenario several fuzz targets start from (tests/fuzz/data/small.toml), read once.
#include "io/scenario_loader.hpp"

#include <string>

namespace tendersim::fuzz {

inline const ScenarioSpec& small_spec() {
    static const ScenarioSpec spec =
        load_scenario_file(std::string(TENDERSIM_FUZZ_DATA) + "/small.toml");
    return spec;
}

} // namespace tendersim::fuzz

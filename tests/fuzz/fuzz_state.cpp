// libFuzzer target: a saved state's market payload (sim/io/state_codec.cpp) for the small scenario
// (tests/fuzz/data/small.toml). A state file's checksum keeps accidental damage from reaching the
// decoder; a crafted file (or one with its checksum recomputed) does reach it, so every length,
// count and id must be checked before the engine sees it. A finding: a crash or sanitizer report,
// an exception other than StateDecodeError, or a payload that decodes but does not encode back to
// the same bytes (a field read differently than it is written).
#include "fuzz_small_spec.hpp"
#include "io/scenario_loader.hpp"
#include "io/state_codec.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const tendersim::SimulationState state =
            tendersim::decode_state(bytes, tendersim::fuzz::small_spec());
        if (tendersim::encode_state(state) != bytes) {
            std::fprintf(stderr, "fuzz_state: a decoded state encodes to other bytes\n");
            std::abort();
        }
    } catch (const tendersim::StateDecodeError&) {
    }
    return 0;
}

#pragma once
// A replicate's state as bytes and back (the payload of a state file, docs/state-format.md).
// Every field of the market is listed once, in state_codec.cpp, and written in a fixed
// little-endian layout; the market's spec is not part of it (the state file carries the scenario
// as text beside it).
#include "core/simulation.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace tendersim {

// A payload that cannot be a market of its spec: it ends early, a length is impossible, or an id
// points outside its table. The message says which field.
class StateDecodeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string encode_state(const SimulationState& state);

// Rebuilds the state encoded in `bytes` for a market built from `spec` (the spec it was saved
// with). Checks every length and id against the spec and the tables it has read, so that no
// payload, however damaged, yields a market the engine would index out of range.
SimulationState decode_state(std::string_view bytes, const ScenarioSpec& spec);

} // namespace tendersim

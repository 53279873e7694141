#pragma once
// Stream ids for the analysis library's draws, all in StreamPurpose::Sweep. Listed in one place so
// no two purposes share a stream: Stream(seed, 0, StreamPurpose::Sweep, id) for each.
#include <cstdint>

namespace tendersim::analysis::stream_id {

inline constexpr std::uint64_t latin_hypercube = 0xA001;
inline constexpr std::uint64_t morris = 0xA002;
inline constexpr std::uint64_t sobol_scramble = 0xA003;
inline constexpr std::uint64_t saltelli_random = 0xA004;
inline constexpr std::uint64_t sobol_bootstrap = 0xA005;
inline constexpr std::uint64_t abc_width_null = 0xA006;

} // namespace tendersim::analysis::stream_id

#pragma once
// Small text helpers shared by the experiment files: near-miss suggestions for error messages,
// checksums for crash-safe records, and number parsing that never depends on the locale.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

// " (did you mean 'X'?)" for the closest candidate within a small edit distance, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// FNV-1a 64-bit: detects torn or corrupted records (not an adversarial hash).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL);
std::string hex64(std::uint64_t v);

// Splits on a single character; empty fields are kept.
std::vector<std::string_view> split(std::string_view text, char sep);

// Exact parse of a whole field (from_chars: locale-independent, round-trips format_number).
// "nan", "inf" and "-inf" are accepted because format_number writes them.
std::optional<double> parse_double(std::string_view text);
std::optional<std::uint64_t> parse_u64(std::string_view text);

} // namespace tendersim::experiment

#pragma once
// Text utilities shared by every layer (the core's registry, the input readers, result writers
// and experiment files): numbers in their shortest round-trip form, JSON strings, checksums in
// hex, near-miss suggestions for error messages, splitting and locale-independent parsing.
// Depends on nothing else in tendersim, so the core may use it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim {

// Shortest round-trip form; whole numbers below 1e15 without exponent ("3", "0.25", "1e+20").
std::string format_number(double value);
// A wall time for people: "0.56 s", "12.3 s", "245 s" (three significant figures at most).
std::string format_seconds(double seconds);

// A boolean in a CSV file: TRUE / FALSE, the spelling that R's read.csv, data.table::fread and
// pandas all read as logical (R's read.csv leaves true/false as character). JSON and TOML keep
// their own lower-case literals.
inline const char* csv_bool(bool value) {
    return value ? "TRUE" : "FALSE";
}

// A JSON string literal with quotes, escaping ", \ and control characters.
std::string json_string(const std::string& text);
// A TOML basic string literal with quotes; unlike JSON, TOML also escapes \r and DEL.
std::string toml_string(const std::string& text);

// FNV-1a 64-bit: detects torn or corrupted records (not an adversarial hash).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL);
// 16 lower-case hex digits.
std::string hex64(std::uint64_t v);

// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);
// " (did you mean 'X'?)" for the closest candidate within a small edit distance; failing that, for
// a dotted word, the only candidate with the same last part (a key in the wrong section); else "".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// Splits on a single character; empty fields are kept.
std::vector<std::string_view> split(std::string_view text, char sep);

// Exact parse of a whole field (from_chars: locale-independent, round-trips format_number).
// "nan", "inf" and "-inf" are accepted because format_number writes them.
std::optional<double> parse_double(std::string_view text);
std::optional<std::uint64_t> parse_u64(std::string_view text);

} // namespace tendersim

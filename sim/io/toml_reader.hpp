#pragma once
// One reader for tendersim's TOML input files (scenario, sweep, validation targets): a parsed
// toml++ table with the file's name and kind, typed getters with range checks, unknown-key
// reports with a did-you-mean suggestion, and the line of every error. Each failure throws the
// InputFileError of the file's kind: "FILE:LINE: key 'K': expected E, got G".
#include "input_file_error.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace tendersim {

// The line a node or key starts on (1-based; 0 when toml++ does not know).
std::uint32_t line_of(const toml::node& node);
std::uint32_t line_of(const toml::key& key);

// What the user wrote, for "got ..." ("the number 1.4", "a string \"x\"", "a table").
std::string describe(const toml::node& node);

class TomlReader {
  public:
    // Parses text; a syntax error throws "FILE:LINE: TOML syntax error: ...".
    TomlReader(InputKind kind, std::string file, std::string_view text);
    // A table parsed elsewhere (e.g. a --set value), located as file.
    TomlReader(InputKind kind, std::string file, toml::table root)
        : kind_(kind), file_(std::move(file)), root_(std::move(root)) {}

    const std::string& file() const { return file_; }
    InputKind kind() const { return kind_; }
    const toml::table& root() const { return root_; }
    // For translating an old format version before reading (scenario_schema.hpp).
    toml::table& root() { return root_; }

    // "expected EXPECTED, got <what the node holds>" at the node's line.
    [[noreturn]] void fail(const toml::node& node, const std::string& key,
                           const std::string& expected) const;
    // Any message at a line (0: the file as a whole).
    [[noreturn]] void fail_at(std::uint32_t line, const std::string& key,
                              const std::string& message) const;
    // "MESSAGE (did you mean 'X'?)" for a key that is not one of known.
    [[noreturn]] void unknown_key(std::uint32_t line, const std::string& key,
                                  const std::string& message, std::string_view word,
                                  std::span<const std::string> known) const;
    [[noreturn]] void unknown_key(std::uint32_t line, const std::string& key,
                                  const std::string& message, std::string_view word,
                                  std::span<const std::string_view> known) const;

    // Typed values; a wrong type or a value out of range fails naming key.
    std::int64_t integer(const toml::node& node, const std::string& key, std::int64_t lo,
                         std::int64_t hi) const;
    // An integer or a floating-point number, as a double.
    double number(const toml::node& node, const std::string& key,
                  const std::string& expected = "a number") const;
    bool boolean(const toml::node& node, const std::string& key) const;
    std::string string(const toml::node& node, const std::string& key) const;
    // A table or an array; expected says what was wanted ("a table [design]").
    const toml::table& table(const toml::node& node, const std::string& key,
                             const std::string& expected) const;
    const toml::array& array(const toml::node& node, const std::string& key,
                             const std::string& expected) const;
    // A [[name]] list: an array whose elements are all tables.
    const toml::array& array_of_tables(const toml::node& node, const std::string& key,
                                       const std::string& expected) const;

  private:
    InputKind kind_;
    std::string file_;
    toml::table root_;
};

} // namespace tendersim

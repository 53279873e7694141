#pragma once
// Versions of the scenario file format, and the one place old versions are translated to the
// current one (after OpenMalaria's SchemaTranslator): a small function per version step, applied
// in order to the parsed TOML table before the loader reads it. A format change bumps
// kSchemaVersion (core/spec.hpp) and adds the step from the previous version here, so every
// older file keeps loading and gives the spec its translation would give.
#include "toml_reader.hpp"

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>
#include <toml++/toml.h>

namespace tendersim {

// Version 0: files written before schema_version existed (no schema_version key).
inline constexpr std::int64_t kUnversionedSchema = 0;

// Translates a table of version `from` into version from + 1 in place.
struct SchemaStep {
    std::int64_t from;
    std::string_view change; // what changed, for the note on stderr
    void (*translate)(toml::table& root);
};

// The steps from kUnversionedSchema up to kSchemaVersion, in order.
std::span<const SchemaStep> scenario_schema_steps();

// Reads the reader's schema_version (missing: kUnversionedSchema), refuses a version this tendersim
// does not know (newer than current, or not a whole number), and translates an older one step by
// step, leaving schema_version = current. One note per translated file goes to `note`. Returns the
// version the file was written in. steps and current are parameters so tests can check the
// mechanism on a step list of their own.
std::int64_t upgrade_scenario(TomlReader& reader, std::ostream& note,
                              std::span<const SchemaStep> steps, std::int64_t current);
std::int64_t upgrade_scenario(TomlReader& reader, std::ostream& note);

} // namespace tendersim

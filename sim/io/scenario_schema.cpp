#include "scenario_schema.hpp"

#include "core/spec.hpp"

#include <ostream>
#include <stdexcept>
#include <string>

namespace tendersim {
namespace {

// 0 -> 1: schema_version became required; no key changed meaning.
void add_schema_version(toml::table&) {}

// 1 -> 2: pricing against competition replaced the fixed markup steps per win and loss.
void drop_markup_steps(toml::table& root) {
    if (auto* suppliers = root["suppliers"].as_table()) {
        suppliers->erase("markup_loss_step");
        suppliers->erase("markup_win_step");
    }
}

constexpr SchemaStep kSteps[] = {
    {0, "schema_version added; no other change", add_schema_version},
    {1,
     "suppliers.markup_loss_step and suppliers.markup_win_step dropped: bidders now price "
     "against the competition they expect",
     drop_markup_steps},
};

} // namespace

std::span<const SchemaStep> scenario_schema_steps() {
    return kSteps;
}

std::int64_t upgrade_scenario(TomlReader& reader, std::ostream& note,
                              std::span<const SchemaStep> steps, std::int64_t current) {
    toml::table& root = reader.root();
    const std::string expected =
        current == 1 ? std::string("1 (the version this tendersim reads)")
                     : "1 to " + std::to_string(current) + " (the versions this tendersim reads)";
    std::int64_t version = kUnversionedSchema;
    if (const toml::node* node = root.get("schema_version")) {
        const auto* v = node->as_integer();
        if (!v || v->get() < 1) reader.fail(*node, "schema_version", expected);
        version = v->get();
        if (version > current)
            reader.fail_at(line_of(*node), "schema_version",
                           "expected " + expected + ", got " + describe(*node) +
                               ": the file is for a newer tendersim");
    }
    if (version == current) return version;
    std::string changes;
    for (std::int64_t v = version; v < current; ++v) {
        const SchemaStep* step = nullptr;
        for (const auto& s : steps)
            if (s.from == v) step = &s;
        if (!step) // a gap in the step list is a bug, not bad input
            throw std::logic_error("no scenario schema step from version " + std::to_string(v));
        step->translate(root);
        changes += (changes.empty() ? "" : "; ") + std::to_string(v) + " -> " +
                   std::to_string(v + 1) + ": " + std::string(step->change);
    }
    root.insert_or_assign("schema_version", current);
    const std::string from = version == kUnversionedSchema
                                 ? "no schema_version"
                                 : "schema_version " + std::to_string(version);
    note << reader.file() << ": note: " << from << ", read as version " << current << " ("
         << changes << "); set schema_version = " << current << " to silence this note\n";
    return version;
}

std::int64_t upgrade_scenario(TomlReader& reader, std::ostream& note) {
    return upgrade_scenario(reader, note, scenario_schema_steps(), kSchemaVersion);
}

} // namespace tendersim

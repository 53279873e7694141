#include "targets.hpp"

#include "core/metrics.hpp"
#include "io/file_io.hpp"
#include "io/toml_reader.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace tendersim::validation {
namespace {

// Metric names the engine writes (any category's, for per-category metrics).
std::set<std::string> known_metrics() {
    ScenarioSpec spec;
    spec.categories = default_categories();
    YearMetrics y;
    y.by_category.resize(spec.categories.size());
    std::set<std::string> names;
    for (const auto& [name, value] : metric_rows(y, spec)) names.insert(name);
    return names;
}

} // namespace

bool applies_to(const Target& t, const std::string& scenario) {
    return t.scenarios.empty() ||
           std::find(t.scenarios.begin(), t.scenarios.end(), scenario) != t.scenarios.end();
}

namespace {

// One [[target]] table; ids holds the ids read so far.
Target read_target(const TomlReader& r, const toml::node& node,
                   const std::set<std::string>& metrics, std::set<std::string>& ids) {
    static const std::vector<std::string> kFields = {
        "id",    "metric", "description", "published", "lower",
        "upper", "source", "note",        "gate",      "scenarios"};
    const auto& t = *node.as_table();
    for (auto&& [k, v] : t)
        if (std::find(kFields.begin(), kFields.end(), k.str()) == kFields.end())
            r.unknown_key(line_of(k), "target." + std::string(k.str()),
                          "unknown key; expected id, metric, description, published, lower, "
                          "upper, source, note, gate or scenarios",
                          k.str(), kFields);
    Target target;
    auto text = [&](const char* field, std::string& out, bool required) {
        const std::string key = std::string("target.") + field;
        if (const toml::node* n = t.get(field))
            out = r.string(*n, key);
        else if (required)
            r.fail_at(line_of(node), key, "missing; expected a string");
    };
    auto number = [&](const char* field) {
        const std::string key = std::string("target.") + field;
        const toml::node* n = t.get(field);
        if (!n) r.fail_at(line_of(node), key, "missing; expected a number");
        return r.number(*n, key);
    };
    text("id", target.id, true);
    text("metric", target.metric, true);
    text("description", target.description, true);
    text("source", target.source, true);
    text("note", target.note, false);
    target.published = number("published");
    target.lower = number("lower");
    target.upper = number("upper");
    if (!(target.lower <= target.published && target.published <= target.upper))
        r.fail_at(line_of(node), "target.lower",
                  "expected lower <= published <= upper for target '" + target.id + "'");
    if (!metrics.count(target.metric))
        r.fail_at(line_of(*t.get("metric")), "target.metric",
                  "unknown metric '" + target.metric + "' (see docs/metrics.md)");
    if (!ids.insert(target.id).second)
        r.fail_at(line_of(node), "target.id", "duplicate id '" + target.id + "'");
    if (const toml::node* g = t.get("gate")) target.gate = r.boolean(*g, "target.gate");
    if (const toml::node* sc = t.get("scenarios"))
        for (const auto& s : r.array(*sc, "target.scenarios", "a list of scenario names"))
            target.scenarios.push_back(r.string(s, "target.scenarios"));
    return target;
}

} // namespace

TargetSet load_targets(const std::string& path) {
    TargetSet set;
    set.file = path;
    const TomlReader r(InputKind::Targets, path, read_input_file(path, "targets file"));
    const toml::table& root = r.root();
    for (auto&& [k, v] : root) {
        const std::string key(k.str());
        if (key == "schema_version") {
            if (!v.is_integer() || v.as_integer()->get() != 1) r.fail(v, key, "1");
        } else if (key == "window_years") {
            if (!v.is_integer() || v.as_integer()->get() < 1)
                r.fail(v, key, "a whole number of years, at least 1");
            set.window_years = v.as_integer()->get();
        } else if (key != "target") {
            r.fail_at(line_of(k), key,
                      "unknown key; expected schema_version, window_years or [[target]]");
        }
    }
    const auto* list = root["target"].as_array();
    if (!list || !list->is_array_of_tables() || list->empty())
        r.fail_at(1, "target", "expected at least one [[target]] table");
    const auto metrics = known_metrics();
    std::set<std::string> ids;
    for (const auto& node : *list) set.targets.push_back(read_target(r, node, metrics, ids));
    return set;
}

} // namespace tendersim::validation

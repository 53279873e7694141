#include "targets.hpp"

#include "core/metrics.hpp"
#include "io/file_io.hpp"
#include "io/scenario_error.hpp"

#include <algorithm>
#include <set>
#include <toml++/toml.h>

namespace tendersim::validation {
namespace {

std::uint32_t line_of(const toml::node& n) {
    return n.source().begin.line;
}

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

TargetSet load_targets(const std::string& path) {
    TargetSet set;
    set.file = path;
    toml::table root;
    const std::string source = read_input_file(path, "targets file");
    try {
        root = toml::parse(source, path);
    } catch (const toml::parse_error& e) {
        throw ScenarioError(path, e.source().begin.line, "",
                            "TOML syntax error: " + std::string(e.description()));
    }
    const auto metrics = known_metrics();
    for (auto&& [k, v] : root) {
        const std::string key(k.str());
        if (key == "schema_version") {
            if (!v.is_integer() || v.as_integer()->get() != 1)
                throw ScenarioError(path, line_of(v), key, "expected 1");
        } else if (key == "window_years") {
            if (!v.is_integer() || v.as_integer()->get() < 1)
                throw ScenarioError(path, line_of(v), key,
                                    "expected a whole number of years, at least 1");
            set.window_years = v.as_integer()->get();
        } else if (key != "target") {
            throw ScenarioError(path, k.source().begin.line, key,
                                "unknown key; expected schema_version, window_years or [[target]]");
        }
    }
    const auto* list = root["target"].as_array();
    if (!list || !list->is_array_of_tables() || list->empty())
        throw ScenarioError(path, 1, "target", "expected at least one [[target]] table");
    std::set<std::string> ids;
    for (const auto& node : *list) {
        const auto& t = *node.as_table();
        Target target;
        auto text = [&](const char* field, std::string& out, bool required) {
            const toml::node* n = t.get(field);
            if (!n) {
                if (required)
                    throw ScenarioError(path, line_of(node), std::string("target.") + field,
                                        "missing; expected a string");
                return;
            }
            if (!n->is_string())
                throw ScenarioError(path, line_of(*n), std::string("target.") + field,
                                    "expected a string");
            out = n->as_string()->get();
        };
        auto number = [&](const char* field) {
            const toml::node* n = t.get(field);
            if (!n || !(n->is_number()))
                throw ScenarioError(path, n ? line_of(*n) : line_of(node),
                                    std::string("target.") + field, "expected a number");
            return n->is_integer() ? static_cast<double>(n->as_integer()->get())
                                   : n->as_floating_point()->get();
        };
        for (auto&& [k, v] : t) {
            static const std::set<std::string> allowed = {
                "id",    "metric", "description", "published", "lower",
                "upper", "source", "note",        "gate",      "scenarios"};
            if (!allowed.count(std::string(k.str())))
                throw ScenarioError(path, k.source().begin.line, "target." + std::string(k.str()),
                                    "unknown key; expected id, metric, description, published, "
                                    "lower, upper, source, note, gate or scenarios");
        }
        text("id", target.id, true);
        text("metric", target.metric, true);
        text("description", target.description, true);
        text("source", target.source, true);
        text("note", target.note, false);
        target.published = number("published");
        target.lower = number("lower");
        target.upper = number("upper");
        if (!(target.lower <= target.published && target.published <= target.upper))
            throw ScenarioError(path, line_of(node), "target.lower",
                                "expected lower <= published <= upper for target '" + target.id +
                                    "'");
        if (!metrics.count(target.metric))
            throw ScenarioError(path, line_of(*t.get("metric")), "target.metric",
                                "unknown metric '" + target.metric + "' (see docs/metrics.md)");
        if (!ids.insert(target.id).second)
            throw ScenarioError(path, line_of(node), "target.id",
                                "duplicate id '" + target.id + "'");
        if (const toml::node* g = t.get("gate")) {
            if (!g->is_boolean())
                throw ScenarioError(path, line_of(*g), "target.gate", "expected true or false");
            target.gate = g->as_boolean()->get();
        }
        if (const toml::node* sc = t.get("scenarios")) {
            const auto* arr = sc->as_array();
            if (!arr)
                throw ScenarioError(path, line_of(*sc), "target.scenarios",
                                    "expected a list of scenario names");
            for (const auto& s : *arr) {
                if (!s.is_string())
                    throw ScenarioError(path, line_of(s), "target.scenarios",
                                        "expected scenario names");
                target.scenarios.push_back(s.as_string()->get());
            }
        }
        set.targets.push_back(std::move(target));
    }
    return set;
}

} // namespace tendersim::validation

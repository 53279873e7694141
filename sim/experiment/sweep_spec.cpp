#include "experiment/sweep_spec.hpp"

#include "core/rng.hpp"
#include "experiment/metrics_select.hpp"
#include "experiment/points_file.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/input_file_error.hpp"
#include "io/manifest.hpp"
#include "io/names.hpp"
#include "io/scenario_loader.hpp"
#include "io/toml_reader.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace tendersim::experiment {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> words_of(std::string_view choices) {
    std::vector<std::string> out;
    for (const auto w : split(choices, '|')) out.emplace_back(w);
    return out;
}

// A registry parameter's value as the design's number: Real and Int their value, Bool 0/1,
// Choice the index of the word in the registry's list. Type and range as the loader checks.
double param_value(const TomlReader& r, const ParamDef& def, const std::vector<std::string>& words,
                   const toml::node& node, const std::string& key) {
    const std::string range = format_number(def.min) + " to " + format_number(def.max);
    switch (def.kind) {
    case ParamKind::Real: {
        const std::string expected = "a number from " + range + " (" + std::string(def.unit) + ")";
        const double v = r.number(node, key, expected);
        if (!(v >= def.min && v <= def.max)) r.fail(node, key, expected);
        return v;
    }
    case ParamKind::Int: {
        // Compared as integers (9000000000000000001 is 9e18 as a double), and a design
        // value is a double, so only integers it holds exactly (|v| <= 2^53) are accepted.
        const auto* i = node.as_integer();
        constexpr std::int64_t kExact = std::int64_t{1} << 53;
        if (!i || i->get() < static_cast<std::int64_t>(def.min) ||
            i->get() > static_cast<std::int64_t>(def.max) || i->get() > kExact ||
            i->get() < -kExact)
            r.fail(node, key,
                   "an integer from " + range +
                       (def.max > 9.0e15 ? " (at most 2^53 in a sweep)" : std::string()));
        return static_cast<double>(i->get());
    }
    case ParamKind::Bool:
        return r.boolean(node, key) ? 1.0 : 0.0;
    case ParamKind::Choice: {
        const auto* s = node.as_string();
        const auto it = s ? std::find(words.begin(), words.end(), s->get()) : words.end();
        if (it == words.end()) r.fail(node, key, "one of " + std::string(def.choices));
        return static_cast<double>(it - words.begin());
    }
    }
    return 0;
}

std::vector<std::string_view> registry_keys() {
    std::vector<std::string_view> keys;
    for (const auto& def : scenario_params()) keys.push_back(def.key);
    return keys;
}

const ParamDef& registry_param(const TomlReader& r, const std::string& key, std::uint32_t line,
                               const char* what) {
    const ParamDef* def = find_param(key);
    if (!def) {
        r.unknown_key(line, key,
                      std::string("unknown parameter; ") + what +
                          " must be scenario parameter keys from docs/parameters.md",
                      key, registry_keys());
    }
    if (key == "run.seed" || key == "run.replicates" || key == "run.years")
        r.fail_at(line, key,
                  std::string(what) + " cannot be run.seed, run.replicates or run.years: seeds "
                                      "and replicates come from the sweep's own seed and "
                                      "replicates, years from its top-level `years`");
    return *def;
}

// Every key of a [[parameter]] table is one it takes; a typo gets a did-you-mean.
void check_parameter_fields(const TomlReader& r, const toml::table& t) {
    static const std::vector<std::string> kFields{"key", "min", "max", "values"};
    for (auto&& [k, v] : t) {
        const std::string field(k.str());
        if (std::find(kFields.begin(), kFields.end(), field) == kFields.end())
            r.unknown_key(line_of(k), "parameter." + field,
                          "unknown key; a [[parameter]] has key, and min and max or values", field,
                          kFields);
    }
}

// The [[parameter]]'s `key`: a registry key, swept at most once. Fills key, line, def and, for
// a choice, its words.
SweepParam read_parameter_key(const TomlReader& r, const toml::table& t, std::uint32_t line,
                              std::set<std::string>& seen) {
    const toml::node* key_node = t.get("key");
    if (!key_node)
        r.fail_at(line, "parameter.key",
                  "missing; every [[parameter]] names a scenario key, e.g. "
                  "key = \"policy.price_weight\"");
    SweepParam p;
    p.key = r.string(*key_node, "parameter.key");
    p.line = line_of(*key_node);
    p.def = &registry_param(r, p.key, p.line, "swept parameters");
    if (!seen.insert(p.key).second)
        r.fail_at(p.line, p.key, "listed twice; give each parameter one [[parameter]] table");
    if (p.def->kind == ParamKind::Choice) p.choice_words = words_of(p.def->choices);
    return p;
}

// `values = [...]`: the levels as listed, each a valid value of the parameter, none twice.
analysis::ParamRange listed_levels(const TomlReader& r, const SweepParam& p,
                                   const toml::node& values) {
    const auto* arr = values.as_array();
    if (!arr || arr->empty()) r.fail(values, p.key + ".values", "a non-empty array");
    std::vector<double> levels;
    for (const auto& element : *arr) {
        const double v = param_value(r, *p.def, p.choice_words, element, p.key + ".values");
        if (std::find(levels.begin(), levels.end(), v) != levels.end())
            r.fail_at(line_of(element), p.key + ".values",
                      "expected distinct values, got " + describe(element) + " twice");
        levels.push_back(v);
    }
    return analysis::level_set(p.key, std::move(levels));
}

// A true/false or choice parameter without `values`: all its levels (min and max make no sense).
analysis::ParamRange all_levels(const TomlReader& r, const SweepParam& p, const toml::node* min,
                                const toml::node* max) {
    if (min || max)
        r.fail_at(line_of(min ? *min : *max), p.key,
                  "a true/false or choice parameter takes `values` (default: all of them), "
                  "not min and max");
    std::vector<double> levels;
    const std::size_t n = p.def->kind == ParamKind::Bool ? 2 : p.choice_words.size();
    for (std::size_t i = 0; i < n; ++i) levels.push_back(static_cast<double>(i));
    return analysis::level_set(p.key, std::move(levels));
}

// A numeric parameter's `min` and `max`: both present, both valid values, min <= max.
analysis::ParamRange min_max_range(const TomlReader& r, const SweepParam& p, std::uint32_t line,
                                   const toml::node* min, const toml::node* max) {
    if (!min || !max)
        r.fail_at(line, p.key, "expected min and max (or values) for a numeric parameter");
    const double lo = param_value(r, *p.def, p.choice_words, *min, p.key + ".min");
    const double hi = param_value(r, *p.def, p.choice_words, *max, p.key + ".max");
    if (lo > hi)
        r.fail_at(line_of(*max), p.key + ".max",
                  "expected max >= min (" + format_number(lo) + "), got " + describe(*max));
    return p.def->kind == ParamKind::Int ? analysis::integer_range(p.key, lo, hi)
                                         : analysis::continuous(p.key, lo, hi);
}

SweepParam read_parameter(const TomlReader& r, const toml::table& t, std::uint32_t line,
                          std::set<std::string>& seen) {
    check_parameter_fields(r, t);
    SweepParam p = read_parameter_key(r, t, line, seen);
    const toml::node* min = t.get("min");
    const toml::node* max = t.get("max");
    const toml::node* values = t.get("values");
    if (values && (min || max))
        r.fail_at(line_of(*values), p.key, "give either min and max, or values, not both");
    if (values)
        p.range = listed_levels(r, p, *values);
    else if (p.def->kind == ParamKind::Bool || p.def->kind == ParamKind::Choice)
        p.range = all_levels(r, p, min, max);
    else
        p.range = min_max_range(r, p, line, min, max);
    return p;
}

// [set]: fixed overrides in scenario-file layout ([set.policy] price_weight = 0.5, or dotted
// keys), flattened to registry keys.
void read_fixed(const TomlReader& r, const toml::table& t, const std::string& prefix,
                ScenarioSpec& base) {
    for (auto&& [k, v] : t) {
        const std::string key =
            prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const auto* sub = v.as_table()) {
            read_fixed(r, *sub, key, base);
            continue;
        }
        const ParamDef& def = registry_param(r, key, line_of(k), "[set] keys");
        SweepParam p;
        p.key = key;
        p.def = &def;
        if (def.kind == ParamKind::Choice) p.choice_words = words_of(def.choices);
        set_param(base, p, param_value(r, def, p.choice_words, v, key));
    }
}

std::size_t design_size(const TomlReader& r, const toml::table& design, const char* field,
                        std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                        std::uint32_t table_line, const std::string& type) {
    const toml::node* n = design.get(field);
    if (!n) {
        if (fallback >= 0) return static_cast<std::size_t>(fallback);
        r.fail_at(table_line, std::string("design.") + field,
                  "missing; design '" + type + "' needs " + field);
    }
    return static_cast<std::size_t>(r.integer(*n, std::string("design.") + field, lo, hi));
}

// A points file may hold many more bytes than a configuration file: 2^24 rows of SALib's
// 18-digit floats in a few columns.
constexpr std::uintmax_t kMaxPointsFileBytes = std::uintmax_t{1} << 30;

// design.file: the design points, relative to the sweep file's directory. Its columns become the
// sweep's parameters. An unreadable file is reported at the sweep file's `file` line (an I/O
// failure stays an IoError).
void read_points(const TomlReader& r, const toml::table& design, const std::string& dir,
                 SweepSpec& s) {
    const toml::node* file = design.get("file");
    if (!file)
        r.fail_at(s.design_line, "design.file",
                  "missing; design 'points' reads its points from a CSV file, e.g. "
                  "file = \"points.csv\" (relative to the sweep file)");
    const std::string rel = r.string(*file, "design.file");
    const fs::path path = fs::path(rel).is_absolute() ? fs::path(rel) : fs::path(dir) / rel;
    s.points_file = path.lexically_normal().string();
    InputFileRead read = try_read_input_file(s.points_file, kMaxPointsFileBytes);
    if (!read.problem.empty()) {
        const SweepFileError located(r.file(), line_of(*file), "design.file",
                                     "points file '" + rel + "' " + read.problem);
        if (read.io_failure) throw IoError(located.what());
        throw located;
    }
    s.points_sha256 = sha256_of(read.text);
    PointsFile points = parse_points_csv(read.text, s.points_file);
    for (auto& p : points.params) p.line = line_of(*file);
    s.params = std::move(points.params);
    s.points = std::move(points.points);
    s.points_lines = std::move(points.line);
}

void read_design(const TomlReader& r, const toml::node& node, const std::string& dir,
                 SweepSpec& s) {
    const auto* t = node.as_table();
    if (!t) r.fail(node, "design", "a table [design]");
    s.design_line = line_of(node);
    const toml::node* type_node = t->get("type");
    if (!type_node)
        r.fail_at(s.design_line, "design.type",
                  "missing; expected grid, lhs, morris, sobol or points");
    const std::string type = r.string(*type_node, "design.type");
    static const std::vector<std::string> kTypes{"grid", "lhs", "morris", "sobol", "points"};
    std::vector<std::string> allowed;
    if (type == "grid") {
        s.design = DesignKind::Grid;
        allowed = {"points_per_dim"};
        s.points_per_dim = design_size(r, *t, "points_per_dim", 1, 1000, 3, s.design_line, type);
    } else if (type == "lhs") {
        s.design = DesignKind::Lhs;
        allowed = {"samples"};
        s.samples = design_size(r, *t, "samples", 1, 1 << 24, -1, s.design_line, type);
    } else if (type == "morris") {
        s.design = DesignKind::Morris;
        allowed = {"trajectories", "levels"};
        s.trajectories = design_size(r, *t, "trajectories", 1, 1 << 20, -1, s.design_line, type);
        s.levels = design_size(r, *t, "levels", 2, 1000, 4, s.design_line, type);
        if (s.levels % 2 != 0)
            r.fail(*t->get("levels"), "design.levels",
                   "an even number of levels (with odd p the Morris step falls between levels)");
    } else if (type == "sobol") {
        s.design = DesignKind::Sobol;
        allowed = {"base_samples", "bootstrap"};
        s.base_samples = design_size(r, *t, "base_samples", 2, 1 << 22, -1, s.design_line, type);
        if (!std::has_single_bit(s.base_samples))
            r.fail(*t->get("base_samples"), "design.base_samples",
                   "a power of two (Sobol' points are balanced in blocks of 2^m), e.g. 64 or 128");
        s.bootstrap = design_size(r, *t, "bootstrap", 0, 100000, 100, s.design_line, type);
    } else if (type == "points") {
        s.design = DesignKind::Points;
        allowed = {"file"};
    } else {
        r.unknown_key(line_of(*type_node), "design.type",
                      "expected grid, lhs, morris, sobol or points, got \"" + type + "\"", type,
                      kTypes);
    }
    for (auto&& [k, v] : *t) {
        const std::string field(k.str());
        if (field == "type" || std::find(allowed.begin(), allowed.end(), field) != allowed.end())
            continue;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        r.fail_at(line_of(k), "design." + field,
                  "not a setting of design '" + type + "' (it takes: " + list + ")");
    }
    if (s.design == DesignKind::Points) read_points(r, *t, dir, s);
}

void read_outputs(const TomlReader& r, const toml::node& node, SweepSpec& s) {
    const auto* t = node.as_table();
    if (!t) r.fail(node, "outputs", "a table [outputs]");
    std::string unknown;
    const std::vector<std::string> all = available_metrics(s.base);
    for (auto&& [k, v] : *t) {
        const std::string field(k.str());
        const std::string key = "outputs." + field;
        if (field == "timeseries") {
            s.timeseries = r.boolean(v, key);
        } else if (field == "metrics") {
            const auto* arr = v.as_array();
            if (!arr || arr->empty()) r.fail(v, key, "a non-empty array of metric names");
            s.outputs.clear();
            for (const auto& element : *arr) {
                const std::string name = r.string(element, key);
                if (std::find(all.begin(), all.end(), name) == all.end())
                    r.unknown_key(line_of(element), key,
                                  "unknown metric \"" + name +
                                      "\"; metrics are listed in docs/metrics.md",
                                  name, all);
                if (std::find(s.outputs.begin(), s.outputs.end(), name) != s.outputs.end())
                    r.fail_at(line_of(element), key, "metric \"" + name + "\" listed twice");
                s.outputs.push_back(name);
            }
        } else {
            static const std::vector<std::string> kFields{"metrics", "timeseries"};
            r.unknown_key(line_of(k), key, "unknown key; [outputs] takes metrics and timeseries",
                          field, kFields);
        }
    }
}

void check_schema_version(const TomlReader& r) {
    const toml::node* version = r.root().get("schema_version");
    if (!version) r.fail_at(1, "schema_version", "missing; expected schema_version = 1");
    if (!version->is_integer() || version->as_integer()->get() != 1)
        r.fail(*version, "schema_version", "1 (the sweep file version this tendersim reads)");
}

// `base`: the scenario the sweep varies, relative to the sweep file's directory. An unreadable
// base is reported at the sweep file's `base` line (an I/O failure stays an IoError).
void load_base_scenario(const TomlReader& r, const std::string& dir, SweepSpec& s) {
    const toml::node* base = r.root().get("base");
    if (!base)
        r.fail_at(1, "base",
                  "missing; name the scenario to vary, e.g. base = \"../baseline.toml\"");
    const std::string base_rel = r.string(*base, "base");
    const fs::path base_path =
        fs::path(base_rel).is_absolute() ? fs::path(base_rel) : fs::path(dir) / base_rel;
    s.base_file = base_path.lexically_normal().string();
    InputFileRead read = try_read_input_file(s.base_file);
    if (!read.problem.empty()) {
        const SweepFileError located(r.file(), line_of(*base), "base",
                                     "base scenario '" + base_rel + "' " + read.problem);
        if (read.io_failure) throw IoError(located.what());
        throw located;
    }
    const std::string base_text = std::move(read.text);
    s.base_sha256 = sha256_of(base_text);
    s.base = load_scenario_text(base_text, s.base_file);
    s.seed = static_cast<std::uint64_t>(s.base.run.seed);
}

// The top-level tables read after the scalar keys, once the base and [set] are applied.
struct DeferredTables {
    bool named = false; // `name` given (otherwise the file's stem names the sweep)
    const toml::node* design = nullptr;
    const toml::node* outputs = nullptr;
    const toml::node* params = nullptr;
};

// The top-level keys in file order: scalars and [set] applied to s now, the rest returned.
DeferredTables read_top_level(const TomlReader& r, SweepSpec& s) {
    static const std::vector<std::string> kTop{
        "schema_version", "name",         "description", "base",    "seed",
        "replicates",     "years",        "design",      "outputs", "set",
        "parameter",      "common_seeds", "adopt_year"};
    DeferredTables d;
    for (auto&& [k, v] : r.root()) {
        const std::string key(k.str());
        const std::uint32_t line = line_of(k);
        if (key == "schema_version" || key == "base") continue;
        if (key == "name") {
            s.name = r.string(v, key);
            d.named = true;
            if (!valid_name(s.name))
                r.fail_at(line_of(v), key, name_expectation() + ", got " + quoted_name(s.name));
        } else if (key == "description") {
            s.description = r.string(v, key);
        } else if (key == "seed") {
            s.seed = static_cast<std::uint64_t>(
                r.integer(v, key, 0, static_cast<std::int64_t>(max_exact_seed)));
        } else if (key == "replicates") {
            s.replicates = r.integer(v, key, 1, 100000);
        } else if (key == "years") {
            // At least 1: a run of 0 years (the starting market only) has no metrics to sweep.
            const ParamDef* years = find_param("run.years");
            s.base.run.years = r.integer(v, key, 1, static_cast<std::int64_t>(years->max));
        } else if (key == "common_seeds") {
            s.common_seeds = r.boolean(v, key);
            s.common_seeds_line = line;
        } else if (key == "adopt_year") {
            s.adopt_year = r.integer(v, key, 1, 200);
            s.adopt_year_line = line;
        } else if (key == "design") {
            d.design = &v;
        } else if (key == "outputs") {
            d.outputs = &v;
        } else if (key == "parameter") {
            d.params = &v;
        } else if (key == "set") {
            read_fixed(r, r.table(v, key, "a table [set] of scenario parameters"), "", s.base);
        } else {
            r.unknown_key(line, key, "unknown top-level key", key, kTop);
        }
    }
    return d;
}

// The base file passed these checks, so a failure here comes from [set] or `years`: name
// the sweep file and the line of the key.
void validate_modified_base(const TomlReader& r, const SweepSpec& s) {
    const toml::table& root = r.root();
    try {
        validate_scenario(
            s.base, r.file(), [&](std::string_view key, std::size_t) -> std::uint32_t {
                const toml::node* node =
                    key == "run.years" ? root.get("years")
                                       : toml::at_path(root, "set." + std::string(key)).node();
                return node ? line_of(*node) : 0;
            });
    } catch (const ScenarioError& e) { // located in the sweep file: a sweep file's error
        r.fail_at(e.line(), e.key(), e.message());
    }
}

void read_parameters(const TomlReader& r, const toml::node* params, SweepSpec& s) {
    if (s.design == DesignKind::Points) {
        // One source of truth: the file's header names the parameters, its rows give the values.
        if (params)
            r.fail_at(line_of(*params), "parameter",
                      "a points design takes no [[parameter]] tables: the header of design.file "
                      "names the parameters and its rows give their values");
        return;
    }
    if (!params) r.fail_at(1, "parameter", "missing; list at least one [[parameter]] to vary");
    const auto* arr = params->as_array();
    if (!arr || !arr->is_array_of_tables() || arr->empty())
        r.fail(*params, "parameter", "one or more [[parameter]] tables");
    std::set<std::string> seen;
    for (const auto& element : *arr)
        s.params.push_back(read_parameter(r, *element.as_table(), line_of(element), seen));
}

// adopt_year moves policy parameters to an [[adopt]] entry; other parameters act from the build.
void check_adopt_year(const TomlReader& r, const SweepSpec& s) {
    if (s.adopt_year == 0) return;
    if (s.adopt_year > s.base.run.years)
        r.fail_at(s.adopt_year_line, "adopt_year",
                  "expected a year the runs reach, 1 to " + std::to_string(s.base.run.years) +
                      " (years), got " + std::to_string(s.adopt_year));
    for (const SweepParam& p : s.params)
        if (!p.key.starts_with("policy."))
            r.fail_at(p.line, "parameter.key",
                      "with adopt_year, swept parameters must be policy.* keys (adopted in that "
                      "year); " +
                          p.key + " acts from the market's build");
}

SweepSpec from_table(const TomlReader& r, const std::string& dir) {
    SweepSpec s;
    s.file = r.file();
    check_schema_version(r);
    load_base_scenario(r, dir, s);
    s.name = fs::path(s.file).stem().string();
    s.outputs = headline_metric_names();

    const DeferredTables d = read_top_level(r, s);
    // Without `name`, the file's stem names the sweep directory: the same rules apply.
    if (!d.named && !valid_name(s.name))
        r.fail_at(1, "name",
                  "missing, and the file name " + quoted_name(s.name) +
                      " cannot name the output directory; add name = \"...\" (" +
                      name_expectation() + ")");
    validate_modified_base(r, s);
    if (s.base.run.years < 1)
        r.fail_at(1, "years",
                  "the base scenario sets run.years = 0 (the starting market only), which leaves "
                  "no metrics to sweep; add years = N (1 to 200)");
    if (!d.design) r.fail_at(1, "design", "missing; add a [design] table with type = \"lhs\" etc.");
    read_design(r, *d.design, dir, s);
    if (d.outputs) read_outputs(r, *d.outputs, s);
    read_parameters(r, d.params, s);
    check_adopt_year(r, s);
    return s;
}

} // namespace

std::string_view design_name(DesignKind kind) {
    switch (kind) {
    case DesignKind::Grid:
        return "grid";
    case DesignKind::Lhs:
        return "lhs";
    case DesignKind::Morris:
        return "morris";
    case DesignKind::Sobol:
        return "sobol";
    case DesignKind::Points:
        return "points";
    }
    return "grid";
}

SweepSpec load_sweep_text(std::string_view text, const std::string& source_name,
                          const std::string& base_dir) {
    const TomlReader reader(InputKind::Sweep, source_name, text);
    SweepSpec s = from_table(reader, base_dir);
    s.file_sha256 = sha256_of(std::string(text));
    return s;
}

SweepSpec load_sweep_file(const std::string& path) {
    const std::string text = read_input_file(path, "sweep file");
    const fs::path parent = fs::path(path).parent_path();
    return load_sweep_text(text, path, parent.empty() ? "." : parent.string());
}

void set_param(ScenarioSpec& spec, const SweepParam& param, double value) {
    const ParamDef& def = *param.def;
    switch (def.kind) {
    case ParamKind::Real:
        def.real(spec) = value;
        break;
    case ParamKind::Int:
        def.integer(spec) = std::llround(value);
        break;
    case ParamKind::Bool:
        def.boolean(spec) = value != 0.0;
        break;
    case ParamKind::Choice:
        def.set_choice(spec, param.choice_words.at(static_cast<std::size_t>(std::llround(value))));
        break;
    }
}

std::string param_text(const SweepParam& param, double value) {
    switch (param.def->kind) {
    case ParamKind::Real:
        return format_number(value);
    case ParamKind::Int:
        return std::to_string(std::llround(value));
    case ParamKind::Bool:
        return value != 0.0 ? "true" : "false";
    case ParamKind::Choice:
        return param.choice_words.at(static_cast<std::size_t>(std::llround(value)));
    }
    return {};
}

} // namespace tendersim::experiment

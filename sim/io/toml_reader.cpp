#include "toml_reader.hpp"

#include "text/text.hpp"

namespace tendersim {

std::uint32_t line_of(const toml::node& node) {
    return node.source().begin.line;
}

std::uint32_t line_of(const toml::key& key) {
    return key.source().begin.line;
}

std::string describe(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string \"" + std::string(*node.as_string()) + "\"";
    case toml::node_type::integer:
        return "the integer " + std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
        return "the number " + format_number(node.as_floating_point()->get());
    case toml::node_type::boolean:
        return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    default:
        return "a date/time";
    }
}

TomlReader::TomlReader(InputKind kind, std::string file, std::string_view text)
    : kind_(kind), file_(std::move(file)) {
    try {
        root_ = toml::parse(text, file_);
    } catch (const toml::parse_error& err) {
        fail_at(err.source().begin.line, "",
                "TOML syntax error: " + std::string(err.description()));
    }
}

void TomlReader::fail(const toml::node& node, const std::string& key,
                      const std::string& expected) const {
    fail_at(line_of(node), key, "expected " + expected + ", got " + describe(node));
}

void TomlReader::fail_at(std::uint32_t line, const std::string& key,
                         const std::string& message) const {
    throw_input_file_error(kind_, file_, line, key, message);
}

void TomlReader::unknown_key(std::uint32_t line, const std::string& key, const std::string& message,
                             std::string_view word, std::span<const std::string> known) const {
    fail_at(line, key, message + did_you_mean(word, known));
}

void TomlReader::unknown_key(std::uint32_t line, const std::string& key, const std::string& message,
                             std::string_view word, std::span<const std::string_view> known) const {
    fail_at(line, key, message + did_you_mean(word, known));
}

std::int64_t TomlReader::integer(const toml::node& node, const std::string& key, std::int64_t lo,
                                 std::int64_t hi) const {
    const auto* i = node.as_integer();
    if (!i || i->get() < lo || i->get() > hi)
        fail(node, key, "an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return i->get();
}

double TomlReader::number(const toml::node& node, const std::string& key,
                          const std::string& expected) const {
    if (const auto* f = node.as_floating_point()) return f->get();
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    fail(node, key, expected);
}

bool TomlReader::boolean(const toml::node& node, const std::string& key) const {
    const auto* b = node.as_boolean();
    if (!b) fail(node, key, "true or false");
    return b->get();
}

std::string TomlReader::string(const toml::node& node, const std::string& key) const {
    const auto* s = node.as_string();
    if (!s) fail(node, key, "a string");
    return s->get();
}

const toml::table& TomlReader::table(const toml::node& node, const std::string& key,
                                     const std::string& expected) const {
    const auto* t = node.as_table();
    if (!t) fail(node, key, expected);
    return *t;
}

const toml::array& TomlReader::array(const toml::node& node, const std::string& key,
                                     const std::string& expected) const {
    const auto* a = node.as_array();
    if (!a) fail(node, key, expected);
    return *a;
}

const toml::array& TomlReader::array_of_tables(const toml::node& node, const std::string& key,
                                               const std::string& expected) const {
    const auto* a = node.as_array();
    if (!a || !a->is_array_of_tables()) fail(node, key, expected);
    return *a;
}

} // namespace tendersim

#include "experiment/flat_json.hpp"

#include "core/params.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"
#include "io/input_file_error.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tendersim::experiment {
namespace {

class Parser {
  public:
    Parser(std::string_view text, const std::string& source) : t_(text), source_(source) {}

    std::vector<std::pair<std::string, std::string>> object() {
        std::vector<std::pair<std::string, std::string>> out;
        skip_ws();
        expect('{', "a JSON object {\"key\": value, ...}");
        skip_ws();
        if (peek() == '}') {
            ++i_;
            return finish(out);
        }
        while (true) {
            skip_ws();
            if (peek() != '"') fail("", "expected a quoted key");
            std::string key = string_value();
            for (const auto& [k, v] : out)
                if (k == key) fail(key, "key given twice");
            skip_ws();
            expect(':', "':' after the key");
            skip_ws();
            out.emplace_back(key, driver_value(key));
            skip_ws();
            if (peek() == ',') {
                ++i_;
                continue;
            }
            expect('}', "',' or '}'");
            return finish(out);
        }
    }

  private:
    std::vector<std::pair<std::string, std::string>>&
    finish(std::vector<std::pair<std::string, std::string>>& out) {
        skip_ws();
        if (i_ != t_.size()) fail("", "unexpected text after the closing '}'");
        return out;
    }

    char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }
    void skip_ws() {
        while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
    }
    void expect(char c, const std::string& what) {
        if (peek() != c) fail("", "expected " + what);
        ++i_;
    }
    [[noreturn]] void fail(const std::string& key, const std::string& message) const {
        std::uint32_t line = 1;
        for (std::size_t k = 0; k < i_ && k < t_.size(); ++k) line += t_[k] == '\n';
        throw InputFileError(source_, line, key, message);
    }

    // A value as drivers send it, as TOML text the parameter's type accepts. Drivers send what
    // their language has: Python every dimension of a design as a float (8.0 for an integer),
    // R's jsonlite a scalar as a one-element array ([0.7]), many 1/0 for booleans. Each is taken
    // when it means one value of the parameter's type, and refused otherwise with what was
    // expected.
    std::string driver_value(const std::string& key) {
        if (peek() != '[') return coerce(key, value(key));
        ++i_;
        skip_ws();
        if (peek() == ']') fail(key, "expected one value, got an empty array []");
        if (peek() == '[' || peek() == '{')
            fail(key, "expected one value (a one-element array [x] is read as x), got a nested "
                      "array or object");
        std::string v = value(key);
        skip_ws();
        if (peek() == ',')
            fail(key, "expected one value (a one-element array [x] is read as x), got an array "
                      "of more than one");
        expect(']', "']' closing the one-element array");
        return coerce(key, v);
    }

    // Numbers for integer and boolean parameters: 8.0 -> 8, 1 / 0 -> true / false.
    std::string coerce(const std::string& key, const std::string& text) const {
        const ParamDef* def = find_param(key);
        const bool number =
            !text.empty() && text.front() != '"' && text != "true" && text != "false";
        if (!def || !number) return text; // unknown keys and other types: the loader says why
        const double v = std::strtod(text.c_str(), nullptr);
        if (def->kind == ParamKind::Int) {
            if (!std::isfinite(v) || v != std::floor(v) || std::fabs(v) >= 9.2e18)
                fail(key,
                     "expected a whole number for this integer parameter (8 or 8.0), got " + text);
            return std::to_string(static_cast<std::int64_t>(v));
        }
        if (def->kind == ParamKind::Bool) {
            if (v == 1.0) return "true";
            if (v == 0.0) return "false";
            fail(key, "expected true or false (or 1 or 0) for this yes/no parameter, got " + text);
        }
        return text;
    }

    // A JSON value as TOML text.
    std::string value(const std::string& key) {
        const char c = peek();
        if (c == '"') return toml_string(string_value());
        if (c == '{' || c == '[')
            fail(key, "expected a number, string or true/false (the object must be flat)");
        for (const std::string_view word : {"true", "false"}) {
            if (t_.substr(i_, word.size()) == word) {
                i_ += word.size();
                return std::string(word);
            }
        }
        if (t_.substr(i_, 4) == "null") fail(key, "expected a value, got null");
        // JSON number grammar; its text is also a valid TOML integer or float.
        const std::size_t start = i_;
        if (peek() == '-') ++i_;
        if (!std::isdigit(static_cast<unsigned char>(peek()))) fail(key, "expected a value");
        if (peek() == '0' && i_ + 1 < t_.size() &&
            std::isdigit(static_cast<unsigned char>(t_[i_ + 1])))
            fail(key, "numbers do not start with 0");
        digits();
        if (peek() == '.') {
            ++i_;
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                fail(key, "expected digits after '.'");
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            if (peek() == '+' || peek() == '-') ++i_;
            if (!std::isdigit(static_cast<unsigned char>(peek())))
                fail(key, "expected an exponent");
            digits();
        }
        return std::string(t_.substr(start, i_ - start));
    }
    void digits() {
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++i_;
    }

    std::string string_value() {
        ++i_; // opening quote
        std::string s;
        while (true) {
            if (i_ >= t_.size()) fail("", "unterminated string");
            const char c = t_[i_++];
            if (c == '"') return s;
            if (static_cast<unsigned char>(c) < 0x20) fail("", "control character in a string");
            if (c != '\\') {
                s += c;
                continue;
            }
            const char e = peek();
            ++i_;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                s += e;
                break;
            case 'n':
                s += '\n';
                break;
            case 't':
                s += '\t';
                break;
            case 'r':
                s += '\r';
                break;
            case 'b':
                s += '\b';
                break;
            case 'f':
                s += '\f';
                break;
            case 'u':
                append_utf8(s, hex4());
                break;
            default:
                fail("", "bad escape in a string");
            }
        }
    }

    // The four hex digits of a \u escape.
    unsigned hex4() {
        if (i_ + 4 > t_.size()) fail("", "bad \\u escape");
        unsigned cp = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = t_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9')
                cp |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                cp |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                cp |= static_cast<unsigned>(h - 'A' + 10);
            else
                fail("", "bad \\u escape");
        }
        return cp;
    }
    // Keys and choice words are ASCII; anything else is passed on as UTF-8 of the basic plane
    // (surrogate pairs are not needed for parameter values).
    static void append_utf8(std::string& s, unsigned cp) {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    static std::string toml_string(const std::string& s) {
        std::string out = "\"";
        for (const char c : s) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (c == '\n') {
                out += "\\n";
            } else if (c == '\t') {
                out += "\\t";
            } else {
                out += c;
            }
        }
        return out + "\"";
    }

    std::string_view t_;
    const std::string& source_;
    std::size_t i_ = 0;
};

} // namespace

std::vector<std::pair<std::string, std::string>> parse_flat_json(std::string_view text,
                                                                 const std::string& source) {
    return Parser(text, source).object();
}

std::vector<std::string> params_json_overrides(const std::string& argument) {
    std::string text = argument;
    std::string source = "--params-json";
    const auto first = argument.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || argument[first] != '{') {
        InputFileRead read = try_read_input_file(argument);
        if (!read.problem.empty()) {
            const InputFileError located(argument, 0, "",
                                         "the --params-json file " + read.problem +
                                             " (or pass the JSON object itself, starting with "
                                             "'{')");
            if (read.io_failure) throw IoError(located.what());
            throw located;
        }
        text = std::move(read.text);
        source = argument;
    }
    std::vector<std::string> out;
    for (const auto& [key, value] : parse_flat_json(text, source)) out.push_back(key + "=" + value);
    return out;
}

} // namespace tendersim::experiment

#include "text/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace tendersim {

std::string format_number(double value) {
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buf[64];
    // Whole numbers print without exponent so tables and CSV stay readable.
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    auto res = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, res.ptr);
}

std::string format_seconds(double seconds) {
    const int decimals = seconds < 10.0 ? 2 : seconds < 100.0 ? 1 : 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f s", decimals, seconds);
    return buf;
}

namespace {

// JSON and TOML basic strings share their escapes except two: TOML writes a carriage return as
// \r and must escape DEL; JSON leaves DEL as it is and writes \r as \u000d (output bytes of
// both are pinned by existing files, so neither changes).
enum class QuoteStyle { Json, Toml };

std::string quoted(const std::string& text, QuoteStyle style) {
    const bool toml = style == QuoteStyle::Toml;
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"')
            out += "\\\"";
        else if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r' && toml)
            out += "\\r";
        else if (u < 0x20 || (toml && u == 0x7f)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

} // namespace

std::string json_string(const std::string& text) {
    return quoted(text, QuoteStyle::Json);
}

std::string toml_string(const std::string& text) {
    return quoted(text, QuoteStyle::Toml);
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h) {
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex64(std::uint64_t v) {
    std::string s(16, '0');
    for (int k = 15; k >= 0; --k, v >>= 4)
        s[static_cast<std::size_t>(k)] = "0123456789abcdef"[v & 15u];
    return s;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diag = up;
        }
    }
    return row[b.size()];
}

namespace {

std::string_view leaf(std::string_view dotted) {
    const auto dot = dotted.rfind('.');
    return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

template <class S> std::string closest(std::string_view word, std::span<const S> candidates) {
    std::string best;
    std::size_t best_d = 4; // only near misses are worth suggesting
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) best_d = d, best = std::string(c);
    }
    // A right name in the wrong section (evaluation.price_weight for policy.price_weight) is far
    // from every key by spelling: suggest the one key with the same last part, if only one has it.
    if (best.empty() && word.find('.') != std::string_view::npos) {
        std::size_t same_leaf = 0;
        for (const auto& c : candidates)
            if (leaf(c) == leaf(word)) ++same_leaf, best = std::string(c);
        if (same_leaf != 1) best.clear();
    }
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

} // namespace

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    return closest(word, candidates);
}
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    return closest(word, candidates);
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(sep, start);
        if (at == std::string_view::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<double> parse_double(std::string_view text) {
    if (text == "nan" || text == "-nan") return std::numeric_limits<double>::quiet_NaN();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    double v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

std::optional<std::uint64_t> parse_u64(std::string_view text) {
    std::uint64_t v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || res.ec != std::errc() || res.ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

} // namespace tendersim

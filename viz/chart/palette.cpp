#include "chart/palette.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace tendersim::viz {

namespace {

constexpr std::array<Rgba, 7> kCategorical = {
    okabe_ito::blue,   okabe_ito::orange, okabe_ito::green,  okabe_ito::vermillion,
    okabe_ito::purple, okabe_ito::sky,    okabe_ito::yellow,
};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

Rgba with_alpha(Rgba c, std::uint8_t a) {
    c.a = a;
    return c;
}

} // namespace

Rgba size_class_colour(SizeClass c) {
    return c == SizeClass::Sme ? kSmeColour : kLargeColour;
}

std::optional<Rgba> semantic_colour(std::string_view key) {
    if (iequals(key, "sme")) return kSmeColour;
    if (iequals(key, "large")) return kLargeColour;
    return std::nullopt;
}

std::span<const Rgba> categorical_palette() {
    return kCategorical;
}

Rgba categorical_colour(std::size_t i) {
    return kCategorical[i % kCategorical.size()];
}

// ~35% opacity: clearly visible as a reference, clearly not the current result.
Rgba baseline_style(Rgba c) {
    return with_alpha(c, 90);
}

// ~20% opacity: two overlapping bands still let the lines and gridlines show through.
Rgba band_style(Rgba c) {
    return with_alpha(c, 52);
}

std::string to_hex(Rgba c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

} // namespace tendersim::viz

#include "chart/palette.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
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

double relative_luminance(Rgba c) {
    const auto lin = [](std::uint8_t v) {
        const double x = v / 255.0;
        return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrast_ratio(Rgba a, Rgba b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgba with_contrast(Rgba c, Rgba background, double ratio) {
    c.a = 255;
    if (contrast_ratio(c, background) >= ratio) return c;
    // Scale the channels down in small steps until the ratio holds (scaling all three keeps the
    // hue; the result is deterministic and reached within a few dozen steps).
    const Rgba original = c;
    for (int k = 99; k >= 0; --k) {
        const double f = k / 100.0;
        const auto scale = [f](std::uint8_t v) {
            return static_cast<std::uint8_t>(std::lround(v * f));
        };
        c = {scale(original.r), scale(original.g), scale(original.b), 255};
        if (contrast_ratio(c, background) >= ratio) return c;
    }
    return c; // black: the highest contrast there is against a light background
}

Rgba line_style(Rgba c, Rgba background) {
    return with_contrast(c, background, kLineContrast);
}

Rgba baseline_style(Rgba c, Rgba background) {
    // Darker than its own line by half again as much contrast, so its dashes show where they run
    // over a line that is already dark (blue is 5:1 on white).
    const double line = contrast_ratio(line_style(c, background), background);
    return with_contrast(c, background, std::min(15.0, std::max(kBaselineContrast, 1.6 * line)));
}

// ~20% opacity: two overlapping bands still let the lines and gridlines show through.
Rgba band_style(Rgba c) {
    return with_alpha(c, 52);
}

Rgba model_band_style() {
    return {0x55, 0x55, 0x55, 64};
}

std::string to_hex(Rgba c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

} // namespace tendersim::viz

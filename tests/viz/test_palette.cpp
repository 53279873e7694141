// Palette: Okabe-Ito categorical colours, fixed SME/large colours, baseline style.
#include "chart/palette.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <vector>

using namespace tendersim::viz;

namespace {

// CIE76 colour difference in L*a*b* (D65). Independent of the library, so the test does not
// just restate the palette's own claims.
struct Lab {
    double l, a, b;
};

double linearise(std::uint8_t c) {
    const double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

Lab to_lab(Rgba c) {
    const double r = linearise(c.r), g = linearise(c.g), b = linearise(c.b);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

double delta_e(Rgba p, Rgba q) {
    const Lab a = to_lab(p), b = to_lab(q);
    return std::sqrt((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) +
                     (a.b - b.b) * (a.b - b.b));
}

} // namespace

TEST_CASE("palette: SME is Okabe-Ito orange, large is blue") {
    CHECK(to_hex(kSmeColour) == "#E69F00");
    CHECK(to_hex(kLargeColour) == "#0072B2");
    CHECK(size_class_colour(SizeClass::Sme) == kSmeColour);
    CHECK(size_class_colour(SizeClass::Large) == kLargeColour);
    CHECK(semantic_colour("SME") == kSmeColour);
    CHECK(semantic_colour("large") == kLargeColour);
    CHECK_FALSE(semantic_colour("medium").has_value());
}

TEST_CASE("palette: categorical colours are the seven non-black Okabe-Ito colours") {
    const auto p = categorical_palette();
    REQUIRE(p.size() == 7);
    CHECK(to_hex(p[0]) == "#0072B2");
    CHECK(to_hex(p[1]) == "#E69F00");
    CHECK(to_hex(p[2]) == "#009E73");
    for (const Rgba& c : p) {
        CHECK(c.a == 255);
        CHECK_FALSE(c == okabe_ito::black);           // black is for text
        CHECK(delta_e(c, Theme{}.background) > 15.0); // visible on the white background
    }
    CHECK(categorical_colour(7) == categorical_colour(0));
    CHECK(categorical_colour(9) == categorical_colour(2));
}

TEST_CASE("palette: categorical colours are pairwise distinct") {
    const auto p = categorical_palette();
    double min_de = 1e9;
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = i + 1; j < p.size(); ++j) {
            INFO(to_hex(p[i]) << " vs " << to_hex(p[j]));
            CHECK_FALSE(p[i] == p[j]);
            min_de = std::min(min_de, delta_e(p[i], p[j]));
        }
    CHECK(min_de > 20.0);
    // The first two (the usual two-scenario chart) are far apart.
    CHECK(delta_e(p[0], p[1]) > 60.0);
}

TEST_CASE("palette: WCAG contrast ratios") {
    const Rgba white{0xFF, 0xFF, 0xFF}, black{0, 0, 0};
    CHECK(contrast_ratio(white, black) == doctest::Approx(21.0));
    CHECK(contrast_ratio(white, white) == doctest::Approx(1.0));
    CHECK(contrast_ratio(black, white) == contrast_ratio(white, black)); // symmetric
    // Published values: #777777 on white is 4.48:1, #767676 (the lightest grey that passes AA
    // for text) 4.54:1. Okabe-Ito orange is under the 3:1 lines need, blue well over it.
    CHECK(contrast_ratio({0x77, 0x77, 0x77}, white) == doctest::Approx(4.48).epsilon(0.005));
    CHECK(contrast_ratio({0x76, 0x76, 0x76}, white) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(contrast_ratio(okabe_ito::orange, white) < 3.0);
    CHECK(contrast_ratio(okabe_ito::blue, white) > 4.5);
}

TEST_CASE("palette: every line and baseline stands out from the chart background") {
    const Theme theme;
    std::vector<Rgba> colours(categorical_palette().begin(), categorical_palette().end());
    colours.push_back(kSmeColour);
    colours.push_back(kLargeColour);
    for (const Rgba c : colours) {
        INFO(to_hex(c));
        const Rgba line = line_style(c, theme.background);
        const Rgba base = baseline_style(c, theme.background);
        CHECK(contrast_ratio(line, theme.background) >= kLineContrast);
        CHECK(contrast_ratio(base, theme.background) >= kBaselineContrast);
        CHECK(line.a == 255);
        CHECK(base.a == 255);
        // The same hue: only darker (each channel scaled by the same factor, up to rounding).
        for (const Rgba d : {line, base}) {
            CHECK(d.r <= c.r);
            CHECK(d.g <= c.g);
            CHECK(d.b <= c.b);
            const int mx = std::max({c.r, c.g, c.b});
            const double f = static_cast<double>(std::max({d.r, d.g, d.b})) / mx;
            CHECK(std::abs(d.r - f * c.r) <= 1.0);
            CHECK(std::abs(d.g - f * c.g) <= 1.0);
            CHECK(std::abs(d.b - f * c.b) <= 1.0);
        }
        // A line already past 3:1 keeps its colour; a baseline is told apart from its line.
        if (contrast_ratio(c, theme.background) >= kLineContrast) CHECK(line == c);
        CHECK(contrast_ratio(base, line) >= 1.5);
    }
    // Orange (2:1 on white) is one that needed darkening.
    CHECK_FALSE(line_style(okabe_ito::orange) == okabe_ito::orange);
}

TEST_CASE("palette: band style keeps the hue and lowers the alpha") {
    const Rgba c = okabe_ito::green;
    const Rgba band = band_style(c);
    CHECK(band.r == c.r);
    CHECK(band.g == c.g);
    CHECK(band.b == c.b);
    CHECK(band.a < 128);
    CHECK(band.a > 20);
}

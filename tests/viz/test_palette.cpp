// Palette: Okabe-Ito categorical colours, fixed SME/large colours, baseline style.
#include "chart/palette.hpp"

#include <cmath>
#include <doctest/doctest.h>

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

TEST_CASE("palette: baseline and band styles keep the hue and lower the alpha") {
    const Rgba c = okabe_ito::green;
    const Rgba base = baseline_style(c);
    const Rgba band = band_style(c);
    CHECK(base.r == c.r);
    CHECK(base.g == c.g);
    CHECK(base.b == c.b);
    CHECK(base.a < 128);
    CHECK(base.a > 40); // still visible
    CHECK(band.r == c.r);
    CHECK(band.a < base.a); // a band must not compete with lines
    CHECK(to_hex(base) == to_hex(c));
}

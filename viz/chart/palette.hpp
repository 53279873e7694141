#pragma once
// Colours. Categorical series use the Okabe & Ito (2008) palette, which stays distinguishable for
// the common forms of colour-vision deficiency; SME and large suppliers have fixed colours so a
// workshop audience learns them once and can read every chart. Plain RGBA (no SFML) so the layout
// library and its tests stay display-free.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tendersim::viz {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    constexpr bool operator==(const Rgba&) const = default;
};

namespace okabe_ito {
inline constexpr Rgba black{0x00, 0x00, 0x00}; // reserved for text
inline constexpr Rgba orange{0xE6, 0x9F, 0x00};
inline constexpr Rgba sky{0x56, 0xB4, 0xE9};
inline constexpr Rgba green{0x00, 0x9E, 0x73};
inline constexpr Rgba yellow{0xF0, 0xE4, 0x42};
inline constexpr Rgba blue{0x00, 0x72, 0xB2};
inline constexpr Rgba vermillion{0xD5, 0x5E, 0x00};
inline constexpr Rgba purple{0xCC, 0x79, 0xA7};
} // namespace okabe_ito

// Fixed semantic colours: SME = orange, large supplier = blue, in every chart and panel.
enum class SizeClass { Sme, Large };
inline constexpr Rgba kSmeColour = okabe_ito::orange;
inline constexpr Rgba kLargeColour = okabe_ito::blue;
Rgba size_class_colour(SizeClass c);
// "sme" / "large" (case-insensitive) -> the semantic colour; anything else -> nullopt.
std::optional<Rgba> semantic_colour(std::string_view key);

// The seven non-black Okabe-Ito colours, ordered so the first few are the most separable on white
// (yellow, the weakest on a white background, comes last).
std::span<const Rgba> categorical_palette();
// Series i's colour; wraps around after seven series.
Rgba categorical_colour(std::size_t i);

// WCAG 2 relative luminance (0 black to 1 white) and contrast ratio (1 to 21) of opaque colours.
double relative_luminance(Rgba c);
double contrast_ratio(Rgba a, Rgba b);

// c darkened in linear light (same hue and saturation) until its contrast against background is
// at least ratio; c itself if it already has it. Opaque.
Rgba with_contrast(Rgba c, Rgba background, double ratio);

// Lines must stay visible on a projector: at least 3:1 against the background (WCAG's minimum
// for graphics). A series' line is its colour, darkened where it is lighter than that (Okabe-Ito
// orange, sky, yellow and purple are).
inline constexpr double kLineContrast = 3.0;
Rgba line_style(Rgba c, Rgba background = {0xFF, 0xFF, 0xFF});
// A "baseline" (reference run) is drawn as a thin dashed line in a much darker shade of the hue of
// the series it compares with (at least 7:1 against the background, and 1.5:1 against that
// series' line): it reads as a reference, not as a band, and stays visible where it runs over
// the current line.
inline constexpr double kBaselineContrast = 7.0;
Rgba baseline_style(Rgba c, Rgba background = {0xFF, 0xFF, 0xFF});
// Confidence bands: the series hue, translucent enough that overlapping bands stay readable.
Rgba band_style(Rgba c);
// Model-uncertainty bands (the app's --ensemble): one neutral grey whatever the line's hue, so a
// room tells them from the seeds' bands in the lines' own hues (every Okabe-Ito hue but sky and
// yellow is some panel's line); a little more opaque than a seed band, the only band drawn then.
Rgba model_band_style();

// Chart chrome: white background (prints well, and projects well in lit rooms), black text.
struct Theme {
    Rgba background{0xFF, 0xFF, 0xFF};
    Rgba text = okabe_ito::black;
    Rgba muted_text{0x44, 0x44, 0x44};
    Rgba axis{0x33, 0x33, 0x33};
    Rgba grid{0xDD, 0xDD, 0xDD};
};

// "#RRGGBB" (alpha is not shown), for messages and tests.
std::string to_hex(Rgba c);

} // namespace tendersim::viz

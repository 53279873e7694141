#pragma once
// The one typeface charts use. DejaVu Sans has the glyphs we need (£, −, –, …) and ships in
// Debian's fonts-dejavu-core, so every machine that builds tendersim renders identically.
#include <SFML/Graphics/Font.hpp>
#include <filesystem>

namespace tendersim::viz {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// Titles: SFML's synthetic bold is a fixed 1 px outline, which all but vanishes at 1080p sizes.
inline constexpr const char* kDefaultBoldFontPath =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Throws std::runtime_error naming the path (and the Debian package) if the font is missing or
// unreadable, instead of SFML's bare "Failed to load font".
sf::Font load_font(const std::filesystem::path& path = kDefaultFontPath);

} // namespace tendersim::viz

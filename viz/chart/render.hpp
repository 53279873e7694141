#pragma once
// Offscreen rendering of a chart to an image and a PNG file.
#include "chart/chart_spec.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Image.hpp>
#include <filesystem>

namespace tendersim::viz {

struct RenderOptions {
    unsigned width = 1280; // 720p: the common projector resolution; also fits an A4 report page
    unsigned height = 720;
    unsigned antialiasing = 4;            // multisampling level; thick lines look jagged without it
    const sf::Font* title_font = nullptr; // bold face for the title (see draw_line_chart)
};

// Needs an X display (see display.hpp). Throws std::runtime_error if no render texture can be
// created.
sf::Image render_chart_image(const ChartSpec& spec, const sf::Font& font,
                             const RenderOptions& options = {});

// Writes the image under a temporary name in the same directory and renames it into place, so a
// reader (the live app, a report build) never sees a half-written file. The format follows the
// extension (.png, .jpg/.jpeg, .bmp, .tga). Throws std::filesystem::filesystem_error (an I/O
// failure, exit code 3) with the reason on failure.
void save_png_atomic(const sf::Image& image, const std::filesystem::path& path);

} // namespace tendersim::viz

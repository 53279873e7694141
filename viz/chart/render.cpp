#include "chart/render.hpp"

#include "chart/line_chart.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace tendersim::viz {

sf::Image render_chart_image(const ChartSpec& spec, const sf::Font& font,
                             const RenderOptions& options) {
    sf::ContextSettings settings;
    settings.antialiasingLevel = options.antialiasing;
    sf::RenderTexture rt;
    if (!rt.create(options.width, options.height, settings))
        throw std::runtime_error("cannot create a " + std::to_string(options.width) + "x" +
                                 std::to_string(options.height) + " render texture");
    rt.clear(sf::Color::White);
    const sf::FloatRect area(0.0f, 0.0f, static_cast<float>(options.width),
                             static_cast<float>(options.height));
    draw_line_chart(rt, area, spec, font,
                    default_style({area.left, area.top, area.width, area.height}), Theme{},
                    options.title_font);
    rt.display(); // resolves multisampling and flips the texture the right way up
    return rt.getTexture().copyToImage();
}

void save_png_atomic(const sf::Image& image, const std::filesystem::path& path) {
    // The temporary keeps the target's extension because SFML picks the encoder from it (so
    // x.jpg holds JPEG data); the pid keeps two concurrent writers from clobbering each other's
    // temporary.
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid()) + path.extension().string();
    errno = 0;
    if (!image.saveToFile(tmp.string())) {
        // SFML says only that it failed; the C library's errno, if set, says why.
        const int saved = errno;
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw std::filesystem::filesystem_error(
            "cannot write " + path.string() +
                (saved != 0 ? std::string() : " (unsupported format or unwritable file)"),
            path, std::error_code(saved != 0 ? saved : EIO, std::generic_category()));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw std::filesystem::filesystem_error(
            "cannot rename " + tmp.string() + " to " + path.string(), ec);
    }
}

} // namespace tendersim::viz

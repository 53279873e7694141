#include "chart/render.hpp"

#include "chart/line_chart.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
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
    // The temporary keeps the .png extension because SFML picks the encoder from it; the pid
    // keeps two concurrent writers from clobbering each other's temporary.
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid()) + ".png";
    if (!image.saveToFile(tmp.string())) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw std::runtime_error("cannot write " + tmp.string());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw std::runtime_error("cannot rename " + tmp.string() + " to " + path.string() + ": " +
                                 ec.message());
    }
}

} // namespace tendersim::viz

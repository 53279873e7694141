#include "chart/font.hpp"

#include <stdexcept>
#include <system_error>

namespace tendersim::viz {

sf::Font load_font(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw std::runtime_error("font not found: " + path.string() +
                                 " (on Debian: apt-get install fonts-dejavu-core)");
    sf::Font font;
    if (!font.loadFromFile(path.string()))
        throw std::runtime_error("cannot load font " + path.string() +
                                 " (is it a TrueType/OpenType file?)");
    return font;
}

} // namespace tendersim::viz

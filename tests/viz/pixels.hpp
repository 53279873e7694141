#pragma once
// Pixel checks shared by the render test and the app's screenshot check: both read a PNG and ask
// whether a colour was drawn inside a rectangle.
#include "chart/geometry.hpp"
#include "chart/palette.hpp"

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>

namespace tendersim::viz::test {

// Within tol of b on each colour channel (alpha ignored: a PNG of a drawn window is opaque).
inline bool near(sf::Color a, Rgba b, int tol) {
    return std::abs(int(a.r) - int(b.r)) <= tol && std::abs(int(a.g) - int(b.g)) <= tol &&
           std::abs(int(a.b) - int(b.b)) <= tol;
}

// Pixels inside r (clipped to the image; a rectangle wholly off it counts none) for which pred
// holds.
template <class Pred> std::size_t count_in(const sf::Image& img, const Rect& r, Pred pred) {
    const auto size = img.getSize();
    const auto x0 = static_cast<unsigned>(std::max(0.0f, std::ceil(r.left)));
    const auto y0 = static_cast<unsigned>(std::max(0.0f, std::ceil(r.top)));
    const unsigned x1 =
        std::min(size.x, static_cast<unsigned>(std::max(0.0f, std::floor(r.right()))));
    const unsigned y1 =
        std::min(size.y, static_cast<unsigned>(std::max(0.0f, std::floor(r.bottom()))));
    std::size_t n = 0;
    for (unsigned y = y0; y < y1; ++y)
        for (unsigned x = x0; x < x1; ++x)
            if (pred(img.getPixel(x, y))) ++n;
    return n;
}

} // namespace tendersim::viz::test

// Checks a tendersim-viz screenshot: its size, and that the market view and every chart panel
// have drawn (SME-orange and large-blue circles in the market view; in each panel's plot area,
// ink, the current run's line colour and the dashed baseline's colour, both at least 3:1 against
// the panel's background). Reads the PNG only: no display needed.
// Usage: viz_app_screenshot_check FILE WIDTH HEIGHT
#include "app/app_layout.hpp"
#include "app/panels.hpp"
#include "chart/layout.hpp"
#include "chart/palette.hpp"
#include "pixels.hpp"

#include <SFML/Graphics/Image.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

using namespace tendersim::viz;
using tendersim::viz::test::count_in;
using tendersim::viz::test::near;

namespace {

float approx_width(std::string_view s, unsigned px) {
    return 0.55f * static_cast<float>(px) * static_cast<float>(s.size());
}

int failures = 0;
void expect(bool ok, const std::string& what) {
    std::cout << (ok ? "ok:   " : "FAIL: ") << what << "\n";
    if (!ok) ++failures;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: viz_app_screenshot_check FILE WIDTH HEIGHT\n";
        return 2;
    }
    sf::Image img;
    if (!img.loadFromFile(argv[1])) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 1;
    }
    const auto w = static_cast<unsigned>(std::atoi(argv[2]));
    const auto h = static_cast<unsigned>(std::atoi(argv[3]));
    expect(img.getSize() == sf::Vector2u(w, h),
           "size " + std::to_string(img.getSize().x) + "x" + std::to_string(img.getSize().y));
    if (failures) return 1;

    const AppLayout L = compute_app_layout(static_cast<float>(w), static_cast<float>(h));
    const auto orange =
        count_in(img, L.market_view, [](sf::Color c) { return near(c, kSmeColour, 3); });
    const auto blue =
        count_in(img, L.market_view, [](sf::Color c) { return near(c, kLargeColour, 3); });
    // 300 each at 1920x1080; the market view's area shrinks with the window.
    const auto least = static_cast<std::size_t>(300.0 * L.market_view.width * L.market_view.height /
                                                (1500.0 * 380.0));
    expect(orange > least, "market view: " + std::to_string(orange) + " SME-orange pixels (> " +
                               std::to_string(least) + ")");
    expect(blue > least, "market view: " + std::to_string(blue) + " large-blue pixels (> " +
                             std::to_string(least) + ")");

    const auto light = [](sf::Color c) { return c.r > 200 && c.g > 200 && c.b > 200; };
    const auto title_text = count_in(img, L.title_bar, [&](sf::Color c) { return light(c); });
    expect(title_text > 500, "title bar: " + std::to_string(title_text) + " text pixels");
    const auto controls_ink =
        count_in(img, L.control_bar, [](sf::Color c) { return c.r < 80 && c.g < 80 && c.b < 80; });
    expect(controls_ink > 2000, "control bar: " + std::to_string(controls_ink) + " dark pixels");

    // The plot area of each panel, from the app's own layout (text measured approximately, so
    // shrunk a little); the legend's swatches are outside it, so colours found here are lines.
    const ChartStyle style = panel_style(L.scale);
    std::vector<MetricsPoint> pts(3);
    for (int y = 0; y < 3; ++y) pts[y].year = y + 1, pts[y].sme_share_total = 0.5, pts[y].hhi = 100;
    for (std::size_t i = 0; i < kChartPanels; ++i) {
        const ChartSpec spec = app_panel_chart(panel_order()[i], pts, pts, 3);
        const ChartLayout cl = compute_layout(L.charts[i], spec, approx_width, style);
        const Rect plot{cl.plot.left + 6, cl.plot.top + 6, cl.plot.width - 12, cl.plot.height - 12};
        const std::string name = "panel '" + spec.title + "': ";
        const auto ink = static_cast<double>(count_in(img, plot, [](sf::Color c) {
            return !near(c, {255, 255, 255}, 0);
        }));
        const double area = static_cast<double>(plot.width) * plot.height;
        expect(ink > 0.02 * area && ink < 0.7 * area,
               name + std::to_string(static_cast<long>(ink)) + " non-background pixels");
        // The colours the renderer draws the lines in (palette.hpp): each must stand out from
        // the panel's background on a projector, and be there in the picture.
        const Rgba bg = Theme{}.background;
        const Rgba current = line_style(spec.series.front().colour, bg);
        const Rgba dashed = baseline_style(spec.series.front().colour, bg);
        char ratios[64];
        std::snprintf(ratios, sizeof ratios, "%.2f:1 and %.2f:1", contrast_ratio(current, bg),
                      contrast_ratio(dashed, bg));
        expect(contrast_ratio(current, bg) >= 3.0 && contrast_ratio(dashed, bg) >= 3.0,
               name + "line and baseline contrast against the background " + ratios);
        const auto strong = count_in(img, plot, [&](sf::Color c) { return near(c, current, 3); });
        expect(strong > 100,
               name + std::to_string(strong) + " pixels of the current line " + to_hex(current));
        // Thin and dashed, drawn over the current line: fewer pixels, but there.
        const auto base = count_in(img, plot, [&](sf::Color c) { return near(c, dashed, 8); });
        expect(base > 20,
               name + std::to_string(base) + " pixels of the dashed baseline " + to_hex(dashed));
    }
    return failures == 0 ? 0 : 1;
}

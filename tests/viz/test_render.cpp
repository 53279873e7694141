// Renders charts from the committed sample CSV to PNG and inspects the pixels. Needs an X display
// (ctest runs it under xvfb-run).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "chart/chart_spec.hpp"
#include "chart/display.hpp"
#include "chart/font.hpp"
#include "chart/layout.hpp"
#include "chart/line_chart.hpp"
#include "chart/render.hpp"
#include "chart/series.hpp"
#include "pixels.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace tendersim::viz;
using tendersim::viz::test::count_in;
using tendersim::viz::test::near;

namespace {

ChartSpec sample_spec(const std::string& metric, const std::string& baseline = "") {
    const auto table = read_metrics_csv(TENDERSIM_VIZ_TEST_DATA "/metrics_small.csv");
    MetricChartOptions o;
    o.scenario_order = table.scenarios();
    o.baseline_scenario = baseline;
    return make_metric_chart(group_series(table), metric, o);
}

struct Fixture {
    Fixture() {
        const DisplayStatus d = check_display("viz_chart_render_test");
        if (!d.ok) FAIL(d.message); // registered only under xvfb-run, so this is a real failure
        font = load_font();
        fs::create_directories(out);
    }
    sf::Font font;
    fs::path out = TENDERSIM_VIZ_TEST_OUT;
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "render: sample chart PNG has the right size, content and colours") {
    const ChartSpec spec = sample_spec("sme_share_direct");
    REQUIRE(spec.series.size() == 2);
    const fs::path png = out / "sme_share_direct.png";
    fs::remove(png);
    const sf::Font bold = load_font(kDefaultBoldFontPath);
    RenderOptions options; // 1280x720 by default
    options.title_font = &bold;
    save_png_atomic(render_chart_image(spec, font, options), png);

    // Read back what was written, not the in-memory image: the file is the product.
    sf::Image img;
    REQUIRE(img.loadFromFile(png.string()));
    CHECK(img.getSize() == sf::Vector2u(1280, 720));
    for (const auto& e : fs::directory_iterator(out))
        CHECK(e.path().string().find(".tmp-") == std::string::npos); // no temporary left behind

    const Rect area{0, 0, 1280, 720};
    const ChartLayout L = compute_layout(area, spec, sfml_text_width(font), default_style(area),
                                         sfml_text_width(bold));
    const Rgba bg = Theme{}.background;
    const double plot_px = L.plot.width * L.plot.height;
    const auto ink = count_in(img, L.plot, [&](sf::Color c) { return !near(c, bg, 0); });
    INFO("non-background pixels in plot: " << ink << " of " << plot_px);
    CHECK(ink > 0.05 * plot_px); // lines, bands and gridlines
    CHECK(ink < 0.8 * plot_px);  // but not a flood fill

    for (const auto& s : spec.series) {
        // Drawn in its line colour: the series colour, darkened where it has under 3:1 on white.
        const Rgba line = line_style(s.colour, bg);
        const auto n = count_in(img, L.plot, [&](sf::Color c) { return near(c, line, 2); });
        INFO(s.label << " " << to_hex(line) << ": " << n << " pixels");
        // A 10-year line ~1100 px long and 4.5 px thick has thousands of fully covered pixels.
        CHECK(n > 1500);
    }
    // Near-black text above the plot (title) and below it (axis labels).
    const auto dark = [](sf::Color c) { return c.r < 60 && c.g < 60 && c.b < 60; };
    CHECK(count_in(img, {0, 0, 1280, L.plot.top - 5}, dark) > 500);
    CHECK(count_in(img, {0, L.plot.bottom() + 2, 1280, 720 - L.plot.bottom() - 2}, dark) > 200);
}

TEST_CASE_FIXTURE(Fixture, "render: baseline is drawn dashed and dark, and other sizes work") {
    const ChartSpec spec = sample_spec("price_index", "baseline");
    RenderOptions o;
    o.width = 1920;
    o.height = 1080;
    const sf::Image img = render_chart_image(spec, font, o);
    CHECK(img.getSize() == sf::Vector2u(1920, 1080));
    save_png_atomic(img, out / "price_index_baseline_1080p.png");
    const ChartLayout L = compute_layout({0, 0, 1920, 1080}, spec, sfml_text_width(font));
    REQUIRE(spec.series[0].baseline);
    const Rgba base = spec.series[0].colour;
    // The foreground's line colour (at least 3:1 on white) is drawn; the baseline's hue is not
    // drawn at its own strength, but in its dark shade (7:1), and dashed: along its path there
    // are gaps, so far fewer of its pixels than of a solid line as long and as wide.
    const auto fg = count_in(
        img, L.plot, [&](sf::Color c) { return near(c, line_style(spec.series[1].colour), 2); });
    CHECK(fg > 1500);
    if (!(line_style(base) == baseline_style(base)))
        CHECK(count_in(img, L.plot, [&](sf::Color c) { return near(c, line_style(base), 2); }) ==
              0);
    const auto dashes =
        count_in(img, L.plot, [&](sf::Color c) { return near(c, baseline_style(base), 3); });
    CHECK(dashes > 500);
    // Thinner than the current line and dashed: fewer pixels than the (also long) current line.
    CHECK(dashes < fg);
    CHECK(contrast_ratio(baseline_style(base), Theme{}.background) >= 3.0);
}

TEST_CASE_FIXTURE(Fixture, "render: a panel drawn into part of a larger target stays inside it") {
    // How the live app will use it: several panels on one target.
    sf::RenderTexture rt;
    REQUIRE(rt.create(1280, 720));
    rt.clear(sf::Color(10, 20, 30));
    draw_line_chart(rt, sf::FloatRect(640, 360, 640, 360), sample_spec("sme_share_direct"), font);
    rt.display();
    const sf::Image img = rt.getTexture().copyToImage();
    const Rgba outside{10, 20, 30};
    CHECK(count_in(img, {0, 0, 1280, 360}, [&](sf::Color c) { return near(c, outside, 0); }) ==
          1280u * 360u);
    CHECK(count_in(img, {0, 360, 640, 360}, [&](sf::Color c) { return near(c, outside, 0); }) ==
          640u * 360u);
    CHECK(count_in(img, {640, 360, 640, 360},
                   [&](sf::Color c) { return near(c, Theme{}.background, 0); }) > 640u * 360u / 2);
    img.saveToFile((out / "panel.png").string());
}

TEST_CASE_FIXTURE(Fixture, "render: empty chart draws a no-data message, not a crash") {
    ChartSpec empty;
    empty.title = "Nothing yet";
    const sf::Image img = render_chart_image(empty, font);
    CHECK(img.getSize() == sf::Vector2u(1280, 720));
    const ChartLayout L = compute_layout({0, 0, 1280, 720}, empty, sfml_text_width(font));
    // "No data" is written in the middle of the (empty) plot.
    const Rect middle{L.no_data.pos.x - 150, L.no_data.pos.y - 40, 300, 60};
    REQUIRE(L.plot.contains(middle));
    const auto dark = [](sf::Color c) { return c.r < 120 && c.g < 120 && c.b < 120; };
    CHECK(count_in(img, middle, dark) > 100);
}

TEST_CASE("render: missing font is a clear error") {
    CHECK_THROWS_WITH(load_font("/nonexistent/Font.ttf"),
                      "font not found: /nonexistent/Font.ttf (on Debian: apt-get install "
                      "fonts-dejavu-core)");
}

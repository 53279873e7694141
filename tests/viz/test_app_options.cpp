// tendersim-viz's command line. No window.
#include "app/app_options.hpp"
#include "app/control_panel.hpp"
#include "app/controls.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace tendersim::viz;

namespace {

ParsedOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "tendersim-viz");
    return parse_app_options(static_cast<int>(args.size()), args.data(), "default.toml");
}

} // namespace

TEST_CASE("options: defaults and the screenshot mode") {
    auto p = parse({});
    REQUIRE(p.error.empty());
    CHECK(p.options.scenario_path == "default.toml");
    CHECK_FALSE(p.options.years);
    CHECK(p.options.speed == 1.0);
    CHECK_FALSE(p.options.play);

    p = parse({"scenarios/national.toml", "--screenshot", "out.png", "--years", "10", "--size",
               "1920x1080", "--set-from-year", "5:social_value_weight=0.6", "--set-from-year",
               "3:shared_back_office=true"});
    REQUIRE(p.error.empty());
    CHECK(p.options.scenario_path == "scenarios/national.toml");
    CHECK(p.options.screenshot == "out.png");
    CHECK(*p.options.years == 10);
    CHECK(p.options.width == 1920);
    CHECK(p.options.height == 1080);
    REQUIRE(p.options.changes.size() == 2);
    CHECK(p.options.changes[0].year == 5);
    CHECK(p.options.changes[0].key == "social_value_weight");
    CHECK(p.options.changes[0].value == 0.6);
    CHECK(p.options.changes[1].value == 1.0);

    p = parse({"--fps-report", "5", "--speed", "0"});
    REQUIRE(p.error.empty());
    CHECK(p.options.fps_report_seconds == 5.0);
    CHECK(p.options.play);
    CHECK(p.options.speed == kMaxSpeed);
}

TEST_CASE("options: mistakes are reported, not guessed") {
    CHECK(parse({"--size", "big"}).error.find("--size expects WIDTHxHEIGHT") == 0);
    CHECK(parse({"--size", "100x100"}).error.find("--size") == 0);
    CHECK(parse({"--years", "0"}).error == "--years must be from 1 to 200");
    CHECK(parse({"--set-from-year", "social_value_weight=0.6"}).error.find("YEAR:KEY=VALUE") !=
          std::string::npos);
    CHECK(parse({"--set-from-year", "5:social_value_weight=0.9"}).error.find("out of range") !=
          std::string::npos);
    CHECK(parse({"--set-from-year", "5:colour=1"}).error.find("unknown control 'colour'") !=
          std::string::npos);
    // Non-finite values are refused (nan compared false with both range bounds).
    for (const char* v : {"nan", "NaN", "inf", "-inf", "infinity"}) {
        CAPTURE(v);
        const std::string change = std::string("2:price_weight=") + v;
        CHECK(parse({"--set-from-year", change.c_str()}).error.find("finite number") !=
              std::string::npos);
    }
    CHECK(parse({"--set-from-year", "5:social_value_weight=lots"}).error.find("a number") !=
          std::string::npos);
    CHECK(parse({"--screenshot", "a.png", "--fps-report", "3"}).error.find("cannot be combined") !=
          std::string::npos);
    CHECK(parse({"--threads", "0"}).error == "--threads must be from 1 to 1024 (got 0)");
    // 70000 threads crashed in oneTBB's teardown at exit.
    CHECK(parse({"--threads", "70000"}).error == "--threads must be from 1 to 1024 (got 70000)");
    CHECK(parse({"--threads", "1024"}).error.empty());
    // The screenshot's format follows its extension; one SFML cannot write is refused up front.
    CHECK(parse({"--screenshot", "x.gif"}).error.find("--screenshot: cannot save 'x.gif'") == 0);
    CHECK(parse({"--screenshot", "x"}).error.find(".png, .jpg, .jpeg, .bmp or .tga") !=
          std::string::npos);
    for (const char* ok : {"x.png", "x.jpg", "x.JPEG", "dir/x.bmp", "x.tga"}) {
        CAPTURE(ok);
        CHECK(parse({"--screenshot", ok}).error.empty());
    }
    CHECK(parse({"--nope"}).error.find("see --help") != std::string::npos);
    const auto help = parse({"--help"});
    CHECK(help.options.help);
    CHECK(help.options.help_text.find("--screenshot") != std::string::npos);
    // --set-from-year takes every key the control bar moves, and its help lists them all.
    for (const std::string& key : control_keys()) {
        CAPTURE(key);
        CHECK(help.options.help_text.find(key) != std::string::npos);
    }
    const auto routes = parse({"--set-from-year", "5:direct_award_threshold_gbp=207720",
                               "--set-from-year", "5:framework_share=0.5"});
    REQUIRE(routes.error.empty());
    CHECK(routes.options.changes[0].key == "direct_award_threshold_gbp");
    CHECK(routes.options.changes[1].value == 0.5);
    CHECK(parse({"--set-from-year", "5:framework_share=2"}).error.find("out of range") !=
          std::string::npos);
}

TEST_CASE("options: projector mode (full screen, UI scale, frame rate only when asked)") {
    auto p = parse({});
    REQUIRE(p.error.empty());
    CHECK_FALSE(p.options.fullscreen);
    CHECK_FALSE(p.options.show_fps); // the room does not see the frame rate by default
    CHECK(p.options.ui_scale == 1.0f);
    CHECK(p.options.width == 0); // no --size: the screen's size (main.cpp)

    p = parse({"--fullscreen", "--ui-scale", "1.3", "--show-fps"});
    REQUIRE(p.error.empty());
    CHECK(p.options.fullscreen);
    CHECK(p.options.show_fps);
    CHECK(p.options.ui_scale == doctest::Approx(1.3f));

    for (const char* bad : {"0.2", "3", "nan", "x"}) {
        INFO(bad);
        CHECK_FALSE(parse({"--ui-scale", bad}).error.empty());
    }
    // --fps-report still measures without showing the counter.
    p = parse({"--fps-report", "5"});
    REQUIRE(p.error.empty());
    CHECK(p.options.fps_report_seconds == 5.0);
    CHECK_FALSE(p.options.show_fps);
}

TEST_CASE("options: --seed stops at 2^53 - 1, as tendersim run's does") {
    auto p = parse({"--seed", "9007199254740991"});
    REQUIRE(p.error.empty());
    CHECK(p.options.seed == 9007199254740991ULL);
    CHECK(parse({"--seed", "9007199254740992"}).error ==
          "--seed must be from 0 to 9007199254740991");
}

TEST_CASE("options: A vs B after a year, and the background seeds") {
    auto p = parse({"--a-after", "10", "--noise-seeds", "5"});
    REQUIRE(p.error.empty());
    CHECK(p.options.pin_after_year == 10);
    CHECK(p.options.noise_seeds == 5);
    CHECK(parse({}).options.pin_after_year == -1);
    // Year 0 has nothing simulated to fix as A.
    CHECK(parse({"--a-after", "0"}).error.find("--a-after must be a simulated year") == 0);
    CHECK(parse({"--noise-seeds", "10"}).error.find("--noise-seeds must be from 0 to 9") == 0);
}

TEST_CASE("options: --state alone or with a scenario, never with --seed, a missing file named") {
    // Parsing only checks that the file is there; app_state.cpp reads it (test_app_worker.cpp).
    const std::string file = std::string(TENDERSIM_SOURCE_DIR) + "/scenarios/baseline.toml";
    auto p = parse({"--state", file.c_str(), "--years", "12"});
    REQUIRE(p.error.empty());
    CHECK(p.options.state_path == file);
    CHECK_FALSE(p.options.scenario_given); // the saved scenario is used
    CHECK(*p.options.years == 12);
    p = parse({"scenarios/sv60.toml", "--state", file.c_str()});
    REQUIRE(p.error.empty());
    CHECK(p.options.scenario_given);
    CHECK(p.options.scenario_path == "scenarios/sv60.toml");
    CHECK(parse({}).options.state_path.empty());

    CHECK(parse({"--state", file.c_str(), "--seed", "3"}).error ==
          "--seed cannot go with --state: the state carries its seed");
    CHECK(parse({"--state", file.c_str(), "--noise-seeds", "2"})
              .error.find("--noise-seeds cannot go with --state") == 0);
    CHECK(parse({"--state", "no/such.state"}).error ==
          "--state no/such.state: no such file (save one with tendersim run --save-state, or "
          "Ctrl+S in the app)");
    const auto help = parse({"--help"}).options.help_text;
    CHECK(help.find("--state") != std::string::npos);
    CHECK(help.find("Ctrl+S") != std::string::npos);
}

TEST_CASE("options: --ensemble FILE [--members K] replaces the noise seeds") {
    const std::string file =
        std::string(TENDERSIM_SOURCE_DIR) + "/tests/viz/data/ensemble_small.toml";
    auto p = parse({"--ensemble", file.c_str()});
    REQUIRE(p.error.empty());
    CHECK(p.options.ensemble_path == file);
    CHECK(p.options.ensemble_members == 5);
    CHECK(p.options.noise_seeds == 0); // one band: the members'
    p = parse({"--ensemble", file.c_str(), "--members", "2"});
    REQUIRE(p.error.empty());
    CHECK(p.options.ensemble_members == 2);
    // --noise-seeds 0 says the same as the ensemble does; any other count is a second band.
    CHECK(parse({"--ensemble", file.c_str(), "--noise-seeds", "0"}).error.empty());
    CHECK(parse({"--ensemble", file.c_str(), "--noise-seeds", "3"})
              .error.find("--ensemble cannot go with --noise-seeds") == 0);
    CHECK(parse({"--ensemble", file.c_str(), "--members", "0"}).error ==
          "--members must be from 1 to 9 (got 0)");
    CHECK(parse({"--ensemble", file.c_str(), "--members", "10"}).error ==
          "--members must be from 1 to 9 (got 10)");
    CHECK(parse({"--members", "3"}).error.find("--members needs --ensemble FILE") == 0);
    CHECK(
        parse({"--ensemble", "no/such.toml"}).error.find("--ensemble no/such.toml: no such file") ==
        0);
    CHECK(parse({}).options.ensemble_path.empty());
    CHECK(parse({"--help"}).options.help_text.find("--ensemble") != std::string::npos);
}

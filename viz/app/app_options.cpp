#include "app/app_options.hpp"

#include "app/app_layout.hpp"
#include "app/control_panel.hpp"
#include "app/ensemble_runs.hpp"
#include "core/rng.hpp"
#include "io/errors.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cxxopts.hpp>
#include <filesystem>
#include <stdexcept>

namespace tendersim::viz {

namespace {

template <class T> bool parse_number(std::string_view s, T& out) {
    const char* b = s.data();
    const char* e = b + s.size();
    const auto r = std::from_chars(b, e, out);
    return r.ec == std::errc{} && r.ptr == e && !s.empty();
}

} // namespace

bool screenshot_format_supported(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".tga";
}

bool parse_window_size(std::string_view s, unsigned& w, unsigned& h) {
    const auto x = s.find('x');
    if (x == std::string_view::npos) return false;
    unsigned a = 0, b = 0;
    if (!parse_number(s.substr(0, x), a) || !parse_number(s.substr(x + 1), b)) return false;
    if (a < 320 || b < 200 || a > 8192 || b > 8192) return false;
    w = a;
    h = b;
    return true;
}

std::optional<ScheduledChange> parse_scheduled_change(std::string_view s, std::string& error) {
    const auto colon = s.find(':');
    const auto eq = s.find('=');
    if (colon == std::string_view::npos || eq == std::string_view::npos || eq < colon) {
        error = "expected YEAR:KEY=VALUE (e.g. 5:social_value_weight=0.6), got '" + std::string(s) +
                "'";
        return std::nullopt;
    }
    ScheduledChange c;
    if (!parse_number(s.substr(0, colon), c.year) || c.year < 1) {
        error = "year must be a whole number from 1, got '" + std::string(s.substr(0, colon)) + "'";
        return std::nullopt;
    }
    c.key = std::string(s.substr(colon + 1, eq - colon - 1));
    const std::string value(s.substr(eq + 1));
    if (value == "true" || value == "on")
        c.value = 1.0;
    else if (value == "false" || value == "off")
        c.value = 0.0;
    else {
        try {
            std::size_t used = 0;
            c.value = std::stod(value, &used);
            if (used != value.size()) throw std::invalid_argument(value);
            if (!std::isfinite(c.value)) {
                error = "value must be a finite number, got '" + value + "'";
                return std::nullopt;
            }
        } catch (const std::exception&) {
            error = "value must be a number (or true/false), got '" + value + "'";
            return std::nullopt;
        }
    }
    PolicyControls probe;
    if (std::string e = set_control(probe, c.key, c.value); !e.empty()) {
        error = e;
        return std::nullopt;
    }
    return c;
}

namespace {

// What can be told about --state before reading the file (read_state_file checks the rest).
std::string check_state_option(const std::string& path, bool seed, bool noise_seeds) {
    if (seed) return "--seed cannot go with --state: the state carries its seed";
    // Each background seed would need a saved state of its own.
    if (noise_seeds)
        return "--noise-seeds cannot go with --state: a saved state holds one seed, so no "
               "background seeds run";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return "--state " + path +
               ": no such file (save one with tendersim run --save-state, "
               "or Ctrl+S in the app)";
    return {};
}

// --ensemble and --members; the file itself is read later (main.cpp), as the scenario is.
std::string check_ensemble_options(const cxxopts::ParseResult& args, AppOptions& o) {
    if (args.count("members") && !args.count("ensemble"))
        return "--members needs --ensemble FILE (the parameter sets to draw the members from)";
    if (!args.count("ensemble")) return {};
    o.ensemble_path = args["ensemble"].as<std::string>();
    // One band at a time: a second band around the same line would make neither readable in a
    // quarter-width panel, and the two sets of runs would share two cores with the main runs.
    if (args.count("noise-seeds") && o.noise_seeds > 0)
        return "--ensemble cannot go with --noise-seeds: the band shows either chance (other "
               "seeds) or the model's uncertainty (the ensemble's members on the main seed); drop "
               "one";
    if (args.count("state"))
        return "--ensemble cannot go with --state: a saved state was built with one set of "
               "parameters, so the members' markets cannot continue it";
    o.noise_seeds = 0;
    o.ensemble_members = args["members"].as<int>();
    if (o.ensemble_members < 1 || o.ensemble_members > kMaxEnsembleMembers)
        return "--members must be from 1 to " + std::to_string(kMaxEnsembleMembers) + " (got " +
               std::to_string(o.ensemble_members) + ")";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.ensemble_path, ec))
        return "--ensemble " + o.ensemble_path +
               ": no such file (tendersim calibrate writes one: "
               "results/calibrate-SCENARIO/ensemble.toml)";
    return {};
}

} // namespace

ParsedOptions parse_app_options(int argc, const char* const* argv,
                                const std::string& default_scenario) {
    ParsedOptions out;
    AppOptions& o = out.options;
    cxxopts::Options opts("tendersim-viz",
                          "Live workshop view of a tendersim market: move the policy levers and "
                          "watch the market and the charts react, with the unchanged baseline "
                          "run drawn as a dashed line beside the current one. Needs an X display "
                          "(on a headless machine: xvfb-run -a).");
    opts.positional_help("[SCENARIO.toml]");
    // clang-format off
    opts.add_options()
        ("scenario", "scenario file (default: scenarios/baseline.toml in the data directory)", cxxopts::value<std::string>())
        ("seed", "base seed (default: the scenario's run.seed)", cxxopts::value<std::uint64_t>())
        ("state", "start from this saved state (tendersim run --save-state, or Ctrl+S in the "
                  "app), under SCENARIO if given (it must agree with the saved one on the years "
                  "already run), else the saved scenario; the charts start at the state's year, "
                  "--years still counts from year 1, and no background seeds run (the state "
                  "holds one seed)", cxxopts::value<std::string>())
        ("years", "years to simulate (default: the scenario's run.years); with --screenshot, the "
                  "years run before the picture", cxxopts::value<int>())
        ("screenshot", "run --years years as fast as possible, save the window to this file, exit "
                       "(PNG, JPEG, BMP or TGA by its extension)",
         cxxopts::value<std::string>())
        ("set-from-year", "YEAR:KEY=VALUE: move a lever from that year, as if in the app "
                          "(repeatable; keys: social_value_weight, price_weight, "
                          "outcome_spec_share, lot_threshold_gbp, sme_reserve_threshold_gbp, "
                          "shared_back_office, framework_share, direct_award_threshold_gbp, "
                          "quote_threshold_gbp)", cxxopts::value<std::vector<std::string>>())
        ("size", "window size WIDTHxHEIGHT (default: the screen's size)",
         cxxopts::value<std::string>())
        ("fullscreen", "start full screen (F11 toggles)")
        ("ui-scale", "text and control size, 0.5 to 2 (1 = sized for the window; Ctrl +/- and "
                     "Ctrl 0 change it while running)", cxxopts::value<float>())
        ("show-fps", "show the frame rate in the title bar (F toggles)")
        ("speed", "years a second when playing (0 = as fast as they compute)",
         cxxopts::value<double>()->default_value("1"))
        ("play", "start playing at once")
        ("fps-report", "play for this many seconds, print frame-time statistics, exit",
         cxxopts::value<double>())
        ("no-frame-limit", "draw as fast as possible instead of at most 60 frames a second")
        ("a-after", "A-vs-B: once this year is done, the dashed line keeps that year's policy (A) "
                    "and later changes (--set-from-year or the levers) make B; key A in the app",
         cxxopts::value<int>())
        ("noise-seeds", "more seeds run in the background; the charts draw their spread (0: none; "
                        "none with --state)",
         cxxopts::value<int>()->default_value("3"))
        ("ensemble", "a calibration's ensemble file (tendersim calibrate's ensemble.toml, e.g. "
                     "scenarios/ensembles/baseline.toml): its first --members parameter sets run "
                     "in the background on the main run's seed, and the charts draw their spread "
                     "as the model's uncertainty instead of the seeds' (not with --noise-seeds or "
                     "--state)", cxxopts::value<std::string>())
        ("members", "with --ensemble: how many of its members run, 1 to 9 (the first ones)",
         cxxopts::value<int>()->default_value("5"))
        ("threads", "engine threads per run (results do not depend on it)",
         cxxopts::value<int>()->default_value("1"))
        ("h,help", "this help");
    // clang-format on
    opts.parse_positional({"scenario"});
    try {
        // cxxopts wants char**; it does not write through it.
        const auto args = opts.parse(argc, const_cast<char**>(argv));
        if (args.count("help")) {
            o.help = true;
            o.help_text =
                opts.help() +
                "\nKeys: Space play/pause, N step a year, R reset (to year 0, or to the --state), "
                "+/- speed, K save this year, "
                "B back to the saved year (then move a lever to branch), S save a screenshot, "
                "Ctrl+S save the run's state to results/app-SCENARIO-year-N.state (reopen it "
                "with --state), "
                "F11 full screen, Ctrl +/- larger/smaller text and controls (Ctrl 0 resets), F "
                "frame rate, P / Shift+P next / previous policy preset (from the next year), O / "
                "Shift+O next / previous scenario file in the scenario's folder, C / Shift+C "
                "switch the chart under the pointer, A fix the current policy as A (the dashed "
                "line) so the levers try B against it, Esc quit.\nExit codes: 0 ok; 2 bad "
                "arguments, an invalid scenario or state file, or no X display; 3 a file could not "
                "be read or written (e.g. the screenshot); 4 internal "
                "error.\n";
            return out;
        }
        o.scenario_given = args.count("scenario") > 0;
        o.scenario_path = o.scenario_given ? args["scenario"].as<std::string>() : default_scenario;
        if (args.count("state")) {
            o.state_path = args["state"].as<std::string>();
            if (std::string e = check_state_option(o.state_path, args.count("seed") > 0,
                                                   args.count("noise-seeds") > 0);
                !e.empty()) {
                out.error = e;
                return out;
            }
        }
        if (args.count("seed")) {
            o.seed = args["seed"].as<std::uint64_t>();
            // As tendersim run: seeds a double holds exactly, so R and pandas read them back.
            if (*o.seed > max_exact_seed) {
                out.error = "--seed must be from 0 to " + std::to_string(max_exact_seed);
                return out;
            }
        }
        if (args.count("years")) {
            o.years = args["years"].as<int>();
            if (*o.years < 1 || *o.years > 200) {
                out.error = "--years must be from 1 to 200";
                return out;
            }
        }
        if (args.count("screenshot")) {
            o.screenshot = args["screenshot"].as<std::string>();
            if (!screenshot_format_supported(o.screenshot)) {
                out.error = "--screenshot: cannot save '" + o.screenshot +
                            "': the format is chosen by the extension, one of .png, .jpg, "
                            ".jpeg, .bmp or .tga";
                return out;
            }
        }
        if (args.count("set-from-year"))
            for (const auto& s : args["set-from-year"].as<std::vector<std::string>>()) {
                std::string error;
                auto c = parse_scheduled_change(s, error);
                if (!c) {
                    out.error = "--set-from-year: " + error;
                    return out;
                }
                o.changes.push_back(*c);
            }
        if (args.count("size") &&
            !parse_window_size(args["size"].as<std::string>(), o.width, o.height)) {
            out.error = "--size expects WIDTHxHEIGHT between 320x200 and 8192x8192, got '" +
                        args["size"].as<std::string>() + "'";
            return out;
        }
        o.fullscreen = args.count("fullscreen") > 0;
        o.show_fps = args.count("show-fps") > 0;
        if (args.count("ui-scale")) {
            o.ui_scale = args["ui-scale"].as<float>();
            if (!(o.ui_scale >= kMinUiScale && o.ui_scale <= kMaxUiScale)) {
                out.error = "--ui-scale must be from 0.5 to 2";
                return out;
            }
        }
        o.speed = args["speed"].as<double>();
        if (!(o.speed >= 0.0)) {
            out.error = "--speed must be 0 (fastest) or more";
            return out;
        }
        if (o.speed == 0.0) o.speed = kMaxSpeed;
        o.play = args.count("play") > 0;
        if (args.count("fps-report")) {
            o.fps_report_seconds = args["fps-report"].as<double>();
            if (!(o.fps_report_seconds > 0.0)) {
                out.error = "--fps-report needs a number of seconds above 0";
                return out;
            }
            o.play = true;
        }
        o.frame_limit = args.count("no-frame-limit") == 0;
        if (args.count("a-after")) {
            o.pin_after_year = args["a-after"].as<int>();
            if (o.pin_after_year < 1) {
                out.error = "--a-after must be a simulated year, 1 or more (got " +
                            std::to_string(o.pin_after_year) + ")";
                return out;
            }
        }
        o.noise_seeds = args["noise-seeds"].as<int>();
        if (o.noise_seeds < 0 || o.noise_seeds > kMaxNoiseSeeds) {
            out.error = "--noise-seeds must be from 0 to " + std::to_string(kMaxNoiseSeeds) +
                        " (got " + std::to_string(o.noise_seeds) + ")";
            return out;
        }
        if (std::string e = check_ensemble_options(args, o); !e.empty()) {
            out.error = e;
            return out;
        }
        o.threads = args["threads"].as<int>();
        if (o.threads < 1 || o.threads > kMaxThreads) {
            out.error = "--threads must be from 1 to " + std::to_string(kMaxThreads) + " (got " +
                        std::to_string(o.threads) + ")";
            return out;
        }
        if (!o.screenshot.empty() && o.fps_report_seconds > 0.0) {
            out.error = "--screenshot and --fps-report cannot be combined";
            return out;
        }
    } catch (const cxxopts::exceptions::exception& e) {
        out.error = std::string(e.what()) + " (see --help)";
    }
    return out;
}

} // namespace tendersim::viz

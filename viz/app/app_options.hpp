#pragma once
// tendersim-viz's command line, parsed into plain values (no SFML, unit-tested).
#include "app/sim_worker.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

// More background seeds would slow the main runs more than they sharpen the bands.
inline constexpr int kMaxNoiseSeeds = 9;

struct AppOptions {
    std::string scenario_path;
    bool scenario_given = false; // SCENARIO on the command line (with --state: continue under it)
    std::string state_path;      // --state: continue this saved state (docs/state-format.md)
    std::optional<std::uint64_t> seed; // base seed; default: the scenario's run.seed
    std::optional<int> years;          // run horizon; with --screenshot, years before the shot
    std::string screenshot;            // image path (.png, .jpg, .bmp, .tga): run, save, exit
    unsigned width = 0, height = 0;    // window size; 0: the desktop's size
    bool fullscreen = false;           // start full screen (F11 toggles)
    float ui_scale = 1.0f;             // text and control size factor (Ctrl +/-/0 at run time)
    bool show_fps = false;             // frame rate in the title bar (F toggles)
    double fps_report_seconds = 0;     // > 0: run that long, print frame statistics, exit
    std::vector<ScheduledChange> changes;
    double speed = 1.0; // years a second
    bool play = false;
    int threads = 1;         // 1 to kMaxThreads (io/errors.hpp)
    int pin_after_year = -1; // --a-after YEAR: A-vs-B from the year after
    // Background seeds for the spread bands, 0 to kMaxNoiseSeeds; none run with --state (the
    // state holds one seed), but a scenario switched to (O) has them again.
    int noise_seeds = 3;
    // --ensemble: a calibration's ensemble file; its first ensemble_members members run in the
    // background instead of the noise seeds (ensemble_runs.hpp). Empty: none.
    std::string ensemble_path;
    int ensemble_members = 5; // --members, 1 to kMaxEnsembleMembers
    bool frame_limit = true;  // cap drawing at 60 frames a second
    bool help = false;
    std::string help_text;
};

struct ParsedOptions {
    AppOptions options;
    std::string error; // empty on success
};

// default_scenario is used when no SCENARIO is given.
ParsedOptions parse_app_options(int argc, const char* const* argv,
                                const std::string& default_scenario);

// "5:social_value_weight=0.6" -> {5, "social_value_weight", 0.6}; error names what is wrong.
std::optional<ScheduledChange> parse_scheduled_change(std::string_view text, std::string& error);

// Whether SFML can save an image to this path: its extension is .png, .jpg, .jpeg, .bmp or .tga
// (any case); SFML picks the encoder from it.
bool screenshot_format_supported(const std::string& path);

// "1920x1080" -> width, height (each 320-8192).
bool parse_window_size(std::string_view text, unsigned& width, unsigned& height);

} // namespace tendersim::viz

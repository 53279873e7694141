// tendersim-viz: the live workshop app. Exit codes as every tendersim program (io/errors.hpp): 0
// ok, 2 bad arguments, an invalid scenario or no X display, 3 a file could not be read or
// written, 4 internal error.
#include "app/app.hpp"
#include "app/app_options.hpp"
#include "app/app_state.hpp"
#include "chart/display.hpp"
#include "chart/font.hpp"
#include "io/data_dir.hpp"
#include "io/errors.hpp"
#include "io/input_file_error.hpp"
#include "io/scenario_loader.hpp"
#include "validation/parameter_sets.hpp"

#include <SFML/Window/VideoMode.hpp>
#include <algorithm>
#include <exception>
#include <filesystem>
#include <iostream>

using namespace tendersim;
using namespace tendersim::viz;

namespace {

constexpr const char* kProgram = "tendersim-viz";

int fail(const std::string& message, int code) {
    std::cerr << kProgram << ": " << message << "\n";
    return code;
}

// scenarios/baseline.toml from the data directories (io/data_dir.hpp), or empty with why in
// `missing`: --help, and a scenario given on the command line, need no data.
std::string default_scenario(std::string& missing) {
    try {
        return find_data_file("scenarios/baseline.toml").string();
    } catch (const InputFileError& e) {
        missing = e.what();
        return {};
    }
}

// The desktop's size: a workshop shows the app on the whole screen (or projector), and a window
// smaller than the screen only wastes the room's view of it.
void default_size(unsigned& w, unsigned& h) {
    const sf::VideoMode desk = sf::VideoMode::getDesktopMode();
    w = std::max(640u, desk.width);
    h = std::max(360u, desk.height);
}

// --ensemble's members that will run. Throws EnsembleFileError (file:line) for a bad file or a
// member that does not fit the scenario: reported before any window opens.
std::shared_ptr<const Ensemble> load_ensemble(const AppOptions& o, const ScenarioSpec& spec) {
    auto e = std::make_shared<Ensemble>();
    e->sets = validation::read_ensemble(o.ensemble_path);
    e->members = members_run(e->sets, o.ensemble_members);
    if (e->members < static_cast<std::size_t>(o.ensemble_members))
        std::cerr << kProgram << ": note: " << o.ensemble_path << " has only " << e->sets.size()
                  << (e->sets.size() == 1 ? " member" : " members") << "; all run (--members "
                  << o.ensemble_members << ")\n";
    member_runs(spec, spec, *e, 0);
    return e;
}

// The runs to start, from the scenario or from a saved state (--state, then start_year is its
// year). Throws on a bad scenario or state file.
RunSetup make_setup(const AppOptions& o, int& start_year) {
    RunSetup setup;
    if (o.state_path.empty()) {
        setup.spec = load_scenario_file(o.scenario_path);
        setup.base_seed = o.seed ? *o.seed : static_cast<std::uint64_t>(setup.spec.run.seed);
    } else {
        StateStart start = start_from_state(o.state_path, o.scenario_given ? o.scenario_path : "");
        if (!start.warning.empty()) std::cerr << kProgram << ": warning: " << start.warning << "\n";
        setup.spec = std::move(start.spec);
        setup.start = std::move(start.state);
        setup.base_seed = start.base_seed;
        start_year = start.year;
    }
    setup.horizon = o.years ? *o.years : static_cast<int>(setup.spec.run.years);
    setup.threads = o.threads;
    setup.noise_seeds = setup.start ? 0 : o.noise_seeds; // one seed's state: no bands
    if (!o.ensemble_path.empty()) setup.ensemble = load_ensemble(o, setup.spec);
    // Idle priority keeps a live window smooth; a screenshot has no viewer to keep smooth, and on
    // a busy machine (CI) idle-priority seeds could wait for minutes.
    setup.seeds_at_idle_priority = o.screenshot.empty();
    setup.pin_after_year = o.pin_after_year;
    setup.scheduled = o.changes;
    return setup;
}

// What the options ask of the years that cannot be: empty if nothing.
std::string check_setup(const RunSetup& setup, const AppOptions& o, int start_year) {
    const std::string after = ": the run starts after year " + std::to_string(start_year) +
                              " (the saved state's); give a later year";
    if (setup.start && setup.horizon <= start_year)
        return o.state_path + ": the state was saved after year " + std::to_string(start_year) +
               "; give --years above " + std::to_string(start_year) +
               " (the years count from year 1)";
    if (setup.horizon < 1) // run.years = 0 is `tendersim run`'s starting market: nothing to play
        return o.scenario_path + " sets run.years = 0; give --years from 1 to 200";
    if (setup.pin_after_year >= 0 && setup.pin_after_year <= start_year)
        return "--a-after " + std::to_string(setup.pin_after_year) + after;
    for (const auto& c : setup.scheduled)
        if (c.year <= start_year)
            return "--set-from-year " + std::to_string(c.year) + ":" + c.key + after;
    if (setup.pin_after_year >= setup.horizon)
        return "--a-after " + std::to_string(setup.pin_after_year) +
               ": A must be fixed before the last year simulated (" +
               std::to_string(setup.horizon) + ")";
    return {};
}

int run(int argc, char** argv) {
    std::string missing;
    const ParsedOptions parsed = parse_app_options(argc, argv, default_scenario(missing));
    if (!parsed.error.empty()) return fail(parsed.error, kExitBadInput);
    const AppOptions& o = parsed.options;
    if (o.help) {
        std::cout << o.help_text;
        return 0;
    }
    if (o.scenario_path.empty() && o.state_path.empty()) return fail(missing, kExitBadInput);

    int start_year = 0; // a saved state's year, else 0
    RunSetup setup = make_setup(o, start_year);
    if (const std::string error = check_setup(setup, o, start_year); !error.empty())
        return fail(error, kExitBadInput);
    for (const auto& c : setup.scheduled)
        if (c.year > setup.horizon)
            std::cerr << kProgram << ": note: the change from year " << c.year
                      << " is after the last year simulated (" << setup.horizon << ")\n";
    const bool screenshot = !o.screenshot.empty();
    setup.speed = screenshot ? kMaxSpeed : o.speed;
    setup.playing = o.play || screenshot;

    // Before the first SFML call: without a display SFML aborts the process.
    if (const DisplayStatus d = check_display(kProgram); !d.ok)
        return fail(d.message, kExitBadInput);

    sf::Font font, bold;
    try {
        font = load_font();
        bold = load_font(kDefaultBoldFontPath);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitBadInput); // an installation problem, like a missing display
    }
    unsigned w = o.width, h = o.height;
    if (w == 0) default_size(w, h);
    // Full screen is the desktop's size whatever --size says (--size is the size F11 returns to).
    App app(o, std::move(setup), w, h, font, bold);
    return app.run();
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        return report_error(kProgram, e); // the exit code every tendersim program gives for it
    }
}

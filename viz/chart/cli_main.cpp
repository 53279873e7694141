// tendersim-chart: one PNG line chart per metric from a results directory's metrics.csv.
// Exit codes as every tendersim program (io/errors.hpp): 0 success, 2 bad arguments or input or no
// X display, 3 a file could not be read or written, 4 internal error.
#include "chart/chart_set.hpp"
#include "chart/chart_spec.hpp"
#include "chart/comparison_chart.hpp"
#include "chart/display.hpp"
#include "chart/font.hpp"
#include "chart/render.hpp"
#include "chart/series.hpp"
#include "io/errors.hpp"
#include "io/file_io.hpp"

#include <algorithm>
#include <charconv>
#include <cxxopts.hpp>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tendersim::viz;

namespace {

// "tendersim chart" when `tendersim chart` runs this program (it passes that as argv[0]), so
// help and messages name the command the user typed.
const char* program_name = "tendersim-chart";

int fail(const std::string& message, int code = tendersim::kExitBadInput) {
    std::cerr << program_name << ": " << message << "\n";
    return code;
}

bool parse_size(const std::string& s, unsigned& w, unsigned& h) {
    const auto x = s.find('x');
    if (x == std::string::npos) return false;
    const char* b = s.data();
    const auto r1 = std::from_chars(b, b + x, w);
    const auto r2 = std::from_chars(b + x + 1, b + s.size(), h);
    return r1.ec == std::errc{} && r1.ptr == b + x && r2.ec == std::errc{} &&
           r2.ptr == b + s.size() && w >= 320 && h >= 200 && w <= 8192 && h <= 8192;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

int run(int argc, char** argv) {
    cxxopts::Options opts(program_name,
                          "Render one PNG line chart per metric from a tendersim results directory "
                          "(reads RESULTS_DIR/metrics.csv, or the replicates.csv of a `tendersim "
                          "compare` directory). Needs an X display: on a headless machine run "
                          "under `xvfb-run -a`.");
    opts.positional_help("RESULTS_DIR");
    // clang-format off
    opts.add_options()
        ("results", "results directory containing metrics.csv or replicates.csv (or the CSV file itself)",
         cxxopts::value<std::string>())
        ("o,out", "output directory (default: RESULTS_DIR/charts)", cxxopts::value<std::string>())
        ("m,metrics", "comma-separated metrics to chart (default: the headline metrics, and spend by route for each scenario that buys by other routes than open procedures)",
         cxxopts::value<std::vector<std::string>>())
        ("all", "chart every metric in the file (metrics zero throughout are listed, not drawn)")
        ("baseline", "scenario to draw as a dashed baseline line over the others",
         cxxopts::value<std::string>())
        ("size", "image size WIDTHxHEIGHT in pixels",
         cxxopts::value<std::string>()->default_value("1280x720"))
        ("h,help", "show this help");
    // clang-format on
    opts.parse_positional({"results"});

    cxxopts::ParseResult args;
    try {
        args = opts.parse(argc, argv);
    } catch (const cxxopts::exceptions::exception& e) {
        return fail(std::string(e.what()) + " (see --help)");
    }
    if (args.count("help")) {
        std::cout << opts.help() << "\n" << tendersim::kExitCodesHelp;
        return 0;
    }
    if (!args.count("results")) return fail("missing RESULTS_DIR (see --help)");

    const fs::path results = args["results"].as<std::string>();
    std::error_code ec;
    fs::path csv, default_out;
    bool comparison = false;
    if (fs::is_directory(results, ec)) {
        csv = results / "metrics.csv";
        // A `tendersim compare` directory: its comparison.csv holds the paired differences the
        // report tests (directories from before scenarios.csv fall back to replicates.csv).
        comparison = !fs::exists(csv, ec) && fs::is_regular_file(results / "comparison.csv", ec) &&
                     fs::is_regular_file(results / "scenarios.csv", ec);
        if (!comparison && !fs::exists(csv, ec) &&
            fs::is_regular_file(results / "replicates.csv", ec))
            csv = results / "replicates.csv";
        default_out = results / "charts";
    } else if (fs::is_regular_file(results, ec)) {
        csv = results;
        default_out = results.parent_path() / "charts";
    } else {
        return fail(results.string() + ": no such results directory");
    }
    if (!comparison && !fs::is_regular_file(csv, ec))
        return fail(csv.string() + ": no metrics file");
    const fs::path out = args.count("out") ? fs::path(args["out"].as<std::string>()) : default_out;
    RenderOptions render;
    if (!parse_size(args["size"].as<std::string>(), render.width, render.height))
        return fail("--size expects WIDTHxHEIGHT between 320x200 and 8192x8192, got '" +
                    args["size"].as<std::string>() + "'");
    const std::vector<std::string> named = args.count("metrics")
                                               ? args["metrics"].as<std::vector<std::string>>()
                                               : std::vector<std::string>{};

    // Before anything touches SFML: without a display it would abort the process.
    if (const DisplayStatus d = check_display(program_name); !d.ok)
        return fail(d.message, kNoDisplayExitCode);

    ChartSet set;
    try {
        if (comparison) {
            const ComparisonTable table = read_comparison(results);
            const std::vector<std::string> available = table.metrics();
            for (const auto& m : named)
                if (std::find(available.begin(), available.end(), m) == available.end())
                    return fail("metric '" + m + "' is not in " +
                                (results / "comparison.csv").string() +
                                " (available: " + join(available) + ")");
            set = plan_comparison_charts(table, named.empty() ? available : named);
        } else {
            const MetricsTable table = read_metrics_csv(csv);
            if (table.rows.empty()) return fail(csv.string() + ": no data rows");
            if (table.missing_values > 0)
                std::cerr << program_name << ": note: " << table.missing_values
                          << " row(s) have value 'nan' and are left out of the means\n";
            const std::vector<std::string> available = table.metrics();
            for (const auto& m : named)
                if (std::find(available.begin(), available.end(), m) == available.end())
                    return fail("metric '" + m + "' is not in " + csv.string() +
                                " (available: " + join(available) + ")");
            RunChartChoice choice;
            choice.metrics = named;
            choice.all = args.count("all") > 0;
            if (args.count("baseline")) {
                choice.baseline = args["baseline"].as<std::string>();
                const auto sc = table.scenarios();
                if (std::find(sc.begin(), sc.end(), choice.baseline) == sc.end())
                    return fail("baseline scenario '" + choice.baseline + "' is not in " +
                                csv.string() + " (scenarios: " + join(sc) + ")");
            }
            set = plan_run_charts(table, choice);
        }
    } catch (const std::exception& e) {
        return fail(e.what());
    }

    fs::create_directories(out, ec);
    if (ec)
        return fail("cannot create " + out.string() + ": " + ec.message(),
                    tendersim::kExitIoFailure);

    sf::Font font, bold;
    try {
        font = load_font();
        bold = load_font(kDefaultBoldFontPath);
    } catch (const std::exception& e) {
        return fail(e.what()); // an installation problem, like a missing display
    }
    try {
        render.title_font = &bold;
        for (const auto& c : set.charts) {
            const fs::path png = out / c.file;
            save_png_atomic(render_chart_image(c.spec, font, render), png);
            std::cout << "wrote " << png.string() << "\n";
        }
        const fs::path index = out / "index.md";
        tendersim::write_file_checked(index, chart_index_markdown(set));
        std::cout << "wrote " << index.string() << " (" << set.charts.size() << " charts";
        if (!set.skipped.empty())
            std::cout << "; " << set.skipped.size() << " zero throughout, not drawn";
        std::cout << ")\n";
    } catch (const std::exception& e) {
        return tendersim::report_error(program_name, e); // a failed write: 3
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 0 && std::string_view(argv[0]) == "tendersim chart")
        program_name = "tendersim chart";
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        return tendersim::report_error(program_name, e);
    }
}

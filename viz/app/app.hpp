#pragma once
// The window, its event loop and the link between the controls and the simulation thread.
#include "app/app_options.hpp"
#include "app/frame_stats.hpp"
#include "app/scene.hpp"
#include "app/sim_worker.hpp"
#include "app/trainer_flow.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::viz {

class App {
  public:
    // Opens the window (the display must have been checked) and starts the simulation thread.
    App(const AppOptions& options, RunSetup setup, unsigned width, unsigned height,
        const sf::Font& font, const sf::Font& bold);
    // Runs until the window closes, or the screenshot is saved, or the fps report is printed.
    // Returns the process exit code.
    int run();

  private:
    void handle(const sf::Event& e);
    void press(Vec2 p);
    void drag(Vec2 p);
    void key(const sf::Event::KeyEvent& k);
    void set_fullscreen(bool on); // recreates the window (F11)
    void set_ui_scale(float ui_scale);
    void relayout(unsigned width, unsigned height);
    void reset(std::uint64_t base_seed); // back to year 0 with this seed
    void change_seed(int direction);     // Seed - / +: asks first if it would wipe moved levers
    void save_state();                   // K
    void save_state_file();              // Ctrl+S: the current run's state, for --state
    void rewind();                       // B
    void change_controls(const PolicyControls& c);
    void next_preset(int step);   // P / Shift+P: the next policy preset, from the next year
    void next_scenario(int step); // O / Shift+O: the next scenario file beside the first one
    void show_toast(std::string text, std::chrono::milliseconds how_long);
    void take_new_snapshot();
    FrameState frame_state(bool for_picture) const;
    sf::Image render_image();
    void save_screenshot(const std::filesystem::path& path);
    void poll_saving(); // shows the result of a finished save
    void poll_state_saving();
    std::filesystem::path next_screenshot_name() const;

    const AppOptions& options_;
    std::string title_;
    sf::RenderWindow window_;
    RunSetup setup_; // of the running scenario: what a scenario switch starts from
    // --ensemble's members, kept for every scenario switched to (setup_ drops them for a
    // scenario they do not fit).
    std::shared_ptr<const Ensemble> ensemble_;
    std::unique_ptr<SimWorker> worker_;
    PolicyControls scenario_start_; // the levers as the scenario starts, for presets
    std::size_t preset_ = 0;
    std::vector<std::string> scenario_files_; // listed on the first O
    Scene scene_;
    unsigned width_, height_;
    unsigned windowed_width_, windowed_height_; // the size to return to from full screen
    bool fullscreen_ = false;
    float ui_scale_ = 1.0f;
    bool show_fps_ = false;
    std::shared_ptr<const Snapshot> snap_;
    PolicyControls controls_;
    std::uint64_t seen_epoch_ = 0;
    std::optional<ControlId> dragging_;
    std::optional<ControlId> hot_;
    std::optional<ControlId> hover_row_; // for the lever tooltip
    Vec2 mouse_{-1, -1};
    std::string toast_;
    std::chrono::steady_clock::time_point toast_until_;
    double fps_ = 0;
    FrameStats stats_;
    std::future<std::string> saving_; // a screenshot being written (see save_screenshot)
    // Ctrl+S: the state asked of the worker, then being written (see save_state_file).
    std::future<SimulationState> state_asked_;
    std::future<std::string> state_writing_;
    std::optional<std::chrono::steady_clock::time_point> seed_armed_; // the seed warning shown
    std::optional<std::uint64_t> save_asked_; // snapshot version when K was pressed, until shown
};

} // namespace tendersim::viz

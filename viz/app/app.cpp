#include "app/app.hpp"

#include "app/app_state.hpp"
#include "app/lever_notes.hpp"
#include "app/presets.hpp"
#include "chart/render.hpp"
#include "core/rng.hpp"
#include "io/errors.hpp"
#include "io/scenario_loader.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/VideoMode.hpp>
#include <algorithm>
#include <cmath>
#include <future>
#include <iostream>

namespace tendersim::viz {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

App::App(const AppOptions& options, RunSetup setup, unsigned width, unsigned height,
         const sf::Font& font, const sf::Font& bold)
    : options_(options), title_("tendersim \u00B7 " + setup.spec.name), setup_(setup),
      ensemble_(setup.ensemble), worker_(std::make_unique<SimWorker>(std::move(setup))),
      scenario_start_(controls_from_policy(setup_.spec.policy)), scene_(font, bold), width_(width),
      height_(height), windowed_width_(width), windowed_height_(height),
      ui_scale_(clamp_ui_scale(options.ui_scale)), show_fps_(options.show_fps) {
    set_fullscreen(options_.fullscreen);
    // A scenario that buys by other routes than the open procedure shows its spend by route.
    scene_.set_panels(initial_panels(setup_.spec));
    take_new_snapshot();
    if (setup_.start)
        show_toast(state_start_toast(options_.state_path, snap_->start_year),
                   std::chrono::seconds(8));
}

void App::relayout(unsigned width, unsigned height) {
    width_ = std::max(320u, width);
    height_ = std::max(200u, height);
    window_.setView(
        sf::View(sf::FloatRect(0, 0, static_cast<float>(width), static_cast<float>(height))));
    scene_.resize(width_, height_, ui_scale_);
}

void App::set_fullscreen(bool on) {
    // SFML 2.5 changes between windowed and full screen only by creating the window again; the
    // scene's cached pictures are textures of their own and survive it.
    fullscreen_ = on;
    const sf::VideoMode desk = sf::VideoMode::getDesktopMode();
    if (on)
        window_.create(desk, sf::String::fromUtf8(title_.begin(), title_.end()),
                       sf::Style::Fullscreen);
    else
        window_.create(sf::VideoMode(windowed_width_, windowed_height_),
                       sf::String::fromUtf8(title_.begin(), title_.end()), sf::Style::Default);
    // 60 frames a second is smooth; drawing faster only takes CPU from the simulation.
    if (options_.frame_limit) window_.setFramerateLimit(60);
    window_.setKeyRepeatEnabled(false);
    if (!on) {
        // Centre it ourselves: SFML 2.5 placed a 1920x1080 window at y = 420 on a 1920x1080 Xvfb
        // screen, its bottom part off the screen (and out of reach of the pointer).
        const auto centre = [](unsigned screen, unsigned size) {
            return screen > size ? static_cast<int>((screen - size) / 2) : 0;
        };
        window_.setPosition(
            {centre(desk.width, windowed_width_), centre(desk.height, windowed_height_)});
    }
    const sf::Vector2u size = window_.getSize();
    relayout(size.x, size.y);
}

void App::set_ui_scale(float ui_scale) {
    ui_scale_ = clamp_ui_scale(ui_scale);
    scene_.resize(width_, height_, ui_scale_);
    // Past what the window fits the layout stops growing (app_scale): keep the factor at what is
    // shown, so the next Ctrl+minus makes things smaller at once.
    const float base = app_scale(static_cast<float>(width_), static_cast<float>(height_), 1.0f);
    const float shown = scene_.layout().scale / base;
    const bool limited = ui_scale_ > 1.0f && shown < ui_scale_ - 1e-3f;
    if (limited)
        ui_scale_ = std::max(1.0f, std::floor(shown / kUiScaleStep + 1e-3f) * kUiScaleStep);
    show_toast("Text size " + std::to_string(static_cast<int>(std::lround(ui_scale_ * 100.0f))) +
                   "%" + (limited ? " (the largest this window fits)" : ""),
               std::chrono::milliseconds(1500));
}

void App::change_controls(const PolicyControls& c) {
    if (c == controls_) return;
    controls_ = c;
    worker_->request_controls(controls_);
}

void App::show_toast(std::string text, std::chrono::milliseconds how_long) {
    toast_ = std::move(text);
    toast_until_ = Clock::now() + how_long;
}

void App::next_preset(int step) {
    const auto all = presets();
    const auto n = static_cast<std::ptrdiff_t>(all.size());
    preset_ = static_cast<std::size_t>(((static_cast<std::ptrdiff_t>(preset_) + step) % n + n) % n);
    change_controls(preset_controls(all[preset_], scenario_start_));
    show_toast("Preset: " + all[preset_].name + " (from year " + std::to_string(snap_->year + 1) +
                   ")",
               std::chrono::seconds(3));
}

void App::next_scenario(int step) {
    namespace fs = std::filesystem;
    if (scenario_files_.empty()) {
        // The scenario files beside the one the app started with that it can draw: a market of
        // up to ~25,000 suppliers (the continental stress test would take minutes to build).
        std::vector<std::string> files;
        std::error_code ec;
        for (const auto& e :
             fs::directory_iterator(fs::path(options_.scenario_path).parent_path(), ec))
            if (e.path().extension() == ".toml") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            try {
                const ScenarioSpec spec = load_scenario_file(f);
                // A file with run.years = 0 (a starting market) has nothing to play, unless
                // --years gives the years.
                if (spec.market.suppliers <= 25'000 && (spec.run.years >= 1 || options_.years))
                    scenario_files_.push_back(f);
            } catch (const std::exception&) {
                // not a scenario (or a broken one): not offered
            }
        }
    }
    if (scenario_files_.empty()) return;
    const auto n = static_cast<std::ptrdiff_t>(scenario_files_.size());
    const auto same_file = [&](const std::string& f) {
        std::error_code ec;
        return !setup_.spec.sources.empty() &&
               fs::equivalent(f, setup_.spec.sources.front().path, ec);
    };
    const auto here = std::find_if(scenario_files_.begin(), scenario_files_.end(), same_file);
    const std::ptrdiff_t at = here == scenario_files_.end() ? 0 : here - scenario_files_.begin();
    const std::string& next = scenario_files_[static_cast<std::size_t>(((at + step) % n + n) % n)];
    RunSetup s = setup_;
    s.spec = load_scenario_file(next);
    s.base_seed = static_cast<std::uint64_t>(s.spec.run.seed);
    if (!options_.years) s.horizon = static_cast<int>(s.spec.run.years);
    s.scheduled.clear();
    s.pin_after_year = -1;
    s.start.reset(); // another scenario starts from its own year 0, with its background seeds
    s.noise_seeds = options_.noise_seeds;
    std::string no_band;
    s.ensemble = ensemble_;
    if (s.ensemble) try {
            member_runs(s.spec, s.spec, *s.ensemble, 0);
        } catch (const std::exception& e) {
            // A calibration of another scenario may not fit this one: play it without the band
            // rather than stop the workshop.
            s.ensemble.reset();
            no_band = " (no model-uncertainty band: " + std::string(e.what()) + ")";
        }
    s.playing = false;
    s.speed = worker_->speed();
    // Building runs the burn-in on this thread: say so on screen first.
    show_toast("Loading " + s.spec.name + "\u2026", std::chrono::seconds(2));
    window_.clear();
    scene_.draw(window_, frame_state(false));
    window_.display();
    worker_.reset(); // stop the old runs first: two markets at once may not fit
    worker_ = std::make_unique<SimWorker>(s);
    setup_ = std::move(s);
    scenario_start_ = controls_from_policy(setup_.spec.policy);
    scene_.set_panels(initial_panels(setup_.spec));
    preset_ = 0;
    seed_armed_.reset();
    save_asked_.reset(); // the new worker's snapshots count from 0 again
    snap_.reset();
    seen_epoch_ = 0;
    take_new_snapshot();
    show_toast(setup_.spec.name + ": " + setup_.spec.description + no_band,
               std::chrono::seconds(4));
}

void App::take_new_snapshot() {
    auto s = worker_->latest();
    if (!s || (snap_ && s->version == snap_->version)) return;
    snap_ = std::move(s);
    // The run changed the controls itself (a reset, a scenario adoption, a scripted change):
    // show what is in force. Otherwise keep what the user has set, even if not applied yet.
    if (snap_->controls_epoch != seen_epoch_) {
        seen_epoch_ = snap_->controls_epoch;
        controls_ = snap_->controls;
    }
    scene_.set_snapshot(snap_);
    if (save_asked_ && save_confirmed(*snap_, *save_asked_)) {
        save_asked_.reset();
        show_toast(saved_toast(snap_->saved_year), std::chrono::seconds(3));
    }
}

FrameState App::frame_state(bool for_picture) const {
    FrameState st;
    ControlState& c = st.controls;
    c.controls = controls_;
    c.applied = snap_->controls;
    c.playing = worker_->playing();
    c.computing = worker_->computing();
    c.speed = worker_->speed();
    c.base_seed = snap_->base_seed;
    c.year = snap_->year;
    c.horizon = snap_->horizon;
    c.has_frameworks = !setup_.spec.frameworks.empty();
    c.changes = snap_->changes;
    c.hot = dragging_ ? dragging_ : hot_;
    c.tooltip = dragging_ ? dragging_ : hover_row_;
    st.mouse = mouse_;
    if (!for_picture) {
        if (show_fps_) st.fps = fps_;
        if (Clock::now() < toast_until_) st.toast = toast_;
    } else {
        // A picture shows what is on screen, but not the (machine-dependent) frame rate, a
        // message about an earlier picture, or a year about to finish.
        c.computing = false;
    }
    return st;
}

void App::press(Vec2 p) {
    const auto hit = hit_test(scene_.control_layout(), p);
    if (!hit) return;
    PolicyControls c = controls_;
    const int dir = hit->part == WidgetPart::Plus ? 1 : hit->part == WidgetPart::Minus ? -1 : 0;
    switch (hit->id) {
    case ControlId::PlayPause:
        worker_->set_playing(!worker_->playing());
        break;
    case ControlId::Step:
        worker_->step();
        break;
    case ControlId::Reset:
        reset(snap_->base_seed);
        break;
    case ControlId::Speed:
        if (dir != 0)
            worker_->set_speed(step_value(stepper_values(ControlId::Speed), worker_->speed(), dir));
        break;
    case ControlId::Seed:
        if (dir != 0) change_seed(dir);
        break;
    case ControlId::SocialValue:
    case ControlId::PriceWeight:
    case ControlId::OutcomeShare:
        dragging_ = hit->id;
        drag(p);
        return;
    case ControlId::LotThreshold:
        c.lot_threshold_gbp =
            step_value(stepper_values(ControlId::LotThreshold), c.lot_threshold_gbp, dir);
        break;
    case ControlId::SmeThreshold:
        // Choosing a threshold means wanting the reservation.
        c.sme_reserve = true;
        c.sme_reserve_threshold_gbp =
            step_value(stepper_values(ControlId::SmeThreshold), c.sme_reserve_threshold_gbp, dir);
        break;
    case ControlId::SmeReserve:
        c.sme_reserve = !c.sme_reserve;
        break;
    case ControlId::SharedBackOffice:
        c.shared_back_office = !c.shared_back_office;
        break;
    case ControlId::FrameworkShare:
        if (control_disabled(hit->id, !setup_.spec.frameworks.empty())) {
            show_toast(kNoFrameworks, std::chrono::seconds(4));
            return;
        }
        c.framework_share =
            step_value(stepper_values(ControlId::FrameworkShare), c.framework_share, dir);
        break;
    case ControlId::DirectAwardBelow:
        c.direct_award_threshold_gbp = step_value(stepper_values(ControlId::DirectAwardBelow),
                                                  c.direct_award_threshold_gbp, dir);
        break;
    case ControlId::QuotesBelow:
        c.quote_threshold_gbp =
            step_value(stepper_values(ControlId::QuotesBelow), c.quote_threshold_gbp, dir);
        break;
    }
    change_controls(c);
}

void App::reset(std::uint64_t base_seed) {
    worker_->reset_with_seed(base_seed);
    seed_armed_.reset();
    save_asked_.reset();
    // Rebuilding includes the scenario's burn-in years (most of a second on the national
    // scenario): say that something is happening.
    show_toast(setup_.start
                   ? "Back to the saved state, year " + std::to_string(snap_->start_year) + "\u2026"
               : base_seed == snap_->base_seed
                   ? std::string("Starting again from year 0\u2026")
                   : "Starting again with seed " + std::to_string(base_seed) + "\u2026",
               std::chrono::milliseconds(1500));
}

void App::change_seed(int direction) {
    if (setup_.start) {
        show_toast(kStateSeed, std::chrono::seconds(4));
        return;
    }
    if (direction < 0 && snap_->base_seed == 0) return;
    if (direction > 0 && snap_->base_seed >= max_exact_seed) return; // the largest seed run takes
    // A seed change rebuilds the runs with the scenario's policy: levers moved by hand would be
    // lost without a word, so the first click only warns.
    const auto now = Clock::now();
    if (seed_click(controls_, scenario_controls_at(setup_.spec, snap_->year), seed_armed_, now) ==
        SeedClick::AskFirst) {
        seed_armed_ = now;
        show_toast(kSeedWarning, kSeedConfirmWindow);
        return;
    }
    reset(direction > 0 ? snap_->base_seed + 1 : snap_->base_seed - 1);
}

void App::save_state() {
    worker_->save_state();
    // The toast waits for the worker's snapshot, which says which year was saved (a year being
    // computed finishes first).
    save_asked_ = snap_->version;
}

void App::save_state_file() {
    if (state_asked_.valid() || state_writing_.valid()) {
        show_toast("Still saving the previous state", std::chrono::seconds(2));
        return;
    }
    // The worker hands over the state between years; poll_state_saving writes it.
    state_asked_ = worker_->current_state();
}

void App::poll_state_saving() {
    if (state_asked_.valid() &&
        state_asked_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        // Written on another thread: a national market's state is tens of megabytes.
        state_writing_ = std::async(
            std::launch::async, [asked = std::move(state_asked_)]() mutable -> std::string {
                try {
                    const fs::path path = save_app_state(asked.get());
                    std::cout << "wrote " << path.string() << "\n";
                    std::error_code ec;
                    const fs::path full = fs::absolute(path, ec);
                    return state_saved_toast(ec ? path : full);
                } catch (const std::exception& e) {
                    std::cerr << "tendersim-viz: saving the state failed: " << e.what() << "\n";
                    return std::string("State not saved: ") + e.what();
                }
            });
    }
    if (state_writing_.valid() &&
        state_writing_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        show_toast(state_writing_.get(), std::chrono::seconds(8));
}

void App::rewind() {
    if (snap_->saved_year < 0 && !save_asked_) {
        show_toast(kNothingSaved, std::chrono::seconds(3));
        return;
    }
    worker_->rewind();
    seed_armed_.reset();
    show_toast(rewind_toast(save_asked_ ? std::nullopt : std::optional<int>(snap_->saved_year)),
               std::chrono::seconds(4));
    save_asked_.reset();
}

void App::drag(Vec2 p) {
    if (!dragging_) return;
    const Widget* w = scene_.control_layout().find(*dragging_);
    if (w == nullptr) return;
    const double v = slider_value_at(w->face, p.x, slider_range(*dragging_));
    PolicyControls c = controls_;
    if (*dragging_ == ControlId::SocialValue) c.social_value_weight = v;
    if (*dragging_ == ControlId::PriceWeight) c.price_weight = v;
    if (*dragging_ == ControlId::OutcomeShare) c.outcome_spec_share = v;
    change_controls(c);
}

void App::key(const sf::Event::KeyEvent& e) {
    using K = sf::Keyboard;
    const K::Key k = e.code;
    const bool plus = k == K::Add || k == K::Equal;
    const bool minus = k == K::Subtract || k == K::Hyphen;
    // Ctrl with +, - and 0 sizes text and controls, as in a browser; + and - alone set the speed.
    if (e.control && (plus || minus)) {
        set_ui_scale(step_ui_scale(ui_scale_, plus ? 1 : -1));
        return;
    }
    if (e.control && (k == K::Num0 || k == K::Numpad0)) {
        set_ui_scale(1.0f);
        return;
    }
    if (e.control && k == K::S) {
        save_state_file();
        return;
    }
    switch (k) {
    case K::Space:
        worker_->set_playing(!worker_->playing());
        break;
    case K::N:
    case K::Right:
        worker_->step();
        break;
    case K::R:
        reset(snap_->base_seed);
        break;
    case K::Add:
    case K::Equal:
    case K::Subtract:
    case K::Hyphen:
        worker_->set_speed(
            step_value(stepper_values(ControlId::Speed), worker_->speed(), plus ? 1 : -1));
        break;
    case K::P:
        next_preset(e.shift ? -1 : 1);
        break;
    case K::O:
        next_scenario(e.shift ? -1 : 1);
        break;
    case K::C:
        if (const std::string title = scene_.cycle_panel(mouse_, e.shift ? -1 : 1); !title.empty())
            show_toast("Chart: " + title, std::chrono::seconds(2));
        break;
    case K::A:
        // A-vs-B: the dashed line becomes today's policy, A; the levers now try B against it.
        worker_->pin();
        toast_ = "A = the policy of year " + std::to_string(snap_->year) +
                 " (dashed). Move the levers to try B";
        toast_until_ = Clock::now() + std::chrono::seconds(4);
        break;
    case K::F11:
        set_fullscreen(!fullscreen_);
        break;
    case K::F:
        show_fps_ = !show_fps_;
        break;
    case K::S:
        save_screenshot(next_screenshot_name());
        break;
    case K::K:
        save_state();
        break;
    case K::B:
        rewind();
        break;
    case K::Escape:
    case K::Q:
        window_.close();
        break;
    default:
        break;
    }
}

void App::handle(const sf::Event& e) {
    switch (e.type) {
    case sf::Event::Closed:
        window_.close();
        break;
    case sf::Event::Resized:
        relayout(e.size.width, e.size.height);
        if (!fullscreen_) windowed_width_ = width_, windowed_height_ = height_;
        break;
    case sf::Event::MouseMoved:
        mouse_ = {static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y)};
        drag(mouse_);
        if (const auto h = hit_test(scene_.control_layout(), mouse_))
            hot_ = h->id;
        else
            hot_.reset();
        hover_row_ = widget_at(scene_.control_layout(), mouse_);
        break;
    case sf::Event::MouseLeft:
        mouse_ = {-1, -1};
        hot_.reset();
        hover_row_.reset();
        break;
    case sf::Event::MouseButtonPressed:
        if (e.mouseButton.button == sf::Mouse::Left)
            press({static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y)});
        break;
    case sf::Event::MouseButtonReleased:
        dragging_.reset();
        break;
    case sf::Event::KeyPressed:
        key(e.key);
        break;
    default:
        break;
    }
}

sf::Image App::render_image() {
    // Drawn offscreen at the layout's size, so the picture does not depend on the screen the
    // window happens to be on (Xvfb's default screen is smaller than 1920x1080).
    sf::RenderTexture rt;
    if (!rt.create(width_, height_))
        throw std::runtime_error("cannot create a " + std::to_string(width_) + "x" +
                                 std::to_string(height_) + " render texture");
    scene_.flush();
    scene_.draw(rt, frame_state(true));
    rt.display();
    return rt.getTexture().copyToImage();
}

fs::path App::next_screenshot_name() const {
    const std::string stem = "tendersim-" + snap_->scenario + "-year" + std::to_string(snap_->year);
    fs::path p = stem + ".png";
    for (int k = 2; fs::exists(p) && k < 1000; ++k) p = stem + "-" + std::to_string(k) + ".png";
    return p;
}

void App::save_screenshot(const fs::path& path) {
    if (saving_.valid()) { // one at a time
        show_toast("Still saving the previous screenshot", std::chrono::seconds(2));
        return;
    }
    // The picture is taken now, on this thread (it needs the GL context); encoding the PNG
    // takes a few hundred milliseconds, so it happens on another thread and the window keeps
    // drawing meanwhile.
    sf::Image image = render_image();
    // In full: the room (and the trainer) must be able to find it afterwards.
    std::error_code ec;
    const fs::path full = fs::absolute(path, ec);
    saving_ =
        std::async(std::launch::async,
                   [image = std::move(image), path, full = ec ? path : full]() -> std::string {
                       try {
                           save_png_atomic(image, path);
                           std::cout << "wrote " << path.string() << " (" << image.getSize().x
                                     << "x" << image.getSize().y << ")\n";
                           return "Saved " + full.string();
                       } catch (const std::exception& e) {
                           std::cerr << "tendersim-viz: screenshot failed: " << e.what() << "\n";
                           return std::string("Screenshot failed: ") + e.what();
                       }
                   });
}

void App::poll_saving() {
    if (!saving_.valid() || saving_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    show_toast(saving_.get(), std::chrono::seconds(6));
}

int App::run() {
    const bool screenshot = !options_.screenshot.empty();
    const auto started = Clock::now();
    auto last = started;
    std::size_t frames = 0;
    while (window_.isOpen()) {
        sf::Event e;
        while (window_.pollEvent(e)) handle(e);
        if (!window_.isOpen()) break;
        if (const std::string err = worker_->error(); !err.empty()) {
            std::cerr << "tendersim-viz: the simulation stopped: " << err << "\n";
            return kExitInternal;
        }
        take_new_snapshot();
        poll_saving();
        poll_state_saving();

        window_.clear();
        scene_.draw(window_, frame_state(false));
        window_.display();

        const auto now = Clock::now();
        const double dt = std::chrono::duration<double>(now - last).count();
        last = now;
        // From the second frame: the first includes opening the window and the first picture.
        if (frames++ > 0) stats_.add(dt);
        fps_ = fps_ == 0.0 ? 1.0 / std::max(dt, 1e-3) : 0.9 * fps_ + 0.1 / std::max(dt, 1e-3);

        if (screenshot && snap_->year >= snap_->horizon && snap_->seeds_year >= snap_->horizon) {
            const double elapsed = std::chrono::duration<double>(now - started).count();
            save_png_atomic(render_image(), options_.screenshot);
            std::cout << "wrote " << options_.screenshot << " (" << width_ << "x" << height_ << ", "
                      << snap_->scenario << ", year " << snap_->year << ")\n";
            if (stats_.count() >= 10)
                std::cout << "frames while running: " << stats_.summary(elapsed) << "\n";
            return 0;
        }
        if (options_.fps_report_seconds > 0.0) {
            const double elapsed = std::chrono::duration<double>(now - started).count();
            if (elapsed >= options_.fps_report_seconds) {
                std::cout << "scenario " << snap_->scenario << ", " << width_ << "x" << height_
                          << ", " << snap_->year << " years simulated"
                          << (snap_->market
                                  ? ", " + std::to_string(snap_->market->suppliers.size()) +
                                        " suppliers drawn"
                                  : std::string())
                          << "\n"
                          << stats_.summary(elapsed) << "\n"
                          << "slowest refresh piece (a third of the market view or one chart; a "
                             "year is 11): "
                          << scene_.slowest_piece_seconds() * 1e3 << " ms\n";
                return 0;
            }
        }
    }
    return 0;
}

} // namespace tendersim::viz

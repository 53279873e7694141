#pragma once
// Paints the control bar laid out by control_panel.hpp from the app's current state.
#include "app/control_panel.hpp"
#include "app/controls.hpp"
#include "app/snapshot.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::viz {

struct ControlState {
    PolicyControls controls; // as the user set them (what the widgets show)
    PolicyControls applied;  // in force in the last computed year
    bool playing = false;
    bool computing = false;
    double speed = 1.0;
    std::uint64_t base_seed = 0;
    int year = 0, horizon = 0;
    // The scenario defines a [[framework]]: without one the framework share does nothing, and
    // its stepper is shown disabled.
    bool has_frameworks = false;
    std::vector<ChangeNote> changes;
    std::optional<ControlId> hot;     // under the mouse
    std::optional<ControlId> tooltip; // the widget row under the mouse (its lever is explained)
};

// The texts the widgets show, e.g. "20%", "£250k", "1 year/s". Tested without a window.
std::string control_value_text(ControlId id, const ControlState& state);
std::string play_button_text(const ControlState& state);
// Drawn in the muted colour: disabled (control_disabled), or the reservation threshold while
// reservation is off.
bool stepper_dimmed(ControlId id, const ControlState& state);

void draw_control_bar(sf::RenderTarget& target, const ControlPanelLayout& layout,
                      const ControlState& state, const sf::Font& font, const sf::Font& bold);

// Splits text into lines no wider than width (at spaces; a long word stays whole).
std::vector<std::string> wrap_text(const std::string& text, unsigned px, float width,
                                   const sf::Font& font);

} // namespace tendersim::viz

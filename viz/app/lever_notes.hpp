#pragma once
// What each policy lever is, a real-world anchor for it (from the project's model brief), and its
// main effect in the model in one sentence (verbatim from docs/policy-results.md, "What each
// lever does in the model, and why": a test keeps the two in step). One table, so a lever cannot
// have a tooltip without an explanation or the reverse. Pure text, tested without a window.
#include "app/control_panel.hpp"
#include "app/controls.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::viz {

struct LeverNote {
    ControlId id;
    std::string_view what;   // what the lever is (the tooltip's first line)
    std::string_view anchor; // where it meets real procurement, with the source
    std::string_view effect; // its main effect in the model, from docs/policy-results.md
};

// The policy levers of the control bar, in the bar's order (the SME reservation's threshold
// stepper shares the reservation's note).
const std::vector<ControlId>& policy_levers();
bool is_policy_lever(ControlId id);

// The note for a lever (the reservation's for its threshold); nullopt for the other widgets.
std::optional<LeverNote> lever_note(ControlId id);

// The tooltip: a heading with the current setting, what the lever is, and its anchor. Without a
// [[framework]] in the scenario the framework share's heading says it does nothing.
std::vector<std::string> lever_tooltip_lines(ControlId id, const PolicyControls& controls,
                                             bool has_frameworks = true);

// What the framework share's tooltip and a click on it say when the scenario has no framework.
inline constexpr const char* kNoFrameworks =
    "No framework in this scenario: the share does nothing (try scenarios/frameworks.toml)";

// The levers a change-log entry (describe_change's text) is about, in its order.
std::vector<ControlId> levers_in_change(std::string_view change_text);

// "£100k a year": the lot and reservation thresholds are annual contract values.
std::string per_year_text(double gbp);
// "£25k in total": the route thresholds (direct awards, quotes) are total contract values.
std::string total_text(double gbp);

} // namespace tendersim::viz

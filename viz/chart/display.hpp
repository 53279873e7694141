#pragma once
// SFML on Linux calls abort() when it cannot open an X display, even for an offscreen
// sf::RenderTexture (it needs a GL context). Check first and fail with a message a user can act on.
#include <string>
#include <string_view>

namespace tendersim::viz {

// Exit code for "no display": distinct from 1 (bad input) so scripts can tell them apart.
inline constexpr int kNoDisplayExitCode = 2;

struct DisplayStatus {
    bool ok = false;
    std::string message; // empty when ok; otherwise what is wrong and how to run instead
};

// Checks that DISPLAY is set and (when built with Xlib) that the display actually opens. Call it
// once before the first SFML graphics call: on success it keeps a connection to the display open
// until the process exits, which keeps Xvfb from resetting under SFML (see display.cpp).
// program names the command in the hint, e.g. "run under `xvfb-run -a tendersim-chart ...`".
DisplayStatus check_display(std::string_view program);

} // namespace tendersim::viz

#include "chart/display.hpp"

#include <cstdlib>

#ifdef TENDERSIM_HAVE_X11
#include <X11/Xlib.h>
#endif

namespace tendersim::viz {

DisplayStatus check_display(std::string_view program) {
    const std::string hint =
        "run under `xvfb-run -a " + std::string(program) + " ...` (Debian package: xvfb)";
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0')
        return {false, "no X display (DISPLAY is not set); SFML needs one even to render "
                       "offscreen: " +
                           hint};
#ifdef TENDERSIM_HAVE_X11
    // A DISPLAY that points at nothing makes SFML abort too, so try to open it ourselves. The
    // connection is deliberately kept open for the life of the process: an X server started
    // without -noreset (as xvfb-run starts Xvfb) resets when its last client disconnects, and
    // SFML connecting during that reset fails and aborts. Holding one connection also covers
    // SFML's own open/close cycles between render textures.
    static Display* probe = nullptr;
    if (probe == nullptr) probe = XOpenDisplay(nullptr);
    if (probe == nullptr)
        return {false, "cannot open X display '" + std::string(display) +
                           "'; SFML needs one even to render offscreen: " + hint};
#endif
    return {true, {}};
}

} // namespace tendersim::viz

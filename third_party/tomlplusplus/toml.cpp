// The one translation unit that compiles toml++'s implementation (TOML_HEADER_ONLY=0 for every
// user, set by CMake), from the patched copy beside this file rather than Debian's shared library.
#define TOML_IMPLEMENTATION 1
#include <toml++/toml.h>

static_assert(TENDERSIM_TOMLPP_PATCHED, "toml++ must come from third_party/tomlplusplus");

#include "names.hpp"

#include <algorithm>
#include <cctype>

namespace tendersim {

bool valid_name(std::string_view name, std::size_t max_length) {
    return !name.empty() && name.size() <= max_length && name.front() != '.' &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                      c == '.';
           });
}

std::string name_expectation() {
    return "expected a name of 1 to " + std::to_string(kMaxNameLength) +
           " letters, digits, '-', '_' or '.' (not first); it names the output directory, so it "
           "cannot be a path";
}

std::string quoted_name(std::string_view name) {
    constexpr std::size_t kShown = 40;
    std::string shown;
    for (const char c : name.substr(0, kShown)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            shown += '\\';
            shown += c;
        } else if (u < 0x20 || u == 0x7f) {
            shown += '?';
        } else {
            shown += c;
        }
    }
    std::string out = "\"" + shown + (name.size() > kShown ? "...\"" : "\"");
    if (name.size() > kShown) out += " (" + std::to_string(name.size()) + " characters)";
    return out;
}

} // namespace tendersim

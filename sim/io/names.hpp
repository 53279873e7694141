#pragma once
// Names that become file or directory names (a scenario's or a sweep's `name`). They are
// identifiers, never paths: letters, digits, '-', '_' and '.', not starting with '.', at most
// kMaxNameLength characters. So "/home/user/thesis", "../x", "a/b/c", "", "." and ".." are all
// refused when the file is read, before anything runs or is written.
#include <cstddef>
#include <string>
#include <string_view>

namespace tendersim {

inline constexpr std::size_t kMaxNameLength = 100;

// True if `name` is a valid identifier of at most max_length characters.
bool valid_name(std::string_view name, std::size_t max_length = kMaxNameLength);

// What a valid name is, for error messages: "expected a name of 1 to 100 letters, ...".
std::string name_expectation();

// `name` quoted for an error message, cut short if long ("\"aaaa...\" (100000 characters)").
std::string quoted_name(std::string_view name);

} // namespace tendersim

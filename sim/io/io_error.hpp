#pragma once
// Errors of the file system (a full disk, a refused rename, a results directory in use), as
// opposed to bad input (ScenarioError): the command line exits with 3 for these.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace tendersim {

class IoError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// "WHAT PATH: REASON", the reason from errno (e.g. "No space left on device").
[[noreturn]] void throw_io_error(const std::string& what, const std::filesystem::path& path,
                                 int err);

} // namespace tendersim

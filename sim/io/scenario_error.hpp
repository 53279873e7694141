#pragma once
#include "errors.hpp"

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

namespace tendersim {

// A scenario problem located in its file: "FILE:LINE: key 'K': expected E, got G". Bad input
// (exit code 2), like every InputError.
class ScenarioError : public InputError {
  public:
    ScenarioError(std::string file, std::uint32_t line, std::string key, std::string message)
        : InputError(compose(file, line, key, message)), file_(std::move(file)), line_(line),
          key_(std::move(key)), message_(std::move(message)) {}
    const std::string& file() const { return file_; }
    std::uint32_t line() const { return line_; }
    const std::string& key() const { return key_; }
    // What was expected and found, without the location.
    const std::string& message() const { return message_; }

  private:
    static std::string compose(const std::string& file, std::uint32_t line, const std::string& key,
                               const std::string& message) {
        // Built with a stream: GCC 12 warns (-Wrestrict, a false positive) on chained appends.
        std::ostringstream out;
        out << file;
        if (line > 0) out << ':' << line;
        out << ": ";
        if (!key.empty()) out << "key '" << key << "': ";
        out << message;
        return out.str();
    }
    std::string file_;
    std::uint32_t line_;
    std::string key_;
    std::string message_;
};

} // namespace tendersim

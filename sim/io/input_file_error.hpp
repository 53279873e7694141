#pragma once
// Bad input located in a file: "FILE:LINE: key 'K': expected E, got G". One family, named for the
// kind of file, so a catch says what it means; every one is an InputError (exit code 2).
//
//   InputError
//   └─ InputFileError     any input file or option (--params-json, unreadable input files)
//      ├─ ScenarioError   scenario files and the overrides applied to them (--set, ...)
//      ├─ SweepFileError  sweep files (tendersim sweep)
//      ├─ TargetsFileError validation targets files (tendersim validate)
//      └─ EnsembleFileError calibration ensembles (tendersim compare --ensemble)
#include "errors.hpp"

#include <cstdint>
#include <sstream>
#include <string>

namespace tendersim {

class InputFileError : public InputError {
  public:
    InputFileError(std::string file, std::uint32_t line, std::string key, std::string message)
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

class ScenarioError : public InputFileError {
  public:
    using InputFileError::InputFileError;
};

class SweepFileError : public InputFileError {
  public:
    using InputFileError::InputFileError;
};

class TargetsFileError : public InputFileError {
  public:
    using InputFileError::InputFileError;
};

class EnsembleFileError : public InputFileError {
  public:
    using InputFileError::InputFileError;
};

// The kinds of TOML input file, for a reader that throws the matching error.
enum class InputKind { Scenario, Sweep, Targets, Ensemble };

// Throws the InputFileError subclass for kind.
[[noreturn]] inline void throw_input_file_error(InputKind kind, std::string file,
                                                std::uint32_t line, std::string key,
                                                std::string message) {
    switch (kind) {
    case InputKind::Scenario:
        throw ScenarioError(std::move(file), line, std::move(key), std::move(message));
    case InputKind::Sweep:
        throw SweepFileError(std::move(file), line, std::move(key), std::move(message));
    case InputKind::Ensemble:
        throw EnsembleFileError(std::move(file), line, std::move(key), std::move(message));
    case InputKind::Targets:
        break;
    }
    throw TargetsFileError(std::move(file), line, std::move(key), std::move(message));
}

} // namespace tendersim

#pragma once
// What went wrong, typed by whose move it is, and the exit code every tendersim program gives for
// it. The mapping lives here and only here (exit_code_for); programs catch std::exception at the
// top, print report_error's line and return its code.
//
//   0  success
//   1  a validation target was missed (tendersim validate only)
//   2  bad input: arguments, scenario, sweep or targets file, state of an output directory that
//      refuses the command, no X display (fix the input and run again)
//   3  I/O failure: a file could not be read or written (disk full, permissions, read-only
//      directory); the message says which file and why
//   4  internal error: a bug or out of memory; please report it with the message
//   130 interrupted (Ctrl-C); finished work is kept
#include <filesystem>
#include <stdexcept>
#include <string>

namespace tendersim {

enum ExitCode : int {
    kExitOk = 0,
    kExitTargetMissed = 1,
    kExitBadInput = 2,
    kExitIoFailure = 3,
    kExitInternal = 4,
    kExitInterrupted = 130,
};

// The table above, for --help epilogues.
extern const char* const kExitCodesHelp;

// Bad input (exit 2). ScenarioError, located in a file, is one.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file could not be read or written (exit 3). The message names the file and the reason.
class IoError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// "WHAT PATH: REASON" from an errno value, e.g. "cannot write results/x.csv: No space left on
// device".
[[noreturn]] void throw_io_error(const std::string& what, const std::filesystem::path& path,
                                 int errno_value);

// The exit code for an exception that reached a program's top level: InputError (and
// ScenarioError), std::invalid_argument (MarketTooLarge), MoneyOverflow -> 2; IoError,
// std::filesystem::filesystem_error, std::ios_base::failure -> 3; anything else (std::bad_alloc,
// logic errors) -> 4.
int exit_code_for(const std::exception& e) noexcept;

// Prints "PROGRAM: error: MESSAGE" (or "internal error" for code 4) to stderr and returns
// exit_code_for(e).
int report_error(const char* program, const std::exception& e);

// Worker-thread counts accepted everywhere (--threads of every command and the app): 1 to
// kMaxThreads. A larger count only adds idle threads; far larger ones exhaust the process.
inline constexpr int kMaxThreads = 1024;
// Throws InputError "OPTION must be from 1 to 1024 (got N)" unless 1 <= threads <= kMaxThreads.
void check_thread_count(int threads, const std::string& option = "--threads");

} // namespace tendersim

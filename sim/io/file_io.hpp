#pragma once
// Checked file input and output. Reading input files (scenarios and their `base` chain, sweep
// files, targets files,
// --params-json files): regular files only, at most kMaxInputFileBytes, so a directory, a device
// such as /dev/zero or a named pipe gets a clear error instead of a misleading parse error or a
// read that never ends.
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace tendersim {

inline constexpr std::uintmax_t kMaxInputFileBytes = std::uintmax_t{16} << 20; // 16 MiB

struct InputFileRead {
    std::string text;
    // Empty on success; otherwise what is wrong with the file, to follow its name, e.g.
    // "not found (resolved to /abs/x.toml)", "is a directory, not a file",
    // "is not a regular file (a character device)", "cannot be read: Permission denied".
    std::string problem;
    bool io_failure = false; // the file is acceptable but reading it failed (exit 3, not 2)
};

// limit: the largest file accepted (a sweep's design points file may be larger than a config).
InputFileRead try_read_input_file(const std::filesystem::path& path,
                                  std::uintmax_t limit = kMaxInputFileBytes);

// Reads an input file or throws: InputFileError "PATH: KIND PROBLEM" for a bad file, IoError when
// reading fails. kind names the file for the user, e.g. "scenario file".
std::string read_input_file(const std::filesystem::path& path, const std::string& kind);

// Writes a whole file atomically (to PATH.tmp-PID, then renamed over PATH), checking every step:
// throws IoError "cannot write PATH: REASON" (e.g. No space left on device, Read-only file
// system), leaving PATH as it was.
void write_file_checked(const std::filesystem::path& path, std::string_view content);

// Flushes a stream written to path and throws IoError "cannot write PATH: REASON" if any write to
// it failed.
void flush_or_throw(std::ostream& out, const std::filesystem::path& path);

} // namespace tendersim

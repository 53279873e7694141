#pragma once
// Streams the releases of one OCDS file to a sink, one release at a time, so memory holds one
// release, never the file:
//   - a release package ({"releases": [...]}) or a record package ({"records": [...]}, each
//     record's compiledRelease, or its embedded releases when it has none) as one JSON document,
//     parsed with nlohmann's SAX interface: only the current array element is built;
//   - JSON Lines (.jsonl, .ndjson): each line a package, a record or a release;
//   - either one gzipped (.gz).
// Errors (malformed JSON, a file that is not a package, a truncated gzip stream) throw
// InputFileError naming the file and the record (the line for JSON Lines, the array index for
// packages); exit status 2.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tendersim::ocds {

// Where a release came from, for messages: "FILE:LINE: releases[3]" style.
struct Where {
    std::string file;
    std::uint32_t line = 0; // JSON Lines only; 0 for a package read as one document
    std::string record;     // "releases[3]", "records[0].compiledRelease", ...
    std::string text() const;
};

class ReleaseSink {
  public:
    virtual ~ReleaseSink() = default;
    // release: any JSON value found where a release belongs (the sink checks its type).
    virtual void release(const nlohmann::json& release, const Where& where) = 0;
    // A record or line with no usable release, and why.
    virtual void skipped(const Where& where, const std::string& reason) = 0;
};

enum class FileFormat { Json, JsonLines };

// .jsonl / .ndjson (optionally followed by .gz) are JSON Lines; anything else one JSON document.
FileFormat format_of(const std::filesystem::path& path);

// The files to read: each argument that is a directory contributes its *.json, *.jsonl,
// *.ndjson files (and their .gz forms), sorted by name, not recursing; files are taken as given.
// Throws InputFileError for an argument that does not exist or a directory with no such files.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& args);

// Reads one file (gzip detected from its bytes, not its name).
void read_release_file(const std::filesystem::path& path, ReleaseSink& sink);

// The same for a stream already open; name is used in messages. For tests and the fuzzer.
void read_releases(std::istream& in, FileFormat format, const std::string& name, ReleaseSink& sink);

// Largest JSON Lines line and deepest nesting accepted: beyond them a line or document is refused
// rather than allowed to take unbounded memory or stack.
inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxDepth = 200;

} // namespace tendersim::ocds

#pragma once
// One input file as a stream of bytes, gzip or not: zlib's gzread passes plain files through
// unchanged, so one reader serves .json, .jsonl and their .gz forms. Reads in fixed chunks, so
// memory does not grow with the file.
#include <array>
#include <filesystem>
#include <streambuf>
#include <string>

namespace tendersim::ocds {

class GzipStreamBuf : public std::streambuf {
  public:
    // Throws InputFileError for a missing file, a directory or a device; IoError when the open
    // fails for another reason (permissions).
    explicit GzipStreamBuf(const std::filesystem::path& path);
    ~GzipStreamBuf() override;
    GzipStreamBuf(const GzipStreamBuf&) = delete;
    GzipStreamBuf& operator=(const GzipStreamBuf&) = delete;

    // Empty while the stream is good; otherwise why reading stopped early (a truncated or corrupt
    // gzip stream, a read error). A caller checks it before blaming the JSON for ending early.
    const std::string& problem() const { return problem_; }
    bool io_failure() const { return io_failure_; }

  protected:
    int_type underflow() override;

  private:
    void* file_ = nullptr; // gzFile, kept opaque so zlib.h stays out of this header
    std::array<char, 1 << 16> buffer_{};
    std::string problem_;
    bool io_failure_ = false;
};

} // namespace tendersim::ocds

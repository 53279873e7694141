#pragma once
// An ostream that gzip-compresses (zlib, fastest level: the export streams large files) into
// another ostream, e.g. a result file. finish() writes the gzip trailer; it must be called before
// the underlying stream is closed.
#include <memory>
#include <ostream>

namespace tendersim::ocds {

class GzipOstream : public std::ostream {
  public:
    explicit GzipOstream(std::ostream& sink);
    ~GzipOstream() override;
    GzipOstream(const GzipOstream&) = delete;
    GzipOstream& operator=(const GzipOstream&) = delete;
    void finish(); // flushes, ends the gzip member; sets badbit on failure

  private:
    class Buf;
    std::unique_ptr<Buf> buf_;
};

} // namespace tendersim::ocds

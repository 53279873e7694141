#include "byte_stream.hpp"

#include "io/errors.hpp"
#include "io/input_file_error.hpp"

#include <cerrno>
#include <cstring>
#include <zlib.h>

namespace tendersim::ocds {

GzipStreamBuf::GzipStreamBuf(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw InputFileError(path.string(), 0, "", "OCDS file not found");
    if (std::filesystem::is_directory(status))
        throw InputFileError(path.string(), 0, "", "is a directory, not a file");
    // A FIFO or a device would block or never end; only regular files are read.
    if (!std::filesystem::is_regular_file(status))
        throw InputFileError(path.string(), 0, "", "is not a regular file");
    errno = 0;
    gzFile f = gzopen(path.c_str(), "rb");
    if (f == nullptr) throw_io_error("cannot read", path, errno ? errno : EIO);
    gzbuffer(f, 1 << 17);
    file_ = f;
    setg(buffer_.data(), buffer_.data(), buffer_.data());
}

GzipStreamBuf::~GzipStreamBuf() {
    if (file_ != nullptr) gzclose_r(static_cast<gzFile>(file_));
}

GzipStreamBuf::int_type GzipStreamBuf::underflow() {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (file_ == nullptr || !problem_.empty()) return traits_type::eof();
    auto f = static_cast<gzFile>(file_);
    const int n = gzread(f, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    int err = Z_OK;
    const char* message = gzerror(f, &err);
    if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) {
        // Z_BUF_ERROR at the end of input: the gzip stream stops before its end (truncated).
        if (err == Z_ERRNO) {
            problem_ = std::string("read failed: ") + std::strerror(errno);
            io_failure_ = true;
        } else if (err == Z_BUF_ERROR) {
            problem_ = "truncated gzip stream (unexpected end of file)";
        } else {
            problem_ = std::string("corrupt gzip stream (") + (message ? message : "?") + ")";
        }
        if (n <= 0) return traits_type::eof();
    }
    if (n <= 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(*gptr());
}

} // namespace tendersim::ocds

#include "gzip_stream.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <streambuf>
#include <zlib.h>

namespace tendersim::ocds {

class GzipOstream::Buf : public std::streambuf {
  public:
    explicit Buf(std::ostream& sink) : sink_(sink) {
        // 16 + 15: a gzip wrapper (not raw zlib) with the largest window.
        if (deflateInit2(&z_, Z_BEST_SPEED, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("cannot start gzip compression");
        setp(in_.data(), in_.data() + in_.size());
    }
    ~Buf() override { deflateEnd(&z_); }
    Buf(const Buf&) = delete;
    Buf& operator=(const Buf&) = delete;

    bool finish() {
        if (finished_) return ok_;
        finished_ = true;
        return deflate_pending(Z_FINISH) && ok_;
    }

  protected:
    int_type overflow(int_type ch) override {
        if (!deflate_pending(Z_NO_FLUSH)) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::streamsize done = 0;
        while (done < n) {
            if (pptr() == epptr() && !deflate_pending(Z_NO_FLUSH)) return done;
            const auto room = static_cast<std::streamsize>(epptr() - pptr());
            const auto take = std::min(room, n - done);
            traits_type::copy(pptr(), s + done, static_cast<std::size_t>(take));
            pbump(static_cast<int>(take));
            done += take;
        }
        return done;
    }
    // A flush of the stream does not flush the compressor (that would spoil the compression);
    // finish() does.
    int sync() override { return ok_ ? 0 : -1; }

  private:
    // Compresses what is buffered (and with Z_FINISH ends the stream), writing to the sink.
    bool deflate_pending(int flush) {
        if (!ok_) return false;
        z_.next_in = reinterpret_cast<Bytef*>(pbase());
        z_.avail_in = static_cast<uInt>(pptr() - pbase());
        int rc = Z_OK;
        do {
            z_.next_out = out_.data();
            z_.avail_out = static_cast<uInt>(out_.size());
            rc = deflate(&z_, flush);
            if (rc == Z_STREAM_ERROR) return ok_ = false;
            const auto have = out_.size() - z_.avail_out;
            if (have > 0 && !sink_.write(reinterpret_cast<const char*>(out_.data()),
                                         static_cast<std::streamsize>(have)))
                return ok_ = false;
        } while (z_.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        setp(in_.data(), in_.data() + in_.size());
        return true;
    }

    std::ostream& sink_;
    z_stream z_{};
    std::array<char, 1 << 16> in_{};
    std::array<Bytef, 1 << 16> out_{};
    bool ok_ = true;
    bool finished_ = false;
};

GzipOstream::GzipOstream(std::ostream& sink)
    : std::ostream(nullptr), buf_(std::make_unique<Buf>(sink)) {
    rdbuf(buf_.get());
}

GzipOstream::~GzipOstream() = default;

void GzipOstream::finish() {
    if (!buf_->finish()) setstate(std::ios::badbit);
}

} // namespace tendersim::ocds

#include "file_io.hpp"

#include "errors.hpp"
#include "input_file_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tendersim {
namespace fs = std::filesystem;

namespace {

std::string resolved(const fs::path& path) {
    std::error_code ec;
    const fs::path abs = fs::absolute(path, ec);
    return ec ? path.string() : abs.lexically_normal().string();
}

const char* kind_of(mode_t mode) {
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

std::string limit_text(std::uintmax_t limit) {
    return std::to_string(limit >> 20) + " MiB (" + std::to_string(limit) + " bytes)";
}

} // namespace

InputFileRead try_read_input_file(const fs::path& path, std::uintmax_t limit) {
    InputFileRead r;
    // Opened without blocking, so a named pipe with no writer cannot hang the open; the type is
    // checked on the open descriptor, so the file checked is the file read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            r.problem = "not found (resolved to " + resolved(path) + ")";
        else {
            r.problem = std::string("cannot be opened: ") + std::strerror(err);
            r.io_failure = err != ELOOP && err != ENAMETOOLONG;
        }
        return r;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        r.problem = std::string("cannot be read: ") + std::strerror(errno);
        r.io_failure = true;
        return r;
    }
    if (S_ISDIR(st.st_mode)) {
        r.problem = "is a directory, not a file (resolved to " + resolved(path) + ")";
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.problem = std::string("is not a regular file (it is ") + kind_of(st.st_mode) + ")";
        return r;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > limit) {
        r.problem = "is " + std::to_string(st.st_size) + " bytes; input files may hold at most " +
                    limit_text(limit);
        return r;
    }
    // Read to the end, but never past the limit (the file may grow while it is read).
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            r.problem = std::string("cannot be read: ") + std::strerror(errno);
            r.io_failure = true;
            return r;
        }
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
        if (text.size() > limit) {
            r.problem = "grew past " + limit_text(limit) + " while it was read";
            return r;
        }
    }
    r.text = std::move(text);
    return r;
}

void write_file_checked(const fs::path& path, std::string_view content) {
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw_io_error("cannot write", path, errno);
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw_io_error("cannot write", path, err);
    };
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    // Delayed allocation: a full disk may only show here.
    if (::fsync(fd) != 0 && errno != EINVAL) fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw_io_error("cannot write", path, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw_io_error("cannot write", path, err);
    }
}

void flush_or_throw(std::ostream& out, const fs::path& path) {
    // A stream that is still good is flushed now, so errno is that write's. One that already
    // failed keeps the errno of its failed write unless a later call failed too: call this right
    // after the writes to get the reason exactly.
    if (out) errno = 0;
    if (out.flush()) return;
    const int err = errno;
    if (err != 0) throw_io_error("cannot write", path, err);
    throw IoError("cannot write " + path.string() + " (the write failed; is the disk full?)");
}

std::string read_input_file(const fs::path& path, const std::string& kind) {
    InputFileRead r = try_read_input_file(path);
    if (r.problem.empty()) return std::move(r.text);
    if (r.io_failure) throw IoError(path.string() + ": " + kind + " " + r.problem);
    throw InputFileError(path.string(), 0, "", kind + " " + r.problem);
}

} // namespace tendersim

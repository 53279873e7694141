#include "result_dir.hpp"

#include "errors.hpp"
#include "names.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace tendersim {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBufferSize = std::size_t{1} << 16;

// Longest directory name a result target may have: leaves room for ".partial-<PID>" within
// NAME_MAX (255) bytes.
constexpr std::size_t kMaxTargetName = 200;

std::string hidden(const fs::path& target, const std::string& suffix) {
    return "." + target.filename().string() + suffix;
}

fs::path parent_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// Swaps two existing paths in one step; -1 with errno (EINVAL, ENOSYS) where not supported.
int exchange_paths(const fs::path& a, const fs::path& b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE);
#elif defined(__linux__) && defined(SYS_renameat2)
    constexpr unsigned kRenameExchange = 1u << 1; // RENAME_EXCHANGE in <linux/fs.h>
    return static_cast<int>(
        ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange));
#else
    (void)a, (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0)
        throw_io_error("cannot rename " + from.string() + " to", to, errno);
}

bool path_exists(const fs::path& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) == 0) return true;
    if (errno == ENOENT || errno == ENOTDIR) return false;
    throw_io_error("cannot inspect", p, errno);
}

// "12345" -> 12345; anything else -> -1.
long parse_pid(const std::string& text) {
    if (text.empty() || text.size() > 10 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    return std::stol(text);
}

} // namespace

bool process_alive(long pid) {
    if (pid <= 0) return false;
    if (pid > 0x7fffffffL) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

// ---------------------------------------------------------------------------------------------
// Checked output files

namespace detail {

FdBuf::~FdBuf() {
    close();
}

bool FdBuf::open(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return false;
    buffer_.resize(kBufferSize);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
}

bool FdBuf::write_all(const char* data, std::size_t size) {
    if (error_ != 0) return false;
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return false;
        }
        if (n == 0) {
            error_ = EIO;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool FdBuf::drain() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return pending == 0 || write_all(buffer_.data(), pending);
}

FdBuf::int_type FdBuf::overflow(int_type c) {
    if (fd_ < 0 || !drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

std::streamsize FdBuf::xsputn(const char* s, std::streamsize n) {
    if (fd_ < 0 || error_ != 0) return 0;
    const auto size = static_cast<std::size_t>(n);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::copy(s, s + size, pptr());
        pbump(static_cast<int>(size));
        return n;
    }
    if (!drain()) return 0;
    if (size < buffer_.size()) {
        std::copy(s, s + size, pptr());
        pbump(static_cast<int>(size));
        return n;
    }
    return write_all(s, size) ? n : 0;
}

int FdBuf::sync() {
    return fd_ >= 0 && drain() ? 0 : -1;
}

int FdBuf::close() {
    if (fd_ < 0) return error_;
    drain();
    if (::close(fd_) != 0 && error_ == 0 && errno != EINTR) error_ = errno;
    fd_ = -1;
    setp(nullptr, nullptr);
    return error_;
}

} // namespace detail

OutFile::OutFile(fs::path path) : std::ostream(&buf), path_(std::move(path)) {
    if (!buf.open(path_)) throw_io_error("cannot create", path_, errno);
}

OutFile::~OutFile() = default;

void OutFile::check() const {
    if (buf.error() != 0) throw_io_error("cannot write", path_, buf.error());
    if (bad()) throw IoError("cannot write " + path_.string());
}

void OutFile::close() {
    if (!buf.is_open()) return;
    flush();
    const int err = buf.close();
    if (err != 0) throw_io_error("cannot write", path_, err);
    if (bad()) throw IoError("cannot write " + path_.string());
}

// ---------------------------------------------------------------------------------------------
// Recovery of what killed processes left

std::vector<std::string> recover_stale_staging(const fs::path& target) {
    std::vector<std::string> done;
    const fs::path parent = parent_of(target);
    const std::string partial = hidden(target, ".partial-");
    const std::string old = hidden(target, ".old-");
    struct Stale {
        fs::path path;
        bool is_old;
        fs::file_time_type time;
    };
    std::vector<Stale> stale;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool is_old = name.starts_with(old);
        if (!is_old && !name.starts_with(partial)) continue;
        const long pid = parse_pid(name.substr((is_old ? old : partial).size()));
        if (pid < 0) continue;
        // Ours (a reused PID) is stale too: this process has not staged anything yet.
        if (pid != static_cast<long>(::getpid()) && process_alive(pid)) continue;
        std::error_code tec;
        stale.push_back({it->path(), is_old, fs::last_write_time(it->path(), tec)});
    }
    if (stale.empty()) return done;
    // A kill between the two renames of a fallback swap leaves no target: the earlier results
    // (for a sweep, the shard files --resume needs) are in the newest .old-PID.
    if (!path_exists(target)) {
        std::sort(stale.begin(), stale.end(),
                  [](const Stale& a, const Stale& b) { return a.time > b.time; });
        for (auto it = stale.begin(); it != stale.end(); ++it) {
            if (!it->is_old) continue;
            if (::rename(it->path.c_str(), target.c_str()) == 0) {
                done.push_back("restored " + target.string() + " from " + it->path.string() +
                               " (left by an interrupted process)");
                stale.erase(it);
            } else if (errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST) {
                // (those three: a --shard job starting beside this one restored it first)
                throw_io_error("cannot restore " + it->path.string() + " to", target, errno);
            }
            break;
        }
    }
    for (const auto& s : stale) {
        std::error_code rec;
        if (fs::remove_all(s.path, rec) > 0 && !rec)
            done.push_back("removed " + s.path.string() + " (left by an interrupted process)");
    }
    return done;
}

// ---------------------------------------------------------------------------------------------
// The lock

ResultDirLock::ResultDirLock(fs::path target, Mode mode) : target_(std::move(target)), mode_(mode) {
    const fs::path parent = parent_of(target_);
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw IoError("cannot create " + parent.string() + ": " + ec.message());
    const fs::path lock_file = parent / hidden(target_, ".lock");
    fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw_io_error("cannot open the lock file", lock_file, errno);
    const int op = mode == Mode::Exclusive ? LOCK_EX : LOCK_SH;
    while (::flock(fd_, op | LOCK_NB) != 0) {
        const int err = errno;
        if (err == EINTR) continue;
        if (err == ENOLCK || err == ENOSYS || err == EOPNOTSUPP || err == EINVAL) {
            // A file system without locks (some NFS set-ups): go on unlocked, as before locks.
            ::close(fd_);
            fd_ = -1;
            recovered_ = recover_stale_staging(target_);
            return;
        }
        // The holder of an exclusive lock writes its PID into the file just after taking it: a
        // contender that comes in between waits a moment for the PID rather than guess.
        char text[32] = {};
        ssize_t n = 0;
        for (int tries = 0; tries < 50; ++tries) { // up to 0.1 s; a shared holder writes none
            n = ::pread(fd_, text, sizeof text - 1, 0);
            if (n > 0) break;
            ::usleep(2000);
        }
        ::close(fd_);
        fd_ = -1;
        if (err != EWOULDBLOCK) throw_io_error("cannot lock", lock_file, err);
        const long pid = n > 0 ? std::strtol(text, nullptr, 10) : -1;
        const std::string who = pid > 0 && process_alive(pid)
                                    ? "PID " + std::to_string(pid)
                                    : std::string("another process (a sweep --shard job?)");
        throw ResultDirBusy(target_.string() + " is in use by " + who +
                            ": another tendersim job is writing these results; wait for it to "
                            "finish, or write elsewhere with --out");
    }
    if (mode == Mode::Exclusive) {
        const std::string pid = std::to_string(::getpid()) + "\n";
        if (::ftruncate(fd_, 0) != 0 ||
            ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size()))
            throw_io_error("cannot write", lock_file, errno);
    }
    recovered_ = recover_stale_staging(target_);
}

ResultDirLock::~ResultDirLock() {
    if (fd_ < 0) return;
    if (mode_ == Mode::Exclusive) {
        [[maybe_unused]] const int rc = ::ftruncate(fd_, 0); // no stale PID for the next reader
    }
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

// ---------------------------------------------------------------------------------------------
// The staged directory

StagedResultDir::StagedResultDir(fs::path target) : target_(std::move(target)) {
    if (!valid_name(target_.filename().string(), kMaxTargetName))
        throw std::invalid_argument("cannot write results to " + target_.string() +
                                    ": the directory name is not a plain name");
    own_lock_ = std::make_unique<ResultDirLock>(target_);
    init();
}

StagedResultDir::StagedResultDir(fs::path target, const ResultDirLock& held)
    : target_(std::move(target)) {
    if (held.target() != target_ || held.mode() != ResultDirLock::Mode::Exclusive)
        throw std::logic_error("StagedResultDir: the lock held is not an exclusive lock on " +
                               target_.string());
    if (!valid_name(target_.filename().string(), kMaxTargetName))
        throw std::invalid_argument("cannot write results to " + target_.string() +
                                    ": the directory name is not a plain name");
    init();
}

void StagedResultDir::init() {
    staging_ = parent_of(target_) / hidden(target_, ".partial-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(staging_, ec);
    if (ec) throw IoError("cannot remove " + staging_.string() + ": " + ec.message());
    if (::mkdir(staging_.c_str(), 0755) != 0)
        throw_io_error("cannot create the staging directory", staging_, errno);
}

StagedResultDir::~StagedResultDir() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

std::unique_ptr<OutFile> StagedResultDir::open(const std::string& name) const {
    return std::make_unique<OutFile>(file(name));
}

void StagedResultDir::commit(Swap swap) {
    if (committed_) throw std::logic_error("StagedResultDir::commit called twice");
    if (!path_exists(target_)) {
        rename_or_throw(staging_, target_);
        committed_ = true;
        return;
    }
    if (swap == Swap::Exchange) {
        // One step: the target now holds the new results, the staging path the earlier ones.
        if (exchange_paths(staging_, target_) == 0) {
            committed_ = true;
            std::error_code ec;
            fs::remove_all(staging_, ec); // if this fails, the next start removes it
            return;
        }
        if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
            throw_io_error("cannot swap " + staging_.string() + " with", target_, errno);
    }
    // The file system cannot exchange: move the earlier results aside, then put the new ones in
    // place. A kill between the two renames leaves no target; the next start restores the
    // earlier results from .old-PID (recover_stale_staging).
    const fs::path old = parent_of(target_) / hidden(target_, ".old-" + std::to_string(::getpid()));
    rename_or_throw(target_, old);
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        [[maybe_unused]] const int rc = ::rename(old.c_str(), target_.c_str());
        throw_io_error("cannot rename " + staging_.string() + " to", target_, err);
    }
    committed_ = true;
    std::error_code ec;
    fs::remove_all(old, ec);
}

void write_file_atomically(const fs::path& path, const std::string& content) {
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    try {
        OutFile out(tmp);
        out << content;
        out.close();
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::error_code ec;
        fs::remove(tmp, ec);
        throw_io_error("cannot rename " + tmp.string() + " to", path, err);
    }
}

} // namespace tendersim

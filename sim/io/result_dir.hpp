#pragma once
// Results directories that appear whole or not at all, that two processes never write at once,
// and that a crash never loses or litters.
//
// - Every file is written through OutFile: each write, the flush and the close are checked, and a
//   failure throws IoError naming the file and the reason ("No space left on device").
// - StagedResultDir writes into a hidden staging directory beside the target,
//   `.<name>.partial-<PID>`, and swaps it with the target in one step (renameat2 with
//   RENAME_EXCHANGE on Linux; two renames through `.<name>.old-<PID>` where the file system
//   refuses that). At every instant the target holds a complete set of results, earlier or new.
// - ResultDirLock takes `flock` on `<parent>/.<name>.lock` for the whole job: a second process
//   writing the same results gets "results/<name> is in use by PID N" (ResultDirBusy). On a file
//   system without locks (flock fails with ENOLCK, ENOSYS, EOPNOTSUPP) the job goes on unlocked.
// - Taking the lock first recovers what a killed process left: if the target is missing but a
//   dead process's `.<name>.old-<PID>` holds the earlier results, they are put back; then every
//   `.<name>.partial-<PID>` / `.<name>.old-<PID>` of a dead process is removed.
// Nothing is fsync'd: a kill -9 loses nothing the kernel has, a power cut may lose the newest.
#include "errors.hpp"

#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace tendersim {

// The results directory is locked by another live process.
class ResultDirBusy : public IoError {
  public:
    using IoError::IoError;
};

namespace detail {
// A stream buffer over a file descriptor that keeps the errno of the first failed write.
class FdBuf : public std::streambuf {
  public:
    FdBuf() = default;
    FdBuf(const FdBuf&) = delete;
    FdBuf& operator=(const FdBuf&) = delete;
    ~FdBuf() override;
    bool open(const std::filesystem::path& path); // false with errno set
    int close();                                  // flushes; 0 or the first errno
    bool is_open() const { return fd_ >= 0; }
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    bool drain();
    bool write_all(const char* data, std::size_t size);
    int fd_ = -1;
    int error_ = 0;
    std::vector<char> buffer_;
};
struct FdBufHolder {
    FdBuf buf;
};
} // namespace detail

// An output file whose every write is checked. Writes after a failure are dropped; check() or
// close() report the failure (with the path and errno's reason) as IoError.
class OutFile : private detail::FdBufHolder, public std::ostream {
  public:
    explicit OutFile(std::filesystem::path path); // creates or truncates; throws IoError
    ~OutFile() override;                          // closes without reporting (use close())
    OutFile(const OutFile&) = delete;
    OutFile& operator=(const OutFile&) = delete;

    void check() const; // throws IoError if a write has failed so far
    void close();       // flushes and closes; throws IoError if anything failed
    bool is_open() const { return buf.is_open(); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

class ResultDirLock {
  public:
    // Exclusive for a job that writes the target (run, compare, sweep, merge); Shared for
    // `sweep --shard K/N` jobs, which write only their own shard file inside it.
    enum class Mode { Exclusive, Shared };
    explicit ResultDirLock(std::filesystem::path target, Mode mode = Mode::Exclusive);
    ~ResultDirLock();
    ResultDirLock(const ResultDirLock&) = delete;
    ResultDirLock& operator=(const ResultDirLock&) = delete;

    const std::filesystem::path& target() const { return target_; }
    Mode mode() const { return mode_; }
    // Recovery done when the lock was taken, one line each (for a note to the user).
    const std::vector<std::string>& recovered() const { return recovered_; }

  private:
    std::filesystem::path target_;
    Mode mode_;
    int fd_ = -1;
    std::vector<std::string> recovered_;
};

class StagedResultDir {
  public:
    // Takes its own exclusive lock on the target...
    explicit StagedResultDir(std::filesystem::path target);
    // ... or works under one the caller holds (exclusive, on the same target).
    StagedResultDir(std::filesystem::path target, const ResultDirLock& held);
    ~StagedResultDir(); // removes the staging directory if commit() was not reached
    StagedResultDir(const StagedResultDir&) = delete;
    StagedResultDir& operator=(const StagedResultDir&) = delete;

    std::filesystem::path file(const std::string& name) const { return staging_ / name; }
    // A new file in the staging directory; close() it (checked) before commit().
    std::unique_ptr<OutFile> open(const std::string& name) const;
    // How commit() swaps: Exchange where the file system allows it (the default), or Renames
    // (the fallback, selectable to test it).
    enum class Swap { Exchange, Renames };
    void commit(Swap swap = Swap::Exchange);
    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& staging() const { return staging_; }

  private:
    void init();
    std::filesystem::path target_;
    std::filesystem::path staging_;
    std::unique_ptr<ResultDirLock> own_lock_;
    bool committed_ = false;
};

// Recovers and cleans what dead processes left beside target (see the top of this file); returns
// one line per action. Called by ResultDirLock; exposed for tests.
std::vector<std::string> recover_stale_staging(const std::filesystem::path& target);

// True unless kill(pid, 0) says no such process (ESRCH).
bool process_alive(long pid);

// Writes one file atomically and checked: to NAME.tmp-PID, then renamed over NAME.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

} // namespace tendersim

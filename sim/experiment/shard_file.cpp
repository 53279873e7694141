#include "experiment/shard_file.hpp"

#include "experiment/text_util.hpp"
#include "io/io_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>

namespace tendersim::experiment {
namespace {

constexpr std::string_view kMagic = "tendersim-sweep-shard 1 ";
// Upper bound on a payload: a runs row plus a timeseries block. A larger size field can only be
// corruption, and rejecting it keeps a damaged file from asking for a huge allocation.
constexpr std::uint64_t kMaxPayload = std::uint64_t{1} << 30;

std::uint64_t record_checksum(std::uint64_t run, std::uint64_t size, std::string_view payload) {
    return fnv1a64(payload, fnv1a64(std::to_string(run) + " " + std::to_string(size)));
}

[[noreturn]] void fail_errno(const std::string& what, const std::filesystem::path& path) {
    throw_io_error(what, path, errno);
}

} // namespace

std::string shard_header(const std::string& fingerprint) {
    return std::string(kMagic) + fingerprint + "\n";
}

std::string encode_record(std::uint64_t run, std::string_view payload) {
    const std::uint64_t size = payload.size();
    std::string rec = "@" + std::to_string(run) + " " + std::to_string(size) + " " +
                      hex64(record_checksum(run, size, payload)) + "\n";
    rec.append(payload);
    return rec;
}

ShardScan scan_shard_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    ShardScan scan;
    in.seekg(0, std::ios::end);
    scan.file_bytes = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    std::string line;
    if (!std::getline(in, line) || in.eof()) return scan; // empty, or first line torn
    if (!line.starts_with(kMagic))
        throw std::runtime_error(path.string() + " is not a tendersim sweep shard file");
    scan.header_valid = true;
    scan.fingerprint = line.substr(kMagic.size());
    scan.valid_bytes = line.size() + 1;
    std::string payload;
    while (std::getline(in, line) && !in.eof()) {
        // "@run size checksum"
        const auto parts = split(line, ' ');
        if (parts.size() != 3 || parts[0].size() < 2 || parts[0][0] != '@') break;
        const auto run = parse_u64(parts[0].substr(1));
        const auto size = parse_u64(parts[1]);
        if (!run || !size || *size > kMaxPayload || parts[2].size() != 16) break;
        const std::uint64_t offset = scan.valid_bytes + line.size() + 1;
        if (offset + *size > scan.file_bytes) break; // payload torn
        payload.resize(static_cast<std::size_t>(*size));
        if (!in.read(payload.data(), static_cast<std::streamsize>(*size))) break;
        if (hex64(record_checksum(*run, *size, payload)) != parts[2]) break;
        scan.records.push_back({*run, offset, *size});
        scan.valid_bytes = offset + *size;
    }
    return scan;
}

std::string read_payload(std::ifstream& in, const RecordLoc& loc) {
    std::string payload(static_cast<std::size_t>(loc.size), '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(loc.offset));
    if (!in.read(payload.data(), static_cast<std::streamsize>(loc.size)))
        throw std::runtime_error("shard file shorter than its index (changed while merging?)");
    return payload;
}

ShardWriter::ShardWriter(std::filesystem::path path, const std::string& fingerprint)
    : path_(std::move(path)) {
    std::filesystem::create_directories(path_.parent_path());
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) fail_errno("cannot open", path_);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw std::runtime_error("another tendersim process is writing " + path_.string() +
                                     " (is the same sweep or shard still running?)");
        errno = err;
        fail_errno("cannot lock", path_);
    }
    const ShardScan scan = scan_shard_file(path_);
    if (scan.header_valid && scan.fingerprint != fingerprint) {
        close();
        throw std::runtime_error(
            path_.string() +
            " holds runs of a different sweep definition (the sweep file, its base scenario or "
            "the tendersim version changed since); use --restart to discard them");
    }
    const std::uint64_t keep = scan.header_valid ? scan.valid_bytes : 0;
    if (keep < scan.file_bytes) {
        torn_bytes_ = scan.file_bytes - keep;
        if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0) fail_errno("cannot truncate", path_);
    }
    records_at_open_ = scan.records.size();
    if (!scan.header_valid) {
        const std::string header = shard_header(fingerprint);
        if (::write(fd_, header.data(), header.size()) != static_cast<ssize_t>(header.size()))
            fail_errno("cannot write", path_);
    }
}

ShardWriter::~ShardWriter() {
    close();
}

void ShardWriter::close() {
    std::lock_guard lock(mutex_);
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
        fd_ = -1;
    }
}

void ShardWriter::append(std::uint64_t run, std::string_view payload) {
    const std::string rec = encode_record(run, payload);
    std::lock_guard lock(mutex_);
    if (fd_ < 0) throw std::logic_error("append to a closed shard file");
    // One write for the whole record; loop only if the kernel takes it in parts (a short write
    // that then fails leaves a torn record, which readers discard).
    std::size_t done = 0;
    while (done < rec.size()) {
        const ssize_t n = ::write(fd_, rec.data() + done, rec.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_errno("cannot append to", path_);
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace tendersim::experiment

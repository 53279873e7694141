#include "experiment/shard_file.hpp"

#include "experiment/sweep_definition.hpp"
#include "io/errors.hpp"
#include "text/text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>

namespace tendersim::experiment {
namespace {

constexpr std::string_view kMagicPrefix = "tendersim-sweep-shard ";
constexpr std::string_view kMagic1 = "tendersim-sweep-shard 1 ";
constexpr std::string_view kMagic = "tendersim-sweep-shard 2 ";
// A definition is a few kilobytes; a larger size field can only be corruption.
constexpr std::uint64_t kMaxDefinition = std::uint64_t{1} << 26;
// Upper bound on a payload: a runs row plus a timeseries block. A larger size field can only be
// corruption, and rejecting it keeps a damaged file from asking for a huge allocation.
constexpr std::uint64_t kMaxPayload = std::uint64_t{1} << 30;

std::uint64_t record_checksum(std::uint64_t run, std::uint64_t size, std::string_view payload) {
    return fnv1a64(payload, fnv1a64(std::to_string(run) + " " + std::to_string(size)));
}

[[noreturn]] void fail_errno(const std::string& what, const std::filesystem::path& path) {
    throw_io_error(what, path, errno);
}

// Writes all of data, looping over short writes: a disk that fills part-way through reports its
// reason (ENOSPC) on the next write, not as a silent short count.
void write_all(int fd, std::string_view data, const char* what, const std::filesystem::path& path) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_errno(what, path);
        }
        done += static_cast<std::size_t>(n);
    }
}

std::string plural(std::uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string shard_header(const std::string& fingerprint, const std::string& definition) {
    return std::string(kMagic) + fingerprint + " " + std::to_string(definition.size()) + "\n" +
           definition;
}

std::string foreign_shard_message(const std::filesystem::path& path, const ShardScan& scan,
                                  const std::string& definition,
                                  std::uint64_t runs_kept_elsewhere) {
    const std::string dir = path.parent_path().string();
    std::string msg =
        path.string() + " holds runs of a different sweep definition: " +
        definition_change(scan.format == 1 ? std::string() : scan.definition, definition) +
        ". To keep it, move it out of " + dir + " (mv " + path.string() +
        " SOMEWHERE/); to drop it, delete it; then run again";
    if (runs_kept_elsewhere > 0)
        msg += ". Do not use --restart: it would also discard the " +
               plural(runs_kept_elsewhere, "run", "runs") +
               " of this sweep in the other files of " + dir;
    else
        msg += " (or use --restart to discard every partial result of this sweep)";
    return msg;
}

std::string encode_record(std::uint64_t run, std::string_view payload) {
    const std::uint64_t size = payload.size();
    std::string rec = "@" + std::to_string(run) + " " + std::to_string(size) + " " +
                      hex64(record_checksum(run, size, payload)) + "\n";
    rec.append(payload);
    return rec;
}

namespace {

// Reads the header (the magic line and, from format 2, the definition) into scan. False if it
// is torn (the file counts as a fresh one); throws if the file is no shard file this version
// can read.
bool read_shard_header(std::ifstream& in, const std::filesystem::path& path, ShardScan& scan) {
    std::string line;
    if (!std::getline(in, line) || in.eof()) return false; // empty, or first line torn
    if (line.starts_with(kMagic1)) {
        scan.format = 1;
        scan.fingerprint = line.substr(kMagic1.size());
        scan.valid_bytes = line.size() + 1;
    } else if (line.starts_with(kMagic)) {
        const auto parts = split(std::string_view(line).substr(kMagic.size()), ' ');
        const auto size = parts.size() == 2 ? parse_u64(parts[1]) : std::nullopt;
        if (!size || *size > kMaxDefinition)
            throw InputError(path.string() + " has a damaged header");
        scan.format = 2;
        scan.fingerprint = std::string(parts[0]);
        scan.definition.resize(static_cast<std::size_t>(*size));
        if (!in.read(scan.definition.data(), static_cast<std::streamsize>(*size))) {
            scan.definition.clear();
            scan.fingerprint.clear();
            scan.format = 0;
            return false; // header torn: counts as a fresh file
        }
        scan.valid_bytes = line.size() + 1 + *size;
    } else if (line.starts_with(kMagicPrefix)) {
        throw InputError(path.string() +
                         " was written by a newer tendersim (unknown shard format)");
    } else {
        throw InputError(path.string() +
                         " is not a tendersim sweep shard file (it does not start with \"" +
                         std::string(kMagicPrefix) + "\")");
    }
    return true;
}

// Reads the records after the header, keeping its line and payload buffers from one record to
// the next.
struct RecordReader {
    std::ifstream& in;
    ShardScan& scan;
    std::string line;
    std::string payload;

    // The record whose header line starts at pos, if it is intact (header well formed, payload
    // complete, checksum right). header_ok says whether it failed only its checksum or the
    // payload read.
    std::optional<RecordLoc> record_at(std::uint64_t pos, bool& header_ok) {
        header_ok = false;
        in.clear();
        in.seekg(static_cast<std::streamoff>(pos));
        if (!std::getline(in, line) || in.eof()) { // the file ends inside this line
            scan.tail_incomplete = true;
            return std::nullopt;
        }
        // "@run size checksum"
        const auto parts = split(line, ' ');
        if (parts.size() != 3 || parts[0].size() < 2 || parts[0][0] != '@') return std::nullopt;
        const auto run = parse_u64(parts[0].substr(1));
        const auto size = parse_u64(parts[1]);
        if (!run || !size || *size > kMaxPayload || parts[2].size() != 16) return std::nullopt;
        header_ok = true;
        const std::uint64_t offset = pos + line.size() + 1;
        if (offset + *size > scan.file_bytes) { // payload cut short: a torn write at the end
            header_ok = false;
            scan.tail_incomplete = true;
            return std::nullopt;
        }
        payload.resize(static_cast<std::size_t>(*size));
        if (!in.read(payload.data(), static_cast<std::streamsize>(*size))) return std::nullopt;
        if (hex64(record_checksum(*run, *size, payload)) != parts[2]) return std::nullopt;
        return RecordLoc{*run, offset, *size};
    }
    // Start of the line after the one at pos, if there is a whole line at pos.
    std::optional<std::uint64_t> next_line(std::uint64_t pos) {
        in.clear();
        in.seekg(static_cast<std::streamoff>(pos));
        if (!std::getline(in, line) || in.eof()) return std::nullopt;
        return pos + line.size() + 1;
    }
};

} // namespace

ShardScan scan_shard_file(const std::filesystem::path& path) {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw_io_error("cannot read", path, errno ? errno : EIO);
    ShardScan scan;
    in.seekg(0, std::ios::end);
    scan.file_bytes = static_cast<std::uint64_t>(in.tellg());
    in.seekg(0);
    if (!read_shard_header(in, path, scan)) return scan;
    scan.header_valid = true;
    RecordReader reader{in, scan, {}, {}};
    // A record that fails its checks does not end the scan: the intact records after it (a
    // damaged file, not a torn write) are kept, and only the damaged bytes are skipped.
    std::uint64_t pos = scan.valid_bytes;
    bool in_damage = false; // plain flag, not std::optional: GCC 12 warns wrongly on that here
    std::uint64_t damage_start = 0;
    std::uint64_t damaged_headers = 0;
    while (pos < scan.file_bytes) {
        bool header_ok = false;
        if (const auto rec = reader.record_at(pos, header_ok)) {
            if (in_damage) {
                scan.damaged.push_back({damage_start, pos - damage_start, damaged_headers});
                in_damage = false;
                damaged_headers = 0;
                scan.tail_incomplete = false; // what looked cut short was damage in the middle
            }
            scan.records.push_back(*rec);
            pos = rec->offset + rec->size;
            scan.valid_bytes = pos;
            continue;
        }
        if (!in_damage) in_damage = true, damage_start = pos;
        if (header_ok) ++damaged_headers;
        const auto next = reader.next_line(pos);
        if (!next) break;
        pos = *next;
    }
    scan.tail_records = in_damage ? damaged_headers : 0;
    return scan;
}

std::string read_payload(std::ifstream& in, const RecordLoc& loc) {
    std::string payload(static_cast<std::size_t>(loc.size), '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(loc.offset));
    if (!in.read(payload.data(), static_cast<std::streamsize>(loc.size)))
        throw IoError("shard file shorter than its index (changed while merging?)");
    return payload;
}

ShardWriter::ShardWriter(std::filesystem::path path, const std::string& fingerprint,
                         const std::string& definition)
    : path_(std::move(path)) {
    std::filesystem::create_directories(path_.parent_path());
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) fail_errno("cannot open", path_);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw InputError("another tendersim process is writing " + path_.string() +
                             " (is the same sweep or shard still running?)");
        errno = err;
        fail_errno("cannot lock", path_);
    }
    const ShardScan scan = scan_shard_file(path_);
    if (scan.header_valid && scan.fingerprint != fingerprint) {
        close();
        throw InputError(foreign_shard_message(path_, scan, definition, 0));
    }
    const std::uint64_t keep = scan.header_valid ? scan.valid_bytes : 0;
    if (keep < scan.file_bytes) {
        torn_bytes_ = scan.file_bytes - keep;
        torn_records_ = scan.tail_records;
        torn_incomplete_ = scan.tail_incomplete;
        if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0) fail_errno("cannot truncate", path_);
    }
    damaged_ = scan.damaged;
    records_at_open_ = scan.records.size();
    if (!scan.header_valid) {
        write_all(fd_, shard_header(fingerprint, definition), "cannot write", path_);
    }
}

std::string ShardWriter::repair_note() const {
    std::string note;
    const std::string file = path_.string();
    for (const auto& d : damaged_)
        note += "note: " + file + ": ignoring " + plural(d.bytes, "damaged byte", "damaged bytes") +
                " at offset " + std::to_string(d.offset) + " (" +
                (d.record_headers == 1 ? std::string("1 record failing its checksum check")
                                       : plural(d.record_headers, "record", "records") +
                                             " failing their checksum check") +
                "); the intact records around them count, and a run with no intact record is "
                "redone\n";
    if (torn_bytes_ > 0) {
        std::string what;
        if (torn_records_ > 0)
            what = torn_records_ == 1 ? std::string("1 record failing its checksum check")
                                      : plural(torn_records_, "record", "records") +
                                            " failing their checksum check";
        if (torn_incomplete_)
            what += (what.empty() ? "" : " and ") +
                    std::string("an incomplete record, as a crash or full disk leaves");
        if (what.empty()) what = "no intact record";
        const std::uint64_t runs = torn_records_ + (torn_incomplete_ ? 1 : 0);
        note += "note: " + file + ": cut off " + plural(torn_bytes_, "byte", "bytes") +
                " after the last intact record (" + what + ")" +
                (runs == 0   ? std::string()
                 : runs == 1 ? std::string("; that run will be redone")
                             : "; those " + std::to_string(runs) + " runs will be redone") +
                "\n";
    }
    return note;
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
    // One write for the whole record, unless the kernel takes it in parts (a short write that
    // then fails leaves a torn record, which readers discard).
    write_all(fd_, rec, "cannot append to", path_);
}

} // namespace tendersim::experiment

#pragma once
// Crash-safe, append-only record files: each sweep process (single, --shard K/N, or MPI rank)
// appends one record per completed run to its own file under <sweep dir>/shards/.
//
//   line 1:  tendersim-sweep-shard 2 <plan fingerprint> <definition bytes>
//   then:    the plan's definition (sweep_definition.hpp), so a refusal can say what changed
//   record:  @<run> <payload bytes> <checksum>\n<payload>
//
// Format 1 files (line 1 `tendersim-sweep-shard 1 <fingerprint>`, no definition) were written
// by tendersim versions whose fingerprint missed [[adopt]] entries, deeper base files and model
// changes; they are read, and refused as belonging to another definition.
//
// A record is appended with one write(2) once its run is complete; nothing is fsync'd (a killed
// process loses nothing the kernel already has). If a write is torn (power loss, full disk), the
// size or checksum of the last record does not match: the writer cuts the file back to the last
// intact record before appending again. A damaged record in the middle (a file damaged later) is
// skipped by readers, who resynchronise on the next intact record. So a record is either whole
// and counted, or ignored and its run recomputed: no run is lost or counted twice.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tendersim::experiment {

struct RecordLoc {
    std::uint64_t run = 0;
    std::uint64_t offset = 0; // of the payload
    std::uint64_t size = 0;
};

// Bytes between two intact records that failed their checks (a damaged file): skipped, and the
// records after them still count.
struct DamagedRange {
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
    std::uint64_t record_headers = 0; // well-formed record header lines among them
};

struct ShardScan {
    bool header_valid = false; // false for an empty file or a torn header
    int format = 0;            // 1 or 2 when header_valid
    std::string fingerprint;
    std::string definition;        // empty in format 1
    std::uint64_t valid_bytes = 0; // through the last intact record
    std::uint64_t file_bytes = 0;
    std::vector<RecordLoc> records;    // in file order
    std::vector<DamagedRange> damaged; // before valid_bytes
    std::uint64_t tail_records = 0;    // whole records after valid_bytes failing their checksum
    bool tail_incomplete = false;      // the file ends inside a record (a torn write)
};

// Reads and verifies a shard file (throws InputError if it is not one, IoError if it cannot be
// read). A record that fails its checks is skipped, not the end of the file: intact records
// after it still count.
ShardScan scan_shard_file(const std::filesystem::path& path);

// Reads one record's payload; throws if the file is shorter than the location says.
std::string read_payload(std::ifstream& in, const RecordLoc& loc);

class ShardWriter {
  public:
    // Opens or creates the file and takes an exclusive lock on it (a second process writing the
    // same shard gets a clear error). An existing file must carry the same fingerprint (else the
    // error says what changed, from the definitions); its torn tail, if any, is cut off.
    ShardWriter(std::filesystem::path path, const std::string& fingerprint,
                const std::string& definition = "");
    ~ShardWriter();
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    // Appends one complete record. Thread-safe.
    void append(std::uint64_t run, std::string_view payload);
    // Releases the lock and closes the file (also done by the destructor).
    void close();

    const std::filesystem::path& path() const { return path_; }
    std::uint64_t records_at_open() const { return records_at_open_; }
    std::uint64_t torn_bytes_dropped() const { return torn_bytes_; }
    // What opening the file found and repaired (damaged records skipped, a torn tail cut off),
    // as "note: ..." lines for the user; empty if the file was intact.
    std::string repair_note() const;

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    std::mutex mutex_;
    std::uint64_t records_at_open_ = 0;
    std::uint64_t torn_bytes_ = 0;
    std::uint64_t torn_records_ = 0;
    bool torn_incomplete_ = false;
    std::vector<DamagedRange> damaged_;
};

// The record for one run, header and payload, as append() writes it (exposed for tests).
std::string encode_record(std::uint64_t run, std::string_view payload);
std::string shard_header(const std::string& fingerprint, const std::string& definition = "");

// The refusal for a shard file of another sweep definition: names the file and what changed, and
// advises moving the file away (naming it), not --restart, when runs_kept_elsewhere runs of this
// sweep in other files would be lost.
std::string foreign_shard_message(const std::filesystem::path& path, const ShardScan& scan,
                                  const std::string& definition, std::uint64_t runs_kept_elsewhere);

} // namespace tendersim::experiment

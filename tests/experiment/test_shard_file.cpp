#include "experiment/shard_file.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tendersim::experiment;
namespace fs = std::filesystem;

TEST_CASE("shard file: records round-trip and a torn tail is dropped, never counted") {
    const fs::path dir = test::scratch("shard-file");
    const fs::path file = dir / "shards" / "main.records";
    {
        ShardWriter w(file, "fp1");
        w.append(4, "row four\n");
        w.append(0, "row zero\nwith a second line\n");
        w.append(9, "");
    }
    ShardScan scan = scan_shard_file(file);
    REQUIRE(scan.header_valid);
    CHECK(scan.fingerprint == "fp1");
    REQUIRE(scan.records.size() == 3);
    CHECK(scan.records[0].run == 4);
    CHECK(scan.records[1].run == 0);
    CHECK(scan.valid_bytes == scan.file_bytes);
    std::ifstream in(file, std::ios::binary);
    CHECK(read_payload(in, scan.records[1]) == "row zero\nwith a second line\n");
    CHECK(read_payload(in, scan.records[2]).empty());

    // Simulate a write cut short by a crash: half of a record at the end.
    const std::string rec = encode_record(7, "row seven\n");
    const auto good_size = fs::file_size(file);
    {
        std::ofstream out(file, std::ios::binary | std::ios::app);
        out << rec.substr(0, rec.size() - 4);
    }
    scan = scan_shard_file(file);
    CHECK(scan.records.size() == 3);
    CHECK(scan.valid_bytes == good_size);
    CHECK(scan.file_bytes > good_size);

    // Reopening cuts the torn tail and appends after the last intact record.
    {
        ShardWriter w(file, "fp1");
        CHECK(w.records_at_open() == 3);
        CHECK(w.torn_bytes_dropped() == rec.size() - 4);
        w.append(7, "row seven\n");
    }
    scan = scan_shard_file(file);
    REQUIRE(scan.records.size() == 4);
    CHECK(scan.records[3].run == 7);
    CHECK(scan.valid_bytes == scan.file_bytes);
}

TEST_CASE("shard file: corrupted bytes, bad headers and other sweeps are detected") {
    const fs::path dir = test::scratch("shard-corrupt");
    const fs::path file = dir / "a.records";
    {
        ShardWriter w(file, "fp");
        w.append(1, "one\n");
        w.append(2, "two\n");
    }
    // Flip one payload byte of the last record: its checksum no longer matches.
    std::string bytes = test::slurp(file);
    bytes[bytes.size() - 2] = 'X';
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    CHECK(scan_shard_file(file).records.size() == 1);

    // A different sweep's fingerprint is refused, not mixed in.
    CHECK_THROWS_WITH(ShardWriter(file, "other"), doctest::Contains("different sweep definition"));
    // A file that is not a shard file.
    std::ofstream(dir / "b.records", std::ios::binary) << "hello\n";
    CHECK_THROWS_WITH(scan_shard_file(dir / "b.records"),
                      doctest::Contains("is not a tendersim sweep shard file"));
    // An empty file or a torn first line counts as a fresh file.
    std::ofstream(dir / "c.records", std::ios::binary) << "tendersim-swe";
    CHECK_FALSE(scan_shard_file(dir / "c.records").header_valid);
    {
        ShardWriter w(dir / "c.records", "fp");
        w.append(3, "three\n");
    }
    CHECK(scan_shard_file(dir / "c.records").records.size() == 1);
}

TEST_CASE("shard file: the header carries the definition, format 1 files are refused clearly") {
    const fs::path dir = test::scratch("shard-definition");
    const std::string def = "tendersim-sweep-definition = 2\nsweep.seed = 1\nx = 2\n";
    {
        ShardWriter w(dir / "a.records", "fp", def);
        w.append(0, "zero\n");
    }
    const ShardScan scan = scan_shard_file(dir / "a.records");
    CHECK(scan.format == 2);
    CHECK(scan.fingerprint == "fp");
    CHECK(scan.definition == def);
    CHECK(scan.records.size() == 1);
    CHECK_THROWS_WITH(ShardWriter(dir / "a.records", "fp2",
                                  "tendersim-sweep-definition = 2\nsweep.seed = 1\nx = 3\n"),
                      doctest::Contains("different sweep definition: the resolved scenario of "
                                        "every design point differs: x 2 -> 3"));
    // A header torn inside the definition counts as a fresh file.
    const std::string header = shard_header("fp", def);
    std::ofstream(dir / "b.records", std::ios::binary) << header.substr(0, header.size() - 3);
    CHECK_FALSE(scan_shard_file(dir / "b.records").header_valid);
    // Format 1 (no definition; its fingerprint missed [[adopt]] and deeper base files).
    std::ofstream(dir / "old.records", std::ios::binary) << "tendersim-sweep-shard 1 0123abcd\n"
                                                         << encode_record(0, "zero\n");
    const ShardScan old = scan_shard_file(dir / "old.records");
    CHECK(old.format == 1);
    CHECK(old.records.size() == 1);
    CHECK_THROWS_WITH(ShardWriter(dir / "old.records", "fp", def),
                      doctest::Contains("written by an older tendersim"));
    std::ofstream(dir / "new.records", std::ios::binary) << "tendersim-sweep-shard 9 x\n";
    CHECK_THROWS_WITH(scan_shard_file(dir / "new.records"), doctest::Contains("newer tendersim"));
}

TEST_CASE("shard file: one writer at a time") {
    const fs::path dir = test::scratch("shard-lock");
    ShardWriter first(dir / "x.records", "fp");
    CHECK_THROWS_WITH(ShardWriter(dir / "x.records", "fp"),
                      doctest::Contains("another tendersim process is writing"));
    first.close();
    CHECK_NOTHROW(ShardWriter(dir / "x.records", "fp"));
}

TEST_CASE("shard file: a garbled record in the middle costs only its own run") {
    const fs::path dir = test::scratch("shard-garbled");
    const fs::path file = dir / "main.records";
    {
        ShardWriter w(file, "fp");
        for (std::uint64_t r = 0; r < 20; ++r) w.append(r, "row " + std::to_string(r) + "\n");
    }
    // Garble the payload of the second record: the 18 intact records after it still count.
    std::string bytes = test::slurp(file);
    const auto at = bytes.find("row 1\n");
    REQUIRE(at != std::string::npos);
    bytes[at + 1] = 'X';
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    ShardScan scan = scan_shard_file(file);
    REQUIRE(scan.records.size() == 19);
    CHECK(scan.records[0].run == 0);
    CHECK(scan.records[1].run == 2);
    CHECK(scan.records[18].run == 19);
    CHECK(scan.valid_bytes == scan.file_bytes);
    REQUIRE(scan.damaged.size() == 1);
    CHECK(scan.damaged[0].record_headers == 1);
    CHECK(scan.damaged[0].bytes == encode_record(1, "row 1\n").size());
    {
        ShardWriter w(file, "fp");
        CHECK(w.records_at_open() == 19);
        CHECK(w.torn_bytes_dropped() == 0); // nothing intact is cut off
        const std::string note = w.repair_note();
        CHECK(note.find("ignoring " + std::to_string(scan.damaged[0].bytes) +
                        " damaged bytes at offset ") != std::string::npos);
        CHECK(note.find("(1 record failing its checksum check); the intact records around them "
                        "count") != std::string::npos);
        CHECK(note.find("incomplete") == std::string::npos);
        w.append(1, "row 1\n");
    }
    scan = scan_shard_file(file);
    CHECK(scan.records.size() == 20);
    CHECK(scan.records.back().run == 1);

    // A torn last record is still called what it is.
    const std::string rec = encode_record(20, "row 20\n");
    std::ofstream(file, std::ios::binary | std::ios::app) << rec.substr(0, rec.size() - 2);
    ShardWriter w(file, "fp");
    CHECK(w.repair_note().find("cut off " + std::to_string(rec.size() - 2) +
                               " bytes after the last intact record (an incomplete record") !=
          std::string::npos);
}

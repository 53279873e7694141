// The OCDS reader: release packages, record packages, JSON Lines and gzip, and the errors it
// gives for hostile input (file and record named, never a crash).
#include "import_test_util.hpp"
#include "io/input_file_error.hpp"
#include "ocds/import/json_reader.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace tendersim;
using namespace tendersim::ocds;
using tendersim::ocds::test::Collector;
using tendersim::ocds::test::error_of;
using tendersim::ocds::test::TempDir;

namespace {
Collector read_text(const std::string& text, FileFormat format,
                    const std::string& name = "in.json") {
    std::istringstream in(text);
    Collector c;
    read_releases(in, format, name, c);
    return c;
}
} // namespace

TEST_CASE("a release package streams each release with its index") {
    const auto c = read_text(R"({"uri":"x","releases":[{"ocid":"a","id":"1"},{"ocid":"b","id":"2"}],
                                "publisher":{"name":"p","nested":[{"releases":[1]}]}})",
                             FileFormat::Json);
    REQUIRE(c.releases.size() == 2);
    CHECK(c.releases[1]["ocid"] == "b");
    CHECK(c.wheres[1] == "in.json: releases[1]");
}

TEST_CASE("a record package gives each compiledRelease, else its embedded releases") {
    const auto c = read_text(R"({"records":[
        {"ocid":"a","compiledRelease":{"ocid":"a","tender":{"numberOfTenderers":2}},
         "releases":[{"url":"u","date":"2018-01-01","tag":["tender"]}]},
        {"ocid":"b","releases":[{"ocid":"b","id":"b-1"},{"ocid":"b","id":"b-2"}]},
        {"ocid":"c","releases":[{"url":"only-a-link"}]}]})",
                             FileFormat::Json);
    REQUIRE(c.releases.size() == 3);
    CHECK(c.releases[0]["tender"]["numberOfTenderers"] == 2);
    CHECK(c.wheres[0] == "in.json: records[0].compiledRelease");
    CHECK(c.releases[2]["id"] == "b-2");
    REQUIRE(c.skips.size() == 1);
    CHECK(c.skips[0].find("records[2]") != std::string::npos);
}

TEST_CASE("JSON Lines: a line may be a release, a record or a package, and errors give the line") {
    const auto c =
        read_text("{\"ocid\":\"a\"}\n\n{\"ocid\":\"b\",\"compiledRelease\":{\"ocid\":\"b\"}}\n"
                  "{\"releases\":[{\"ocid\":\"c\"},{\"ocid\":\"d\"}]}\n",
                  FileFormat::JsonLines, "x.jsonl");
    REQUIRE(c.releases.size() == 4);
    CHECK(c.wheres[0] == "x.jsonl:1");
    CHECK(c.wheres[1] == "x.jsonl:3: record[0].compiledRelease");
    CHECK(c.wheres[3] == "x.jsonl:4: releases[1]");
    const std::string e = error_of([] {
        read_text("{\"ocid\":\"a\"}\n{\"ocid\":\"b\"}\n{\"ocid\": tru}\n", FileFormat::JsonLines,
                  "x.jsonl");
    });
    CHECK(e.find("x.jsonl:3: malformed JSON") != std::string::npos);
}

TEST_CASE("malformed JSON in a package names the file and the release being read") {
    const std::string e = error_of([] {
        read_text(R"({"releases":[{"ocid":"a"},{"ocid":"b",}]})", FileFormat::Json, "bad.json");
    });
    CHECK(e.find("bad.json: releases[1]: malformed JSON") != std::string::npos);
}

TEST_CASE("files that are not packages are refused with a reason") {
    CHECK(error_of([] { read_text("", FileFormat::Json, "e.json"); }).find("e.json: empty file") !=
          std::string::npos);
    CHECK(error_of([] {
              read_text("  \n", FileFormat::JsonLines, "e.jsonl");
          }).find("e.jsonl: empty file") != std::string::npos);
    CHECK(error_of([] {
              read_text("[{\"ocid\":\"a\"}]", FileFormat::Json);
          }).find("expected an OCDS release or record package") != std::string::npos);
    CHECK(error_of([] {
              read_text("{\"ocid\":\"a\",\"tender\":{}}", FileFormat::Json);
          }).find("neither a 'releases' nor a 'records' array") != std::string::npos);
    CHECK(error_of([] {
              read_text("{\"releases\":{\"ocid\":\"a\"}}", FileFormat::Json);
          }).find("'releases' is not an array") != std::string::npos);
}

TEST_CASE("deep nesting is refused, not followed into the stack") {
    const std::string deep =
        "{\"releases\":[" + std::string(100000, '[') + std::string(100000, ']') + "]}";
    CHECK(error_of([&] { read_text(deep, FileFormat::Json); }).find("nested deeper than") !=
          std::string::npos);
    const std::string line = std::string(5000, '[') + std::string(5000, ']') + "\n";
    CHECK(error_of([&] {
              read_text(line, FileFormat::JsonLines, "d.jsonl");
          }).find("d.jsonl:1: JSON nested deeper") != std::string::npos);
}

TEST_CASE("gzip files are read, and a truncated gzip stream is an error naming the file") {
    TempDir dir;
    std::string lines;
    for (int i = 0; i < 500; ++i)
        lines += "{\"ocid\":\"o" + std::to_string(i) +
                 "\",\"tender\":{\"numberOfTenderers\":" + std::to_string(i % 7) +
                 ",\"description\":\"" + std::string(200, 'x') + "\"}}\n";
    const auto gz = dir.path / "r.jsonl.gz";
    test::write_gzip(gz, lines);
    Collector c;
    read_release_file(gz, c);
    REQUIRE(c.releases.size() == 500);
    CHECK(c.releases[499]["tender"]["numberOfTenderers"] == 499 % 7);

    const auto cut = dir.path / "cut.jsonl.gz";
    test::write_file(cut, test::read_file(gz).substr(0, test::read_file(gz).size() / 2));
    const std::string e = error_of([&] {
        Collector d;
        read_release_file(cut, d);
    });
    CHECK(e.find(cut.string()) != std::string::npos);
    CHECK(e.find("truncated gzip") != std::string::npos);
}

TEST_CASE("inputs: directories expand to their OCDS files, sorted, and missing paths are refused") {
    TempDir dir;
    test::write_file(dir.path / "b.json", "{}");
    test::write_file(dir.path / "a.jsonl.gz", "");
    test::write_file(dir.path / "notes.txt", "");
    const auto files = expand_inputs({dir.path});
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "a.jsonl.gz");
    CHECK(format_of(files[0]) == FileFormat::JsonLines);
    CHECK(format_of(files[1]) == FileFormat::Json);
    CHECK(error_of([&] { expand_inputs({dir.path / "nope.json"}); }).find("not found") !=
          std::string::npos);
    CHECK(error_of([&] { expand_inputs({dir.path / "sub"}); }).find("not found") !=
          std::string::npos);
}

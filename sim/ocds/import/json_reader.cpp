#include "json_reader.hpp"

#include "byte_stream.hpp"
#include "io/errors.hpp"
#include "io/input_file_error.hpp"

#include <algorithm>
#include <sstream>

namespace tendersim::ocds {

using nlohmann::json;

std::string Where::text() const {
    std::ostringstream out;
    out << file;
    if (line > 0) out << ':' << line;
    if (!record.empty()) out << ": " << record;
    return out.str();
}

namespace {

// A SAX handler that builds JSON values without recursion. In document mode it builds the whole
// document (a JSON Lines line); in package mode it builds only the elements of the top-level
// "releases" or "records" array, handing each to on_element and then freeing it.
class Builder {
  public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    enum class Mode { Document, Package };
    Builder(Mode mode,
            std::function<void(json&&, const std::string& array, std::size_t)> on_element)
        : mode_(mode), on_element_(std::move(on_element)) {}

    bool null() { return value(json(nullptr)); }
    bool boolean(bool v) { return value(json(v)); }
    bool number_integer(number_integer_t v) { return value(json(v)); }
    bool number_unsigned(number_unsigned_t v) { return value(json(v)); }
    bool number_float(number_float_t v, const string_t&) { return value(json(v)); }
    bool string(string_t& v) { return value(json(std::move(v))); }
    bool binary(binary_t&) { return value(json(nullptr)); }
    bool key(string_t& k) {
        if (depth_ == 1 && mode_ == Mode::Package) top_key_ = k;
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) {
        error_ = e.what();
        error_position_ = position;
        return false;
    }

    const std::string& error() const { return error_; }
    std::size_t error_position() const { return error_position_; }
    bool too_deep() const { return too_deep_; }
    json& document() { return document_; }
    bool top_is_object() const { return top_is_object_; }
    bool saw_array() const { return saw_array_; }
    // A top-level "releases"/"records" key whose value was not an array.
    const std::string& wrong_array() const { return wrong_array_; }

  private:
    bool capturing() const { return mode_ == Mode::Document || (depth_ >= 2 && in_array_); }
    // depth_: containers open (package mode counts the top object as 1 and the array as 2).
    bool value(json&& v) {
        if (mode_ == Mode::Package) {
            if (depth_ == 0) return true; // a scalar document: reported as not a package
            if (depth_ == 1) {
                if (top_key_ == "releases" || top_key_ == "records") wrong_array_ = top_key_;
                return true;
            }
            if (depth_ == 2 && in_array_) {
                on_element_(std::move(v), array_name_, index_++);
                return true;
            }
        }
        if (!capturing()) return true;
        place(std::move(v));
        return true;
    }
    void place(json&& v) {
        if (stack_.empty()) {
            document_ = std::move(v);
            return;
        }
        json& top = *stack_.back();
        if (top.is_object())
            top[key_] = std::move(v);
        else
            top.push_back(std::move(v));
    }
    json* placed_last() {
        if (stack_.empty()) return &document_;
        json& top = *stack_.back();
        if (top.is_object()) return &top[key_];
        return &top.back();
    }
    bool open(json&& container) {
        if (++depth_ > kMaxDepth) {
            too_deep_ = true;
            return false;
        }
        if (mode_ == Mode::Package) {
            if (depth_ == 1) {
                top_is_object_ = container.is_object();
                return true;
            }
            if (depth_ == 2) {
                in_array_ =
                    container.is_array() && (top_key_ == "releases" || top_key_ == "records");
                if (in_array_) {
                    saw_array_ = true;
                    array_name_ = top_key_;
                    index_ = 0;
                } else if (top_key_ == "releases" || top_key_ == "records") {
                    wrong_array_ = top_key_;
                }
                return true;
            }
            if (!in_array_) return true;
        } else if (depth_ == 1) {
            top_is_object_ = container.is_object();
        }
        place(std::move(container));
        stack_.push_back(placed_last());
        return true;
    }
    bool close() {
        if (mode_ == Mode::Package) {
            if (depth_ <= 2) {
                if (depth_ == 2) in_array_ = false;
                --depth_;
                return true;
            }
            if (!in_array_) {
                --depth_;
                return true;
            }
            stack_.pop_back();
            --depth_;
            if (depth_ == 2) {
                on_element_(std::move(document_), array_name_, index_++);
                document_ = json();
            }
            return true;
        }
        stack_.pop_back();
        --depth_;
        return true;
    }

    Mode mode_;
    std::function<void(json&&, const std::string&, std::size_t)> on_element_;
    std::vector<json*> stack_;
    json document_;
    std::string key_;
    std::string top_key_;
    std::string array_name_;
    std::size_t index_ = 0;
    std::size_t depth_ = 0;
    bool in_array_ = false;
    bool top_is_object_ = false;
    bool saw_array_ = false;
    bool too_deep_ = false;
    std::string wrong_array_;
    std::string error_;
    std::size_t error_position_ = 0;
};

// Hands a package element (a release, or a record's release) to the sink.
void deliver(const json& element, const std::string& array, std::size_t index, Where where,
             ReleaseSink& sink) {
    where.record = array + "[" + std::to_string(index) + "]";
    if (array == "releases") {
        sink.release(element, where);
        return;
    }
    if (!element.is_object()) {
        sink.skipped(where, "record is not a JSON object");
        return;
    }
    const auto compiled = element.find("compiledRelease");
    if (compiled != element.end() && compiled->is_object()) {
        where.record += ".compiledRelease";
        sink.release(*compiled, where);
        return;
    }
    // No compiled release: use the embedded releases (linked ones hold only url/date/tag).
    bool any = false;
    const auto releases = element.find("releases");
    if (releases != element.end() && releases->is_array()) {
        std::size_t i = 0;
        const std::string record = where.record;
        for (const json& r : *releases) {
            if (r.is_object() && r.contains("ocid")) {
                where.record = record + ".releases[" + std::to_string(i) + "]";
                sink.release(r, where);
                any = true;
            }
            ++i;
        }
        where.record = record;
    }
    if (!any)
        sink.skipped(where, "record has no compiledRelease and no embedded release (only linked "
                            "releases or none)");
}

[[noreturn]] void fail(const Where& where, const std::string& message) {
    throw InputFileError(where.file, where.line, "",
                         (where.record.empty() ? "" : where.record + ": ") + message);
}

void check_stream(const GzipStreamBuf* buf, const Where& where) {
    if (buf == nullptr || buf->problem().empty()) return;
    if (buf->io_failure()) throw IoError("cannot read " + where.file + ": " + buf->problem());
    fail(where, buf->problem());
}

void read_package(std::istream& in, const std::string& name, ReleaseSink& sink,
                  const GzipStreamBuf* buf) {
    Where where{name, 0, ""};
    std::string last_array;
    std::size_t last_index = 0;
    bool any_element = false;
    Builder builder(Builder::Mode::Package,
                    [&](json&& element, const std::string& array, std::size_t index) {
                        last_array = array;
                        last_index = index;
                        any_element = true;
                        deliver(element, array, index, where, sink);
                    });
    const bool ok = json::sax_parse(in, &builder, json::input_format_t::json, true, false);
    check_stream(buf, where);
    if (!ok) {
        // The element being read when parsing stopped: the one after the last delivered.
        if (builder.saw_array() || any_element)
            where.record = (last_array.empty() ? std::string("releases") : last_array) + "[" +
                           std::to_string(any_element ? last_index + 1 : 0) + "]";
        if (builder.too_deep())
            fail(where, "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
        if (builder.error_position() <= 1 && in.eof())
            fail(where, "empty file (expected an OCDS release or record package)");
        fail(where, "malformed JSON: " + builder.error());
    }
    if (!builder.top_is_object())
        fail(where, "expected an OCDS release or record package (a JSON object); for JSON Lines "
                    "name the file .jsonl");
    if (!builder.wrong_array().empty())
        fail(where, "'" + builder.wrong_array() + "' is not an array");
    if (!builder.saw_array())
        fail(where, "neither a 'releases' nor a 'records' array: not an OCDS release or record "
                    "package");
}

void read_line(std::string& line, const Where& where, ReleaseSink& sink) {
    Builder builder(Builder::Mode::Document, nullptr);
    const bool ok = json::sax_parse(line, &builder, json::input_format_t::json, true, false);
    if (!ok) {
        if (builder.too_deep())
            fail(where, "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
        fail(where, "malformed JSON: " + builder.error());
    }
    json& doc = builder.document();
    if (!doc.is_object()) {
        sink.skipped(where, "line is not a JSON object");
        return;
    }
    for (const char* array : {"releases", "records"}) {
        const auto it = doc.find(array);
        if (it == doc.end() || doc.contains("ocid")) continue;
        if (!it->is_array()) fail(where, std::string("'") + array + "' is not an array");
        std::size_t i = 0;
        for (const json& element : *it) deliver(element, array, i++, where, sink);
        return;
    }
    // Here "releases" comes with an "ocid": a record (a release never has "releases").
    if (doc.contains("compiledRelease") || doc.contains("releases")) {
        // A record on its own line.
        json records = json::array();
        records.push_back(std::move(doc));
        deliver(records[0], "record", 0, where, sink);
        return;
    }
    sink.release(doc, where);
}

void read_lines(std::istream& in, const std::string& name, ReleaseSink& sink,
                const GzipStreamBuf* buf) {
    std::string line;
    std::uint32_t number = 0;
    bool any = false;
    // The stream buffer directly: istream::get per character costs a sentry each time.
    std::streambuf* sb = in.rdbuf();
    using traits = std::char_traits<char>;
    while (true) {
        line.clear();
        // By character, so a line longer than kMaxLineBytes is refused before it is held.
        bool got = false;
        for (auto c = sb->sbumpc(); !traits::eq_int_type(c, traits::eof()); c = sb->sbumpc()) {
            got = true;
            if (c == '\n') break;
            line.push_back(traits::to_char_type(c));
            if (line.size() > kMaxLineBytes)
                fail(Where{name, number + 1, ""},
                     "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
        }
        if (!got) break;
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        any = true;
        check_stream(buf, Where{name, number, ""});
        read_line(line, Where{name, number, ""}, sink);
    }
    check_stream(buf, Where{name, number, ""});
    if (!any) fail(Where{name, 0, ""}, "empty file (no JSON Lines)");
}

bool has_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_name(const std::filesystem::path& path) {
    std::string n = path.filename().string();
    std::transform(n.begin(), n.end(), n.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (has_suffix(n, ".gz")) n.resize(n.size() - 3);
    return n;
}

} // namespace

FileFormat format_of(const std::filesystem::path& path) {
    const std::string n = lower_name(path);
    return has_suffix(n, ".jsonl") || has_suffix(n, ".ndjson") ? FileFormat::JsonLines
                                                               : FileFormat::Json;
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& args) {
    std::vector<std::filesystem::path> files;
    for (const auto& arg : args) {
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::directory_iterator(arg)) {
                const std::string n = lower_name(entry.path());
                if (entry.is_regular_file() &&
                    (has_suffix(n, ".json") || has_suffix(n, ".jsonl") || has_suffix(n, ".ndjson")))
                    found.push_back(entry.path());
            }
            if (found.empty())
                throw InputFileError(arg.string(), 0, "",
                                     "directory has no .json, .jsonl or .ndjson files (or .gz)");
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (!std::filesystem::exists(arg, ec)) {
            throw InputFileError(arg.string(), 0, "", "OCDS file or directory not found");
        } else {
            files.push_back(arg);
        }
    }
    return files;
}

void read_releases(std::istream& in, FileFormat format, const std::string& name,
                   ReleaseSink& sink) {
    if (format == FileFormat::JsonLines)
        read_lines(in, name, sink, nullptr);
    else
        read_package(in, name, sink, nullptr);
}

void read_release_file(const std::filesystem::path& path, ReleaseSink& sink) {
    GzipStreamBuf buf(path);
    std::istream in(&buf);
    if (format_of(path) == FileFormat::JsonLines)
        read_lines(in, path.string(), sink, &buf);
    else
        read_package(in, path.string(), sink, &buf);
}

} // namespace tendersim::ocds

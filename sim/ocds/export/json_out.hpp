#pragma once
// A minimal streaming JSON writer into a string: the export writes one release at a time without
// building a document (nlohmann-json's DOM would cost an allocation per field, and a national run
// writes millions of fields). Commas are placed by the writer; strings go through json_string
// unless the caller knows them to be plain (ids and codes made of letters, digits, '-', '.').
#include "text/text.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace tendersim::ocds {

class JsonOut {
  public:
    explicit JsonOut(std::string& out) : out_(out) {}

    JsonOut& begin_object() { return open('{'); }
    JsonOut& end_object() { return close('}'); }
    JsonOut& begin_array() { return open('['); }
    JsonOut& end_array() { return close(']'); }
    // A key of plain characters (no escaping needed).
    JsonOut& key(std::string_view k) {
        comma();
        out_ += '"';
        out_ += k;
        out_ += "\":";
        comma_ = false;
        return *this;
    }
    // A string value of plain characters.
    JsonOut& plain(std::string_view v) {
        comma();
        out_ += '"';
        out_ += v;
        out_ += '"';
        comma_ = true;
        return *this;
    }
    // Any text, escaped.
    JsonOut& text(const std::string& v) {
        comma();
        out_ += json_string(v);
        comma_ = true;
        return *this;
    }
    JsonOut& integer(std::int64_t v) {
        comma();
        char buf[24];
        out_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
        comma_ = true;
        return *this;
    }
    // A finite number in its shortest round-trip form.
    JsonOut& number(double v) {
        comma();
        out_ += format_number(v);
        comma_ = true;
        return *this;
    }

  private:
    void comma() {
        if (comma_) out_ += ',';
    }
    JsonOut& open(char c) {
        comma();
        out_ += c;
        comma_ = false;
        return *this;
    }
    JsonOut& close(char c) {
        out_ += c;
        comma_ = true;
        return *this;
    }
    std::string& out_;
    bool comma_ = false;
};

} // namespace tendersim::ocds

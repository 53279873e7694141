#include "io/state_file.hpp"

#include "io/file_io.hpp"
#include "io/params_docs.hpp"
#include "io/scenario_loader.hpp"
#include "io/sha256.hpp"
#include "io/state_codec.hpp"
#include "version.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace tendersim {
namespace {

// Readable with `head -c 15`: a state file says what it is.
constexpr char kMagic[16] = {'t', 'e', 'n', 'd', 'e', 'r', 's', 'i',
                             'm', ' ', 's', 't', 'a', 't', 'e', '\n'};
constexpr std::size_t kHeaderBytes = 32;   // magic, version, flags, body length
constexpr std::size_t kChecksumBytes = 64; // SHA-256 of everything before it, in hex

void put_u32(std::string& out, std::uint32_t v) {
    out.append(reinterpret_cast<const char*>(&v), 4);
}
void put_u64(std::string& out, std::uint64_t v) {
    out.append(reinterpret_cast<const char*>(&v), 8);
}
void put_text(std::string& out, std::string_view s) {
    put_u64(out, s.size());
    out.append(s);
}

// The body's fields, in order; fails with a StateFileError naming the field.
class BodyReader {
  public:
    BodyReader(std::string_view body, const std::string& file) : rest_(body), file_(file) {}
    std::uint64_t u64(const char* what) {
        need(8, what);
        std::uint64_t v = 0;
        std::memcpy(&v, rest_.data(), 8);
        rest_.remove_prefix(8);
        return v;
    }
    std::string_view text(const char* what) {
        const std::uint64_t n = u64(what);
        need(n, what);
        const std::string_view s = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return s;
    }
    bool done() const { return rest_.empty(); }

  private:
    void need(std::uint64_t n, const char* what) const {
        if (n > rest_.size())
            throw StateFileError(file_ + ": damaged state: " + what + " runs past the end");
    }
    std::string_view rest_;
    const std::string& file_;
};

std::string read_whole_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throw StateFileError(path.string() + ": state file not found");
    if (!std::filesystem::is_regular_file(status))
        throw StateFileError(path.string() + ": state file is not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw_io_error("cannot read", path, errno);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw_io_error("cannot read", path, errno);
    return bytes;
}

} // namespace

void write_state_file(const std::filesystem::path& path, const SimulationState& state) {
    std::string body;
    put_text(body, kVersion);
    put_text(body, kEngineBuild);
    put_text(body, scenario_toml(state.market.spec, "# The scenario this state was saved with."));
    put_text(body, encode_state(state));
    std::string file(kMagic, sizeof kMagic);
    put_u32(file, kStateFormatVersion);
    put_u32(file, 0); // flags: none defined
    put_u64(file, body.size());
    file += body;
    file += sha256_hex(file);
    write_file_checked(path, file);
}

LoadedState read_state_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    const std::string bytes = read_whole_file(path);
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw StateFileError(name + ": not a tendersim state file (it does not begin with "
                                    "\"tendersim state\")");
    if (bytes.size() < kHeaderBytes)
        throw StateFileError(name + ": truncated state file: " + std::to_string(bytes.size()) +
                             " bytes, shorter than its header");
    std::uint32_t version = 0;
    std::uint64_t body_size = 0;
    std::memcpy(&version, bytes.data() + 16, 4);
    std::memcpy(&body_size, bytes.data() + 24, 8);
    if (version != kStateFormatVersion)
        throw StateFileError(name + ": state format version " + std::to_string(version) +
                             "; this tendersim (" + kVersion + ") reads version " +
                             std::to_string(kStateFormatVersion) +
                             " only: save the state again with this build");
    const std::uint64_t expected = kHeaderBytes + body_size + kChecksumBytes;
    if (body_size > bytes.size() || bytes.size() != expected)
        throw StateFileError(name + ": " +
                             (bytes.size() < expected ? "truncated" : "trailing bytes in") +
                             " state file: its header gives " + std::to_string(expected) +
                             " bytes, the file has " + std::to_string(bytes.size()));
    const std::string_view content(bytes.data(), bytes.size() - kChecksumBytes);
    if (sha256_hex(content) != std::string_view(bytes).substr(content.size()))
        throw StateFileError(name + ": damaged state file: its SHA-256 checksum does not match "
                                    "its contents");
    BodyReader body(std::string_view(bytes).substr(kHeaderBytes, body_size), name);
    LoadedState loaded;
    loaded.tendersim_version = body.text("the version");
    loaded.engine_build = body.text("the engine build");
    loaded.same_engine = loaded.engine_build == kEngineBuild;
    loaded.scenario_text = body.text("the scenario");
    const std::string_view payload = body.text("the market");
    if (!body.done()) throw StateFileError(name + ": damaged state: bytes after the market");
    loaded.sha256 = sha256_hex(bytes);
    const ScenarioSpec spec = load_scenario_text(loaded.scenario_text, name + " (saved scenario)");
    try {
        loaded.state = decode_state(payload, spec);
    } catch (const StateDecodeError& e) {
        throw StateFileError(name + ": damaged state: " + e.what());
    }
    return loaded;
}

} // namespace tendersim

// Saved states (docs/state-format.md): a run continued from a state is the uninterrupted run, byte
// for byte; a state continues only under a scenario that shares the years already run; a file of
// another format version, cut short or damaged is refused with a message that says so.
#include "core/params.hpp"
#include "core/simulation.hpp"
#include "every_lever_spec.hpp"
#include "io/csv_writers.hpp"
#include "io/field_count.hpp"
#include "io/sha256.hpp"
#include "io/spec_prefix.hpp"
#include "io/state_codec.hpp"
#include "io/state_file.hpp"

#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

using namespace tendersim;

namespace {

// A year's metrics as metrics.csv writes them (exact; an undefined metric equals itself).
std::vector<std::string> metric_texts(const YearMetrics& metrics, const ScenarioSpec& spec) {
    std::vector<std::string> out;
    for (const auto& [name, value] : metric_rows(metrics, spec))
        out.push_back(name + "=" + metric_text(value));
    return out;
}

struct Path {
    std::filesystem::path p;
    explicit Path(const std::string& name)
        : p(std::filesystem::temp_directory_path() /
            ("tendersim-test-" + std::to_string(::getpid()) + "-" + name)) {}
    ~Path() { std::filesystem::remove(p); }
};

std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// Years y0..years-1 of a simulation: every metric of every year, then the encoded final state.
std::vector<std::string> run_on(Simulation& sim, const ScenarioSpec& spec, int from, int years) {
    std::vector<std::string> out;
    for (int y = from; y < years; ++y)
        for (auto& row : metric_texts(sim.run_year(), spec)) out.push_back(std::move(row));
    out.push_back(encode_state(sim.state()));
    return out;
}

ScenarioSpec small_spec() {
    ScenarioSpec spec;
    spec.categories = default_categories();
    spec.market.councils = 12;
    spec.market.suppliers = 300;
    spec.run.burn_in_years = 2;
    return spec;
}

} // namespace

TEST_CASE("a run continued from a saved state is the uninterrupted run, byte for byte") {
    // Every lever and route on: framework terms, partnerships, steering and adoptions in year 5
    // all carry state across the split.
    const ScenarioSpec spec = test::every_lever_spec();
    constexpr int kYears = 8;
    Simulation whole(spec, 99, 1);
    const std::vector<std::string> expected = run_on(whole, spec, 0, kYears);
    for (const int split : {0, 1, 4, 5}) {
        Simulation first(spec, 99, 1);
        for (int y = 0; y < split; ++y) first.run_year();
        const Path file("continue-" + std::to_string(split) + ".state");
        write_state_file(file.p, first.state());
        for (const int threads : {1, 2}) {
            CAPTURE(split);
            CAPTURE(threads);
            LoadedState loaded = read_state_file(file.p);
            CHECK(loaded.same_engine);
            CHECK(loaded.state.market.reported_year() == split);
            Simulation rest(std::move(loaded.state), threads);
            const std::vector<std::string> got = run_on(rest, spec, split, kYears);
            // The tail of the uninterrupted metrics, and the same final state.
            const std::size_t per_year = (expected.size() - 1) / kYears;
            REQUIRE(got.size() == per_year * (kYears - split) + 1);
            CHECK(std::equal(got.begin(), got.end(), expected.end() - got.size()));
        }
    }
}

TEST_CASE("a state saved with burn-in continues from its year, and keeps the bid-cap count") {
    ScenarioSpec spec = small_spec();
    Simulation whole(spec, 7, 2);
    const std::vector<std::string> expected = run_on(whole, spec, 0, 3);
    Simulation warm(spec, 7, 2); // the burn-in only: reported year 0
    const Path file("burn-in.state");
    write_state_file(file.p, warm.state());
    LoadedState loaded = read_state_file(file.p);
    CHECK(loaded.state.market.year == 2);
    CHECK(loaded.state.bid_cap.tenders == warm.bid_cap().tenders);
    CHECK(loaded.state.bid_cap.tenders > 0);
    Simulation rest(std::move(loaded.state), 1);
    CHECK(run_on(rest, spec, 0, 3) == expected);
    CHECK(rest.bid_cap().tenders == whole.bid_cap().tenders);
}

TEST_CASE("a state continues under a scenario that differs only from the year after it") {
    const ScenarioSpec adopted = test::every_lever_spec(); // adopts every lever in year 5
    ScenarioSpec before = adopted;
    std::erase_if(before.adoptions, [](const Adoption& a) { return a.year >= 5; });
    REQUIRE(before.adoptions.size() < adopted.adoptions.size());
    CHECK(shared_years(before, adopted) == adopted.run.burn_in_years + 4);
    constexpr int kYears = 7;
    Simulation whole(adopted, 5, 1);
    const std::vector<std::string> expected = run_on(whole, adopted, 0, kYears);
    Simulation first(before, 5, 2);
    for (int y = 0; y < 4; ++y) first.run_year();
    Simulation rest(first.state(), 2);
    rest.continue_under(adopted);
    const std::vector<std::string> got = run_on(rest, adopted, 4, kYears);
    CHECK(std::equal(got.begin(), got.end(), expected.end() - got.size()));
    // Continued one year later, the adoption is missed: the runs part.
    Simulation late(before, 5, 1);
    for (int y = 0; y < 5; ++y) late.run_year();
    Simulation late_rest(late.state(), 1);
    late_rest.continue_under(adopted);
    CHECK(run_on(late_rest, adopted, 5, kYears).back() != expected.back());
}

TEST_CASE("shared years: every parameter counts from the build, an adoption from its year") {
    ScenarioSpec a = small_spec(); // burn-in 2
    ScenarioSpec b = a;
    b.name = "other";
    b.description = "a different name, length, seed and calendar share everything";
    b.run.years = 30, b.run.seed = 5, b.run.replicates = 4, b.run.calendar_start_year = 2030;
    CHECK(shared_years(a, b) == kAllYears);
    CHECK(!first_difference(a, b, kAllYears).any());
    b.suppliers.markup_max = 0.4;
    CHECK(shared_years(a, b) == 0);
    const SpecDifference d = first_difference(a, b, 0);
    CHECK(d.section == "[suppliers]");
    CHECK(d.a == "markup_max = 0.5");
    CHECK(d.b == "markup_max = 0.4");
    b = a;
    Adoption sv;
    sv.year = 6;
    sv.keys = {"social_value_weight"};
    sv.patch.social_value_weight = 0.2;
    b.adoptions = {sv};
    CHECK(shared_years(a, b) == 2 + 5); // burn-in and years 1-5
    // A common adoption in year 3, then different ones in year 6: still years 1-5.
    Adoption lots;
    lots.year = 3;
    lots.keys = {"lot_threshold_gbp"};
    lots.patch.lot_threshold_gbp = 500'000;
    a.adoptions = {lots};
    b.adoptions = {lots, sv};
    CHECK(shared_years(a, b) == 7);
    // Different in year 3: years 1-2.
    a.adoptions.front().patch.lot_threshold_gbp = 400'000;
    CHECK(shared_years(a, b) == 4);
    CHECK(!first_difference(a, b, 4).any());
    CHECK(first_difference(a, b, 5).section == "[adopt.policy]");
    // Entries of different years listed in another order share the same years.
    b.adoptions = {sv, a.adoptions.front()};
    CHECK(shared_years(a, b) == 7);
    // An entry on one side only is named with its year.
    b.adoptions = {sv};
    const SpecDifference only = first_difference(a, b, 5);
    CHECK(only.a.starts_with("[[adopt]]; year = 3"));
    CHECK(only.b == "(nothing)");
}

TEST_CASE("a state file of another format version, cut short or damaged is refused") {
    const ScenarioSpec spec = small_spec();
    Simulation sim(spec, 3, 1);
    sim.run_year();
    const Path good("good.state"), bad("bad.state");
    write_state_file(good.p, sim.state());
    const std::string bytes = read_bytes(good.p);
    REQUIRE(bytes.size() > 1000);
    auto refused = [&](const std::string& damaged, const char* says) {
        write_bytes(bad.p, damaged);
        CAPTURE(says);
        CHECK_THROWS_WITH_AS(read_state_file(bad.p), doctest::Contains(says), StateFileError);
    };
    std::string other = bytes;
    other[16] = 2; // the format version
    refused(other, "state format version 2; this tendersim");
    refused(bytes.substr(0, bytes.size() - 100), "truncated state file");
    refused(bytes.substr(0, 20), "truncated state file");
    refused(bytes + "x", "trailing bytes");
    refused("just some text that is not a state\n", "not a tendersim state file");
    // One flipped bit anywhere after the header: the scenario, the market or the checksum.
    for (const std::size_t at : {std::size_t{40}, bytes.size() / 3, bytes.size() / 2,
                                 bytes.size() - 70, bytes.size() - 1}) {
        std::string flipped = bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        CAPTURE(at);
        refused(flipped, "checksum does not match");
    }
    CHECK_THROWS_WITH_AS(read_state_file(good.p.string() + ".missing"),
                         doctest::Contains("state file not found"), StateFileError);
}

TEST_CASE("every field of the saved structs is in the state format") {
    // The codec's static assertions count the fields of the structs it saves; a council's policy
    // is saved through the parameter registry, which must cover each of its fields.
    std::size_t policy_params = 0;
    for (const ParamDef& def : scenario_params()) policy_params += def.key.starts_with("policy.");
    CHECK(policy_params == field_count<PolicySpec>());
    CHECK(field_count<Contract>() == 24);
}

TEST_CASE("a state saved by another engine build is read, and flagged") {
    ScenarioSpec spec = small_spec();
    Simulation sim(spec, 3, 1);
    const Path file("engine.state");
    write_state_file(file.p, sim.state());
    std::string bytes = read_bytes(file.p);
    // The engine build is the body's second text: 32-byte header, version text, then it.
    std::uint64_t version_len = 0;
    std::memcpy(&version_len, bytes.data() + 32, 8);
    const std::size_t engine_at = 32 + 8 + version_len + 8;
    bytes[engine_at] = bytes[engine_at] == '0' ? '1' : '0';
    bytes.resize(bytes.size() - 64);
    bytes += sha256_hex(bytes);
    write_bytes(file.p, bytes);
    const LoadedState loaded = read_state_file(file.p);
    CHECK_FALSE(loaded.same_engine);
}

TEST_CASE("decode_state refuses a payload that is cut short or points outside its tables") {
    const ScenarioSpec spec = small_spec();
    Simulation sim(spec, 3, 1);
    sim.run_year();
    SimulationState state = sim.state();
    const std::string payload = encode_state(state);
    // Read back whole, it is the same state.
    CHECK(encode_state(decode_state(payload, spec)) == payload);
    for (const std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{100},
                                  payload.size() / 2, payload.size() - 1}) {
        CAPTURE(cut);
        CHECK_THROWS_AS(decode_state(std::string_view(payload).substr(0, cut), spec),
                        StateDecodeError);
    }
    REQUIRE(!state.market.contracts.empty());
    SimulationState bad = state;
    bad.market.contracts.front().buyer = CouncilId(1000);
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec), doctest::Contains("contract.buyer"),
                         StateDecodeError);
    bad = state;
    bad.market.suppliers.region.back() = 9;
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec),
                         doctest::Contains("suppliers.region"), StateDecodeError);
    // Values the engine trusts: a policy within its parameter's range (a negative number of
    // quote invitations never ends the search for them), need keys below the counter, the year.
    bad = state;
    bad.market.councils.policy.front().quote_invitations = -1;
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec),
                         doctest::Contains("policy.quote_invitations outside its range"),
                         StateDecodeError);
    bad = state;
    bad.market.councils.policy.back().price_weight = std::nan("");
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec),
                         doctest::Contains("policy.price_weight outside its range"),
                         StateDecodeError);
    bad = state;
    bad.market.contracts.back().need_key = bad.market.next_need_key;
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec),
                         doctest::Contains("contract.need_key"), StateDecodeError);
    bad = state;
    bad.market.year = -5;
    CHECK_THROWS_WITH_AS(decode_state(encode_state(bad), spec), doctest::Contains("year: -5"),
                         StateDecodeError);
    // A count of contracts the rest of the payload could not encode is refused before anything
    // is allocated for it (each contract takes 89 bytes).
    bad = state;
    const std::string whole = encode_state(bad);
    bad.market.contracts.resize(1);
    const std::string one = encode_state(bad);
    CHECK(whole.size() - one.size() == (state.market.contracts.size() - 1) * 89);
    // Every single-byte change decodes to some market or is refused; none reads out of bounds
    // (the sanitizer builds run this).
    for (std::size_t at = 0; at < payload.size(); at += 97) {
        std::string changed = payload;
        changed[at] = static_cast<char>(~changed[at]);
        try {
            (void)decode_state(changed, spec);
        } catch (const StateDecodeError&) {
        }
    }
}

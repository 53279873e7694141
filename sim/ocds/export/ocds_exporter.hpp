#pragma once
// OCDS 1.1 export of a simulated run (`tendersim run --ocds`): release packages in JSON Lines, one
// release per tender, written year by year as the run goes (docs/ocds.md has the field mapping).
// Each package line holds one release, so the file streams and any line stands on its own.
//
// Identifiers are synthetic: ocids start with kOcidPrefix, which is no real publisher's prefix.
#include "core/market.hpp"
#include "core/year_state.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace tendersim::ocds {

inline constexpr const char* kOcidPrefix = "ocds-tsim00";
inline constexpr const char* kBidExtensionUrl =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/"
    "extension.json";

// One replicate's export. Keeps, per need, its last exported process, so a re-let names it in
// relatedProcesses. Needs the simulation to keep its bid log (Simulation::set_bid_log(true)).
class OcdsExporter {
  public:
    OcdsExporter(std::ostream& out, const std::string& scenario, std::int64_t replicate,
                 std::int64_t calendar_start_year);

    // The year just run: a release per tender (tender, bids, award and contract), then a
    // contractTermination release for each exported contract that ended early this year
    // (failed in delivery, or its supplier left the market).
    void write_year(const Market& m, const YearState& ys);

    // The ocid of the process a need was tendered in, in a reported year.
    std::string ocid(std::int32_t year, std::uint32_t need_key) const;

  private:
    void write_tender(const Market& m, const YearState& ys, std::size_t k);
    void write_termination(const Market& m, const Contract& c);

    std::ostream& out_;
    std::string ocid_stem_; // "ocds-tsim00-<scenario>-r<replicate>-"
    std::string uri_;
    std::int64_t calendar_start_year_;
    // Per need key: reported year of its last exported process (0: none) and whether it was
    // awarded.
    std::vector<std::int32_t> last_year_;
    std::vector<std::uint8_t> last_awarded_;
    std::string line_; // reused for every release
};

} // namespace tendersim::ocds

#pragma once
// What the drawing thread sees of a run: an immutable copy made on the simulation thread after
// each year. The UI never touches a Simulation (which is not thread-safe); it swaps in the newest
// snapshot between frames.
#include "app/controls.hpp"
#include "app/panels.hpp"
#include "app/seed_spread.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tendersim {
struct Market;
}

namespace tendersim::viz {

struct SupplierView {
    std::uint32_t id = 0;   // index in the engine's supplier arrays (shown on hover)
    std::uint32_t slot = 0; // place in its region's spiral (see SlotAssigner)
    std::uint16_t region = 0;
    bool sme = true;
    // Appointed to a lot of a framework or dynamic market in its term (as the framework_members
    // metric counts them): the market view rings it.
    bool framework_member = false;
    std::uint16_t contracts = 0; // contracts held (as prime)
    std::uint16_t bids = 0, wins = 0;
    float book_gbp = 0;     // annual value of contracts held, as prime or subcontractor
    float received_gbp = 0; // paid this year
    float capacity_gbp = 0;
    float cash_gbp = 0;
    float markup = 0;
};

struct CouncilView {
    std::uint16_t region = 0;
    std::int32_t partnership = -1;
    float population = 0;
    float paid_gbp = 0;     // this year
    float paid_sme_gbp = 0; // of which reached SMEs
    float social_value_weight = 0;
};

struct LinkView {
    std::uint32_t council = 0;
    std::uint32_t supplier = 0; // index into MarketSnapshot::suppliers (not the engine id)
    float value_gbp = 0;        // annual price
};

struct MarketSnapshot {
    std::size_t regions = 0;
    std::vector<SupplierView> suppliers; // alive suppliers only, by engine id
    std::vector<CouncilView> councils;
    std::vector<LinkView> links; // every active contract, largest annual value first
    std::vector<std::vector<std::uint32_t>> partnerships; // council ids
    bool has_frameworks = false; // the scenario defines a framework (the legend then keys rings)
    // Per region and size class (0 = large, 1 = SME), the number of slots the spiral is laid out
    // for; steady between years, so circles keep their places.
    std::vector<std::array<std::uint32_t, 2>> slot_capacity;
    // Contract value drawn at the reference circle size: fixed per run, so circles grow and
    // shrink with their supplier instead of being rescaled to each year's largest.
    double size_reference_gbp = 1.0;
};

// Where each living supplier sits in its region's spiral. Kept by the simulation thread across
// years: a supplier keeps its slot until it exits; an entrant takes the lowest free slot of its
// region and size class. So the picture is stable from frame to frame and year to year.
class SlotAssigner {
  public:
    void reset();
    // Updates the assignment for the market's current state and returns the slot per engine
    // supplier id (meaningless for dead suppliers).
    const std::vector<std::uint32_t>& update(const Market& m);
    std::vector<std::array<std::uint32_t, 2>> capacity() const;

  private:
    struct Pool {
        std::vector<std::uint32_t> free; // min-heap of freed slots
        std::uint32_t next = 0;          // slots ever used
        std::uint32_t initial = 0;       // slots used in the first snapshot
    };
    std::uint32_t take(Pool& p);
    void give_back(Pool& p, std::uint32_t slot);
    std::vector<std::array<Pool, 2>> pools_; // [region][0 large, 1 SME]
    std::vector<std::uint32_t> slot_;
    std::vector<std::uint8_t> placed_; // 0 none, 1 as large, 2 as SME
    std::vector<std::uint16_t> region_;
};

// Copies the market into a snapshot (slots from the assigner, updated here).
std::shared_ptr<const MarketSnapshot> capture_market(const Market& m, SlotAssigner& slots,
                                                     double size_reference_gbp);

// The contract value drawn at the reference circle size for a freshly built market: a high
// percentile of suppliers' contract books, so a few giants do not shrink everyone else.
double size_reference(const Market& m);

// A policy change in the run: the year from which it applies and what it was.
struct ChangeNote {
    int year = 0;
    std::string text;
    bool from_scenario = false; // an [[adopt]] of the scenario rather than a control
};

struct Snapshot {
    std::uint64_t version = 0; // increases with every publication
    std::string scenario;
    int year = 0;       // years completed
    int start_year = 0; // the year the run started from: 0, or a saved state's (--state)
    int horizon = 0;    // the run stops after this year
    std::uint64_t base_seed = 0;
    std::uint64_t seed = 0; // replicate 0's seed, as `tendersim run` derives it
    std::vector<MetricsPoint> current, baseline;
    // The background seeds (replicates 1..N): each seed's current and baseline points, possibly
    // fewer years than current/baseline while they catch up.
    std::vector<std::vector<MetricsPoint>> seed_current, seed_baseline;
    // Whether those are other seeds or an ensemble's members (--ensemble) on the main run's seed.
    BandSource band_source = BandSource::Seeds;
    SeedLines seed_lines() const { return {seed_current, seed_baseline, band_source}; }
    // Years every background seed has completed (equal to year once they caught up; year when
    // there are none).
    int seeds_year = 0;
    PolicyControls controls;          // the policy all councils follow (as the app set it)
    std::uint64_t controls_epoch = 0; // changes when the run, not the user, changed controls
    int saved_year = -1;              // the year of the saved state; -1 when nothing is saved
    // A-vs-B (SimWorker::pin): the year from which the baseline is policy A; -1 when the baseline
    // is the untouched scenario. A's levers.
    int pinned_year = -1;
    PolicyControls pinned_controls;
    std::vector<ChangeNote> changes;
    std::shared_ptr<const MarketSnapshot> market;
};

} // namespace tendersim::viz

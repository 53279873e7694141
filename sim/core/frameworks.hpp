#pragma once
// Frameworks and dynamic markets (docs/ODD.md 7.20): their owners appoint members per lot, and
// councils that route spend through frameworks call off from the members.
#include "market.hpp"
#include "year_state.hpp"

namespace tendersim {

// Resolves the scenario's frameworks (lots' categories, regions) into the market; no members yet.
void build_frameworks(Market& m);

// As a year opens, after the year's adoptions: a framework whose first term starts, or whose term
// has ended, runs a new appointment competition; an open framework at its reopening and a dynamic
// market every year admit new members. Serial and draw-free: every decision reads the market as
// the year opens.
void run_framework_appointments(Market& m, YearCounters& ctr);

struct FrameworkLotRef {
    std::int16_t framework = -1;
    std::uint8_t lot = 0;
    bool valid() const { return framework >= 0; }
};

// The framework lot a council calls off from for a category this year: the first framework, in
// scenario order, that is in its term, is open to the council's region and has a lot covering the
// category. Invalid if there is none.
FrameworkLotRef framework_for(const Market& m, CouncilId buyer, CategoryId category);

// Whether a council buys a category through its partnership's own framework this year: the
// framework it would call off from is its partnership's, and it routes spend through frameworks.
bool buys_through_partnership_framework(const Market& m, CouncilId buyer, CategoryId category);

// Whether a supplier is alive, serves the tender's category and reaches its region: a member
// that can take a call-off (design, attention and bidding ask the same).
bool can_serve(const Market& m, SupplierId id, const Tender& t);

// A member's position in a lot's rank (best first), or -1 when it is not a member.
std::ptrdiff_t member_rank(const FrameworkLot& lot, SupplierId id);

} // namespace tendersim

#include "frameworks.hpp"
#include "phases.hpp"

#include <algorithm>
#include <bit>
#include <vector>

namespace tendersim {

void prepare_attention(Market& m, const YearState& ys, CandidateIndex& index, Executor& exec) {
    // Tenders open in each (category, region) cell this year: the notices a supplier could read.
    const std::size_t R = m.regions;
    std::vector<std::uint32_t> open(m.categories * R, 0);
    // Only open procedures are advertised: quotes, direct awards and call-offs go to the
    // suppliers the buyer or the framework invites.
    for (const auto& t : ys.tenders.tenders)
        if (t.route == Route::Open) ++open[t.category.index() * R + t.region];
    auto& s = m.suppliers;
    // A framework member is also invited to its lots' competed call-offs that it can serve: they
    // take their share of its bid-writing capacity too.
    std::vector<std::uint32_t> invited;
    for (const auto& t : ys.tenders.tenders) {
        if (t.route != Route::MiniCompetition && t.route != Route::DynamicMarket) continue;
        if (invited.empty()) invited.assign(s.size(), 0);
        const auto& lot = m.frameworks[static_cast<std::size_t>(t.framework)].lots[t.framework_lot];
        for (const SupplierId id : lot.members)
            if (can_serve(m, id, t)) ++invited[id.index()];
    }
    const double scale = m.spec.bidding.attention;
    exec.for_each(s.size(), [&](std::size_t i) {
        double eligible = invited.empty() ? 0.0 : invited[i];
        for (std::uint32_t mask = s.category_mask[i]; mask; mask &= mask - 1) {
            const auto c = static_cast<std::size_t>(std::countr_zero(mask));
            for_each_reached_region(s.region[i], s.reach[i], R,
                                    [&](std::size_t r) { eligible += open[c * R + r]; });
        }
        // A supplier spreads its bid-writing capacity over the notices it could answer.
        s.attention[i] =
            eligible > 0 ? static_cast<float>(std::min(1.0, scale * s.bid_capacity[i] / eligible))
                         : 0.0f;
    });
    index.refresh_attention(s, exec);
}

} // namespace tendersim

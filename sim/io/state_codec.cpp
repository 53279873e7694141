#include "io/state_codec.hpp"

#include "core/params.hpp"
#include "io/field_count.hpp"

#include <bit>
#include <cstring>
#include <type_traits>

namespace tendersim {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the state format is little-endian: a big-endian build must swap bytes here");
static_assert(sizeof(std::size_t) == 8, "sizes are written as 64-bit integers");

// A field added to one of these structs must be added to the visit functions below (and the
// format version raised): the field counts stop the build until it is. (PolicySpec is saved
// through the parameter registry; tests/engine/test_state_file.cpp checks the registry covers
// every one of its fields.)
static_assert(field_count<Suppliers>() == 34, "a Suppliers column is not in the state format");
static_assert(field_count<Councils>() == 10, "a Councils column is not in the state format");
static_assert(field_count<Contract>() == 24, "a Contract field is not in the state format");
static_assert(field_count<FrameworkLot>() == 4, "a lot field is not in the state format");
static_assert(field_count<FrameworkState>() == 7,
              "a FrameworkState field is not in the state format");
static_assert(field_count<MarketRecord>() == 5, "a MarketRecord field is not in the format");
static_assert(field_count<BidCapCount>() == 3, "a BidCapCount field is not in the state format");
static_assert(field_count<Market>() == 17, "a Market field is not in the state format");
static_assert(field_count<SimulationState>() == 2, "a SimulationState field is not saved");

constexpr std::size_t kCountBytes = sizeof(std::uint64_t); // a count or length in the payload

template <class T> inline constexpr bool kIsId = false;
template <class Tag> inline constexpr bool kIsId<Id<Tag>> = true;
template <class T>
inline constexpr bool kPlain = std::is_arithmetic_v<T> || std::is_enum_v<T> || kIsId<T>;

class Writer {
  public:
    std::string bytes;
    std::size_t count(std::size_t n, const char*, std::size_t = 1) {
        value(n, "");
        return n;
    }
    template <class T> void value(const T& v, const char*) {
        static_assert(kPlain<T>);
        if constexpr (std::is_same_v<T, bool>) {
            const auto b = static_cast<std::uint8_t>(v);
            append(&b, 1);
        } else {
            append(&v, sizeof v);
        }
    }
    template <class T> void column(const std::vector<T>& v, std::size_t n, const char*) {
        static_assert(kPlain<T> && !std::is_same_v<T, bool>);
        if (v.size() != n) throw std::logic_error("state column of the wrong length");
        append(v.data(), n * sizeof(T));
    }
    template <class T> void column(const std::vector<T>& v, const char* what) {
        column(v, count(v.size(), what), what);
    }
    void text(const std::string& s, const char* what) {
        count(s.size(), what);
        append(s.data(), s.size());
    }

  private:
    void append(const void* p, std::size_t n) {
        if (n > 0) bytes.append(static_cast<const char*>(p), n);
    }
};

class Reader {
  public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}
    std::size_t remaining() const { return rest_.size(); }
    // A count of items of at least `min_bytes` each: never more than the bytes left could hold,
    // so a damaged count cannot ask for a huge allocation.
    std::size_t count(std::size_t, const char* what, std::size_t min_bytes = 1) {
        std::size_t n = 0;
        take(&n, sizeof n, what);
        if (n > rest_.size() / min_bytes)
            throw StateDecodeError(std::string(what) + ": a count of " + std::to_string(n) +
                                   " is more than the rest of the file holds");
        return n;
    }
    template <class T> void value(T& v, const char* what) {
        static_assert(kPlain<T>);
        if constexpr (std::is_same_v<T, bool>) {
            std::uint8_t b = 0;
            take(&b, 1, what);
            if (b > 1) throw StateDecodeError(std::string(what) + ": not a 0/1 flag");
            v = b != 0;
        } else {
            take(&v, sizeof v, what);
        }
    }
    template <class T> void column(std::vector<T>& v, std::size_t n, const char* what) {
        if (n > rest_.size() / sizeof(T))
            throw StateDecodeError(std::string(what) + ": the file ends inside this column");
        v.resize(n);
        take(v.data(), n * sizeof(T), what);
    }
    template <class T> void column(std::vector<T>& v, const char* what) {
        column(v, count(0, what, sizeof(T)), what);
    }
    void text(std::string& s, const char* what) {
        s.resize(count(0, what));
        take(s.data(), s.size(), what);
    }

  private:
    void take(void* p, std::size_t n, const char* what) {
        if (n > rest_.size())
            throw StateDecodeError(std::string(what) + ": the file ends inside this field");
        if (n > 0) std::memcpy(p, rest_.data(), n);
        rest_.remove_prefix(n);
    }
    std::string_view rest_;
};

// Both directions share one list of fields: V is Writer (with const state) or Reader.
template <class V, class S> void visit_suppliers(V& v, S& s) {
    const std::size_t n = v.count(s.size(), "suppliers");
    v.column(s.alive, n, "suppliers.alive"), v.column(s.is_sme, n, "suppliers.is_sme");
    v.column(s.region, n, "suppliers.region"), v.column(s.reach, n, "suppliers.reach");
    v.column(s.category_mask, n, "suppliers.category_mask");
    v.column(s.born_year, n, "suppliers.born_year");
    v.column(s.cost_factor, n, "suppliers.cost_factor"),
        v.column(s.quality, n, "suppliers.quality");
    v.column(s.innovation, n, "suppliers.innovation");
    v.column(s.social_value, n, "suppliers.social_value");
    v.column(s.sv_mix_job, n, "suppliers.sv_mix_job");
    v.column(s.sv_mix_carbon, n, "suppliers.sv_mix_carbon");
    v.column(s.sv_mix_community, n, "suppliers.sv_mix_community");
    v.column(s.bid_capacity, n, "suppliers.bid_capacity");
    v.column(s.markup, n, "suppliers.markup"), v.column(s.win_belief, n, "suppliers.win_belief");
    v.column(s.edge, n, "suppliers.edge"), v.column(s.reputation, n, "suppliers.reputation");
    v.column(s.attention, n, "suppliers.attention");
    v.column(s.capacity, n, "suppliers.capacity"), v.column(s.committed, n, "suppliers.committed");
    v.column(s.cash, n, "suppliers.cash"), v.column(s.turnover, n, "suppliers.turnover");
    v.column(s.bids_year, n, "suppliers.bids_year"),
        v.column(s.wins_year, n, "suppliers.wins_year");
    v.column(s.bid_cost_year, n, "suppliers.bid_cost_year");
    v.column(s.revenue_year, n, "suppliers.revenue_year");
    v.column(s.cost_year, n, "suppliers.cost_year");
    v.column(s.subcontract_revenue_year, n, "suppliers.subcontract_revenue_year");
    v.column(s.expected_wins_year, n, "suppliers.expected_wins_year");
    v.column(s.markup_sum_year, n, "suppliers.markup_sum_year");
    v.column(s.fixed_cost, n, "suppliers.fixed_cost");
    v.column(s.idle_years, n, "suppliers.idle_years"), v.column(s.has_won, n, "suppliers.has_won");
}

// A policy field by field through the parameter registry, so a new policy parameter is saved
// with no change here.
template <class V, class P> void visit_policy(V& v, P& policy) {
    ScenarioSpec scratch;
    scratch.policy = policy;
    for (const ParamDef& def : scenario_params()) {
        if (!def.key.starts_with("policy.")) continue;
        switch (def.kind) {
        case ParamKind::Real:
            v.value(def.real(scratch), "councils.policy");
            break;
        case ParamKind::Int:
            v.value(def.integer(scratch), "councils.policy");
            break;
        case ParamKind::Bool:
            v.value(def.boolean(scratch), "councils.policy");
            break;
        case ParamKind::Choice: {
            std::string word = def.get_choice(scratch);
            v.text(word, "councils.policy");
            if (!def.set_choice(scratch, word))
                throw StateDecodeError("councils.policy: unknown value of " + std::string(def.key));
            break;
        }
        }
    }
    if constexpr (!std::is_const_v<P>) policy = scratch.policy;
}

template <class V, class C> void visit_councils(V& v, C& c) {
    const std::size_t n = v.count(c.size(), "councils");
    v.column(c.region, n, "councils.region"), v.column(c.population, n, "councils.population");
    v.column(c.tender_capacity, n, "councils.tender_capacity");
    v.column(c.paid_total, n, "councils.paid_total");
    if constexpr (!std::is_const_v<C>) c.policy.resize(n);
    for (auto& p : c.policy) visit_policy(v, p);
    v.column(c.partnership, n, "councils.partnership");
    v.column(c.steer_threshold, n, "councils.steer_threshold");
    v.column(c.paid_year, n, "councils.paid_year");
    v.column(c.paid_sme_year, n, "councils.paid_sme_year");
    v.column(c.price_belief, "councils.price_belief");
}

template <class V, class K> void visit_contract(V& v, K& k) {
    v.value(k.buyer, "contract.buyer"), v.value(k.supplier, "contract.supplier");
    v.value(k.category, "contract.category");
    v.value(k.start_year, "contract.start_year"), v.value(k.end_year, "contract.end_year");
    v.value(k.custom, "contract.custom"), v.value(k.relet_of_failure, "contract.relet_of_failure");
    v.value(k.outcome_spec, "contract.outcome_spec"), v.value(k.innovative, "contract.innovative");
    v.value(k.monitored, "contract.monitored"), v.value(k.joint, "contract.joint");
    v.value(k.route, "contract.route"), v.value(k.framework, "contract.framework");
    v.value(k.fee_share, "contract.fee_share");
    v.value(k.outcome_payment_share, "contract.outcome_payment_share");
    v.value(k.subcontractor, "contract.subcontractor");
    v.value(k.subcontract_price, "contract.subcontract_price");
    v.value(k.annual_price, "contract.annual_price");
    v.value(k.efficient_cost, "contract.efficient_cost");
    v.value(k.supplier_cost, "contract.supplier_cost");
    v.value(k.sv_promised, "contract.sv_promised");
    v.value(k.quality_offered, "contract.quality_offered");
    v.value(k.complexity, "contract.complexity"), v.value(k.need_key, "contract.need_key");
}

template <class V, class F> void visit_framework(V& v, F& f) {
    v.value(f.spec, "framework.spec"), v.column(f.councils, "framework.councils");
    v.value(f.retired, "framework.retired"), v.value(f.region_mask, "framework.region_mask");
    v.value(f.term_start, "framework.term_start"), v.value(f.term_end, "framework.term_end");
    const std::size_t lots = v.count(f.lots.size(), "framework.lots", 4 + kCountBytes);
    if constexpr (!std::is_const_v<F>) f.lots.resize(lots);
    for (auto& lot : f.lots) {
        v.value(lot.category_mask, "lot.category_mask");
        const std::size_t n = v.count(lot.members.size(), "lot.members", sizeof(SupplierId));
        v.column(lot.members, n, "lot.members"), v.column(lot.rate_markup, n, "lot.rate_markup");
        v.column(lot.called_off, n, "lot.called_off");
    }
}

// The fewest bytes an item of each list encodes to: a count larger than the rest of the payload
// could hold is refused before anything is allocated for it.
template <class T, class Visit> std::size_t encoded_bytes(Visit visit) {
    Writer w;
    T item{};
    visit(w, item);
    return w.bytes.size();
}
const std::size_t kContractBytes =
    encoded_bytes<Contract>([](Writer& w, Contract& k) { visit_contract(w, k); });
const std::size_t kFrameworkBytes =
    encoded_bytes<FrameworkState>([](Writer& w, FrameworkState& f) { visit_framework(w, f); });
template <class V, class S> void visit_state(V& v, S& state) {
    auto& m = state.market;
    v.value(m.seed, "seed"), v.value(m.year, "year");
    v.value(m.regions, "regions"), v.value(m.categories, "categories");
    visit_suppliers(v, m.suppliers);
    visit_councils(v, m.councils);
    const std::size_t contracts = v.count(m.contracts.size(), "contracts", kContractBytes);
    if constexpr (!std::is_const_v<S>) m.contracts.resize(contracts);
    for (auto& k : m.contracts) visit_contract(v, k);
    v.value(m.next_need_key, "next_need_key");
    v.value(m.ledger_council_paid, "ledger_council_paid");
    v.value(m.ledger_supplier_received, "ledger_supplier_received");
    v.value(m.ledger_prime_paid_subs, "ledger_prime_paid_subs");
    v.value(m.ledger_subs_received, "ledger_subs_received");
    v.value(m.ledger_framework_fees, "ledger_framework_fees");
    const std::size_t records = v.count(m.records.size(), "records", sizeof(MarketRecord));
    if constexpr (!std::is_const_v<S>) m.records.resize(records);
    for (auto& r : m.records) {
        v.value(r.bids_per_tender, "record"), v.value(r.log_ratio_mean, "record");
        v.value(r.log_ratio_sd, "record"), v.value(r.standing_mean, "record");
        v.value(r.standing_sd, "record");
    }
    const std::size_t partnerships = v.count(m.partnerships.size(), "partnerships", kCountBytes);
    if constexpr (!std::is_const_v<S>) m.partnerships.resize(partnerships);
    for (auto& p : m.partnerships) v.column(p, "partnership members");
    const std::size_t frameworks = v.count(m.frameworks.size(), "frameworks", kFrameworkBytes);
    if constexpr (!std::is_const_v<S>) m.frameworks.resize(frameworks);
    for (auto& f : m.frameworks) visit_framework(v, f);
    v.value(state.bid_cap.tenders, "bid_cap.tenders");
    v.value(state.bid_cap.tenders_capped, "bid_cap.tenders_capped");
    v.value(state.bid_cap.bids_dropped, "bid_cap.bids_dropped");
}

void require(bool ok, const std::string& what) {
    if (!ok) throw StateDecodeError(what);
}

template <class IdT> bool in_range(IdT id, std::size_t n, bool may_be_none = false) {
    return id.valid() ? id.index() < n : may_be_none;
}

// Every policy value within its parameter's documented range (the loader's check): the engine
// relies on it (a negative number of quote invitations would never end a search).
void check_policy(const PolicySpec& policy) {
    ScenarioSpec scratch;
    scratch.policy = policy;
    for (const ParamDef& def : scenario_params()) {
        if (!def.key.starts_with("policy.")) continue;
        double value = 0;
        if (def.kind == ParamKind::Real)
            value = def.real(scratch);
        else if (def.kind == ParamKind::Int)
            value = static_cast<double>(def.integer(scratch));
        else
            continue; // booleans and choices were checked as they were read
        require(value >= def.min && value <= def.max,
                "councils.policy: " + std::string(def.key) + " outside its range");
    }
}

// Everything the engine indexes by: sizes that follow from the spec, and ids within their tables.
void check_market(const Market& m, const ScenarioSpec& spec) {
    require(m.regions == static_cast<std::size_t>(spec.market.regions),
            "regions: the state has " + std::to_string(m.regions) + ", its scenario " +
                std::to_string(spec.market.regions));
    require(m.categories == spec.categories.size(),
            "categories: the state has " + std::to_string(m.categories) + ", its scenario " +
                std::to_string(spec.categories.size()));
    const std::int64_t burn_in = spec.run.burn_in_years;
    const auto max_years = static_cast<std::int64_t>(find_param("run.years")->max);
    require(m.year >= burn_in && m.year <= burn_in + max_years,
            "year: " + std::to_string(m.year) + " is not a year after the burn-in (" +
                std::to_string(burn_in) + " years) and within " + std::to_string(max_years) +
                " reported years");
    // Need keys index per-need tables (the OCDS export's): below 2^31, and below the counter.
    require(m.next_need_key < (std::uint32_t{1} << 31), "next_need_key: out of range");
    const std::size_t n = m.suppliers.size(), c = m.councils.size();
    const std::uint32_t all_categories =
        m.categories >= 32 ? ~0u : (std::uint32_t{1} << m.categories) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        require(m.suppliers.region[i] < m.regions, "suppliers.region: out of range");
        require((m.suppliers.category_mask[i] & ~all_categories) == 0,
                "suppliers.category_mask: a category the scenario does not have");
        require(m.suppliers.alive[i] <= 1 && m.suppliers.is_sme[i] <= 1,
                "suppliers.alive/is_sme: not a 0/1 flag");
    }
    for (std::size_t i = 0; i < c; ++i) {
        check_policy(m.councils.policy[i]);
        require(m.councils.region[i] < m.regions, "councils.region: out of range");
        require(m.councils.partnership[i] >= -1 &&
                    m.councils.partnership[i] < static_cast<std::int64_t>(m.partnerships.size()),
                "councils.partnership: no such partnership");
    }
    require(m.councils.price_belief.size() == c * m.categories,
            "councils.price_belief: not one belief per council and category");
    require(m.records.size() == m.categories * m.regions * (spec.frameworks.empty() ? 1 : 2),
            "records: not one record per market");
    for (const Contract& k : m.contracts) {
        require(k.need_key < m.next_need_key, "contract.need_key: not a need yet created");
        require(in_range(k.buyer, c), "contract.buyer: no such council");
        require(in_range(k.supplier, n, true) && in_range(k.subcontractor, n, true),
                "contract.supplier: no such supplier");
        require(in_range(k.category, m.categories), "contract.category: no such category");
        require(static_cast<std::size_t>(k.route) < kRoutes, "contract.route: no such route");
        require(k.framework >= -1 && k.framework < static_cast<std::int64_t>(m.frameworks.size()),
                "contract.framework: no such framework");
    }
    for (const auto& p : m.partnerships)
        for (const CouncilId id : p) require(in_range(id, c), "partnership: no such council");
    for (const FrameworkState& f : m.frameworks) {
        require(f.spec < spec.frameworks.size(),
                "framework.spec: the scenario has no such framework");
        require(f.lots.size() == spec.frameworks[f.spec].lots.size(),
                "framework.lots: not the scenario's lots");
        for (const CouncilId id : f.councils)
            require(in_range(id, c), "framework: no such council");
        for (const FrameworkLot& lot : f.lots)
            for (const SupplierId id : lot.members)
                require(in_range(id, n), "lot.members: no such supplier");
    }
}

} // namespace

std::string encode_state(const SimulationState& state) {
    Writer w;
    visit_state(w, state);
    return std::move(w.bytes);
}

SimulationState decode_state(std::string_view bytes, const ScenarioSpec& spec) {
    SimulationState state;
    Reader r(bytes);
    visit_state(r, state);
    require(r.remaining() == 0,
            "the state has " + std::to_string(r.remaining()) + " bytes after its last field");
    state.market.spec = spec;
    check_market(state.market, spec);
    return state;
}

} // namespace tendersim

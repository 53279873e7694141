#pragma once
// The scenario, frozen: a plain struct parsed from TOML, validated, then used to build the market.
// Every field here is registered in params.cpp with its unit, range, meaning and source; the
// defaults below are the documented defaults.
#include <cstdint>
#include <string>
#include <vector>

namespace tendersim {

struct CategorySpec {
    std::string name;
    double spend_share = 0.125;          // share of a council's modelled spend
    double value_median_gbp = 150'000.0; // median annual contract value
    double value_sigma = 1.0;            // lognormal spread of annual value
    std::int64_t duration_min_years = 2;
    std::int64_t duration_max_years = 5;
    double complexity = 0.4;           // 0..1: estimation error and overrun risk
    double scale_economies = 0.08;     // large firms' cost elasticity to contract size
    double innovation_potential = 0.3; // 0..1: room for alternative solutions
    double custom_share = 0.3;         // share of contracts built around custom solutions
    bool back_office = false;          // candidate for shared back-office procurement
};

struct RunSpec {
    std::int64_t years = 20;
    std::int64_t burn_in_years = 0; // simulated before year 1, not reported
    std::int64_t seed = 20240601;
    std::int64_t replicates = 1;
    // Calendar year of simulated year 1, for dated outputs (the OCDS export); changes no result.
    std::int64_t calendar_start_year = 2025;
};

struct MarketSpec {
    std::int64_t regions = 3;
    std::int64_t councils = 40;
    std::int64_t suppliers = 1'000;
    double sme_fraction = 0.94;
    double council_population_median = 180'000.0;
    double council_population_sigma = 0.6;
    double spend_per_capita_gbp = 110.0; // modelled third-party spend per resident per year
    double new_need_rate = 0.1; // share of expiring needs that end; as many new needs arrive
    double categories_per_supplier = 1.5;      // mean number of categories a supplier serves
    double sme_two_region_share = 0.15;        // SMEs that also serve the next region
    std::int64_t large_reach_regions = 3;      // regions a large firm serves
    double voluntary_subcontract_share = 0.15; // share of value large primes subcontract anyway
    double partnership_link_share = 0.7;       // chance two neighbouring councils can partner
};

struct SupplierSpec {
    double sme_capacity_median_gbp = 400'000.0;
    double large_capacity_median_gbp = 5'000'000.0;
    double capacity_sigma = 0.9;
    double sme_cost_factor_sd = 0.12;
    double large_cost_premium = 0.06; // large firms' overhead before scale economies
    double cost_persistence = 0.8;    // yearly AR(1) coefficient of a firm's relative cost
    double quality_mean = 0.6;
    double quality_sd = 0.12;
    double sme_social_value_mean = 0.45;
    double large_social_value_mean = 0.55;
    double innovation_mean = 0.4;
    std::int64_t sme_bid_capacity = 6; // bid-writing capacity: sets notices read a year
    std::int64_t large_bid_capacity = 40;
    double initial_markup =
        0.12; // councils' first price belief; the fixed-markup knock-out's markup
    double markup_min = 0.0;
    double markup_max = 0.5;
    double edge_learning_rate = 0.3; // log-price shift per unit of unexpected win rate
    double belief_learning_rate = 0.3;
    double initial_cash_share = 0.5; // cash at entry, share of capacity
    double overhead_share = 0.03;    // fixed yearly cost, share of capacity
    double initial_utilisation = 0.6;
    double revenue_per_employee_gbp = 90'000.0;
    double sme_turnover_limit_gbp = 44'000'000.0;
    double sme_balance_sheet_limit_gbp = 38'000'000.0;
    std::int64_t sme_staff_limit = 250;
    // Fixed yearly costs that do not shrink with capacity (population rules, docs/ODD.md 7.17):
    // a firm with no work still pays them, so an idle firm burns cash.
    double sme_fixed_cost_gbp = 20'000.0;    // yearly fixed-cost floor of an SME (median entrant)
    double large_fixed_cost_gbp = 150'000.0; // ... of a large firm
};

struct BiddingSpec {
    double bid_cost_share = 0.0048;   // every bid, share of total contract value
    double award_cost_share = 0.0017; // extra for the winner
    double small_project_threshold_gbp = 5'000'000.0;
    double small_project_exponent = 0.2; // bid cost share rises below the threshold
    double min_bid_cost_gbp = 300.0;
    double estimation_error = 0.10;              // sd of cost estimate at complexity 1
    double attention = 1.5;                      // scales how many tenders a supplier reads
    double social_value_max_rate = 0.25;         // £ SV per £ value at full capability/effort
    double social_value_cost_ratio = 0.4;        // supplier cost per £ SV promised
    double social_value_base_effort = 0.1;       // effort with zero SV weight
    double social_value_effort_saturation = 0.3; // SV weight at which effort is full
    // Pricing against competition (pricing.hpp): bidders best-respond to the bids published in
    // their market; off, every bid is cost x (1 + initial_markup) (a knock-out for validation).
    bool competitive_pricing = true;
    double job_fit_sd = 0.24;           // log-sd of a firm's cost of one job around its usual cost
    double market_memory = 0.3;         // weight of this year's published bids in the record
    double prior_bids_per_tender = 3.0; // a market's record before any tender is published
    double prior_bid_spread = 0.12;     // sd of log(bid / estimate) before any tender
};

enum class AbnormallyLowAction : std::uint8_t { Off, Reject, Investigate };

struct EvaluationSpec {
    double evaluator_noise = 0.05;
    double qualification_turnover_multiple = 2.0;
    double selection_threshold_gbp = 214'904.0; // total value from which the turnover test applies
    double abnormally_low_ratio = 0.7;          // flagged below this share of the median bid
    AbnormallyLowAction abnormally_low_action = AbnormallyLowAction::Investigate;
};

// Social value in units of three National TOMs (2017) measures, each valued at a proxy in GBP.
// A supplier's capability (SupplierSpec) sets how much it can offer; its mix across the measures
// sets which units the offer is made of. SMEs offer many small parts (community hours, inclusive
// hiring), large firms bigger numbers (jobs, carbon).
// The National TOMs (2017) proxies: the defaults, and the prices offers are sized at.
inline constexpr double kReferenceJobProxyGbp = 12'769.68;   // one FTE year, disabled person
inline constexpr double kReferenceCarbonProxyGbp = 64.66;    // one tonne of transport CO2 saved
inline constexpr double kReferenceCommunityProxyGbp = 14.43; // one volunteer hour
struct SocialValueSpec {
    double job_proxy_gbp = kReferenceJobProxyGbp;
    double carbon_proxy_gbp = kReferenceCarbonProxyGbp;
    double community_proxy_gbp = kReferenceCommunityProxyGbp;
    double sme_job_mix = 0.35; // mean share of an SME's offer (by value) in jobs
    double sme_carbon_mix = 0.15;
    double sme_community_mix = 0.5;
    double large_job_mix = 0.5;
    double large_carbon_mix = 0.3;
    double large_community_mix = 0.2;
    double mix_spread = 0.5; // each supplier's mix: mean x uniform(1 - spread, 1 + spread)
};

// How the policy levers act: mechanism strengths, not policy choices.
struct LeverSpec {
    double outcome_innovation_gain = 0.3;  // outcome quality per unit innovation x potential
    double outcome_noise_factor = 1.0;     // extra evaluator noise under outcome specs (x noise)
    double outcome_lockin_reduction = 0.7; // cut in custom builds and switching costs
    double outcome_target_quality = 0.6;   // delivered quality that counts as outcome met
    double outcome_risk_premium = 0.5;     // markup added per unit of expected withheld share
    double steer_initial_reserve_gbp = 50'000.0; // first reservation threshold when steering
    double steer_step = 1.3;                     // threshold multiplier a year while off target
    double steer_max_reserve_gbp = 1'000'000.0;  // the most a steering council reserves
    double social_value_local_bonus = 0.3;       // extra SV a local supplier can offer (local jobs)
    double social_value_monitor_threshold = 0.8; // delivered/promised below this is a shortfall
    double reputation_penalty = 0.15;            // reputation lost per monitored shortfall
    double reputation_recovery = 0.05;           // reputation regained a year
    double vanilla_lockin_reduction = 0.7;       // cut in custom builds for shared standard systems
    double call_off_bid_cost_factor = 0.5; // a quote's or call-off bid's cost against an open bid's
    double light_route_admin_factor = 0.25; // council's cost of a quote, direct award or call-off
};

struct IncumbencySpec {
    double cost_advantage = 0.0;          // a known-job saving beyond the job fit it keeps
    double quality_bonus = 0.05;          // product-specific advantage in prescriptive specs
    double switching_cost_share = 0.15;   // of annual value, added to rivals on custom systems
    double estimation_error_factor = 0.5; // incumbent's cost-estimate error relative to rivals'
};

struct DeliverySpec {
    double overrun_sigma = 0.08; // at complexity 1
    double base_failure_rate = 0.005;
    double distress_failure_rate = 0.25; // extra, for a supplier in distress or over capacity
    double social_value_delivery_mean = 0.8;
    double social_value_delivery_sd = 0.15;
    double quality_delivery_sd = 0.05;
};

struct DynamicsSpec {
    double entry_rate = 0.5;         // would-be entrants a year per tender in a market cell
    double large_entry_share = 0.08; // of entrants, the share that are large firms
    double capacity_growth = 0.15;
    double capacity_shrink = 0.10;
    double growth_utilisation = 0.85;
    double shrink_utilisation = 0.35;
    // Exit and free entry (population rules, docs/ODD.md 7.17-7.18).
    std::int64_t exit_idle_years = 2;      // consecutive years without revenue before exit
    double entrant_fixed_cost_sigma = 0.8; // log-sd of potential entrants' fixed costs
};

struct CouncilSpec {
    double tenders_per_officer = 12.0;
    double officers_per_100k = 1.5;
    double tender_admin_cost_gbp = 6'000.0;
    double estimate_error = 0.15;     // sd of log(estimate / market price) of a lone council
    double price_learning_rate = 0.3; // weight of a tender's lowest bid in the price belief
    double no_bid_step = 0.1;         // belief raised after a tender drew no admissible bid
};

// A council's procurement policy: the levers the policy scenarios move. Every council starts with
// ScenarioSpec::policy; [[adopt]] entries change it for some councils from a given year.
struct PolicySpec {
    // Evaluation weights. Social value takes its weight from price and quality, which keep their
    // ratio: total = (1 - sv) * (price_weight * price + (1 - price_weight) * quality) + sv * SV.
    double price_weight = 0.6;
    double social_value_weight = 0.0;
    bool monitor_social_value = false; // check delivery; shortfalls cost reputation
    // Outcome-based specifications.
    double outcome_spec_share = 0.0;    // share of tenders specified by outcome
    double outcome_payment_share = 0.0; // share of price paid only if the outcome is met
    // SME access.
    double lot_threshold_gbp = 0.0;         // split tenders above this annual value (0: off)
    double lot_admin_cost_gbp = 2'000.0;    // council cost per extra lot
    double sme_reserve_threshold_gbp = 0.0; // reserve tenders below this annual value (0: off)
    bool reserve_sme = true;                // reserved tenders require an SME
    bool reserve_local = false;             // reserved tenders require a local supplier
    double sme_target_share = 0.0;          // steer reservations toward this SME share (0: off)
    double subcontract_sme_share = 0.0;     // share large primes must subcontract to SMEs
    // Shared back-office systems.
    bool shared_back_office = false;
    std::int64_t partnership_max_size = 4;
    // Reserve price: bids above reserve_ratio x the estimate are inadmissible.
    double reserve_ratio = 1.8;
    bool reserve_published = true; // bidders know the reserve (else they guess it)
    // A partnership estimates its joint tenders from the partners' pooled price records, and every
    // partner learns from the joint price (false: the lead's sum of the partners' own estimates).
    bool joint_price_pooling = true;
    // Routes (docs/ODD.md 7.20), on total contract value; 0 turns a route off.
    double direct_award_threshold_gbp = 0.0; // below it the council awards without competition
    double quote_threshold_gbp = 0.0;        // below it the council invites quotes, no notice
    std::int64_t quote_invitations = 3;      // suppliers invited to quote
    double framework_share = 0.0; // share of needs in framework categories bought by call-off
};

// Procurement routes (docs/ODD.md 7.20). A framework agreement or dynamic market that a scenario
// defines: its owner appoints suppliers per lot, and councils that route spend through frameworks
// call off from the members (PA2023 s45-s49: frameworks; s35-s40: dynamic markets).
struct FrameworkLotSpec {
    std::string name;
    std::vector<std::string> categories; // category names the lot covers
    std::int64_t max_suppliers = 0;      // appointed per lot (0: every qualified applicant)
    double price_weight = 0.6;           // the lot's evaluation weights for call-offs
    double social_value_weight = 0.0;
};

struct FrameworkSpec {
    std::string name;
    std::vector<std::int64_t> regions;    // regions whose councils may use it (empty: national)
    std::int64_t start_year = 1;          // reported year of the first appointment
    std::int64_t term_years = 4;          // a framework's term (PA2023 s47: at most 4 years)
    bool open = false;                    // an open framework reopens to new suppliers (s49)
    std::int64_t reopen_years = 1;        // years between reopenings of an open framework
    bool dynamic = false;                 // a dynamic market: suppliers join any year, no term
    double fee_share = 0.007;             // of call-off value, paid by the supplier to the owner
    double onboarding_cost_gbp = 5'800.0; // a supplier's cost of applying to a lot
    bool direct_award = false;            // call-offs may be awarded directly (s46 selection)
    double direct_award_max_gbp = 0.0;    // total call-off value up to which it does (0: any value)
    // A consortium framework: each shared back-office partnership runs one of its own, used only
    // by its partners, in their regions (`regions` must be empty).
    bool partnership = false;
    std::vector<FrameworkLotSpec> lots;
};

// A policy change: from `year`, the listed policy values apply to the councils in scope.
struct Adoption {
    enum class Scope : std::uint8_t { All, Region, Councils };
    std::int64_t year = 1;
    Scope scope = Scope::All;
    std::int64_t region = 0;
    std::vector<std::int64_t> councils;
    PolicySpec patch;              // values applied to a default policy
    std::vector<std::string> keys; // which fields of patch are set
};

// A file a scenario was read from, with the SHA-256 of its bytes (filled by the loader).
struct SourceFile {
    std::string path;
    std::string sha256;
};

// Version 2: pricing against competition, reserve prices and council price learning (the
// fixed win/loss markup steps were removed).
inline constexpr std::int64_t kSchemaVersion = 2;

struct ScenarioSpec {
    std::int64_t schema_version = kSchemaVersion;
    std::string name = "scenario";
    std::string description;
    RunSpec run;
    MarketSpec market;
    SupplierSpec suppliers;
    BiddingSpec bidding;
    EvaluationSpec evaluation;
    IncumbencySpec incumbency;
    DeliverySpec delivery;
    DynamicsSpec dynamics;
    CouncilSpec council;
    LeverSpec levers;
    SocialValueSpec social_value;
    PolicySpec policy;
    std::vector<Adoption> adoptions;
    std::vector<CategorySpec> categories;
    std::vector<FrameworkSpec> frameworks;
    // The files the scenario was built from: the top file first, then its `base`, that file's
    // base, and so on. Empty for a spec built in code. Not a parameter: it never affects a run.
    std::vector<SourceFile> sources;
};

inline constexpr std::size_t kMaxCategories = 32;

// The eight service categories used when a scenario lists none.
std::vector<CategorySpec> default_categories();

} // namespace tendersim

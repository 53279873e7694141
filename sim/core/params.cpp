#include "params.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace tendersim {
namespace {

// Each macro builds one registry row whose accessor reaches the field it names, so a typo in a
// field name is a compile error rather than a silently undocumented parameter. The last argument
// is the row's ParamOrigin (sourced(), calibrated(), assumed() or setting(), param_origin.hpp): a
// row without one does not compile.
#define TS_REAL(sec, field, unit, lo, hi, meaning, origin)                                         \
    ParamDef {                                                                                     \
#sec "." #field, ParamKind::Real, unit, lo, hi, meaning, origin,                           \
            [](ScenarioSpec & s) -> double& { return s.sec.field; }                                \
    }
#define TS_INT(sec, field, unit, lo, hi, meaning, origin)                                          \
    ParamDef {                                                                                     \
#sec "." #field, ParamKind::Int, unit, lo, hi, meaning, origin, nullptr,                   \
            [](ScenarioSpec & s) -> std::int64_t& { return s.sec.field; }                          \
    }
#define TS_BOOL(sec, field, meaning, origin)                                                       \
    ParamDef {                                                                                     \
#sec "." #field, ParamKind::Bool, "-", 0, 1, meaning, origin, nullptr, nullptr,            \
            [](ScenarioSpec & s) -> bool& { return s.sec.field; }                                  \
    }
#define TS_CREAL(field, unit, lo, hi, meaning, origin)                                             \
    CategoryParamDef {                                                                             \
#field, ParamKind::Real, unit, lo, hi, meaning, origin,                                    \
            [](CategorySpec & c) -> double& { return c.field; }                                    \
    }
#define TS_CINT(field, unit, lo, hi, meaning, origin)                                              \
    CategoryParamDef {                                                                             \
#field, ParamKind::Int, unit, lo, hi, meaning, origin, nullptr,                            \
            [](CategorySpec & c) -> std::int64_t& { return c.field; }                              \
    }

std::string abnormal_action_text(const ScenarioSpec& s) {
    switch (s.evaluation.abnormally_low_action) {
    case AbnormallyLowAction::Off:
        return "off";
    case AbnormallyLowAction::Reject:
        return "reject";
    case AbnormallyLowAction::Investigate:
        return "investigate";
    }
    return "off";
}

bool set_abnormal_action(ScenarioSpec& s, std::string_view word) {
    if (word == "off")
        s.evaluation.abnormally_low_action = AbnormallyLowAction::Off;
    else if (word == "reject")
        s.evaluation.abnormally_low_action = AbnormallyLowAction::Reject;
    else if (word == "investigate")
        s.evaluation.abnormally_low_action = AbnormallyLowAction::Investigate;
    else
        return false;
    return true;
}

const ParamDef kScenarioParams[] = {
    TS_INT(run, years, "years", 0, 200,
           "Simulated years per replicate (0: build the market, run its burn-in years and report "
           "no year)",
           setting("run control")),
    TS_INT(run, burn_in_years, "years", 0, 200,
           "Years simulated before year 1 and not reported, so the market settles from its "
           "starting state; adoption years count after it",
           setting("run control")),
    TS_INT(run, seed, "-", 0, 9007199254740991.0,
           "Base random seed (below 2^53, so R and pandas read it exactly); replicate seeds "
           "derive from it",
           setting("run control")),
    TS_INT(run, replicates, "-", 1, 100000, "Independent replicates (distinct derived seeds)",
           setting("run control")),
    TS_INT(run, calendar_start_year, "year", 1900, 2999,
           "Calendar year of simulated year 1, for dated outputs (OCDS export dates: a year's "
           "contracts start on 1 April); changes no result",
           setting("run control")),

    TS_INT(market, regions, "-", 1, 4096, "Number of regions",
           setting("the scenario's market size")),
    TS_INT(market, councils, "-", 1, 1.0e6, "Number of councils (buyers)",
           setting("the scenario's market size")),
    TS_INT(market, suppliers, "-", 1, 5.0e7, "Suppliers at start",
           setting("the scenario's market size")),
    TS_REAL(market, sme_fraction, "share", 0, 1, "Share of starting suppliers that are SMEs",
            sourced(0.85, 0.99,
                    "UK business population: over 99% of firms are SMEs (DBT Business Population "
                    "Estimates); fewer among public-sector suppliers")),
    TS_REAL(market, council_population_median, "residents", 1000, 1.0e7,
            "Median council population",
            sourced(150000, 200000,
                    "English councils: median around 150-200k (ONS mid-year estimates)")),
    TS_REAL(
        market, council_population_sigma, "log-sd", 0, 3, "Lognormal spread of council population",
        assumed(
            0.4, 0.9,
            "English councils run from districts of under 100k to counties of over 1m residents")),
    TS_REAL(market, spend_per_capita_gbp, "GBP/resident/year", 0, 1.0e5,
            "Modelled third-party spend per resident per year",
            calibrated(45, 110,
                       "sets the market's size with the capacities; single_bid_share (missed at "
                       "130); weakly pinned: baseline passes 50-110, national (set to 62) 45-80; "
                       "profiles in docs/calibration.md")),
    TS_REAL(market, new_need_rate, "share/year", 0, 1,
            "Share of expiring needs that end instead of being re-let; as many new needs arrive in "
            "expectation, so portfolios are stable",
            assumed(0.05, 0.3,
                    "council portfolios change over a few contract cycles; with new needs weighted "
                    "so the category mix is stationary (ODD 7.8) the rate moves the mix of "
                    "incumbents and new work, not the market's size")),
    TS_REAL(market, categories_per_supplier, "categories", 1, 32,
            "Mean number of categories a supplier serves",
            assumed(1, 3, "public-sector IT suppliers are mostly specialists")),
    TS_REAL(market, sme_two_region_share, "share", 0, 1,
            "Share of SMEs that also serve the neighbouring region",
            calibrated(0.15, 0.75,
                       "local_share: baseline (set to 0.45) passes 0.45-0.75, missed at 0.3; "
                       "national (set to 0.3) passes 0-0.6, not pinned; profiles in "
                       "docs/calibration.md")),
    TS_REAL(
        market, voluntary_subcontract_share, "share", 0, 1,
        "Share of contract value large primes subcontract without any policy",
        sourced(0.1, 0.2,
                "NAO: UK central government indirect SME spend 16.2% vs 10.9% direct (2014/15)")),
    TS_REAL(market, partnership_link_share, "share", 0, 1,
            "Chance that two neighbouring councils in a region could share services",
            assumed(0.4, 0.9,
                    "LGA counts 626 shared-service partnerships: most councils share something")),
    TS_INT(market, large_reach_regions, "regions", 1, 4096,
           "Regions a large firm serves (home and neighbours; capped at the number of regions)",
           assumed(2, 4, "large firms serve their home region and its neighbours; national: 4")),

    TS_REAL(suppliers, sme_capacity_median_gbp, "GBP/year", 1000, 1.0e10,
            "Median SME delivery capacity (contract value a year)",
            calibrated(300000, 600000,
                       "sme_share_direct (missed at 250k and 800k), local_share; passes 300k-600k "
                       "in both scenarios; profiles in docs/calibration.md")),
    TS_REAL(suppliers, large_capacity_median_gbp, "GBP/year", 1000, 1.0e11,
            "Median large-firm delivery capacity",
            calibrated(3.0e6, 1.5e7,
                       "single_bid_share (missed at 2m); weakly pinned: passes 3m-15m (national "
                       "3m-10m tried); profiles in docs/calibration.md")),
    TS_REAL(suppliers, capacity_sigma, "log-sd", 0, 3, "Lognormal spread of capacity",
            assumed(0.6, 1.2, "firm sizes are heavy-tailed")),
    TS_REAL(suppliers, sme_cost_factor_sd, "share", 0, 0.5,
            "Spread of unit cost across firms (1 = efficient cost)",
            assumed(0.05, 0.25, "unit costs of firms in one trade differ by tens of percent")),
    TS_REAL(
        suppliers, large_cost_premium, "share", -0.5, 0.5,
        "Large firms' cost premium before scale economies",
        calibrated(0.03, 0.06,
                   "sme_share_direct: baseline (set to 0.03) passes only at 0.03, national only "
                   "at 0.06 (of 0-0.12 in steps of 0.03); profiles in docs/calibration.md")),
    TS_REAL(suppliers, cost_persistence, "AR(1)/year", 0, 1,
            "How much of a firm's cost advantage or handicap lasts a year: its cost factor reverts "
            "toward its scale's mean (1 = permanent)",
            sourced(0.6, 0.9,
                    "Foster, Haltiwanger & Syverson 2008 (AER): plant productivity is persistent "
                    "but mean-reverting, yearly AR(1) coefficients around 0.8 (value assumed)")),
    TS_REAL(suppliers, quality_mean, "score 0-1", 0, 1, "Mean supplier quality",
            assumed(0.4, 0.8, "a score scale: only differences between firms matter")),
    TS_REAL(suppliers, quality_sd, "score 0-1", 0, 0.5, "Spread of supplier quality",
            assumed(0.05, 0.2, "quality must separate bids by more than evaluator noise")),
    TS_REAL(suppliers, sme_social_value_mean, "score 0-1", 0, 1, "Mean SME social-value capability",
            assumed(0.3, 0.6,
                    "techUK: 45% of SME tech suppliers highly confident on social value, read as a "
                    "mean capability (the reading is assumed; the SME effect of social-value "
                    "weights depends on it)")),
    TS_REAL(suppliers, large_social_value_mean, "score 0-1", 0, 1,
            "Mean large-firm social-value capability",
            assumed(0.4, 0.75,
                    "no source; large firms have bid and CSR teams, so at or above the SME mean")),
    TS_REAL(suppliers, innovation_mean, "score 0-1", 0, 1, "Mean innovation capability",
            assumed(0.2, 0.6, "a score scale")),
    TS_INT(suppliers, sme_bid_capacity, "bids/year", 0, 10000,
           "Bid-writing capacity of an SME: sets how many tender notices it reads a year "
           "(attention = capacity / notices it could answer)",
           assumed(3, 12, "an SME writes a few bids a month at most")),
    TS_INT(suppliers, large_bid_capacity, "bids/year", 0, 100000,
           "Bid-writing capacity of a large firm (see sme_bid_capacity)",
           assumed(20, 100, "large firms keep bid teams")),
    TS_REAL(suppliers, initial_markup, "share of cost", 0, 2,
            "Starting markup over estimated cost; also the markup councils assume when estimating "
            "a tender's value, and the reference for entry",
            assumed(0.05, 0.2, "IT services margins")),
    TS_REAL(suppliers, markup_min, "share of cost", -0.5, 2, "Lowest markup a supplier will ask",
            assumed(-0.1, 0.05, "firms rarely bid below cost on purpose")),
    TS_REAL(suppliers, markup_max, "share of cost", 0, 5, "Highest markup a supplier will ask",
            assumed(0.3, 1, "Hong & Shum 2002: median markups of 50-70% in highway auctions")),
    TS_REAL(suppliers, edge_learning_rate, "spreads", 0, 5,
            "How far a supplier shifts its believed winning chances (in market spreads) per unit "
            "of win rate above or below what its pricing rule predicted",
            assumed(0.1, 0.6, "learning over a few years")),
    TS_REAL(suppliers, belief_learning_rate, "share", 0, 1,
            "Weight of this year's win rate in a supplier's reported win rate (and in its belief "
            "under the fixed-markup knock-out)",
            assumed(0.1, 0.6, "learning over a few years")),
    TS_REAL(suppliers, initial_cash_share, "share of capacity", 0, 10, "Cash at entry",
            calibrated(0.2, 0.75,
                       "entrant_survival_3y (missed at 0.1), single_bid_share (missed at 1): "
                       "passes 0.2-0.75 in both scenarios; profiles in docs/calibration.md")),
    TS_REAL(suppliers, overhead_share, "share of capacity/year", 0, 1,
            "Fixed yearly cost of keeping capacity",
            assumed(0.01, 0.08, "fixed costs a few percent of capacity")),
    TS_REAL(suppliers, initial_utilisation, "share", 0, 1,
            "Declared turnover at entry as a share of capacity",
            assumed(0.4, 0.8, "entrants are not idle but have spare capacity")),
    TS_REAL(suppliers, revenue_per_employee_gbp, "GBP/employee", 1000, 1.0e7,
            "Revenue per employee, for the staff count",
            sourced(80000, 100000, "UK IT services: roughly GBP 80-100k per employee (ONS ABS)")),
    TS_REAL(suppliers, sme_turnover_limit_gbp, "GBP/year", 0, 1.0e12, "Turnover limit of an SME",
            sourced("UK SME definition (Companies Act 2006 s.465 as amended 2024: turnover under "
                    "GBP 44m)")),
    TS_REAL(suppliers, sme_balance_sheet_limit_gbp, "GBP", 0, 1.0e12,
            "Balance-sheet limit of an SME (cash stands in for the balance sheet)",
            sourced("UK SME definition: balance sheet under GBP 38m")),
    TS_INT(suppliers, sme_staff_limit, "employees", 1, 1.0e7, "Staff limit of an SME",
           sourced("UK SME definition: fewer than 250 staff")),
    TS_REAL(suppliers, sme_fixed_cost_gbp, "GBP/year", 0, 1.0e9,
            "Yearly fixed-cost floor of an SME (overhead is the larger of this and overhead_share "
            "x capacity; a would-be entrant's own floor is drawn around it)",
            assumed(5000, 60000,
                    "accreditations, insurance, bid and account management kept for public work")),
    TS_REAL(suppliers, large_fixed_cost_gbp, "GBP/year", 0, 1.0e10,
            "Yearly fixed-cost floor of a large firm (as sme_fixed_cost_gbp)",
            assumed(50000, 1.0e6, "overhead_share x the median large capacity is GBP 150k")),

    TS_REAL(bidding, bid_cost_share, "share of value", 0, 0.2,
            "Cost of preparing a bid, share of total contract value",
            sourced("Reading/MarketingWorks 2014: 0.48% for losing bids")),
    TS_REAL(bidding, award_cost_share, "share of value", 0, 0.2, "Extra cost for the winning bid",
            sourced("Reading/MarketingWorks 2014: 0.65% for winning bids")),
    TS_REAL(bidding, small_project_threshold_gbp, "GBP", 0, 1.0e12,
            "Projects below this cost relatively more to bid for",
            sourced("Reading/MarketingWorks 2014: bid cost share higher below GBP 5m")),
    TS_REAL(bidding, small_project_exponent, "-", 0, 1,
            "Rise of the bid-cost share below the threshold: (threshold/value)^exponent",
            calibrated(0.2, 0.25,
                       "single_bid_share (missed at 0.15), bids_per_tender (missed at 0.3): "
                       "passes 0.2-0.25 in both scenarios; profiles in docs/calibration.md")),
    TS_REAL(
        bidding, min_bid_cost_gbp, "GBP", 0, 1.0e7, "Minimum cost of a bid",
        calibrated(150, 600,
                   "single_bid_share (missed at 150 in the baseline), bids_per_tender (missed at "
                   "1000): baseline passes 300-600, national 150-600; profiles in "
                   "docs/calibration.md")),
    TS_REAL(
        bidding, estimation_error, "share", 0, 1, "Sd of a bidder's cost estimate at complexity 1",
        assumed(
            0.05, 0.2,
            "cost estimates within tens of percent; five times the default fails bids_per_tender")),
    TS_REAL(bidding, attention, "-", 0, 100, "Scales how many tender notices a supplier reads",
            calibrated(1.2, 1.8,
                       "sme_share_direct (missed at 0.9), single_bid_share (missed at 1.8 in the "
                       "baseline): baseline passes 1.2-1.5, national 1.2-1.8; profiles in "
                       "docs/calibration.md")),
    TS_REAL(bidding, social_value_max_rate, "GBP SV/GBP", 0, 5,
            "Social value offered per GBP of contract at full capability and effort",
            assumed(0.1, 0.5,
                    "the National TOMs (Social Value Portal 2017) give proxy values per unit, not "
                    "the social value offered per GBP of contract")),
    TS_REAL(bidding, social_value_cost_ratio, "GBP/GBP SV", 0, 5,
            "Supplier cost per GBP of social value promised",
            assumed(0.2, 0.8,
                    "no source; part of a promise is paid for by work the supplier does anyway")),
    TS_REAL(bidding, social_value_base_effort, "share", 0, 1,
            "Social-value effort when evaluation gives it no weight",
            assumed(0, 0.3, "no source; some social value is offered unasked")),
    TS_REAL(bidding, social_value_effort_saturation, "weight", 0.01, 1,
            "Social-value weight at which suppliers offer all they can",
            assumed(0.1, 0.6, "no source; between PPN 06/20's 10% minimum and DSP lot 2's 60%")),
    TS_BOOL(bidding, competitive_pricing,
            "Bidders price against the competition they expect (Friedman 1956: the price that "
            "maximises (price - cost) x P(every expected rival bids higher), rivals' bids as "
            "published in the market); false: a fixed markup (suppliers.initial_markup), a "
            "knock-out for validation",
            setting("model switch (false: the fixed-markup knock-out for validation); Friedman "
                    "1956, Operations Research 4(1); Krishna, Auction Theory (2010) ch. 2")),
    TS_REAL(bidding, job_fit_sd, "log-sd", 0, 1,
            "Spread of a firm's cost of one job around its usual cost (how well the job fits what "
            "it already does): private costs that differ from tender to tender",
            calibrated(0.21, 0.27,
                       "bids_per_tender (missed at 0.18), single_bid_share, sme_share_direct and "
                       "single_bid_premium (missed at 0.3): passes only at 0.24 of 0.12-0.36 in "
                       "steps of 0.06, both scenarios; profiles in docs/calibration.md")),
    TS_REAL(bidding, market_memory, "share", 0.01, 1,
            "Weight of this year's published bids in a market's record (bids per tender, level "
            "and spread of bids relative to the estimate)",
            assumed(0.1, 0.6, "published results of the last few years")),
    TS_REAL(
        bidding, prior_bids_per_tender, "bids", 1, 64,
        "Bids per tender a market's record starts from (washed out by the burn-in)",
        assumed(2, 6, "ECA SR 28/2023: 3.2-5.7 bidders per procedure; washed out by the burn-in")),
    TS_REAL(bidding, prior_bid_spread, "log-sd", 0.02, 1,
            "Spread of log(bid / estimate) a market's record starts from",
            assumed(0.05, 0.3, "washed out by the burn-in")),

    TS_REAL(evaluation, evaluator_noise, "score sd", 0, 1, "Sd of evaluators' quality scores",
            assumed(0.02, 0.15, "panels agree to within a few score points")),
    TS_REAL(
        evaluation, selection_threshold_gbp, "GBP", 0, 1.0e12,
        "Total contract value from which bidders face a selection stage (the turnover test); "
        "below it there is none",
        sourced("PCR 2015 reg. 111 (no selection questionnaire below the threshold); sub-central "
                "services threshold GBP 214,904 incl. VAT from 1 Jan 2024")),
    TS_REAL(evaluation, qualification_turnover_multiple, "x annual value", 0, 100,
            "Minimum turnover as a multiple of annual contract value",
            sourced("Common selection criterion (PCR 2015 reg. 58(9): at most 2x)")),
    TS_REAL(evaluation, abnormally_low_ratio, "share of median", 0, 1,
            "Bids below this share of the median bid are flagged abnormally low (0: never)",
            setting("the buyer's rule: the law sets no numeric threshold")),
    ParamDef{"evaluation.abnormally_low_action", ParamKind::Choice, "-", 0, 0,
             "What happens to a flagged bid: off, reject, or investigate (rejected only if below "
             "the bidder's cost)",
             sourced("PCR 2015 reg. 69: the buyer must ask for an explanation"), nullptr, nullptr,
             nullptr, "off|reject|investigate", abnormal_action_text, set_abnormal_action},

    TS_REAL(social_value, job_proxy_gbp, "GBP/FTE year", 0.01, 1.0e7,
            "Value of one FTE year of employment for a disabled person",
            sourced("National TOMs 2017 (Social Value Portal): GBP 12,769.68")),
    TS_REAL(social_value, carbon_proxy_gbp, "GBP/tonne", 0.01, 1.0e7,
            "Value of one tonne of transport CO2 saved",
            sourced("National TOMs 2017 (Social Value Portal): GBP 64.66")),
    TS_REAL(social_value, community_proxy_gbp, "GBP/hour", 0.01, 1.0e7,
            "Value of one volunteer hour",
            sourced("National TOMs 2017 (Social Value Portal): GBP 14.43")),
    TS_REAL(social_value, sme_job_mix, "share", 0, 1,
            "Mean share of an SME's social-value offer (by value) in jobs",
            assumed(0.2, 0.5,
                    "techUK: SMEs' social value is many small parts (training, wellbeing, "
                    "volunteering) rather than big numbers; split assumed")),
    TS_REAL(social_value, sme_carbon_mix, "share", 0, 1,
            "Mean share of an SME's social-value offer in carbon savings",
            assumed(0.05, 0.3,
                    "techUK: SMEs' social value is many small parts (training, wellbeing, "
                    "volunteering) rather than big numbers; split assumed")),
    TS_REAL(social_value, sme_community_mix, "share", 0, 1,
            "Mean share of an SME's social-value offer in volunteering and community work",
            assumed(0.3, 0.65,
                    "techUK: SMEs' social value is many small parts (training, wellbeing, "
                    "volunteering) rather than big numbers; split assumed")),
    TS_REAL(social_value, large_job_mix, "share", 0, 1,
            "Mean share of a large firm's social-value offer in jobs",
            assumed(0.35, 0.65, "no source; large firms can offer jobs and carbon plans at scale")),
    TS_REAL(social_value, large_carbon_mix, "share", 0, 1,
            "Mean share of a large firm's social-value offer in carbon savings",
            assumed(0.15, 0.45, "no source; large firms can offer jobs and carbon plans at scale")),
    TS_REAL(social_value, large_community_mix, "share", 0, 1,
            "Mean share of a large firm's social-value offer in volunteering and community work",
            assumed(0.1, 0.35, "no source; large firms can offer jobs and carbon plans at scale")),
    TS_REAL(social_value, mix_spread, "share", 0, 1,
            "Spread of each supplier's mix around its mean (x uniform(1 - spread, 1 + spread))",
            assumed(0.2, 0.8, "no source")),

    TS_REAL(levers, outcome_innovation_gain, "score", 0, 1,
            "Outcome quality gained per unit of innovation capability x category innovation "
            "potential, under outcome specifications",
            assumed(0.1, 0.5, "no source")),
    TS_REAL(levers, outcome_noise_factor, "x noise", 0, 10,
            "Extra evaluator noise when judging proposed outcomes rather than products",
            assumed(0.5, 2, "judging proposed outcomes is harder than judging products")),
    TS_REAL(levers, outcome_lockin_reduction, "share", 0, 1,
            "Cut in custom builds and switching costs under outcome specifications",
            assumed(0.4, 0.9,
                    "U4SSC Procurement Guidelines 2023 s.4.1.4: outcome specs reduce bias toward "
                    "suppliers (size assumed)")),
    TS_REAL(levers, outcome_target_quality, "score 0-1", 0, 1,
            "Delivered quality at which an outcome counts as met (outcome-linked payment)",
            setting("the buyer's contract term")),
    TS_REAL(levers, outcome_risk_premium, "share", 0, 5,
            "Markup added per unit of expected withheld payment",
            assumed(0.2, 1,
                    "NAO HC 86 (2015): payment by results moves risk to providers (size assumed)")),
    TS_REAL(levers, steer_initial_reserve_gbp, "GBP/year", 0, 1.0e9,
            "First reservation threshold of a council steering toward an SME target",
            setting("the council's steering rule")),
    TS_REAL(
        levers, steer_step, "x/year", 1, 10,
        "Factor by which a council off its SME target moves its reservation threshold each year",
        setting("the council's steering rule")),
    TS_REAL(levers, steer_max_reserve_gbp, "GBP/year", 0, 1.0e10,
            "Highest reservation threshold a steering council sets",
            setting("the council's steering rule")),
    TS_REAL(
        levers, social_value_local_bonus, "share", 0, 5,
        "Extra social value a supplier local to the buyer can offer (local jobs, apprenticeships)",
        assumed(0.1, 0.6,
                "no source; local firms offer local jobs and apprenticeships (the SME and local "
                "effects of social-value weights depend on it)")),
    TS_REAL(levers, social_value_monitor_threshold, "share", 0, 1,
            "Delivered/promised social value below which a monitoring council records a shortfall",
            setting("the council's monitoring rule")),
    TS_REAL(levers, reputation_penalty, "share", 0, 1, "Reputation lost per monitored shortfall",
            assumed(0.05, 0.3, "no source")),
    TS_REAL(levers, reputation_recovery, "share/year", 0, 1, "Reputation regained each year",
            assumed(0.02, 0.15, "a shortfall is remembered for several years")),
    TS_REAL(levers, vanilla_lockin_reduction, "share", 0, 1,
            "Cut in custom builds when partners buy a shared standard system",
            assumed(0.4, 0.9,
                    "LGA draft IT procurement strategy 2017: vanilla solutions reduce lock-in "
                    "(size assumed)")),
    TS_REAL(levers, call_off_bid_cost_factor, "share", 0, 1,
            "Cost of a quote or a framework call-off bid as a share of an open tender's bid cost "
            "(no selection stage below threshold, PA2023 s85; members qualified on appointment)",
            assumed(0.25, 0.75,
                    "no source; a quote or call-off reuses what an open bid must "
                    "prove afresh")),
    TS_REAL(levers, light_route_admin_factor, "share", 0, 1,
            "A council's cost of running a quote, direct award or call-off as a share of "
            "council.tender_admin_cost_gbp",
            assumed(0.1, 0.5,
                    "no source; CEBR 2013 puts a UK buyer's cost of a full competition at GBP "
                    "8,000")),

    TS_REAL(
        policy, price_weight, "weight", 0, 1,
        "Weight of price against quality in the non-social-value part of the score (1 = lowest "
        "price)",
        setting("EU Single Market Scoreboard: 54% of procedures awarded on lowest price (2024)")),
    TS_REAL(policy, social_value_weight, "weight", 0, 0.6,
            "Weight of social value in the total score; price and quality share the rest in their "
            "ratio",
            setting("PPN 06/20: at least 10% in central government; DSP lot 2: 60%")),
    TS_BOOL(policy, monitor_social_value,
            "Councils check social-value delivery; shortfalls cost the supplier reputation",
            setting("policy lever")),
    TS_REAL(policy, outcome_spec_share, "share", 0, 1,
            "Share of tenders specified by outcome rather than product",
            setting("U4SSC Procurement Guidelines for Smart Sustainable Cities 2023 s.4.1.4")),
    TS_REAL(policy, outcome_payment_share, "share", 0, 1,
            "Share of the price of an outcome-specified contract paid only if the outcome is met",
            setting("NAO HC 86 (2015), outcome-based payment schemes")),
    TS_REAL(
        policy, lot_threshold_gbp, "GBP/year", 0, 1.0e10,
        "Tenders above this annual value are divided into lots no larger than it (0: no lotting)",
        setting("Hoekman & Tas, Small Business Economics 2022")),
    TS_REAL(policy, lot_admin_cost_gbp, "GBP", 0, 1.0e7, "Council cost of each extra lot",
            assumed(1000, 5000, "a share of council.tender_admin_cost_gbp")),
    TS_REAL(policy, sme_reserve_threshold_gbp, "GBP/year", 0, 1.0e10,
            "Tenders below this annual value are reserved: for SMEs, local suppliers or both "
            "(reserve_sme, reserve_local; 0: none)",
            setting("PPN 11/20 (now PPN 005): reserving below-threshold contracts")),
    TS_BOOL(policy, reserve_sme,
            "Reserved tenders (below sme_reserve_threshold_gbp) accept only SME bids",
            setting("PPN 11/20 (now PPN 005): reservation for SMEs and VCSEs")),
    TS_BOOL(policy, reserve_local,
            "Reserved tenders accept only suppliers from the buyer's region (with reserve_sme: "
            "local SMEs)",
            setting("PPN 11/20: reservation by supplier location")),
    TS_REAL(policy, sme_target_share, "share", 0, 1,
            "SME share of spend a council steers toward by reserving more tenders (0: no target)",
            setting("UK central government aim: 33% with SMEs")),
    TS_REAL(policy, subcontract_sme_share, "share", 0, 1,
            "Share of contract value large primes must subcontract to SMEs",
            setting("policy lever")),
    TS_BOOL(policy, shared_back_office,
            "Councils form partnerships and buy back-office systems jointly",
            setting("LGA: 626 shared-service partnerships, GBP 1.34bn savings")),
    TS_INT(policy, partnership_max_size, "councils", 1, 100, "Largest partnership",
           setting("policy lever")),
    TS_REAL(policy, reserve_ratio, "x estimate", 0.5, 5,
            "Reserve price as a multiple of the council's estimate: higher bids are inadmissible "
            "and a tender with no admissible bid is re-advertised next year",
            calibrated(1.65, 1.95,
                       "bids_per_tender (missed at 1.5), single_bid_share (missed at 2.1): passes "
                       "only at 1.8 of 1.3-2.5, both scenarios; profiles in docs/calibration.md; "
                       "the buyer's estimate caps admissible bids in many regimes (model brief "
                       "s.8)")),
    TS_BOOL(policy, reserve_published,
            "The reserve is published with the notice (else bidders guess it from published bids)",
            setting("policy lever")),
    TS_BOOL(policy, joint_price_pooling,
            "A partnership estimates a joint tender from its partners' pooled price beliefs, with "
            "the estimation error / sqrt(partners) (at least half the error), and every partner "
            "learns from the joint price",
            setting("mechanism switch (off: the knock-out of the pooling channel); Bandiera, Prat "
                    "& Valletti 2009 (AER): bigger, specialised buyers pay less through price "
                    "knowledge (size assumed)")),
    TS_REAL(policy, direct_award_threshold_gbp, "GBP", 0, 1.0e10,
            "Contracts below this total value are awarded directly to one supplier without "
            "competition (0: never)",
            setting("council contract procedure rules: one quote below about GBP 5k-10k "
                    "(docs/routes.md)")),
    TS_REAL(policy, quote_threshold_gbp, "GBP", 0, 1.0e10,
            "Contracts below this total value are bought by inviting quotes, with no published "
            "notice (0: never)",
            setting("council contract procedure rules: three written quotes up to about GBP "
                    "25k-50k; PA2023 notices from GBP 30,000 (docs/routes.md)")),
    TS_INT(policy, quote_invitations, "suppliers", 1, 16,
           "Suppliers a council invites to quote (the incumbent first)",
           setting("council contract procedure rules: at least three written quotations")),
    TS_REAL(policy, framework_share, "share", 0, 1,
            "Share of needs in a framework's categories a council buys by call-off from the "
            "framework open to it (0: none; [[framework]] in the scenario)",
            setting("policy lever: PA2023 s45-s49")),

    TS_REAL(incumbency, cost_advantage, "share", 0, 1,
            "Incumbent's cost saving from knowing the job",
            assumed(0, 0.05, "0: the advantage now comes from job fit (docs/calibration.md)")),
    TS_REAL(incumbency, quality_bonus, "score", 0, 1,
            "Incumbent's product-specific quality advantage in prescriptive specifications",
            assumed(0, 0.1, "no source")),
    TS_REAL(incumbency, switching_cost_share, "share of annual value", 0, 5,
            "Migration cost the buyer adds to rivals' prices when the system is custom",
            assumed(0.05, 0.3, "migration projects cost a fraction of a year's contract")),
    TS_REAL(incumbency, estimation_error_factor, "x error", 0, 1,
            "Incumbent's cost-estimation error relative to a rival's: it knows the job",
            assumed(0.3, 0.8,
                    "De Silva, Dunne & Kosmopoulou 2003 (J. Industrial Economics): incumbents bid "
                    "with better cost information than entrants (size assumed)")),

    TS_REAL(delivery, overrun_sigma, "log-sd", 0, 2, "Cost overrun spread at complexity 1",
            assumed(0.04, 0.2, "service contracts overrun less than projects")),
    TS_REAL(delivery, base_failure_rate, "probability/year", 0, 1, "Yearly chance a contract fails",
            assumed(0.001, 0.02, "terminations of public service contracts are rare")),
    TS_REAL(delivery, distress_failure_rate, "probability/year", 0, 1,
            "Extra yearly chance a contract fails when its supplier is in distress (cash below a "
            "year's overhead); added again when it is over capacity",
            assumed(0.1, 0.5, "no source")),
    TS_REAL(delivery, social_value_delivery_mean, "share", 0, 2,
            "Mean share of promised social value delivered",
            assumed(0.6, 1, "model brief: promises are not always kept")),
    TS_REAL(delivery, social_value_delivery_sd, "share", 0, 1, "Spread of the delivered share",
            assumed(0.05, 0.3, "no source")),
    TS_REAL(delivery, quality_delivery_sd, "score", 0, 1,
            "Spread of delivered quality around the offer", assumed(0.02, 0.1, "no source")),

    TS_REAL(
        dynamics, entry_rate, "would-be entrants/tender", 0, 10,
        "Would-be entrants a year per tender advertised in a market cell (category x "
        "region); each enters only if its expected yearly profit there is positive",
        calibrated(0.1, 1,
                   "weakly pinned: baseline passes 0.1-1 (single_bid_share missed at 2), national "
                   "0.25-1; with no entry bids_per_tender and entrant_survival_3y fail; the "
                   "expected-profit test, not the arrival rate, sets entry; profiles in "
                   "docs/calibration.md")),
    TS_REAL(dynamics, large_entry_share, "share", 0, 1,
            "Share of would-be entrants that are large firms arriving from other markets",
            calibrated(0.06, 0.12,
                       "sme_share_direct (missed at 0.04; baseline also at 0.12): sets how many "
                       "large firms the steady state keeps; baseline passes only at 0.08, national "
                       "0.08-0.12; profiles in docs/calibration.md")),
    TS_REAL(dynamics, capacity_growth, "share/year", 0, 5, "Capacity growth of a busy supplier",
            assumed(0.05, 0.3, "firms grow a few tens of percent a year at most")),
    TS_REAL(dynamics, capacity_shrink, "share/year", 0, 1, "Capacity shrink of an idle supplier",
            assumed(0.05, 0.2, "no source")),
    TS_REAL(dynamics, growth_utilisation, "share", 0, 2, "Utilisation above which capacity grows",
            assumed(0.7, 0.95, "no source")),
    TS_REAL(dynamics, shrink_utilisation, "share", 0, 2, "Utilisation below which capacity shrinks",
            assumed(0.2, 0.5, "no source")),
    TS_INT(dynamics, exit_idle_years, "years", 1, 100,
           "A supplier with no revenue (no contract, no subcontract) for this many years in a "
           "row exits",
           sourced(1, 5,
                   "Eurostat-OECD Manual on Business Demography Statistics (2007): a closure not "
                   "reactivated within two years is a death")),
    TS_REAL(dynamics, entrant_fixed_cost_sigma, "log-sd", 0, 5,
            "Spread of would-be entrants' fixed costs: each draws its floor as the scale's "
            "fixed_cost_gbp x exp(sigma Z)",
            assumed(0.3, 1.5, "no source")),

    TS_REAL(council, tenders_per_officer, "tenders/year", 0.1, 1000,
            "Tenders one procurement officer can run a year",
            assumed(6, 24, "one to two tenders a month per officer")),
    TS_REAL(council, officers_per_100k, "officers", 0, 1000,
            "Procurement officers per 100,000 residents", assumed(0.8, 3, "no source")),
    TS_REAL(council, tender_admin_cost_gbp, "GBP", 0, 1.0e8, "Council cost of running one tender",
            assumed(2000, 15000, "a few weeks of officer time")),
    TS_REAL(council, estimate_error, "log-sd", 0, 1,
            "Error of a council's estimate of a tender's price around its learned belief",
            assumed(0.05, 0.3, "no source")),
    TS_REAL(council, price_learning_rate, "share", 0, 1,
            "Weight of a tender's lowest bid (price per unit of work) in the council's price "
            "belief for the category",
            assumed(0.1, 0.6, "learning over a few years")),
    TS_REAL(council, no_bid_step, "share", 0, 1,
            "Rise of the council's price belief after a tender drew no bid",
            assumed(0.05, 0.25, "no source")),
};

const CategoryParamDef kCategoryParams[] = {
    TS_CREAL(spend_share, "share", 0, 1,
             "Share of council spend in this category (normalised over categories)",
             assumed(0.05, 0.25,
                     "no published split of council IT spend by category; defaults 0.08-0.18")),
    TS_CREAL(value_median_gbp, "GBP/year", 100, 1.0e10, "Median annual contract value",
             calibrated(50000, 300000,
                        "sme_share_direct, local_share, single_bid_share: every category's value "
                        "scaled together, baseline passes x0.7-x1, national only x1 (x0.5 and "
                        "x1.5 miss); defaults GBP 60k-260k; profiles in docs/calibration.md")),
    TS_CREAL(value_sigma, "log-sd", 0, 4, "Lognormal spread of annual contract value",
             assumed(0.7, 1.3, "contract values span orders of magnitude")),
    TS_CINT(duration_min_years, "years", 1, 50, "Shortest contract",
            sourced("UK government IT guidance: commodity IT up to 2 years, services 3-7")),
    TS_CINT(duration_max_years, "years", 1, 50, "Longest contract",
            sourced("LGC: council outsourcing averaged 56 months")),
    TS_CREAL(complexity, "0-1", 0, 1, "Scales estimation error and overruns",
             assumed(0.2, 0.7, "no source")),
    TS_CREAL(scale_economies, "elasticity", 0, 1,
             "How fast large firms' unit cost falls with contract size",
             assumed(0.02, 0.15, "no source; the joint-buying saving depends on it (issue 12)")),
    TS_CREAL(innovation_potential, "0-1", 0, 1, "Room for alternative solutions",
             assumed(0.1, 0.8, "no source")),
    TS_CREAL(custom_share, "share", 0, 1,
             "Share of contracts built around custom (lock-in) solutions",
             assumed(0, 0.7, "no source")),
    CategoryParamDef{"back_office", ParamKind::Bool, "-", 0, 1,
                     "Back-office category (finance, HR, payroll): candidate for shared systems",
                     setting("the scenario's description of its categories"), nullptr, nullptr,
                     [](CategorySpec& c) -> bool& { return c.back_office; }},
};

#undef TS_REAL
#undef TS_INT
#undef TS_BOOL
#undef TS_CREAL
#undef TS_CINT

template <class Def, class Target> std::string value_text(const Def& def, const Target& target) {
    auto& t = const_cast<Target&>(target); // accessors return references; nothing is written
    switch (def.kind) {
    case ParamKind::Real:
        return format_number(def.real(t));
    case ParamKind::Int:
        return std::to_string(def.integer(t));
    case ParamKind::Bool:
        return def.boolean(t) ? "true" : "false";
    case ParamKind::Choice:
        return def.get_choice(target);
    }
    return {};
}

} // namespace

std::span<const ParamDef> scenario_params() {
    return kScenarioParams;
}
std::span<const CategoryParamDef> category_params() {
    return kCategoryParams;
}

const ParamDef* find_param(std::string_view key) {
    for (const auto& def : kScenarioParams)
        if (def.key == key) return &def;
    return nullptr;
}

const CategoryParamDef* find_category_param(std::string_view key) {
    for (const auto& def : kCategoryParams)
        if (def.key == key) return &def;
    return nullptr;
}

const char* scope_word(Adoption::Scope scope) {
    switch (scope) {
    case Adoption::Scope::Region:
        return "region";
    case Adoption::Scope::Councils:
        return "councils";
    case Adoption::Scope::All:
        break;
    }
    return "all";
}

std::string param_value_text(const ParamDef& def, const ScenarioSpec& spec) {
    return value_text(def, spec);
}
std::string param_value_text(const CategoryParamDef& def, const CategorySpec& category) {
    return value_text(def, category);
}

} // namespace tendersim

#include "metric_registry.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace tendersim {
namespace {

using U = MetricUnit;

// Titles say what is measured, axis labels in what; definitions say how, with sources. The
// order is the order of metrics.csv's rows and must not change (results are compared by bytes).
const MetricDef kMetrics[] = {
    {.name = "tenders",
     .title = "Tenders advertised",
     .label = "Tenders",
     .axis = "Tenders per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "tenders advertised this year (re-lets, re-tenders after failure, new needs), "
                   "after design: each lot of a divided need counts as a tender, and partners' "
                   "needs merged into a joint tender count once",
     .value = [](const YearMetrics& y) { return y.tenders; }},
    {.name = "awards",
     .title = "Tenders awarded",
     .label = "Awards",
     .axis = "Tenders per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "tenders awarded",
     .value = [](const YearMetrics& y) { return y.awards; }},
    {.name = "unawarded",
     .title = "Tenders not awarded (re-tendered next year)",
     .label = "Unawarded tenders",
     .axis = "Tenders per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "tenders with no acceptable bidder with room; the need is re-tendered next year",
     .value = [](const YearMetrics& y) { return y.unawarded; }},
    {.name = "extensions",
     .title = "Contracts extended (procurement team at capacity)",
     .label = "Extensions",
     .axis = "Contracts per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "contracts extended a year because the council's procurement team was at "
                   "capacity",
     .value = [](const YearMetrics& y) { return y.extensions; }},
    {.name = "total_spend_gbp",
     .title = "Total spend with suppliers",
     .label = "Total spend",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "payments by all councils to suppliers this year",
     .value = [](const YearMetrics& y) { return y.total_spend_gbp; }},
    {.name = "price_index",
     .title = "Price index (spend / efficient cost)",
     .label = "Price index",
     .axis = "Spend / efficient cost",
     .unit = U::Ratio,
     .lower = 0.0,
     .definition = "spend / efficient cost of the same contracts (1 = paying the efficient "
                   "reference cost)",
     .value = [](const YearMetrics& y) { return y.price_index; }},
    {.name = "bids_per_tender",
     .title = "Bids per tender",
     .label = "Bids per tender",
     .axis = "Mean number of bids",
     .unit = U::Mean,
     .lower = 0.0,
     .definition = "bids received / tenders advertised (tenders with no bid count as 0)",
     .value = [](const YearMetrics& y) { return y.bids_per_tender; }},
    {.name = "single_bid_share",
     .title = "Share of tenders with a single bid",
     .label = "Single-bid tenders",
     .axis = "% of tenders with bids",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "tenders with exactly one bid / tenders with at least one bid (EU Single "
                   "Market Scoreboard definition)",
     .value = [](const YearMetrics& y) { return y.single_bid_share; }},
    {.name = "sme_bid_share",
     .title = "SME share of bids",
     .label = "SME share of bids",
     .axis = "% of all bids",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "bids from SMEs / all bids",
     .value = [](const YearMetrics& y) { return y.sme_bid_share; }},
    {.name = "sme_share_direct",
     .title = "SME share of spend (direct)",
     .label = "SME share of spend",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "spend with SME suppliers / spend (direct spend, as Tussell and the Cabinet "
                   "Office report it)",
     .value = [](const YearMetrics& y) { return y.sme_share_direct; }},
    {.name = "local_share",
     .title = "Local share of spend (supplier in the buyer's region)",
     .label = "Local share of spend",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "spend with suppliers whose home region is the buyer's region / spend",
     .value = [](const YearMetrics& y) { return y.local_share; }},
    {.name = "social_value_promised_gbp",
     .title = "Social value promised (whole life of this year's awards)",
     .label = "Social value promised",
     .axis = "\u00A3 (proxy value)",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "social value (GBP proxy) promised over the whole life of contracts awarded "
                   "this year",
     .value = [](const YearMetrics& y) { return y.social_value_promised_gbp; }},
    {.name = "social_value_promised_per_pound",
     .title = "Social value promised per \u00A3 awarded",
     .label = "Social value promised per \u00A3",
     .axis = "\u00A3 social value per \u00A3 awarded",
     .unit = U::MoneyPerPound,
     .lower = 0.0,
     .definition = "promised social value / total value of contracts awarded this year",
     .value = [](const YearMetrics& y) { return y.social_value_promised_per_pound; }},
    {.name = "social_value_delivered_gbp",
     .title = "Social value delivered",
     .label = "Social value delivered",
     .axis = "\u00A3 per year (proxy value)",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "social value delivered this year on running contracts",
     .value = [](const YearMetrics& y) { return y.social_value_delivered_gbp; }},
    {.name = "social_value_delivered_per_pound",
     .title = "Social value delivered per \u00A3 spent",
     .label = "Social value per \u00A3 spent",
     .axis = "\u00A3 social value per \u00A3 spent",
     .unit = U::MoneyPerPound,
     .lower = 0.0,
     .definition = "delivered social value / spend",
     .value = [](const YearMetrics& y) { return y.social_value_delivered_per_pound; }},
    {.name = "quality_delivered",
     .title = "Delivered quality (spend-weighted)",
     .label = "Delivered quality",
     .axis = "Score (0\u20131)",
     .unit = U::Score,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "spend-weighted mean delivered quality (0-1)",
     .value = [](const YearMetrics& y) { return y.quality_delivered; }},
    {.name = "hhi",
     .title = "Market concentration (HHI)",
     .label = "Concentration (HHI)",
     .axis = "HHI (0\u201310,000)",
     .unit = U::Index,
     .lower = 0.0,
     .upper = 10000.0,
     .definition = "Herfindahl-Hirschman index of primes' shares of councils' spend, 0-10,000",
     .value = [](const YearMetrics& y) { return y.overall.hhi; }},
    {.name = "top5_share",
     .title = "Share of spend with the five largest suppliers",
     .label = "Top-5 share of spend",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "share of spend with the five largest suppliers",
     .value = [](const YearMetrics& y) { return y.overall.top5_share; }},
    {.name = "top150_share",
     .title = "Share of spend with the 150 largest suppliers",
     .label = "Top-150 share of spend",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "share of spend with the 150 largest suppliers (Tussell via Computer Weekly: "
                   "89% of UK public-sector IT spend in 2021)",
     .value = [](const YearMetrics& y) { return y.overall.top150_share; }},
    {.name = "active_suppliers_sme",
     .title = "Active SME suppliers",
     .label = "Active SME suppliers",
     .axis = "Suppliers",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "SME suppliers alive at the end of the year",
     .value = [](const YearMetrics& y) { return y.active_suppliers_sme; }},
    {.name = "active_suppliers_large",
     .title = "Active large suppliers",
     .label = "Active large suppliers",
     .axis = "Suppliers",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "large suppliers alive at the end of the year",
     .value = [](const YearMetrics& y) { return y.active_suppliers_large; }},
    {.name = "entries",
     .title = "Suppliers entering the market (SMEs and large firms)",
     .label = "Entrants",
     .axis = "Suppliers per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "suppliers that entered this year: would-be entrants to a market cell "
                   "(category x region) whose expected yearly profit there was positive; new "
                   "SMEs, and large firms arriving from other markets (a share "
                   "`dynamics.large_entry_share` of would-be entrants, 3% at default)",
     .value = [](const YearMetrics& y) { return y.entries; }},
    {.name = "exits",
     .title = "Supplier exits (insolvency or years without revenue)",
     .label = "Exits",
     .axis = "Suppliers per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "suppliers that left: insolvent (cash below zero), or after "
                   "`dynamics.exit_idle_years` years in a row with no revenue (`exits_idle`)",
     .value = [](const YearMetrics& y) { return y.exits; }},
    {.name = "sme_to_large",
     .title = "SMEs growing into large suppliers",
     .label = "SMEs grown large",
     .axis = "Suppliers per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "SMEs that passed the UK SME limits and became large: 250 staff or more "
                   "(size / `suppliers.revenue_per_employee_gbp`), or both turnover of GBP "
                   "44m or more and a balance sheet (cash) of GBP 38m or more, where size is the "
                   "larger of this year's revenue and the firm's capacity",
     .value = [](const YearMetrics& y) { return y.sme_to_large; }},
    {.name = "incumbent_win_rate",
     .title = "Incumbent win rate at re-let",
     .label = "Incumbent win rate",
     .axis = "% of re-lets won",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "re-lets won by the incumbent / re-lets awarded",
     .value = [](const YearMetrics& y) { return y.incumbent_win_rate; }},
    {.name = "contract_failures",
     .title = "Contract failures",
     .label = "Contract failures",
     .axis = "Contracts per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "contracts that failed in delivery, or whose supplier exited, this year",
     .value = [](const YearMetrics& y) { return y.contract_failures; }},
    {.name = "council_procurement_cost_gbp",
     .title = "Councils' procurement cost",
     .label = "Procurement cost",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "councils' cost of running this year's tenders: `council.tender_admin_cost_gbp` "
                   "per tender, except that a need divided into lots pays it once and the "
                   "buyer's `policy.lot_admin_cost_gbp` for each extra lot",
     .value = [](const YearMetrics& y) { return y.council_procurement_cost_gbp; }},
    {.name = "supplier_bid_cost_gbp",
     .title = "Suppliers' bidding cost",
     .label = "Bidding cost",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "suppliers' cost of all bids written this year, plus winners' extra award cost",
     .value = [](const YearMetrics& y) { return y.supplier_bid_cost_gbp; }},
    {.name = "bid_cost_share",
     .title = "Cost of a bid as a share of contract value",
     .label = "Bid cost share",
     .axis = "% of contract value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "mean cost of one bid as a share of its contract's total value "
                   "(Reading/MarketingWorks 2014 report 0.57%)",
     .value = [](const YearMetrics& y) { return y.bid_cost_share; }},
    {.name = "mean_contract_years",
     .title = "Mean length of contracts awarded",
     .label = "Contract length",
     .axis = "Years",
     .unit = U::Years,
     .lower = 0.0,
     .definition = "mean length of contracts awarded this year",
     .value = [](const YearMetrics& y) { return y.mean_contract_years; }},
    {.name = "abnormally_low_flagged",
     .title = "Abnormally low bids flagged",
     .label = "Low bids flagged",
     .axis = "Bids per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "bids flagged below the abnormally-low threshold",
     .value = [](const YearMetrics& y) { return y.abnormally_low_flagged; }},
    {.name = "abnormally_low_rejected",
     .title = "Abnormally low bids rejected",
     .label = "Low bids rejected",
     .axis = "Bids per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "flagged abnormally low bids rejected after investigation",
     .value = [](const YearMetrics& y) { return y.abnormally_low_rejected; }},
    {.name = "mean_markup",
     .title = "Mean markup over cost",
     .label = "Mean markup",
     .axis = "Markup (% of cost)",
     .unit = U::Share,
     .definition = "mean learned markup over active suppliers, as a share of cost",
     .value = [](const YearMetrics& y) { return y.mean_markup; }},
    {.name = "outcome_spec_share",
     .title = "Share of tenders specified by outcome",
     .label = "Outcome-specified tenders",
     .axis = "% of tenders",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "tenders specified by outcome / tenders",
     .value = [](const YearMetrics& y) { return y.outcome_spec_share; }},
    {.name = "innovation_adoption_share",
     .title = "Share of awards bringing a new solution",
     .label = "Innovative awards",
     .axis = "% of awards",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "awards whose winner brought a new solution (outcome-specified tenders only) / "
                   "awards",
     .value = [](const YearMetrics& y) { return y.innovation_adoption_share; }},
    {.name = "switching_rate",
     .title = "Switching rate at re-let",
     .label = "Switching rate",
     .axis = "% of re-lets won by a new supplier",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "re-lets won by a supplier other than the incumbent / re-lets awarded (1 - "
                   "incumbent win rate)",
     .value = [](const YearMetrics& y) { return y.switching_rate; }},
    {.name = "outcome_payment_withheld_gbp",
     .title = "Outcome-linked payments withheld",
     .label = "Payments withheld",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "outcome-linked payments not made because the outcome was missed",
     .value = [](const YearMetrics& y) { return y.outcome_payment_withheld_gbp; }},
    {.name = "extra_lots",
     .title = "Tenders added by dividing needs into lots",
     .label = "Extra lots",
     .axis = "Tenders per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "tenders added this year by dividing needs into lots",
     .value = [](const YearMetrics& y) { return y.extra_lots; }},
    {.name = "reserved_share",
     .title = "Share of tenders reserved (SME or local)",
     .label = "Reserved tenders",
     .axis = "% of tenders",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "tenders reserved (for SMEs, local suppliers or both) / tenders",
     .value = [](const YearMetrics& y) { return y.reserved_share; }},
    {.name = "sme_win_rate",
     .title = "SME win rate (awards per SME bid)",
     .label = "SME win rate",
     .axis = "Awards per SME bid (%)",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "awards to SMEs / bids by SMEs",
     .value = [](const YearMetrics& y) { return y.sme_win_rate; }},
    {.name = "sme_share_indirect",
     .title = "SME share of spend (as subcontractors)",
     .label = "SME share via subcontracts",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "spend reaching SMEs as subcontractors of large primes / spend",
     .value = [](const YearMetrics& y) { return y.sme_share_indirect; }},
    {.name = "sme_share_total",
     .title = "SME share of spend (direct and as subcontractors)",
     .label = "SME share with subcontracting",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "`sme_share_direct` + `sme_share_indirect` (as UK government reports SME spend)",
     .value = [](const YearMetrics& y) { return y.sme_share_total; }},
    {.name = "joint_tenders",
     .title = "Joint tenders by back-office partnerships",
     .label = "Joint tenders",
     .axis = "Tenders per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "back-office tenders bought by a shared back-office partnership through its "
                   "first member (counted whether or not a partner's need was merged into it)",
     .value = [](const YearMetrics& y) { return y.joint_tenders; }},
    {.name = "merged_needs",
     .title = "Partners' needs merged into joint tenders",
     .label = "Merged needs",
     .axis = "Needs per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "partners' needs folded into a joint tender this year",
     .value = [](const YearMetrics& y) { return y.merged_needs; }},
    {.name = "partnerships",
     .title = "Shared back-office partnerships",
     .label = "Partnerships",
     .axis = "Partnerships",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "shared back-office partnerships in force",
     .value = [](const YearMetrics& y) { return y.partnerships; }},
    {.name = "mean_partnership_size",
     .title = "Mean councils per partnership",
     .label = "Partnership size",
     .axis = "Councils",
     .unit = U::Mean,
     .lower = 0.0,
     .definition = "mean number of councils per partnership",
     .value = [](const YearMetrics& y) { return y.mean_partnership_size; }},
    {.name = "mean_contract_value_gbp",
     .title = "Mean annual value of contracts awarded",
     .label = "Contract value",
     .axis = "\u00A3 per contract-year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "mean annual value of contracts awarded this year",
     .value = [](const YearMetrics& y) { return y.mean_contract_value_gbp; }},
    {.name = "subcontract_value_gbp",
     .title = "Paid to subcontractors",
     .label = "Subcontract value",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "paid by primes to subcontractors this year",
     .value = [](const YearMetrics& y) { return y.subcontract_value_gbp; }},
    {.name = "subcontract_sme_share",
     .title = "SME share of subcontract payments",
     .label = "SME share of subcontracts",
     .axis = "% of subcontract value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "of subcontract payments, the share paid to SMEs",
     .value = [](const YearMetrics& y) { return y.subcontract_sme_share; }},
    {.name = "smes_in_supply_chain",
     .title = "SMEs paid as subcontractors",
     .label = "SME subcontractors",
     .axis = "Suppliers",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "distinct SMEs paid as subcontractors this year (supply-chain graph)",
     .value = [](const YearMetrics& y) { return y.smes_in_supply_chain; }},
    {.name = "primes_subcontracting",
     .title = "Primes paying subcontractors",
     .label = "Primes subcontracting",
     .axis = "Suppliers",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "distinct primes paying at least one subcontractor this year",
     .value = [](const YearMetrics& y) { return y.primes_subcontracting; }},
    {.name = "social_value_delivery_ratio",
     .title = "Social value delivered / promised",
     .label = "Social value delivery",
     .axis = "Delivered / promised (%)",
     .unit = U::Share,
     .lower = 0.0,
     .definition = "social value delivered / promised, on running contracts this year",
     .value = [](const YearMetrics& y) { return y.social_value_delivery_ratio; }},
    {.name = "social_value_sme_share",
     .title = "Share of social value delivered by SMEs",
     .label = "SME share of social value",
     .axis = "% of social value delivered",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "of social value delivered, the share delivered by SME primes",
     .value = [](const YearMetrics& y) { return y.social_value_sme_share; }},
    {.name = "social_value_local_share",
     .title = "Share of social value delivered by local suppliers",
     .label = "Local share of social value",
     .axis = "% of social value delivered",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "of social value delivered, the share delivered by suppliers local to the buyer",
     .value = [](const YearMetrics& y) { return y.social_value_local_share; }},
    {.name = "social_value_job_years",
     .title = "Social value delivered: jobs for disabled people",
     .label = "Social value: jobs",
     .axis = "FTE years per year",
     .unit = U::FteYears,
     .lower = 0.0,
     .definition = "social value delivered this year in FTE years of employment for disabled "
                   "people: each contract's delivered GBP x the winner's job share (at the "
                   "scenario's proxies) / `social_value.job_proxy_gbp`",
     .value = [](const YearMetrics& y) { return y.social_value_job_years; }},
    {.name = "social_value_carbon_tonnes",
     .title = "Social value delivered: transport CO\u2082 saved",
     .label = "Social value: carbon",
     .axis = "Tonnes CO\u2082 per year",
     .unit = U::Tonnes,
     .lower = 0.0,
     .definition = "the same for tonnes of transport CO2 saved (`social_value.carbon_proxy_gbp`)",
     .value = [](const YearMetrics& y) { return y.social_value_carbon_tonnes; }},
    {.name = "social_value_community_hours",
     .title = "Social value delivered: volunteer hours",
     .label = "Social value: volunteering",
     .axis = "Hours per year",
     .unit = U::Hours,
     .lower = 0.0,
     .definition = "the same for volunteer hours (`social_value.community_proxy_gbp`); the three, "
                   "each times its proxy, add up to `social_value_delivered_gbp`",
     .value = [](const YearMetrics& y) { return y.social_value_community_hours; }},
    {.name = "monitored_shortfalls",
     .title = "Monitored contracts short on social value",
     .label = "Social value shortfalls",
     .axis = "Contracts per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "monitored contracts whose social-value delivery fell below the monitoring "
                   "threshold",
     .value = [](const YearMetrics& y) { return y.monitored_shortfalls; }},
    // Population (entry, exit, idleness) and needs carried: appended, so earlier rows keep
    // their order.
    {.name = "exits_idle",
     .title = "Supplier exits after years without revenue",
     .label = "Idle exits",
     .axis = "Suppliers per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "of `exits`, suppliers that left after `dynamics.exit_idle_years` years in a "
                   "row with no revenue (no contract, no subcontract)",
     .value = [](const YearMetrics& y) { return y.exits_idle; }},
    {.name = "potential_entrants",
     .title = "Would-be entrants that weighed entry",
     .label = "Would-be entrants",
     .axis = "Suppliers per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "would-be entrants that arrived in a market cell (category x region) and "
                   "weighed its expected profit; `entries` of them entered",
     .value = [](const YearMetrics& y) { return y.potential_entrants; }},
    {.name = "entrant_survival_3y",
     .title = "Entrants still alive after three years",
     .label = "Entrant 3-year survival",
     .axis = "% of entrants",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "suppliers that entered three years earlier and are alive at the end of this "
                   "year / suppliers that entered three years earlier (ONS business demography: "
                   "about 60% of UK firms survive three years)",
     .value = [](const YearMetrics& y) { return y.entrant_survival_3y; }},
    {.name = "entrant_win_share_3y",
     .title = "Entrants that won a contract within three years",
     .label = "Entrants that won",
     .axis = "% of entrants",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "suppliers that entered three years earlier and have won at least one contract "
                   "since (alive or not) / suppliers that entered three years earlier",
     .value = [](const YearMetrics& y) { return y.entrant_win_share_3y; }},
    {.name = "idle_sme_share",
     .title = "Living SMEs holding no contract",
     .label = "Idle SMEs",
     .axis = "% of living SMEs",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition =
         "living SMEs that hold no contract as prime at the end of the year / living SMEs",
     .value = [](const YearMetrics& y) { return y.idle_sme_share; }},
    {.name = "needs_carried",
     .title = "New needs carried to next year (procurement team at capacity)",
     .label = "Needs carried",
     .axis = "Needs per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "new needs that arrived when the council's procurement team was at capacity; "
                   "they wait and are tendered next year",
     .value = [](const YearMetrics& y) { return y.needs_carried; }},
    {.name = "incumbent_chance_rate",
     .title = "Incumbent win rate if awards were a lottery",
     .label = "Chance re-award rate",
     .axis = "% of re-lets",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "mean of 1 / bids over re-lets awarded: the incumbent's win rate if every "
                   "bidder were equally likely to win",
     .value = [](const YearMetrics& y) { return y.incumbent_chance_rate; }},
    {.name = "price_to_estimate",
     .title = "Winning price relative to the council's estimate",
     .label = "Price / estimate",
     .axis = "Winning price / estimate",
     .unit = U::Ratio,
     .lower = 0.0,
     .definition = "mean over awarded tenders of the winning annual price / the council's "
                   "estimate",
     .value = [](const YearMetrics& y) { return y.price_to_estimate; }},
    {.name = "single_bid_premium",
     .title = "Single-bid price premium",
     .label = "Single-bid premium",
     .axis = "% above competed prices",
     .unit = U::Share,
     .definition = "mean price / estimate of awards with one bid over that of awards with two or "
                   "more bids, minus 1",
     .value = [](const YearMetrics& y) { return y.single_bid_premium; }},
    {.name = "no_bid_share",
     .title = "Tenders with no bid",
     .label = "No-bid tenders",
     .axis = "% of tenders",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "tenders that drew no bid / tenders",
     .value = [](const YearMetrics& y) { return y.no_bid_share; }},
    {.name = "failed_tender_share",
     .title = "Tenders re-advertised: every bid above the reserve",
     .label = "Over-reserve tenders",
     .axis = "% of tenders",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "tenders with bids, all above the reserve price (re-advertised next year) / "
                   "tenders",
     .value = [](const YearMetrics& y) { return y.failed_tender_share; }},
    // Procurement routes (docs/ODD.md 7.20): appended, so earlier rows keep their order.
    {.name = "spend_share_open",
     .title = "Share of awarded value bought by open procedures",
     .label = "Spend: open procedures",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "total value of this year's awards made by open procedures (a published notice "
                   "anyone may answer) / total value of this "
                   "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[0]; }},
    {.name = "spend_share_quotes",
     .title = "Share of awarded value bought by quotes",
     .label = "Spend: quotes",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "total value of this year's awards made by requests for quotations from invited "
                   "suppliers, below `policy.quote_threshold_gbp` / total value of this "
                   "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[1]; }},
    {.name = "spend_share_direct_award",
     .title = "Share of awarded value bought by direct awards",
     .label = "Spend: direct awards",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "total value of this year's awards made by direct awards without competition, "
                   "below `policy.direct_award_threshold_gbp` / total value of this "
                   "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[2]; }},
    {.name = "spend_share_framework_direct",
     .title = "Share of awarded value bought by framework direct awards",
     .label = "Spend: framework direct awards",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition =
         "total value of this year's awards made by direct awards from a framework to its "
         "best-ranked member that can take the work, at its appointed rate / total value of this "
         "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[3]; }},
    {.name = "spend_share_mini_competition",
     .title = "Share of awarded value bought by mini-competitions",
     .label = "Spend: mini-competitions",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "total value of this year's awards made by call-offs competed among a framework "
                   "lot's members / total value of this "
                   "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[4]; }},
    {.name = "spend_share_dynamic_market",
     .title = "Share of awarded value bought by dynamic-market call-offs",
     .label = "Spend: dynamic-market call-offs",
     .axis = "% of awarded value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "total value of this year's awards made by call-offs competed among a dynamic "
                   "market's members / total value of this "
                   "year's awards",
     .value = [](const YearMetrics& y) { return y.route_spend_share[5]; }},
    {.name = "call_off_sme_share",
     .title = "SME share of call-off value",
     .label = "SME share of call-offs",
     .axis = "% of call-off value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "of this year's call-offs from frameworks and dynamic markets (total value), "
                   "the share won by SMEs",
     .value = [](const YearMetrics& y) { return y.call_off_sme_share; }},
    {.name = "framework_hhi",
     .title = "Concentration of call-off spend (HHI)",
     .label = "Call-off concentration (HHI)",
     .axis = "HHI (0\u201310,000)",
     .unit = U::Index,
     .lower = 0.0,
     .upper = 10000.0,
     .definition = "Herfindahl-Hirschman index of suppliers' shares of the annual value of running "
                   "call-off contracts, 0-10,000",
     .value = [](const YearMetrics& y) { return y.framework_hhi; }},
    {.name = "framework_members",
     .title = "Framework memberships",
     .label = "Framework members",
     .axis = "Memberships",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "live suppliers appointed to the lots of frameworks and dynamic markets in "
                   "their term (a supplier on two lots counts twice)",
     .value = [](const YearMetrics& y) { return y.framework_members; }},
    {.name = "framework_never_called_off_share",
     .title = "Framework members that never won a call-off",
     .label = "Members without a call-off",
     .axis = "% of memberships",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "of `framework_members`, the share that has won no call-off since appointed "
                   "(this term; an open framework's members keep their record across reopenings)",
     .value = [](const YearMetrics& y) { return y.framework_never_called_off_share; }},
    {.name = "framework_applications",
     .title = "Applications to framework lots",
     .label = "Framework applications",
     .axis = "Applications per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "suppliers' applications to framework and dynamic-market lots this year",
     .value = [](const YearMetrics& y) { return y.framework_applications; }},
    {.name = "framework_appointments",
     .title = "Suppliers appointed to framework lots",
     .label = "Framework appointments",
     .axis = "Appointments per year",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "of `framework_applications`, those appointed (a capped lot takes the "
                   "best-ranked applicants)",
     .value = [](const YearMetrics& y) { return y.framework_appointments; }},
    {.name = "framework_fees_gbp",
     .title = "Framework fee income",
     .label = "Framework fees",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "fees suppliers paid framework owners this year: each call-off's fee share of "
                   "what it was paid (PA2023 s45(7))",
     .value = [](const YearMetrics& y) { return y.framework_fees_gbp; }},
    {.name = "onboarding_cost_gbp",
     .title = "Suppliers' cost of applying to frameworks",
     .label = "Onboarding costs",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "applications this year x each framework's `onboarding_cost_gbp` (part of "
                   "`supplier_bid_cost_gbp`)",
     .value = [](const YearMetrics& y) { return y.onboarding_cost_gbp; }},
    {.name = "bid_cost_open_gbp",
     .title = "Suppliers' bid costs on open procedures",
     .label = "Bid costs: open procedures",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "what suppliers spent this year preparing bids by this route (open procedures "
                   "(a published notice anyone may answer)); part of "
                   "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[0]; }},
    {.name = "bid_cost_quotes_gbp",
     .title = "Suppliers' bid costs on quotes",
     .label = "Bid costs: quotes",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition =
         "what suppliers spent this year preparing bids by this route (requests for quotations "
         "from invited suppliers, below `policy.quote_threshold_gbp`); part of "
         "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[1]; }},
    {.name = "bid_cost_direct_award_gbp",
     .title = "Suppliers' bid costs on direct awards",
     .label = "Bid costs: direct awards",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "what suppliers spent this year preparing bids by this route (direct awards "
                   "without competition, below `policy.direct_award_threshold_gbp`); part of "
                   "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[2]; }},
    {.name = "bid_cost_framework_direct_gbp",
     .title = "Suppliers' bid costs on framework direct awards",
     .label = "Bid costs: framework direct awards",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "what suppliers spent this year preparing bids by this route (direct awards "
                   "from a framework to its best-ranked member that can take the work, at its "
                   "appointed rate); part of "
                   "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[3]; }},
    {.name = "bid_cost_mini_competition_gbp",
     .title = "Suppliers' bid costs on mini-competitions",
     .label = "Bid costs: mini-competitions",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "what suppliers spent this year preparing bids by this route (call-offs "
                   "competed among a framework lot's members); part of "
                   "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[4]; }},
    {.name = "bid_cost_dynamic_market_gbp",
     .title = "Suppliers' bid costs on dynamic-market call-offs",
     .label = "Bid costs: dynamic-market call-offs",
     .axis = "\u00A3 per year",
     .unit = U::Money,
     .lower = 0.0,
     .definition = "what suppliers spent this year preparing bids by this route (call-offs "
                   "competed among a dynamic market's members); part of "
                   "`supplier_bid_cost_gbp`, which also counts winners' award costs",
     .value = [](const YearMetrics& y) { return y.route_bid_cost_gbp[5]; }},
};

const MetricDef kFrameworkMetrics[] = {
    {.name = "framework_members",
     .title = "Framework members",
     .label = "Framework members",
     .axis = "Memberships",
     .unit = U::Count,
     .lower = 0.0,
     .definition = "`framework_members` for one framework (a partnership framework's instances "
                   "together)",
     .framework_value = [](const FrameworkFigures& f) { return f.members; }},
    {.name = "framework_never_called_off_share",
     .title = "Framework members that never won a call-off",
     .label = "Members without a call-off",
     .axis = "% of memberships",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "`framework_never_called_off_share` for one framework",
     .framework_value = [](const FrameworkFigures& f) { return f.never_called_off_share; }},
    {.name = "framework_sme_share",
     .title = "SME share of a framework's running call-offs",
     .label = "SME share of call-offs",
     .axis = "% of call-off value",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "SMEs' share of the annual value of the framework's running call-off "
                   "contracts",
     .framework_value = [](const FrameworkFigures& f) { return f.sme_share; }},
};

const MetricDef kCategoryMetrics[] = {
    {.name = "hhi",
     .title = "Market concentration (HHI)",
     .label = "Concentration (HHI)",
     .axis = "HHI (0\u201310,000)",
     .unit = U::Index,
     .lower = 0.0,
     .upper = 10000.0,
     .definition = "`hhi` within the service category, from this year's payments on its contracts",
     .category_value = [](const Concentration& c) { return c.hhi; }},
    {.name = "top5_share",
     .title = "Share of spend with the five largest suppliers",
     .label = "Top-5 share of spend",
     .axis = "% of spend",
     .unit = U::Share,
     .lower = 0.0,
     .upper = 1.0,
     .definition = "`top5_share` within the service category",
     .category_value = [](const Concentration& c) { return c.top5_share; }},
};

} // namespace

std::string_view unit_name(MetricUnit unit) {
    switch (unit) {
    case U::Count:
        return "count";
    case U::Mean:
        return "mean count";
    case U::Share:
        return "share";
    case U::Ratio:
        return "ratio";
    case U::Index:
        return "index";
    case U::Score:
        return "score";
    case U::Money:
        return "GBP";
    case U::MoneyPerPound:
        return "GBP per GBP";
    case U::Years:
        return "years";
    case U::FteYears:
        return "FTE years";
    case U::Tonnes:
        return "tonnes";
    case U::Hours:
        return "hours";
    }
    return "?";
}

AxisSpan axis_span(const MetricDef& metric) {
    if (metric.axis_span) return *metric.axis_span;
    // Each span is about the smallest change a policy team would act on, so a change smaller
    // than it draws as nearly flat: 10 points either side for a share, +/-0.1 of cost for the
    // price index, +/-10% of a count's level.
    switch (metric.unit) {
    case U::Share:
    case U::Score:
    case U::Ratio:
        return {.min_span = 0.2};
    case U::Count:
        return {.min_span = 10.0, .min_relative = 0.2};
    case U::Mean:
        return {.min_span = 1.0, .min_relative = 0.2};
    case U::Years:
        return {.min_span = 1.0, .min_relative = 0.2};
    case U::Index:
        // HHI: 500 points (the US guidelines' bands are 1,000 wide) so noise of a few points in
        // an unconcentrated market stays flat.
        return {.min_span = 500.0, .min_relative = 0.2};
    case U::Money:
        return {.min_relative = 0.2};
    case U::MoneyPerPound:
        // Social value is read against none: from 0, and at least 5p per pound.
        return {.min_span = 0.05, .from_zero = true};
    case U::FteYears:
    case U::Tonnes:
    case U::Hours:
        return {.min_relative = 0.2, .from_zero = true};
    }
    return {};
}

double minimum_axis_span(const AxisSpan& span, double max_abs) {
    return std::max(span.min_span, span.min_relative * std::abs(max_abs));
}

std::string axis_span_text(const MetricDef& metric) {
    const AxisSpan a = axis_span(metric);
    std::ostringstream out;
    if (a.from_zero) out << "from 0";
    const auto sep = [&] { return out.tellp() > 0 ? ", " : ""; };
    if (a.min_span > 0.0) {
        out << sep() << "at least ";
        if (metric.unit == U::Share)
            out << a.min_span * 100.0 << " points";
        else
            out << a.min_span;
    }
    if (a.min_relative > 0.0)
        out << (a.min_span > 0.0 ? " and " : std::string(sep()) + "at least ")
            << a.min_relative * 100.0 << "% of the level";
    const std::string text = out.str();
    return text.empty() ? "-" : text;
}

std::span<const MetricDef> metric_registry() {
    return kMetrics;
}

std::span<const MetricDef> category_metric_registry() {
    return kCategoryMetrics;
}

std::span<const MetricDef> framework_metric_registry() {
    return kFrameworkMetrics;
}

MetricRef find_metric(std::string_view name) {
    for (const auto& m : kMetrics)
        if (m.name == name) return {&m, {}};
    // "hhi.back-office": a per-category metric; category names may themselves contain dots.
    const auto dot = name.find('.');
    if (dot == std::string_view::npos || dot + 1 == name.size()) return {};
    for (const auto& m : kCategoryMetrics)
        if (m.name == name.substr(0, dot)) return {&m, name.substr(dot + 1)};
    for (const auto& m : kFrameworkMetrics)
        if (m.name == name.substr(0, dot)) return {&m, name.substr(dot + 1)};
    return {};
}

std::string metric_title(std::string_view name) {
    const MetricRef ref = find_metric(name);
    if (ref.def == nullptr) return std::string(name);
    std::string title(ref.def->title);
    if (ref.category.empty()) return title;
    std::string category(ref.category);
    std::replace(category.begin(), category.end(), '_', ' ');
    return title + ": " + category;
}

} // namespace tendersim

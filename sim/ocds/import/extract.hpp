#pragma once
// One OCDS release -> the few facts the estimates need (ReleaseFacts), tolerant of real data: a
// field of the wrong type, a missing section or a placeholder value makes that fact unknown and
// adds a note saying why; only a release that is not an object or has no ocid is unusable.
#include "options.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace tendersim::ocds {

// Which field a fact came from (reported with every estimate).
enum class ValueField : std::uint8_t { Contracts, Awards, TenderValue, TenderMinValue };
enum class DurationField : std::uint8_t { Contracts, Awards, TenderContract, UkTenderPeriod };
enum class BiddersField : std::uint8_t { NumberOfTenderers, BidDetails };
const char* field_name(ValueField f);
const char* field_name(DurationField f);
const char* field_name(BiddersField f);

struct AwardShare {
    std::string supplier;  // supplier id, or its name when it has no id
    double value_gbp = -1; // the supplier's share of the award value; < 0 unknown
};

struct ReleaseFacts {
    std::string ocid;
    std::string release_id;
    std::int64_t date_key = INT64_MIN; // seconds from 0000-01-01 of release.date, ignoring zone
    std::optional<std::string> buyer;
    std::optional<std::string> cpv; // 8 digits
    std::optional<double> value_gbp;
    ValueField value_field = ValueField::Contracts;
    std::optional<double> duration_years;
    DurationField duration_field = DurationField::Contracts;
    std::optional<std::uint32_t> bidders;
    BiddersField bidders_field = BiddersField::NumberOfTenderers;
    std::vector<AwardShare> awards;
    std::vector<std::pair<std::string, bool>> supplier_is_sme; // parties[].details.scale
    std::optional<bool> suitable_for_sme; // UK isSuitableForSme / suitability.sme
    // Why a fact is unknown although its section is there ("tender.value: zero amount").
    std::vector<std::string> notes;
};

// The currency a release uses without a rate: the import stops with a message naming it.
struct MissingRate {
    std::string currency;
};

// nullopt with *unusable set when the release cannot be used at all (not an object, no ocid).
// Throws MissingRate for an amount in a currency with no rate in options.
std::optional<ReleaseFacts> extract_release(const nlohmann::json& release,
                                            const ImportOptions& options, std::string* unusable);

// "2016-07-28T04:00:00+04:00" -> days since 1970-01-01 (the date part; zone ignored: periods are
// counted in whole days). nullopt when it does not start with a valid YYYY-MM-DD.
std::optional<std::int64_t> parse_day(const nlohmann::json& value);

// Ocid prefix of UK Contracts Finder, whose OCDS 1.0 notices put the anticipated contract start
// and end in tender.tenderPeriod (README of the samples; confirmed against later 1.1 data).
inline constexpr const char* kContractsFinderPrefix = "ocds-b5fd17-";

} // namespace tendersim::ocds

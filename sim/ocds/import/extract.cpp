#include "extract.hpp"

#include "cpv_categories.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

namespace tendersim::ocds {

using nlohmann::json;

const char* field_name(ValueField f) {
    switch (f) {
    case ValueField::Contracts:
        return "contracts[].value";
    case ValueField::Awards:
        return "awards[].value";
    case ValueField::TenderValue:
        return "tender.value";
    case ValueField::TenderMinValue:
        return "tender.minValue";
    }
    return "?";
}
const char* field_name(DurationField f) {
    switch (f) {
    case DurationField::Contracts:
        return "contracts[].period";
    case DurationField::Awards:
        return "awards[].contractPeriod";
    case DurationField::TenderContract:
        return "tender.contractPeriod";
    case DurationField::UkTenderPeriod:
        return "tender.tenderPeriod (UK Contracts Finder)";
    }
    return "?";
}
const char* field_name(BiddersField f) {
    return f == BiddersField::NumberOfTenderers ? "tender.numberOfTenderers"
                                                : "bids.details[].tenderers";
}

namespace {

// The member key of j when j is an object and the member is not null, else nullptr.
const json* member(const json* j, const char* key) {
    if (j == nullptr || !j->is_object()) return nullptr;
    const auto it = j->find(key);
    if (it == j->end() || it->is_null()) return nullptr;
    return &*it;
}

// A string, or an identifier written as a number; empty strings are unknown.
std::optional<std::string> text_of(const json* j) {
    if (j == nullptr) return std::nullopt;
    if (j->is_string()) {
        const auto& s = j->get_ref<const std::string&>();
        if (s.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
        return s;
    }
    if (j->is_number_integer()) return std::to_string(j->get<std::int64_t>());
    if (j->is_number_unsigned()) return std::to_string(j->get<std::uint64_t>());
    return std::nullopt;
}

// Whole all-nines amounts (9999, 99999999) or under one unit: the fillers publishers use for "not
// known". A priced amount such as 99999.10 is a real price, not a filler.
bool placeholder_amount(double amount) {
    if (amount < 1) return true;
    if (amount >= 1e15) return true;
    if (amount != std::floor(amount)) return false;
    const std::string digits = std::to_string(static_cast<long long>(std::floor(amount)));
    return digits.size() >= 4 && digits.find_first_not_of('9') == std::string::npos;
}

// A Value object ({amount, currency}) in GBP; nullopt with a note when it is unusable.
std::optional<double> value_gbp(const json* value, const std::string& where,
                                const ImportOptions& options, std::vector<std::string>& notes) {
    if (value == nullptr) return std::nullopt;
    if (!value->is_object()) {
        notes.push_back(where + ": not an object");
        return std::nullopt;
    }
    const json* amount = member(value, "amount");
    if (amount == nullptr) return std::nullopt; // e.g. UK tender.value: amount always null
    if (!amount->is_number()) {
        notes.push_back(where + ".amount: not a number");
        return std::nullopt;
    }
    const double a = amount->get<double>();
    if (!std::isfinite(a) || a <= 0) {
        notes.push_back(where + ": zero or negative amount");
        return std::nullopt;
    }
    if (placeholder_amount(a)) {
        notes.push_back(where + ": placeholder amount " + std::to_string(a));
        return std::nullopt;
    }
    const auto currency = text_of(member(value, "currency"));
    if (!currency || currency->size() != 3 ||
        !std::all_of(currency->begin(), currency->end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; })) {
        notes.push_back(where + ": unknown currency (" +
                        (currency ? "'" + *currency + "'" : std::string("none")) + ")");
        return std::nullopt;
    }
    if (*currency == "GBP") return a;
    const auto rate = options.gbp_per_unit.find(*currency);
    if (rate == options.gbp_per_unit.end()) throw MissingRate{*currency};
    return a * rate->second;
}

std::optional<std::int64_t> date_key(const json* value) {
    if (value == nullptr || !value->is_string()) return std::nullopt;
    const auto day = parse_day(*value);
    if (!day) return std::nullopt;
    const auto& s = value->get_ref<const std::string&>();
    std::int64_t seconds = 0;
    // hh:mm:ss after the 'T', when present and well formed; otherwise midnight.
    if (s.size() >= 19 && (s[10] == 'T' || s[10] == ' ')) {
        auto two = [&](std::size_t i) {
            return std::isdigit(static_cast<unsigned char>(s[i])) &&
                           std::isdigit(static_cast<unsigned char>(s[i + 1]))
                       ? (s[i] - '0') * 10 + (s[i + 1] - '0')
                       : 0;
        };
        seconds = two(11) * 3600 + two(14) * 60 + two(17);
    }
    return *day * 86400 + seconds;
}

// Duration of a Period object in years (365.25 days); nullopt with a note when it is unusable.
std::optional<double> period_years(const json* period, const std::string& where,
                                   std::vector<std::string>& notes) {
    if (period == nullptr) return std::nullopt;
    const auto start =
        parse_day(member(period, "startDate") ? *member(period, "startDate") : json());
    const auto end = parse_day(member(period, "endDate") ? *member(period, "endDate") : json());
    if (!start || !end) return std::nullopt;
    if (*end < *start) {
        notes.push_back(where + ": ends before it starts (negative period)");
        return std::nullopt;
    }
    if (*end == *start) {
        notes.push_back(where + ": zero-length period (placeholder)");
        return std::nullopt;
    }
    return static_cast<double>(*end - *start) / 365.25;
}

bool has_role(const json& party, std::string_view role) {
    const json* roles = member(&party, "roles");
    if (roles == nullptr || !roles->is_array()) return false;
    return std::any_of(roles->begin(), roles->end(), [&](const json& r) {
        return r.is_string() && r.get_ref<const std::string&>() == role;
    });
}

std::optional<std::string> party_key(const json* party) {
    if (auto id = text_of(member(party, "id"))) return id;
    return text_of(member(party, "name"));
}

std::optional<std::string> cpv_of(const json* classification) {
    const auto scheme = text_of(member(classification, "scheme"));
    if (!scheme) return std::nullopt;
    std::string upper = *scheme;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper != "CPV") return std::nullopt;
    const json* id = member(classification, "id");
    if (id == nullptr) return std::nullopt;
    if (id->is_number_unsigned() || id->is_number_integer()) {
        // Written as a number, a code's leading zeros are lost (09100000 -> 9100000).
        std::string digits = std::to_string(id->get<std::int64_t>());
        if (digits.size() < 8) digits.insert(0, 8 - digits.size(), '0');
        return cpv_digits(digits);
    }
    if (!id->is_string()) return std::nullopt;
    return cpv_digits(id->get_ref<const std::string&>());
}

void extract_value(const json& r, const json* tender, ReleaseFacts& f, const ImportOptions& o) {
    // The most final figure first: what was contracted, then awarded, then estimated.
    for (auto [section, field] :
         {std::pair{"contracts", ValueField::Contracts}, std::pair{"awards", ValueField::Awards}}) {
        const json* list = member(&r, section);
        if (list == nullptr) continue;
        if (!list->is_array()) {
            f.notes.push_back(std::string(section) + ": not an array");
            continue;
        }
        double sum = 0;
        bool any = false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json* item = &(*list)[i];
            if (section == std::string("awards")) {
                const auto status = text_of(member(item, "status"));
                if (status && (*status == "cancelled" || *status == "unsuccessful")) continue;
            }
            if (auto v = value_gbp(member(item, "value"),
                                   std::string(section) + "[" + std::to_string(i) + "].value", o,
                                   f.notes)) {
                sum += *v;
                any = true;
            }
        }
        if (any) {
            f.value_gbp = sum;
            f.value_field = field;
            return;
        }
    }
    if (auto v = value_gbp(member(tender, "value"), "tender.value", o, f.notes)) {
        f.value_gbp = v;
        f.value_field = ValueField::TenderValue;
    } else if (auto m = value_gbp(member(tender, "minValue"), "tender.minValue", o, f.notes)) {
        f.value_gbp = m;
        f.value_field = ValueField::TenderMinValue;
    }
}

void extract_duration(const json& r, const json* tender, ReleaseFacts& f) {
    for (auto [section, key, field] :
         {std::tuple{"contracts", "period", DurationField::Contracts},
          std::tuple{"awards", "contractPeriod", DurationField::Awards}}) {
        const json* list = member(&r, section);
        if (list == nullptr || !list->is_array()) continue;
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (auto y = period_years(member(&(*list)[i], key),
                                      std::string(section) + "[" + std::to_string(i) + "]." + key,
                                      f.notes)) {
                f.duration_years = y;
                f.duration_field = field;
                return;
            }
        }
    }
    if (auto y = period_years(member(tender, "contractPeriod"), "tender.contractPeriod", f.notes)) {
        f.duration_years = y;
        f.duration_field = DurationField::TenderContract;
        return;
    }
    // Detected by publisher (ocid prefix), never guessed from the data: elsewhere tenderPeriod is
    // the bidding window.
    if (f.ocid.rfind(kContractsFinderPrefix, 0) == 0) {
        if (auto y = period_years(member(tender, "tenderPeriod"), "tender.tenderPeriod", f.notes)) {
            f.duration_years = y;
            f.duration_field = DurationField::UkTenderPeriod;
        }
    }
}

void extract_bidders(const json& r, const json* tender, ReleaseFacts& f) {
    if (const json* n = member(tender, "numberOfTenderers")) {
        const bool whole =
            n->is_number_unsigned() || n->is_number_integer() ||
            (n->is_number_float() && std::floor(n->get<double>()) == n->get<double>());
        if (whole && n->get<double>() >= 0 && n->get<double>() < 1e6) {
            f.bidders = static_cast<std::uint32_t>(n->get<double>());
            f.bidders_field = BiddersField::NumberOfTenderers;
            return;
        }
        f.notes.push_back("tender.numberOfTenderers: not a whole number from 0");
    }
    const json* details = member(member(&r, "bids"), "details");
    if (details == nullptr || !details->is_array() || details->empty()) return;
    std::set<std::string> bidders;
    for (const json& bid : *details) {
        const json* tenderers = member(&bid, "tenderers");
        if (tenderers == nullptr || !tenderers->is_array()) continue;
        for (const json& t : *tenderers)
            if (auto k = party_key(&t)) bidders.insert(*k);
    }
    if (bidders.empty()) return;
    f.bidders = static_cast<std::uint32_t>(bidders.size());
    f.bidders_field = BiddersField::BidDetails;
}

void extract_awards(const json& r, ReleaseFacts& f, const ImportOptions& o) {
    const json* awards = member(&r, "awards");
    if (awards == nullptr || !awards->is_array()) return;
    std::vector<std::string> ignored; // value notes were made by extract_value
    for (const json& award : *awards) {
        const auto status = text_of(member(&award, "status"));
        if (status && (*status == "cancelled" || *status == "unsuccessful")) continue;
        const json* suppliers = member(&award, "suppliers");
        if (suppliers == nullptr || !suppliers->is_array()) continue;
        std::vector<std::string> keys;
        for (const json& s : *suppliers)
            if (auto k = party_key(&s)) keys.push_back(*k);
        if (keys.empty()) continue;
        const auto v = value_gbp(member(&award, "value"), "award", o, ignored);
        // A joint award's value is split evenly: OCDS does not say who delivers what.
        for (auto& k : keys)
            f.awards.push_back({std::move(k), v ? *v / static_cast<double>(keys.size()) : -1.0});
    }
}

void extract_parties(const json& r, const json* tender, ReleaseFacts& f) {
    const json* parties = member(&r, "parties");
    if (parties != nullptr && parties->is_array()) {
        for (const json& p : *parties) {
            if (!f.buyer && has_role(p, "buyer")) f.buyer = party_key(&p);
            if (!has_role(p, "supplier")) continue;
            const auto scale = text_of(member(member(&p, "details"), "scale"));
            const auto key = party_key(&p);
            if (!scale || !key) continue;
            if (*scale == "sme" || *scale == "micro" || *scale == "small" || *scale == "medium")
                f.supplier_is_sme.emplace_back(*key, true);
            else if (*scale == "large")
                f.supplier_is_sme.emplace_back(*key, false);
        }
    }
    const json* flag = member(member(tender, "xClassifications"), "isSuitableForSme");
    if (flag == nullptr) flag = member(member(tender, "suitability"), "sme");
    if (flag != nullptr && flag->is_boolean()) f.suitable_for_sme = flag->get<bool>();
}

} // namespace

std::optional<std::int64_t> parse_day(const json& value) {
    if (!value.is_string()) return std::nullopt;
    const auto& s = value.get_ref<const std::string&>();
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = s[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year(parts[0]),
                                          std::chrono::month(static_cast<unsigned>(parts[1])),
                                          std::chrono::day(static_cast<unsigned>(parts[2]))};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::optional<ReleaseFacts> extract_release(const json& release, const ImportOptions& options,
                                            std::string* unusable) {
    if (!release.is_object()) {
        *unusable = "release is not a JSON object";
        return std::nullopt;
    }
    ReleaseFacts f;
    const auto ocid = text_of(member(&release, "ocid"));
    if (!ocid) {
        *unusable = "release has no ocid (or it is not a string)";
        return std::nullopt;
    }
    f.ocid = *ocid;
    f.release_id = text_of(member(&release, "id")).value_or("");
    if (auto k = date_key(member(&release, "date"))) f.date_key = *k;
    const json* tender = member(&release, "tender");
    if (tender != nullptr && !tender->is_object()) {
        f.notes.push_back("tender: not an object");
        tender = nullptr;
    }
    if (const json* buyer = member(&release, "buyer")) f.buyer = party_key(buyer);
    extract_parties(release, tender, f);
    // The tender's main classification: its first CPV item, else tender.classification.
    if (const json* items = member(tender, "items"); items != nullptr && items->is_array()) {
        for (const json& item : *items)
            if ((f.cpv = cpv_of(member(&item, "classification")))) break;
    }
    if (!f.cpv) f.cpv = cpv_of(member(tender, "classification"));
    extract_value(release, tender, f, options);
    extract_duration(release, tender, f);
    extract_bidders(release, tender, f);
    extract_awards(release, f, options);
    return f;
}

} // namespace tendersim::ocds

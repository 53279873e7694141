#include "register.hpp"

#include "io/input_file_error.hpp"
#include "text/text.hpp"

#include <algorithm>

namespace tendersim::ocds {

namespace {
// The part of a note before its first ':' ("tender.value"), with the kind of problem after it,
// as the per-reason key: "tender.value: zero or negative amount".
std::string kind_of(const std::string& note) {
    const auto colon = note.find(": ");
    if (colon == std::string::npos) return note;
    std::string field = note.substr(0, colon);
    // contracts[3].value -> contracts[].value, so counts group by field.
    std::string grouped;
    bool in_index = false;
    for (char c : field) {
        if (c == '[')
            in_index = true, grouped += '[';
        else if (c == ']')
            in_index = false, grouped += ']';
        else if (!in_index)
            grouped += c;
    }
    std::string problem = note.substr(colon + 2);
    if (problem.rfind("placeholder amount", 0) == 0) problem = "placeholder amount";
    if (problem.rfind("unknown currency", 0) == 0) problem = "unknown currency";
    return grouped + ": " + problem;
}
} // namespace

void Register::drop(const Where& where, const std::string& ocid, const std::string& kind,
                    const std::string& detail) {
    ++drop_total_;
    ++drop_counts_[kind];
    if (drops_.size() < options_.max_listed_drops)
        drops_.push_back({where.text(), ocid, kind, detail});
}

void Register::skipped(const Where& where, const std::string& reason) {
    drop(where, "", reason, "record not used");
}

std::uint32_t Register::intern(std::unordered_map<std::string, std::uint32_t>& table,
                               const std::string& key) {
    const auto [it, added] = table.try_emplace(key, static_cast<std::uint32_t>(table.size()));
    if (added && &table == &suppliers_) supplier_sme_.push_back(-1);
    return it->second;
}

void Register::release(const nlohmann::json& release, const Where& where) {
    ++releases_read_;
    std::string unusable;
    std::optional<ReleaseFacts> facts;
    try {
        facts = extract_release(release, options_, &unusable);
    } catch (const MissingRate& missing) {
        const std::string& c = missing.currency;
        throw InputFileError(where.file, where.line, "",
                             (where.record.empty() ? "" : where.record + ": ") + "amounts in " + c +
                                 " and no exchange rate for it: pass --rate " + c +
                                 "=GBP_PER_UNIT (the value of one " + c +
                                 " in GBP at the data's dates, e.g. --rate " + c +
                                 "=0.0019); amounts are converted to GBP, the scenario's unit");
    }
    if (!facts) {
        drop(where, "", unusable, "release not used");
        return;
    }
    TenderSummary& t = tenders_[facts->ocid];
    if (!facts->release_id.empty()) {
        const std::uint64_t h = fnv1a64(facts->release_id);
        if (std::find(t.release_ids.begin(), t.release_ids.end(), h) != t.release_ids.end()) {
            drop(where, facts->ocid, "duplicate release (same ocid and release id read before)",
                 "release id " + facts->release_id + " not merged again");
            return;
        }
        t.release_ids.push_back(h);
    }
    for (const std::string& note : facts->notes)
        drop(where, facts->ocid, kind_of(note), note + " (field left unknown)");
    merge(t, *facts);
}

void Register::merge(TenderSummary& t, const ReleaseFacts& f) {
    // Later date wins field by field: a newer release overwrites what it states; an older one only
    // fills what is still unknown.
    const bool newer = f.date_key >= t.date_key;
    t.date_key = std::max(t.date_key, f.date_key);
    auto take = [newer](bool known_before) { return newer || !known_before; };
    if (f.buyer && take(t.buyer >= 0))
        t.buyer = static_cast<std::int32_t>(intern(buyers_, *f.buyer));
    if (f.cpv && take(t.has_cpv)) {
        t.cpv = static_cast<std::uint32_t>(std::stoul(*f.cpv));
        t.has_cpv = true;
    }
    if (f.value_gbp && take(t.value_gbp >= 0)) {
        t.value_gbp = *f.value_gbp;
        t.value_field = f.value_field;
    }
    if (f.duration_years && take(t.duration_years >= 0)) {
        t.duration_years = *f.duration_years;
        t.duration_field = f.duration_field;
    }
    if (f.bidders && take(t.bidders >= 0)) {
        t.bidders = *f.bidders;
        t.bidders_field = f.bidders_field;
    }
    if (!f.awards.empty() && take(!t.awards.empty())) {
        t.awards.clear();
        for (const AwardShare& a : f.awards)
            t.awards.emplace_back(intern(suppliers_, a.supplier), a.value_gbp);
    }
    if (f.suitable_for_sme && take(t.suitable_for_sme >= 0))
        t.suitable_for_sme = *f.suitable_for_sme ? 1 : 0;
    for (const auto& [supplier, sme] : f.supplier_is_sme)
        supplier_sme_[intern(suppliers_, supplier)] = sme ? 1 : 0;
}

} // namespace tendersim::ocds

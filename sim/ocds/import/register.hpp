#pragma once
// The register being read: every release merged by ocid into a compact TenderSummary (numbers and
// interned ids, not JSON), plus the list of what was dropped and why. Memory grows with the
// number of distinct ocids, buyers and suppliers, not with the size of the files.
#include "extract.hpp"
#include "json_reader.hpp"
#include "options.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tendersim::ocds {

struct Drop {
    std::string where; // "FILE:LINE: releases[3]"
    std::string ocid;  // empty when unknown
    std::string kind;  // short reason, the key of the per-reason counts
    std::string detail;
};

// One tender (ocid) after merging its releases. Each fact: later release date wins, field by
// field; a fact a later release lacks is kept from an earlier one.
struct TenderSummary {
    std::int64_t date_key = INT64_MIN;
    std::vector<std::uint64_t> release_ids; // hashes, to spot a release read twice
    std::int32_t buyer = -1;                // index into Register::buyers()
    std::uint32_t cpv = 0;                  // 8 CPV digits as a number; 0 unknown
    bool has_cpv = false;
    double value_gbp = -1; // total (all contracts, awards or the estimate); < 0 unknown
    ValueField value_field = ValueField::Contracts;
    double duration_years = -1; // < 0 unknown
    DurationField duration_field = DurationField::Contracts;
    std::int64_t bidders = -1; // < 0 unknown
    BiddersField bidders_field = BiddersField::NumberOfTenderers;
    std::vector<std::pair<std::uint32_t, double>> awards; // supplier index, GBP (< 0 unknown)
    std::int8_t suitable_for_sme = -1;                    // -1 unknown, 0 false, 1 true
};

class Register : public ReleaseSink {
  public:
    explicit Register(ImportOptions options) : options_(std::move(options)) {}

    // Throws InputFileError when an amount's currency has no rate (naming it and --rate).
    void release(const nlohmann::json& release, const Where& where) override;
    void skipped(const Where& where, const std::string& reason) override;

    const std::unordered_map<std::string, TenderSummary>& tenders() const { return tenders_; }
    std::size_t buyer_count() const { return buyers_.size(); }
    std::size_t supplier_count() const { return suppliers_.size(); }
    // Per supplier: -1 scale unknown, 0 large, 1 SME (parties[].details.scale).
    const std::vector<std::int8_t>& supplier_sme() const { return supplier_sme_; }
    const std::vector<Drop>& drops() const { return drops_; }
    std::size_t drop_total() const { return drop_total_; }
    const std::map<std::string, std::size_t>& drop_counts() const { return drop_counts_; }
    std::size_t releases_read() const { return releases_read_; }
    const ImportOptions& options() const { return options_; }

  private:
    void drop(const Where& where, const std::string& ocid, const std::string& kind,
              const std::string& detail);
    std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& table,
                         const std::string& key);
    void merge(TenderSummary& into, const ReleaseFacts& f);

    ImportOptions options_;
    std::unordered_map<std::string, TenderSummary> tenders_;
    std::unordered_map<std::string, std::uint32_t> buyers_;
    std::unordered_map<std::string, std::uint32_t> suppliers_;
    std::vector<std::int8_t> supplier_sme_;
    std::vector<Drop> drops_;
    std::size_t drop_total_ = 0;
    std::map<std::string, std::size_t> drop_counts_;
    std::size_t releases_read_ = 0;
};

} // namespace tendersim::ocds

#pragma once
// What an import needs besides its files: exchange rates and the sample-size floor.
#include <cstddef>
#include <map>
#include <string>

namespace tendersim::ocds {

struct ImportOptions {
    // GBP per unit of each currency (ISO 4217 code, upper case), from --rate CUR=X. GBP is 1 and
    // needs no entry; any other currency met without a rate stops the import.
    std::map<std::string, double> gbp_per_unit;
    // Fewest observations an estimate needs; below it the base scenario's value is kept.
    std::size_t min_sample = 10;
    // Dropped records listed one by one in the report; beyond this only counted per reason, so a
    // huge register's report (and memory) stays bounded.
    std::size_t max_listed_drops = 10000;
};

} // namespace tendersim::ocds

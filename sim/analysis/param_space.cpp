#include "analysis/param_space.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <utility>

namespace tendersim::analysis {

ParamRange continuous(std::string name, double lo, double hi) {
    ParamRange r;
    r.name = std::move(name);
    r.lo = lo;
    r.hi = hi;
    return r;
}

ParamRange integer_range(std::string name, double lo, double hi) {
    ParamRange r = continuous(std::move(name), lo, hi);
    r.integer = true;
    return r;
}

ParamRange level_set(std::string name, std::vector<double> levels) {
    ParamRange r;
    r.name = std::move(name);
    r.levels = std::move(levels);
    return r;
}

void validate(std::span<const ParamRange> ranges) {
    if (ranges.empty()) throw std::invalid_argument("parameter space has no parameters");
    std::set<std::string> names;
    for (const ParamRange& r : ranges) {
        if (r.name.empty()) throw std::invalid_argument("parameter with an empty name");
        if (!names.insert(r.name).second) {
            throw std::invalid_argument("duplicate parameter name '" + r.name + "'");
        }
        if (!r.levels.empty()) {
            for (const double v : r.levels) {
                if (!std::isfinite(v)) {
                    throw std::invalid_argument("parameter '" + r.name + "': non-finite level");
                }
            }
            continue;
        }
        if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo > r.hi) {
            throw std::invalid_argument("parameter '" + r.name + "': need finite lo <= hi");
        }
        if (r.integer && std::ceil(r.lo) > std::floor(r.hi)) {
            throw std::invalid_argument("parameter '" + r.name + "': no integer in [lo, hi]");
        }
        if (r.integer && std::floor(r.hi) - std::ceil(r.lo) > 1e15) {
            throw std::invalid_argument("parameter '" + r.name + "': integer range too wide");
        }
    }
}

std::size_t discrete_count(const ParamRange& r) {
    if (!r.levels.empty()) return r.levels.size();
    if (r.integer) return static_cast<std::size_t>(std::floor(r.hi) - std::ceil(r.lo)) + 1;
    return 0;
}

double value_from_unit(const ParamRange& r, double u) {
    u = std::clamp(u, 0.0, 1.0);
    const std::size_t count = discrete_count(r);
    if (count == 0) return r.lo + u * (r.hi - r.lo);
    const auto j = std::min(static_cast<std::size_t>(u * static_cast<double>(count)), count - 1);
    if (!r.levels.empty()) return r.levels[j];
    return std::ceil(r.lo) + static_cast<double>(j);
}

double value_at_fraction(const ParamRange& r, double f) {
    f = std::clamp(f, 0.0, 1.0);
    const std::size_t count = discrete_count(r);
    if (count == 0) return f == 1.0 ? r.hi : r.lo + f * (r.hi - r.lo);
    const auto j = static_cast<std::size_t>(std::lround(f * static_cast<double>(count - 1)));
    if (!r.levels.empty()) return r.levels[j];
    return std::ceil(r.lo) + static_cast<double>(j);
}

std::size_t design_rows(std::size_t units, std::size_t rows_per_unit) {
    if (rows_per_unit != 0 && units > max_design_rows / rows_per_unit) {
        throw std::length_error("design would need more than " + std::to_string(max_design_rows) +
                                " runs");
    }
    return units * rows_per_unit;
}

} // namespace tendersim::analysis

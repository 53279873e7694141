#pragma once
// The figures shown when hovering a supplier or council (pure text, tested without a window).
#include "app/snapshot.hpp"

#include <string>
#include <vector>

namespace tendersim::viz {

// First line is the heading.
std::vector<std::string> supplier_hover_lines(const MarketSnapshot& m, std::size_t index);
std::vector<std::string> council_hover_lines(const MarketSnapshot& m, std::size_t index);

} // namespace tendersim::viz

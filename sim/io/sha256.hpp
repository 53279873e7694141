#pragma once
// SHA-256 (FIPS 180-4), for recording exactly which scenario file a result came from.
#include <string>
#include <string_view>

namespace tendersim {

std::string sha256_hex(std::string_view data);

} // namespace tendersim

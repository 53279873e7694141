#pragma once
// Typed ids: small structs over integers, so a SupplierId can never index the council arrays.
#include <cstdint>
#include <limits>

namespace tendersim {

template <class Tag> struct Id {
    static constexpr std::uint32_t none_value = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t v = none_value;

    constexpr Id() = default;
    constexpr explicit Id(std::uint32_t value) : v(value) {}
    constexpr bool valid() const { return v != none_value; }
    constexpr std::size_t index() const { return v; }
    friend constexpr bool operator==(Id, Id) = default;
    friend constexpr auto operator<=>(Id, Id) = default;
};

using SupplierId = Id<struct SupplierTag>;
using CouncilId = Id<struct CouncilTag>;
using TenderId = Id<struct TenderTag>;
using ContractId = Id<struct ContractTag>;
using CategoryId = Id<struct CategoryTag>;
using RegionId = Id<struct RegionTag>;

} // namespace tendersim

#pragma once
#include "money.hpp"

#include <atomic>

namespace tendersim {

// Relaxed atomic add on a plain array slot: for integer counters that several parallel items
// update. Integer addition commutes, so the total does not depend on the order of the adds.
// Atomic adds wrap round instead of overflowing, so the wrap is detected from the old value and
// reported (money totals are the ones that can grow that large).
template <class T> void atomic_add(T& slot, T value) {
    const T old = std::atomic_ref<T>(slot).fetch_add(value, std::memory_order_relaxed);
    T sum;
    if (__builtin_add_overflow(old, value, &sum)) [[unlikely]]
        throw_money_overflow("a supplier's yearly total");
}

} // namespace tendersim

#pragma once
#include <atomic>

namespace tendersim {

// Relaxed atomic add on a plain array slot: for integer counters that several parallel items
// update. Integer addition commutes, so the total does not depend on the order of the adds.
template <class T> void atomic_add(T& slot, T value) {
    std::atomic_ref<T>(slot).fetch_add(value, std::memory_order_relaxed);
}

} // namespace tendersim

#pragma once
// The number of fields of an aggregate, at compile time: the most initializers `T{...}` takes.
// The state format (state_codec.cpp) asserts each saved struct's count, so a field added to one
// stops the build until the format saves it; unlike sizeof, a field that fits in padding counts.
// A placeholder converts to any member type, so nested aggregates are not brace-elided.
#include <cstddef>

namespace tendersim {

namespace field_count_detail {
struct AnyField {
    template <class T> operator T() const; // never defined: only used in unevaluated contexts
};
} // namespace field_count_detail

template <class T, class... Fields> consteval std::size_t field_count() {
    if constexpr (requires { T{Fields{}..., field_count_detail::AnyField{}}; })
        return field_count<T, Fields..., field_count_detail::AnyField>();
    else
        return sizeof...(Fields);
}

} // namespace tendersim

// EnumNames: the one way an enum and the names it has in files and on the command line map onto
// each other — an array of names indexed by the enum's value.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace stepwise {

template <class Enum, std::size_t N>
constexpr std::string_view enumName(const std::array<std::string_view, N>& names, Enum value) {
    return names[static_cast<std::size_t>(value)];
}

template <class Enum, std::size_t N>
constexpr std::optional<Enum> enumFromName(const std::array<std::string_view, N>& names,
                                           std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace stepwise

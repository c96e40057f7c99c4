// ScenarioFields: reading one field of a scenario file — its path for messages ("network.w[2]"),
// its type and range checked, the first problem thrown as a Failure naming the field. Internal
// to ScenarioFile*.cpp.
#pragma once

#include "core/scenario/ScenarioSyntax.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace stepwise::scenario_detail {

using json = nlohmann::json;

std::string child(const std::string& path, std::string_view key);
std::string item(const std::string& path, std::size_t i);
std::string typeName(const json& j);
const json* member(const json& object, std::string_view key);
const json& required(const json& object, const std::string& path, std::string_view key,
                     std::string_view what);
void expectObject(const json& j, const std::string& field);
void expectArray(const json& j, const std::string& field);
double toDouble(const json& j, const std::string& field);
// A finite number in [lo, hi] (or (lo, hi] when openLo).
double readNumber(const json& j, const std::string& field, double lo, double hi,
                  bool openLo = false);
// A whole number in [lo, hi]; 3 and 3.0 both count.
long long readInteger(const json& j, const std::string& field, long long lo, long long hi);
std::uint64_t readUint64(const json& j, const std::string& field);
bool readBool(const json& j, const std::string& field);
const std::string& readString(const json& j, const std::string& field);

template <class Enum, class FromName, class Name>
Enum readName(const json& j, const std::string& field, std::string_view what, int count,
              FromName fromName, Name name) {
    const std::string& s = readString(j, field);
    if (const auto e = fromName(s)) return *e;
    std::string list;
    for (int i = 0; i < count; ++i)
        list += (i ? ", " : "") + std::string(name(static_cast<Enum>(i)));
    fail(field, inQuotes(s) + " is not " + std::string(what) + " (one of: " + list + ")");
}

// Calls f(value, field) when the key is present.
template <class F>
void ifPresent(const json& object, const std::string& path, std::string_view key, F f) {
    if (const json* j = member(object, key)) f(*j, child(path, key));
}

} // namespace stepwise::scenario_detail

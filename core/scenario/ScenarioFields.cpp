#include "core/scenario/ScenarioFields.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace stepwise::scenario_detail {

std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

std::string typeName(const json& j) {
    switch (j.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "true/false";
    case json::value_t::string:
        return "text";
    case json::value_t::array:
        return "a list [...]";
    case json::value_t::object:
        return "an object {...}";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "something else";
    }
}

const json* member(const json& object, std::string_view key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const json& required(const json& object, const std::string& path, std::string_view key,
                     std::string_view what) {
    const json* j = member(object, key);
    if (!j) fail(child(path, key), "is missing; it is required (" + std::string(what) + ")");
    return *j;
}

void expectObject(const json& j, const std::string& field) {
    if (!j.is_object()) fail(field, "must be an object {...}, not " + typeName(j));
}

void expectArray(const json& j, const std::string& field) {
    if (!j.is_array()) fail(field, "must be a list [...], not " + typeName(j));
}

double toDouble(const json& j, const std::string& field) {
    if (!j.is_number()) fail(field, "must be a number, not " + typeName(j));
    const double d = j.get<double>();
    if (!std::isfinite(d)) fail(field, "must be a finite number; this one is too large");
    return d;
}

// A finite number in [lo, hi] (or (lo, hi] when openLo).
double readNumber(const json& j, const std::string& field, double lo, double hi, bool openLo) {
    const double d = toDouble(j, field);
    const bool tooLow = openLo ? !(d > lo) : d < lo;
    if (tooLow || d > hi) {
        const std::string range = openLo ? "greater than " + num(lo) + " and at most " + num(hi)
                                         : "between " + num(lo) + " and " + num(hi);
        fail(field, "must be " + range + ", not " + num(d));
    }
    return d;
}

// A whole number in [lo, hi]; 3 and 3.0 both count.
long long readInteger(const json& j, const std::string& field, long long lo, long long hi) {
    if (!j.is_number()) fail(field, "must be a whole number, not " + typeName(j));
    const std::string range = "between " + std::to_string(lo) + " and " + std::to_string(hi);
    if (j.is_number_unsigned()) {
        const auto u = j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(hi) || (lo > 0 && u < static_cast<std::uint64_t>(lo)))
            fail(field, "must be " + range + ", not " + std::to_string(u));
        return static_cast<long long>(u);
    }
    if (j.is_number_integer()) {
        const auto i = j.get<std::int64_t>();
        if (i < lo || i > hi) fail(field, "must be " + range + ", not " + std::to_string(i));
        return i;
    }
    const double d = j.get<double>();
    if (!std::isfinite(d) || d != std::floor(d))
        fail(field, "must be a whole number, not " + num(d));
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
        fail(field, "must be " + range + ", not " + num(d));
    return static_cast<long long>(d);
}

std::uint64_t readUint64(const json& j, const std::string& field) {
    const std::string range = "a whole number from 0 to 18446744073709551615";
    if (!j.is_number()) fail(field, "must be " + range + ", not " + typeName(j));
    if (j.is_number_unsigned()) return j.get<std::uint64_t>();
    if (j.is_number_integer()) {
        const auto i = j.get<std::int64_t>();
        if (i < 0) fail(field, "must be " + range + ", not " + std::to_string(i));
        return static_cast<std::uint64_t>(i);
    }
    const double d = j.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || d < 0.0 || d >= 18446744073709551616.0)
        fail(field, "must be " + range + ", not " + num(d));
    return static_cast<std::uint64_t>(d);
}

bool readBool(const json& j, const std::string& field) {
    if (!j.is_boolean()) fail(field, "must be true or false, not " + typeName(j));
    return j.get<bool>();
}

const std::string& readString(const json& j, const std::string& field) {
    if (!j.is_string()) fail(field, "must be text in quotes, not " + typeName(j));
    return j.get_ref<const std::string&>();
}

// A name from a fixed list, e.g. an activation. fromName returns std::optional<Enum>.

} // namespace stepwise::scenario_detail

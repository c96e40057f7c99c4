// ScenarioSyntax: the byte- and JSON-level part of reading a scenario — the pre-scan that bounds
// nesting and size before parsing, turning the JSON library's errors into plain words, and the
// text helpers that make a file's bytes safe to quote. Internal to ScenarioFile*.cpp.
#pragma once

#include "core/scenario/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace stepwise::scenario_detail {

// The first problem found is thrown as a Failure and caught in readScenario.
struct Failure {
    ScenarioError error;
};

[[noreturn]] inline void fail(std::string field, std::string problem) {
    throw Failure{{std::move(field), std::move(problem)}};
}

std::string num(double d);                                           // short number for a message
std::string inQuotes(std::string_view s, std::size_t maxChars = 40); // quoted, printable, cut
std::string printable(std::string_view s);                           // printable, not quoted
std::string where(std::string_view bytes, std::size_t offset);       // "line L, column C"

// Before parsing: the nesting depth and the number of values, found without recursion.
void prescan(std::string_view bytes);
[[noreturn]] void failSyntax(std::string_view bytes, const nlohmann::json::parse_error& e);
[[noreturn]] void failOverflow(std::string_view bytes, const nlohmann::json::out_of_range& e);

} // namespace stepwise::scenario_detail

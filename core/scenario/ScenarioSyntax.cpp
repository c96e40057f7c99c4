// The byte- and JSON-level part of reading a scenario (see ScenarioSyntax.h).
#include "core/scenario/ScenarioSyntax.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace stepwise::scenario_detail {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Text helpers

// A number for a message: short, never more than ~12 characters.
std::string num(double d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
}

// Bytes from the file, made safe to print: printable ASCII stays, everything else becomes \xNN,
// and long text is cut.
std::string inQuotes(std::string_view s, std::size_t maxChars) {
    std::string out = "\"";
    std::size_t n = 0;
    for (unsigned char ch : s) {
        if (n++ == maxChars) {
            out += "…";
            break;
        }
        if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') {
            out += static_cast<char>(ch);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", ch);
            out += buf;
        }
    }
    return out + "\"";
}

std::string printable(std::string_view s) {
    std::string q = inQuotes(s, 200);
    return q.substr(1, q.size() - 2);
}

void lineColumn(std::string_view bytes, std::size_t offset, std::size_t& line,
                std::size_t& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

std::string where(std::string_view bytes, std::size_t offset) {
    std::size_t line, column;
    lineColumn(bytes, offset, line, column);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Before parsing: the nesting depth and the number of values, found without recursion.
void prescan(std::string_view bytes) {
    int depth = 0;
    long values = 1;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char ch = bytes[i];
        // The JSON library would take a zero byte for the end of the text and ignore the rest.
        if (ch == '\0')
            fail(where(bytes, i), "the file holds a zero byte; it is binary data, not JSON text");
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        switch (ch) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > kMaxJsonDepth)
                fail(where(bytes, i), "nested more than " + std::to_string(kMaxJsonDepth) +
                                          " levels deep; a scenario never needs that many");
            ++values;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        case ',':
            ++values;
            break;
        default:
            break;
        }
        if (values > kMaxJsonValues)
            fail(where(bytes, i), "the file holds more than " + std::to_string(kMaxJsonValues) +
                                      " values; a scenario never needs that many");
    }
}

// Turns a parse error of the JSON library into words, at the place it happened.
[[noreturn]] void failSyntax(std::string_view bytes, const json::parse_error& e) {
    // e.byte is the 1-based index of the last byte read; the token ends there.
    const std::size_t end = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, bytes.size());
    std::string message = e.what();
    const std::size_t col = message.find("column ");
    std::size_t cut = message.find(": ", col == std::string::npos ? 0 : col);
    std::string detail = cut == std::string::npos ? message : message.substr(cut + 2);
    const std::string field = where(bytes, end);

    // The word around the error: "NaN", "-Infinity", "nan", "inf" are not JSON numbers.
    std::size_t start = std::min(end, bytes.size());
    const auto wordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '+' || c == '-' || c == '.';
    };
    while (start > 0 && wordChar(bytes[start - 1]))
        --start;
    std::string word;
    for (std::size_t i = start; i < bytes.size() && word.size() < 12 && wordChar(bytes[i]); ++i)
        word +=
            static_cast<char>(bytes[i] >= 'A' && bytes[i] <= 'Z' ? bytes[i] - 'A' + 'a' : bytes[i]);
    while (!word.empty() && (word[0] == '-' || word[0] == '+'))
        word.erase(0, 1);
    if (word == "nan" || word == "inf" || word == "infinity")
        fail(field, "NaN and Infinity are not allowed: every number must be finite");
    if (detail.find("UTF-8") != std::string::npos) fail(field, "the text is not valid UTF-8");
    if (detail.find("BOM") != std::string::npos)
        fail(field, "the file starts with a broken byte-order mark; it is not UTF-8 text");
    if (detail.find("unexpected end of input") != std::string::npos)
        fail(field, "the file ends in the middle of the JSON; it may be cut short (" +
                        printable(detail) + ")");
    fail(field, "not valid JSON: " + printable(detail));
}

// A number too large for a double ("1e999"): the library names the token but not the place.
[[noreturn]] void failOverflow(std::string_view bytes, const json::out_of_range& e) {
    const std::string message = e.what();
    const std::size_t open = message.find('\'');
    const std::size_t close = message.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
        const std::string token = message.substr(open + 1, close - open - 1);
        const std::size_t at = bytes.find(token);
        fail(at == std::string_view::npos ? std::string("(file)") : where(bytes, at),
             "the number " + inQuotes(token) + " is too large; every number must be finite");
    }
    fail("(file)", "a number is too large: " + printable(message));
}

} // namespace stepwise::scenario_detail

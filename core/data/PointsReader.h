// PointsReader: measured points (x, y) from CSV or TSV text, and points with predictions back to
// CSV. A pure library on std types (the points are TargetPoint, a plain struct of two doubles).
//
// The dialect, detected unless the options fix it:
//   - text: UTF-8, an optional byte-order mark skipped; lines end in LF, CRLF or CR;
//   - delimiter: tab, semicolon or comma. From the first kSniffLines non-blank lines: the first of
//     tab, semicolon, comma (in that order) that splits every one of them into the same number
//     (at least two) of fields; failing that, the one that gives the most lines two fields or more;
//   - decimal mark: a point in comma-separated text; otherwise the first number written with a
//     point or a comma decides for the whole text ("1,5;2,5" is 1.5 and 2.5). A number written
//     with the other mark afterwards is refused, never guessed;
//   - header: the first non-blank line is a header when one of its fields is not a number;
//   - columns: x and y are the two columns of a two-column text; with more columns, the first
//     two whose field on the first data line is a number, unless chosen by index (0-based) or by
//     header name;
//   - fields: surrounding spaces are dropped, and so are double quotes around a field ("" inside
//     quotes is one quote); a leading '+' is allowed. Blank lines, and lines whose fields are all
//     empty (";;" from a spreadsheet), are skipped.
//
// Reading trusts nothing and either gives every point or an error, never part of the points:
//   1. size: at most maxBytes, checked before anything is read; UTF-16 is refused;
//   2. count: the data lines are counted before anything is allocated; more than maxPoints is an
//      error, and so are fewer than minPoints;
//   3. every line: the same number of fields as the first; x and y are finite numbers with
//      |value| ≤ kMaxDataMagnitude.
// An error is one line, "SOURCE: line L, column C: PROBLEM" (columns count fields from 1; a
// problem of a whole line leaves the column out, one of the whole text says "(file)").
#pragma once

#include "core/scenario/TargetCurve.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise {

inline constexpr std::size_t kMaxDataPoints = 1'000'000;
inline constexpr std::size_t kMaxDataBytes = 64u * 1024u * 1024u; // 64 MiB
inline constexpr double kMaxDataMagnitude = 1.0e12;               // as a scenario's point
inline constexpr int kSniffLines = 20;

enum class Delimiter { Auto, Comma, Semicolon, Tab };
enum class DecimalMark { Auto, Point, Comma };

// A column picked by its 0-based index or by its header name (exact match after trimming).
struct ColumnChoice {
    std::optional<int> index;
    std::string name; // used when index is empty and name is not
};

struct PointsReadOptions {
    Delimiter delimiter = Delimiter::Auto;
    DecimalMark decimal = DecimalMark::Auto;
    std::optional<bool> header; // empty: detect
    ColumnChoice x, y;          // both empty: the first two numeric columns
    std::size_t maxPoints = kMaxDataPoints;
    std::size_t minPoints = 2;
    std::size_t maxBytes = kMaxDataBytes;
    // Called every kProgressBytes of text and at the end with (bytes done, bytes in all); returning
    // false cancels the read, which then gives an error and no points.
    std::function<bool(std::size_t, std::size_t)> progress;
};
inline constexpr std::size_t kProgressBytes = 1u << 20;

// What the reader took the text to be (filled as far as it got, also on an error).
struct PointsDialect {
    char delimiter = ',';
    char decimal = '.';
    bool header = false;
    int xColumn = 0, yColumn = 1; // 0-based
    int columns = 0;
    std::vector<std::string> names; // the header's fields, when there is a header
};

struct PointsError {
    long line = 0;   // 1-based; 0 = the text as a whole
    long column = 0; // 1-based field number; 0 = the whole line
    std::string problem;
    bool operator==(const PointsError&) const = default;
};

struct PointsResult {
    std::optional<std::vector<TargetPoint>> points;
    PointsDialect dialect;
    PointsError error;   // meaningful only when !ok()
    std::string message; // the error as one line naming the source, when !ok()
    bool cancelled = false;

    bool ok() const { return points.has_value(); }
    explicit operator bool() const { return ok(); }
};

// Reads points from text; source names it in the error (a file name, "clipboard").
PointsResult readPoints(std::string_view text, std::string_view source,
                        const PointsReadOptions& options = {});
// Reads the file (at most options.maxBytes) and then its text; the path as given names it.
PointsResult readPointsFile(const std::filesystem::path& path,
                            const PointsReadOptions& options = {});

// "SOURCE: line L, column C: PROBLEM", one line.
std::string formatPointsError(std::string_view source, const PointsError& error);

// Points as CSV: a header "x,y" (",prediction" when predictions are given, ",set" with "train"
// or "test" when isTest is given), then one line per point; every number in the shortest form
// that reads back to the same double. predictions and isTest are empty or one per point.
std::string writePointsCsv(const std::vector<TargetPoint>& points,
                           const std::vector<double>& predictions = {},
                           const std::vector<bool>& isTest = {});

} // namespace stepwise

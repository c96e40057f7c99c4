// PointsReader: one test per dialect (delimiter, decimal mark, header, quotes, BOM, line ends,
// column choice), one per error class (each error names the source, the line and the column),
// the limits checked before allocating, cancelling, and the CSV writer read back.
#include "core/data/PointsReader.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

using namespace stepwise;

namespace {

std::vector<TargetPoint> pts(std::initializer_list<TargetPoint> p) {
    return p;
}

std::vector<TargetPoint> readOk(std::string_view text, const PointsReadOptions& o = {}) {
    const PointsResult r = readPoints(text, "data.csv", o);
    EXPECT_TRUE(r.ok()) << r.message;
    return r.points ? *r.points : std::vector<TargetPoint>{};
}

// Reads text that must be refused; checks the one-line message and returns the error.
PointsError readBad(std::string_view text, const PointsReadOptions& o = {}) {
    const PointsResult r = readPoints(text, "lab.csv", o);
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.points.has_value()) << "nothing may be half-imported";
    EXPECT_EQ(r.message.rfind("lab.csv: ", 0), 0u) << r.message;
    EXPECT_EQ(r.message.find('\n'), std::string::npos) << r.message;
    EXPECT_EQ(r.message, formatPointsError("lab.csv", r.error));
    return r.error;
}

void expectPointsError(std::string_view text, long line, long column, std::string_view words,
                       const PointsReadOptions& o = {}) {
    const PointsError e = readBad(text, o);
    EXPECT_EQ(e.line, line) << e.problem;
    EXPECT_EQ(e.column, column) << e.problem;
    EXPECT_NE(e.problem.find(words), std::string::npos) << e.problem;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Dialects

TEST(PointsReader, CommaWithHeader) {
    const PointsResult r = readPoints("x,y\n0,1\n0.5,-2.25\n1e-3,3E2\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(*r.points, pts({{0, 1}, {0.5, -2.25}, {1e-3, 300}}));
    EXPECT_EQ(r.dialect.delimiter, ',');
    EXPECT_EQ(r.dialect.decimal, '.');
    EXPECT_TRUE(r.dialect.header);
    EXPECT_EQ(r.dialect.names, (std::vector<std::string>{"x", "y"}));
}

TEST(PointsReader, CommaWithoutHeader) {
    const PointsResult r = readPoints("1,2\n3,4\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_FALSE(r.dialect.header);
    EXPECT_EQ(*r.points, pts({{1, 2}, {3, 4}}));
}

TEST(PointsReader, SemicolonWithDecimalComma) {
    const PointsResult r = readPoints("t;U\n0,5;1,25\n-1,5;2\n3;+4,75\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.delimiter, ';');
    EXPECT_EQ(r.dialect.decimal, ',');
    EXPECT_EQ(*r.points, pts({{0.5, 1.25}, {-1.5, 2}, {3, 4.75}}));
}

TEST(PointsReader, SemicolonWithDecimalPoint) {
    const PointsResult r = readPoints("0.5;1.25\n2;3\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.delimiter, ';');
    EXPECT_EQ(r.dialect.decimal, '.');
    EXPECT_EQ(*r.points, pts({{0.5, 1.25}, {2, 3}}));
}

TEST(PointsReader, TabWithDecimalComma) {
    // A column pair copied from a German spreadsheet.
    const PointsResult r = readPoints("1,5\t2,5\n3\t4,125\n", "clipboard");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.delimiter, '\t');
    EXPECT_EQ(r.dialect.decimal, ',');
    EXPECT_EQ(*r.points, pts({{1.5, 2.5}, {3, 4.125}}));
}

TEST(PointsReader, TabWithHeaderAndDecimalPoint) {
    const PointsResult r = readPoints("time (s)\tdistance (m)\n0.1\t0.05\n0.2\t0.2\n", "a.tsv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.delimiter, '\t');
    EXPECT_TRUE(r.dialect.header);
    EXPECT_EQ(r.dialect.names[1], "distance (m)");
    EXPECT_EQ(*r.points, pts({{0.1, 0.05}, {0.2, 0.2}}));
}

TEST(PointsReader, DelimiterCanBeForced) {
    // Detection would take the tab; forced to semicolon the tab stays inside the fields.
    PointsReadOptions o;
    o.delimiter = Delimiter::Semicolon;
    o.decimal = DecimalMark::Point;
    EXPECT_EQ(readOk("1;2\n3;4\n", o), pts({{1, 2}, {3, 4}}));
    o.delimiter = Delimiter::Comma;
    expectPointsError("1;2\n3;4\n", 1, 0, "one column", o);
}

TEST(PointsReader, DecimalMarkCanBeForced) {
    PointsReadOptions o;
    o.decimal = DecimalMark::Point;
    expectPointsError("1,5;2\n", 1, 1, "decimal comma", o);
    o.decimal = DecimalMark::Comma;
    EXPECT_EQ(readOk("1,5;2\n3;4\n", o), pts({{1.5, 2}, {3, 4}}));
}

TEST(PointsReader, HeaderCanBeForced) {
    PointsReadOptions o;
    o.header = true; // a header of numbers (column labels 1 and 2)
    EXPECT_EQ(readOk("1,2\n3,4\n5,6\n", o), pts({{3, 4}, {5, 6}}));
    o.header = false;
    expectPointsError("x,y\n1,2\n", 1, 1, "\"x\" is not a number", o);
}

TEST(PointsReader, CrLfAndBomAndOldMacLineEnds) {
    EXPECT_EQ(readOk("\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n"), pts({{1, 2}, {3, 4}}));
    EXPECT_EQ(readOk("x,y\r1,2\r3,4"), pts({{1, 2}, {3, 4}}));
    // The BOM does not become part of the first header name.
    const PointsResult r = readPoints("\xEF\xBB\xBFvolts;amps\n1;2\n3;4\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.names[0], "volts");
}

TEST(PointsReader, BlankLinesWhitespaceAndQuotesAreTolerated) {
    const std::string text = "\n  \"x\" , \"y\"  \n\n 1 ,\t2 \n\"3\",\"4.5\"\n   \n,\n5,6";
    EXPECT_EQ(readOk(text), pts({{1, 2}, {3, 4.5}, {5, 6}}));
}

TEST(PointsReader, QuotedDecimalCommaInSemicolonText) {
    EXPECT_EQ(readOk("\"a\";\"b\"\n\"1,5\";\"2,5\"\n\"3\";\"4\"\n"), pts({{1.5, 2.5}, {3, 4}}));
}

TEST(PointsReader, QuotedHeaderNamesMayHoldDelimitersAndQuotes) {
    const PointsResult r = readPoints("\"x, in \"\"m\"\"\",y\n1,2\n3,4\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.dialect.names[0], "x, in \"m\"");
}

TEST(PointsReader, FirstTwoNumericColumnsByDefault) {
    const PointsResult r = readPoints("id,label,t,U,I\n1,a,0.5,2.5,9\n2,b,1.5,3.5,9\n", "a.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    // "id" is numeric too: the first two numeric columns are id and t.
    EXPECT_EQ(r.dialect.xColumn, 0);
    EXPECT_EQ(r.dialect.yColumn, 2);
    EXPECT_EQ(*r.points, pts({{1, 0.5}, {2, 1.5}}));
}

TEST(PointsReader, ColumnsChosenByIndex) {
    PointsReadOptions o;
    o.x.index = 2;
    o.y.index = 0;
    EXPECT_EQ(readOk("1,2,3\n4,5,6\n", o), pts({{3, 1}, {6, 4}}));
    o = {};
    o.x.index = 1; // y: the first other numeric column
    EXPECT_EQ(readOk("1,2,3\n4,5,6\n", o), pts({{2, 1}, {5, 4}}));
}

TEST(PointsReader, ColumnsChosenByHeaderName) {
    PointsReadOptions o;
    o.x.name = "U";
    o.y.name = "I";
    EXPECT_EQ(readOk("t;U;I\n0;1,5;2\n1;2,5;3\n", o), pts({{1.5, 2}, {2.5, 3}}));
}

TEST(PointsReader, TextColumnsAreNotParsed) {
    // The unchosen column may hold anything; a trailing empty column is fine.
    EXPECT_EQ(readOk("x,y,note,\n1,2,fine,\n3,4,NaN!,\n"), pts({{1, 2}, {3, 4}}));
}

TEST(PointsReader, SpreadsheetBlankRowsAreSkipped) {
    EXPECT_EQ(readOk("x;y;z\n1;2;3\n;;\n\"\";\"\";\n4;5;6\n"), pts({{1, 2}, {4, 5}}));
}

TEST(PointsReader, TinyNumbersUnderflowToZeroNotError) {
    const auto p = readOk("1e-400,5e-324\n1,2\n");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].x, 0.0);
    EXPECT_GE(p[0].y, 0.0);
    EXPECT_LT(p[0].y, 1e-300);
}

TEST(PointsReader, NumbersAreExact) {
    const auto p = readOk("0.1,0.30000000000000004\n-0,1e12\n");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].x, 0.1);
    EXPECT_EQ(p[0].y, 0.1 + 0.2);
    EXPECT_TRUE(std::signbit(p[1].x));
    EXPECT_EQ(p[1].y, 1e12);
}

// ---------------------------------------------------------------------------------------------
// Errors: one per class, each naming source, line and column

TEST(PointsReaderError, NotANumber) {
    expectPointsError("x,y\n1,2\n3,abc\n", 3, 2, "\"abc\" is not a number (y)");
    expectPointsError("x,y\n1,2\n0x10,4\n", 3, 1, "is not a number (x)");
    expectPointsError("1,2\n3,4 5\n", 2, 2, "not a number");
}

TEST(PointsReaderError, EmptyCell) {
    expectPointsError("x,y\n1,2\n3,\n", 3, 2, "is empty");
}

TEST(PointsReaderError, NaN) {
    expectPointsError("x;y\n1;2\nnan;4\n", 3, 1, "NaN");
    expectPointsError("x;y\n1;2\n3;-NaN\n", 3, 2, "NaN");
}

TEST(PointsReaderError, Infinity) {
    expectPointsError("1,2\n3,inf\n", 2, 2, "infinite");
    expectPointsError("1,2\n-Infinity,4\n", 2, 1, "infinite");
    expectPointsError("1,2\n3,1e999\n", 2, 2, "too large");
    expectPointsError("1,2\n3,2e12\n", 2, 2, "too large");
}

TEST(PointsReaderError, MixedDecimalMarks) {
    expectPointsError("1,5;2\n3.5;4\n", 2, 1, "decimal point, but this text uses a decimal comma");
    expectPointsError("1.5;2\n3;4,5\n", 2, 2, "(as in line 1, column 1)");
}

TEST(PointsReaderError, InconsistentColumnCount) {
    expectPointsError("x,y\n1,2\n3,4,5\n", 3, 0, "has 3 columns, but line 1 has 2");
    expectPointsError("1;2;3\n4;5;6\n7;8\n", 3, 0, "has 2 columns, but line 1 has 3");
}

TEST(PointsReaderError, EmptyFile) {
    expectPointsError("", 0, 0, "empty");
    expectPointsError(" \r\n\t\n", 0, 0, "empty");
    expectPointsError("\xEF\xBB\xBF", 0, 0, "empty");
    EXPECT_EQ(formatPointsError("lab.csv", readBad("")),
              "lab.csv: (file): the text is empty; it holds no points");
}

TEST(PointsReaderError, HeaderWithoutPoints) {
    expectPointsError("x,y\n\n", 0, 0, "header line but no points");
}

TEST(PointsReaderError, TooFewUsablePoints) {
    expectPointsError("x,y\n1,2\n", 0, 0, "1 usable point; at least 2");
    PointsReadOptions o;
    o.minPoints = 5;
    expectPointsError("1,2\n3,4\n5,6\n", 0, 0, "3 usable points; at least 5", o);
}

TEST(PointsReaderError, TooManyPointsBeforeAllocating) {
    // Ten lines, limit 9: refused from the line count, before a point is read or stored.
    std::string text;
    for (int i = 0; i < 10; ++i)
        text += std::to_string(i) + "," + (i == 9 ? "not a number" : "1") + "\n";
    PointsReadOptions o;
    o.maxPoints = 9;
    expectPointsError(text, 0, 0, "10 points, more than the limit of 9", o);
    o.maxPoints = 10; // at the limit the count passes and the reader gets to the bad cell
    expectPointsError(text, 10, 2, "not a number", o);
}

TEST(PointsReaderError, TooManyBytes) {
    PointsReadOptions o;
    o.maxBytes = 16;
    expectPointsError("x,y\n1,2\n3,4\n5,6\n7,8\n", 0, 0, "more than the limit of 16 bytes", o);
}

TEST(PointsReaderError, OneColumnOnly) {
    expectPointsError("1\n2\n3\n", 1, 0, "one column");
    expectPointsError("\n\nvalues\n1\n", 3, 0, "one column");
}

TEST(PointsReaderError, TooFewNumericColumns) {
    expectPointsError("name,value,unit\nalpha,1,m\nbeta,2,m\n", 2, 0, "1 column with a number");
    // With two columns they are x and y, and the cell that is not a number is named.
    expectPointsError("name,value\nalpha,1\nbeta,2\n", 2, 1, "\"alpha\" is not a number (x)");
}

TEST(PointsReaderError, UnclosedQuote) {
    expectPointsError("x,y\n1,\"2\n", 2, 2, "not closed");
    expectPointsError("x,y\n\"1\"a,2\n", 2, 1, "follows the closing quote");
}

TEST(PointsReaderError, ChosenColumnMissing) {
    PointsReadOptions o;
    o.y.name = "current";
    expectPointsError("t,U\n1,2\n3,4\n", 1, 0, "no column named \"current\"", o);
    expectPointsError("1,2\n3,4\n", 0, 0, "no header line", o);
    o = {};
    o.x.index = 4;
    expectPointsError("1,2\n3,4\n", 1, 0, "has no column 5", o);
    o.y.index = 4;
    expectPointsError("1,2,3,4,5\n3,4,5,6,7\n", 0, 0, "same column", o);
}

TEST(PointsReaderError, BinaryAndUtf16AreRefused) {
    expectPointsError(std::string("1,2\n3\0,4\n", 9), 0, 0, "zero bytes");
    expectPointsError(std::string("\xFF\xFE"
                                  "1\0,\0"
                                  "2\0",
                                  8),
                      0, 0, "UTF-16");
}

TEST(PointsReaderError, HostileTextIsBounded) {
    // Many columns on one line: bounded, not a vector of millions of fields.
    const std::string wide(200000, ';');
    const PointsError e = readBad("1" + wide + "\n1" + wide + "\n");
    EXPECT_NE(e.problem.find("more than 1000 columns"), std::string::npos) << e.problem;
    // A very long number-like field.
    readBad("1," + std::string(100000, '9') + "\n1,2\n");
}

TEST(PointsReaderError, MessageQuotesAreEscapedAndShort) {
    const PointsError e = readBad("1,2\n3,\x01" + std::string(500, 'z') + "\n");
    EXPECT_NE(e.problem.find("\\x01"), std::string::npos) << e.problem;
    EXPECT_LT(e.problem.size(), 200u) << e.problem;
}

TEST(PointsReaderError, CancelledByProgress) {
    std::string text;
    for (int i = 0; i < 200000; ++i)
        text += std::to_string(i) + ",1.5\n";
    int calls = 0;
    PointsReadOptions o;
    o.progress = [&](std::size_t done, std::size_t total) {
        EXPECT_LE(done, total);
        ++calls;
        return false;
    };
    const PointsResult r = readPoints(text, "big.csv", o);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(calls, 1);
    EXPECT_NE(r.message.find("cancelled"), std::string::npos);
}

TEST(PointsReader, ProgressReachesTheEnd) {
    std::string text;
    for (int i = 0; i < 200000; ++i)
        text += std::to_string(i) + ",2\n";
    std::vector<std::size_t> seen;
    PointsReadOptions o;
    o.progress = [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, text.size());
        seen.push_back(done);
        return true;
    };
    const PointsResult r = readPoints(text, "big.csv", o);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.points->size(), 200000u);
    ASSERT_GE(seen.size(), 2u); // ~1.5 MB: at least one report on the way and one at the end
    EXPECT_EQ(seen.back(), text.size());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

// ---------------------------------------------------------------------------------------------
// Files and the writer

TEST(PointsReader, FileIsReadAndNamedInErrors) {
    const auto dir = std::filesystem::temp_directory_path() / "stepwise-points-test";
    std::filesystem::create_directories(dir);
    const auto good = dir / "good.csv", bad = dir / "bad.csv";
    std::ofstream(good, std::ios::binary) << "x;y\r\n1,5;2\r\n";
    std::ofstream(bad, std::ios::binary) << "x;y\n1;oops\n";
    PointsReadOptions o;
    o.minPoints = 1;
    const PointsResult r = readPointsFile(good, o);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(*r.points, pts({{1.5, 2}}));
    const PointsResult b = readPointsFile(bad, o);
    EXPECT_FALSE(b.ok());
    EXPECT_EQ(b.message, bad.string() + ": line 2, column 2: \"oops\" is not a number (y)");
    const PointsResult m = readPointsFile(dir / "missing.csv");
    EXPECT_FALSE(m.ok());
    EXPECT_NE(m.message.find("missing.csv: (file): cannot be opened"), std::string::npos)
        << m.message;
    std::filesystem::remove_all(dir);
}

TEST(PointsWriter, PointsAndPredictionsReadBackExactly) {
    const std::vector<TargetPoint> p = {{0.1, 1.0 / 3.0}, {-0.0, 1e-300}, {1e12, -2.5}};
    const std::vector<double> pred = {0.3, -1.0 / 7.0, 42.0};
    const std::string csv = writePointsCsv(p, pred, {false, true, false});
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "x,y,prediction,set");
    EXPECT_NE(csv.find(",test\n"), std::string::npos);
    const PointsResult r = readPoints(csv, "out.csv");
    ASSERT_TRUE(r.ok()) << r.message;
    ASSERT_EQ(r.points->size(), p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>((*r.points)[i].x),
                  std::bit_cast<std::uint64_t>(p[i].x));
        EXPECT_EQ(std::bit_cast<std::uint64_t>((*r.points)[i].y),
                  std::bit_cast<std::uint64_t>(p[i].y));
    }
    PointsReadOptions o;
    o.y.name = "prediction";
    const PointsResult q = readPoints(csv, "out.csv", o);
    ASSERT_TRUE(q.ok()) << q.message;
    for (std::size_t i = 0; i < p.size(); ++i)
        EXPECT_EQ((*q.points)[i].y, pred[i]);
}

TEST(PointsWriter, PlainPointsHaveTwoColumns) {
    EXPECT_EQ(writePointsCsv({{1.0, 2.0}, {0.5, -0.25}}), "x,y\n1,2\n0.5,-0.25\n");
}

// readPoints: CSV/TSV text to points (the rules are in core/data/PointsReader.h).
#include "core/data/PointsReader.h"
#include "core/scenario/ScenarioFile.h" // readFile

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <new>

namespace stepwise {

namespace {

constexpr std::size_t kMaxColumns = 1000;
constexpr std::size_t kMaxNumberLength = 400;
constexpr std::size_t kMaxQuotedLength = 60; // of a field quoted in a message

struct Failure {
    PointsError error;
};

[[noreturn]] void fail(long line, long column, std::string problem) {
    throw Failure{{line, column, std::move(problem)}};
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// A field of the text, quoted for a message: printable, escaped, shortened.
std::string shownQuoted(std::string_view s) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (unsigned char ch : s) {
        if (shown++ == kMaxQuotedLength) {
            out += "...";
            break;
        }
        if (ch < 0x20 || ch == 0x7f) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[ch >> 4];
            out += kHex[ch & 15];
        } else {
            out += static_cast<char>(ch);
        }
    }
    return out + "\"";
}

char delimiterChar(Delimiter d) {
    switch (d) {
    case Delimiter::Semicolon:
        return ';';
    case Delimiter::Tab:
        return '\t';
    default:
        return ',';
    }
}

std::string delimiterName(char d) {
    return d == '\t' ? "tab" : d == ';' ? "semicolon" : "comma";
}

// The lines of the text, ending in LF, CRLF or CR; numbered from 1.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r')
            ++end;
        line = text_.substr(pos_, end - pos_);
        if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() &&
            text_[end + 1] == '\n')
            ++end;
        pos_ = end + 1;
        ++number_;
        return true;
    }
    long number() const { return number_; }
    std::size_t position() const { return std::min(pos_, text_.size()); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    long number_ = 0;
};

bool isSpace(char ch, char delimiter) {
    return ch == ' ' || (ch == '\t' && delimiter != '\t') || ch == '\f' || ch == '\v';
}

// A line with nothing but spaces, delimiters and quotes: skipped.
bool blankLine(std::string_view line, char delimiter) {
    return std::all_of(line.begin(), line.end(), [&](char ch) {
        return isSpace(ch, delimiter) || ch == delimiter || ch == '"' || ch == '\t';
    });
}

struct Field {
    std::string_view text; // without surrounding spaces and quotes ("" not yet unescaped)
    bool quoted = false;
};

// Splits a line into fields. On a malformed quote returns false and sets badColumn (1-based) and
// problem. Stops with tooMany = true past kMaxColumns fields.
bool splitLine(std::string_view line, char d, std::vector<Field>& fields, long& badColumn,
               std::string& problem) {
    fields.clear();
    const std::size_t n = line.size();
    std::size_t i = 0;
    while (true) {
        if (fields.size() == kMaxColumns) {
            badColumn = static_cast<long>(kMaxColumns) + 1;
            problem = "more than " + std::to_string(kMaxColumns) + " columns";
            return false;
        }
        while (i < n && isSpace(line[i], d))
            ++i;
        if (i < n && line[i] == '"') {
            std::size_t j = i + 1;
            while (true) {
                if (j >= n) {
                    badColumn = static_cast<long>(fields.size()) + 1;
                    problem = "a quote \" opens here and is not closed on the same line";
                    return false;
                }
                if (line[j] == '"') {
                    if (j + 1 < n && line[j + 1] == '"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            fields.push_back({line.substr(i + 1, j - i - 1), true});
            i = j + 1;
            while (i < n && isSpace(line[i], d))
                ++i;
            if (i < n && line[i] != d) {
                badColumn = static_cast<long>(fields.size());
                problem = "text follows the closing quote: " + shownQuoted(line.substr(i, 20));
                return false;
            }
        } else {
            std::size_t j = line.find(d, i);
            if (j == std::string_view::npos) j = n;
            std::size_t e = j;
            while (e > i && isSpace(line[e - 1], d))
                --e;
            fields.push_back({line.substr(i, e - i), false});
            i = j;
        }
        if (i >= n) return true;
        ++i; // the delimiter; a delimiter at the end of the line leaves one more empty field
    }
}

std::string unescape(const Field& f) {
    std::string s(f.text);
    if (!f.quoted) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;
    }
    return out;
}

enum class Parsed { Ok, Empty, NotNumber, NaN, Infinite, TooLarge, WrongMark };

// Parses a number written with the decimal mark `mark` ('.' or ','); a leading '+' is allowed.
Parsed parseNumber(std::string_view s, char mark, double& out) {
    if (s.empty()) return Parsed::Empty;
    if (s.size() > kMaxNumberLength) return Parsed::NotNumber;
    const char other = mark == '.' ? ',' : '.';
    std::array<char, kMaxNumberLength + 1> buf{};
    std::size_t len = 0;
    bool hasOther = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char ch = s[i];
        if (i == 0 && ch == '+' && s.size() > 1 && s[1] != '-' && s[1] != '+') continue;
        if (ch == other) hasOther = true;
        if (ch == mark || ch == other) ch = '.';
        buf[len++] = ch;
    }
    double v = 0.0;
    const auto [end, ec] = std::from_chars(buf.data(), buf.data() + len, v);
    if (end != buf.data() + len || ec == std::errc::invalid_argument) return Parsed::NotNumber;
    if (ec == std::errc::result_out_of_range) {
        // Overflow or underflow: the exponent's sign tells which.
        const std::string_view t(buf.data(), len);
        const std::size_t e = t.find_first_of("eE");
        if (e != std::string_view::npos && e + 1 < len && t[e + 1] == '-') {
            if (hasOther) return Parsed::WrongMark;
            out = 0.0;
            return Parsed::Ok;
        }
        return hasOther ? Parsed::WrongMark : Parsed::TooLarge;
    }
    if (hasOther) return Parsed::WrongMark;
    if (std::isnan(v)) return Parsed::NaN;
    if (std::isinf(v)) return Parsed::Infinite;
    if (std::abs(v) > kMaxDataMagnitude) return Parsed::TooLarge;
    out = v;
    return Parsed::Ok;
}

// Looks like a number (or a NaN/infinity/huge one) with either decimal mark.
bool numberLike(std::string_view s) {
    double v;
    for (char mark : {'.', ','}) {
        const Parsed p = parseNumber(s, mark, v);
        if (p != Parsed::NotNumber && p != Parsed::Empty && p != Parsed::WrongMark) return true;
    }
    return false;
}

char sniffDelimiter(std::string_view text) {
    constexpr std::array<char, 3> kCandidates = {'\t', ';', ','};
    std::array<long, 3> firstCount{-1, -1, -1};
    std::array<bool, 3> consistent{true, true, true};
    std::array<int, 3> twoOrMore{0, 0, 0};
    std::vector<Field> fields;
    Lines lines(text);
    std::string_view line;
    int seen = 0;
    long firstLine = 0;
    while (seen < kSniffLines && lines.next(line)) {
        if (std::all_of(line.begin(), line.end(), [](char ch) { return ch == ' ' || ch == '\t'; }))
            continue;
        if (firstLine == 0) firstLine = lines.number();
        ++seen;
        for (std::size_t c = 0; c < kCandidates.size(); ++c) {
            long bad;
            std::string problem;
            long n = -1;
            if (splitLine(line, kCandidates[c], fields, bad, problem))
                n = static_cast<long>(fields.size());
            else if (fields.size() == kMaxColumns)
                n = static_cast<long>(kMaxColumns) + 1; // too many: the read says so
            if (n >= 2) ++twoOrMore[c];
            if (firstCount[c] < 0) firstCount[c] = n;
            if (n < 2 || n != firstCount[c]) consistent[c] = false;
        }
    }
    for (std::size_t c = 0; c < kCandidates.size(); ++c)
        if (consistent[c] && firstCount[c] >= 2) return kCandidates[c];
    std::size_t best = 0;
    for (std::size_t c = 1; c < kCandidates.size(); ++c)
        if (twoOrMore[c] > twoOrMore[best]) best = c;
    if (twoOrMore[best] == 0)
        fail(firstLine, 0,
             "holds one column only; points need two (x and y), separated by a comma, a "
             "semicolon or a tab");
    return kCandidates[best];
}

// Resolves a chosen column against the header names; -1 when not chosen.
int chosenColumn(const ColumnChoice& c, const PointsDialect& d, long headerLine,
                 std::string_view axis) {
    if (c.index) {
        if (*c.index < 0 || *c.index >= d.columns)
            fail(headerLine, 0,
                 "has no column " + std::to_string(*c.index + 1) + " for " + std::string(axis) +
                     "; it has " + count(static_cast<std::size_t>(d.columns), "column", "columns"));
        return *c.index;
    }
    if (c.name.empty()) return -1;
    if (!d.header)
        fail(0, 0,
             "the " + std::string(axis) + " column is chosen by the name " + shownQuoted(c.name) +
                 ", but the text has no header line naming its columns");
    for (std::size_t i = 0; i < d.names.size(); ++i)
        if (d.names[i] == c.name) return static_cast<int>(i);
    std::string list;
    for (std::size_t i = 0; i < d.names.size() && i < 20; ++i)
        list += (i ? ", " : "") + shownQuoted(d.names[i]);
    fail(headerLine, 0,
         "has no column named " + shownQuoted(c.name) + " (its columns: " + list + ")");
}

std::string problemFor(Parsed p, std::string_view field, char mark, std::string_view axis,
                       long markLine, long markColumn) {
    const std::string what = " (" + std::string(axis) + ")";
    switch (p) {
    case Parsed::Empty:
        return "is empty; " + std::string(axis) + " must be a number";
    case Parsed::NaN:
        return shownQuoted(field) + " is not a number (NaN)" + what +
               "; every value must be finite";
    case Parsed::Infinite:
        return shownQuoted(field) + " is infinite" + what + "; every value must be finite";
    case Parsed::TooLarge:
        return shownQuoted(field) + " is too large" + what + "; values must lie within ±1e12";
    case Parsed::WrongMark: {
        std::string s = shownQuoted(field) + " is written with a decimal " +
                        (mark == '.' ? "comma" : "point") + ", but this text uses a decimal " +
                        (mark == '.' ? "point" : "comma");
        if (markLine > 0)
            s += " (as in line " + std::to_string(markLine) + ", column " +
                 std::to_string(markColumn) + ")";
        return s;
    }
    default:
        return shownQuoted(field) + " is not a number" + what;
    }
}

void read(std::string_view text, const PointsReadOptions& o, PointsResult& r) {
    const std::size_t total = text.size();
    if (text.size() > o.maxBytes)
        fail(0, 0,
             "the text is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                 std::to_string(o.maxBytes) + " bytes");
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        fail(0, 0, "the text is UTF-16; save it as UTF-8 (or plain CSV) and try again");
    std::size_t skipped = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        skipped = 3;
    }
    if (std::all_of(text.begin(), text.end(), [](char ch) {
            return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
        }))
        fail(0, 0, "the text is empty; it holds no points");
    if (text.find('\0') != std::string_view::npos)
        fail(0, 0, "the text holds zero bytes: it is not CSV text");

    PointsDialect& d = r.dialect;
    const char delim =
        o.delimiter == Delimiter::Auto ? sniffDelimiter(text) : delimiterChar(o.delimiter);
    d.delimiter = delim;
    // The decimal mark: fixed, implied by a comma delimiter, or decided by the first number
    // written with a mark (0 = not decided yet).
    char mark = o.decimal == DecimalMark::Point   ? '.'
                : o.decimal == DecimalMark::Comma ? ','
                : delim == ','                    ? '.'
                                                  : 0;
    if (mark == ',' && delim == ',')
        fail(0, 0,
             "a decimal comma cannot be read in comma-separated text; choose a semicolon "
             "or tab delimiter");
    long markLine = 0, markColumn = 0;

    // Pass 1, allocating nothing: the first non-blank line and the number of non-blank lines.
    std::vector<Field> fields;
    Lines lines(text);
    std::string_view line;
    long firstLine = 0;
    std::size_t nonBlank = 0;
    std::string_view first;
    while (lines.next(line)) {
        if (blankLine(line, delim)) continue;
        if (++nonBlank == 1) {
            firstLine = lines.number();
            first = line;
        }
    }
    long bad = 0;
    std::string problem;
    if (!splitLine(first, delim, fields, bad, problem)) fail(firstLine, bad, problem);
    d.columns = static_cast<int>(fields.size());
    if (d.columns < 2)
        fail(firstLine, 0,
             "holds one column only (with the " + delimiterName(delim) +
                 " as delimiter); points need two, x and y");
    d.header =
        o.header ? *o.header : !std::all_of(fields.begin(), fields.end(), [](const Field& f) {
            return f.text.empty() || numberLike(f.text);
        });
    if (d.header)
        for (const Field& f : fields)
            d.names.push_back(unescape(f));
    const std::size_t dataLines = nonBlank - (d.header ? 1 : 0);
    if (dataLines > o.maxPoints)
        fail(0, 0,
             "the text holds " + std::to_string(dataLines) + " points, more than the limit of " +
                 std::to_string(o.maxPoints));
    if (dataLines == 0)
        fail(0, 0,
             d.header ? "the text holds a header line but no points" : "the text holds no points");

    // Pass 2: the points.
    std::vector<TargetPoint> points;
    points.reserve(dataLines);
    int xc = chosenColumn(o.x, d, firstLine, "x"), yc = chosenColumn(o.y, d, firstLine, "y");
    if (xc >= 0 && xc == yc) fail(0, 0, "x and y are chosen as the same column");
    Lines again(text);
    bool headerSkipped = !d.header;
    std::size_t reported = 0;
    while (again.next(line)) {
        if (o.progress && again.position() - reported >= kProgressBytes) {
            reported = again.position();
            if (!o.progress(reported + skipped, total)) {
                r.cancelled = true;
                fail(0, 0, "reading was cancelled");
            }
        }
        if (blankLine(line, delim)) continue;
        const long ln = again.number();
        if (!splitLine(line, delim, fields, bad, problem)) fail(ln, bad, problem);
        if (std::all_of(fields.begin(), fields.end(),
                        [](const Field& f) { return f.text.empty(); }))
            continue;
        if (static_cast<int>(fields.size()) != d.columns)
            fail(ln, 0,
                 "has " + count(fields.size(), "column", "columns") + ", but line " +
                     std::to_string(firstLine) + " has " + std::to_string(d.columns) +
                     "; every line needs the same columns");
        if (!headerSkipped) {
            headerSkipped = true;
            continue;
        }
        if (points.empty() && d.columns == 2 && xc < 0 && yc < 0) {
            xc = 0; // two columns: x and y, whatever the first line holds
            yc = 1;
        } else if (points.empty() && (xc < 0 || yc < 0)) {
            // The first data line picks the columns that were not chosen.
            std::vector<int> numeric;
            for (int c = 0; c < d.columns; ++c)
                if (c != xc && c != yc && numberLike(fields[static_cast<std::size_t>(c)].text))
                    numeric.push_back(c);
            const std::size_t need = (xc < 0 ? 1u : 0u) + (yc < 0 ? 1u : 0u);
            if (numeric.size() < need)
                fail(ln, 0,
                     "holds " + count(numeric.size(), "column", "columns") +
                         " with a number where " + std::to_string(need) +
                         " are needed for x and y");
            std::size_t k = 0;
            if (xc < 0) xc = numeric[k++];
            if (yc < 0) yc = numeric[k++];
        }
        d.xColumn = xc;
        d.yColumn = yc;
        double v[2] = {0.0, 0.0};
        const int cols[2] = {xc, yc};
        for (int a = 0; a < 2; ++a) {
            const Field& f = fields[static_cast<std::size_t>(cols[a])];
            Parsed p;
            if (mark == 0) {
                const bool comma = f.text.find(',') != std::string_view::npos;
                const bool point = f.text.find('.') != std::string_view::npos;
                const char tryMark = comma && !point ? ',' : '.';
                p = parseNumber(f.text, tryMark, v[a]);
                if (p == Parsed::Ok && (comma || point)) {
                    mark = tryMark;
                    markLine = ln;
                    markColumn = cols[a] + 1;
                }
            } else {
                p = parseNumber(f.text, mark, v[a]);
            }
            if (p != Parsed::Ok)
                fail(ln, cols[a] + 1,
                     problemFor(p, f.text, mark ? mark : '.', a == 0 ? "x" : "y", markLine,
                                markColumn));
        }
        points.push_back({v[0], v[1]});
    }
    d.decimal = mark ? mark : '.';
    if (points.size() < o.minPoints)
        fail(0, 0,
             "the text holds " + count(points.size(), "usable point", "usable points") +
                 "; at least " + std::to_string(o.minPoints) + " are needed");
    if (o.progress && !o.progress(total, total)) {
        r.cancelled = true;
        fail(0, 0, "reading was cancelled");
    }
    r.points = std::move(points);
}

} // namespace

std::string formatPointsError(std::string_view source, const PointsError& e) {
    std::string where = "(file)";
    if (e.line > 0) {
        where = "line " + std::to_string(e.line);
        if (e.column > 0) where += ", column " + std::to_string(e.column);
    }
    std::string s = std::string(source) + ": " + where + ": " + e.problem;
    for (char& ch : s)
        if (ch == '\n' || ch == '\r') ch = ' ';
    return s;
}

PointsResult readPoints(std::string_view text, std::string_view source,
                        const PointsReadOptions& options) {
    PointsResult r;
    try {
        read(text, options, r);
    } catch (const Failure& f) {
        r.points.reset();
        r.error = f.error;
    } catch (const std::bad_alloc&) {
        r.points.reset();
        r.error = {0, 0, "not enough memory to read the points"};
    }
    if (!r.ok()) r.message = formatPointsError(source, r.error);
    return r;
}

PointsResult readPointsFile(const std::filesystem::path& path, const PointsReadOptions& options) {
    std::string bytes, error;
    const std::string name = path.string();
    if (!readFile(path, options.maxBytes, bytes, error)) {
        PointsResult r;
        r.error = {0, 0, error};
        r.message = formatPointsError(name, r.error);
        return r;
    }
    return readPoints(bytes, name, options);
}

} // namespace stepwise

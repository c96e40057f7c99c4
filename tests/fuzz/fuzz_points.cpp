// Fuzz target for the points reader (libFuzzer; built with -DSTEPWISE_FUZZ=ON and clang).
//
// The first byte chooses the options (delimiter, decimal mark, header, columns); the rest is the
// text. Properties checked on every input:
//   1. readPoints never crashes, hangs or trips ASan/UBSan, whatever the bytes;
//   2. a refusal gives no points and one line "fuzz.csv: WHERE: PROBLEM" with a problem;
//   3. accepted points number between minPoints and maxPoints and are finite within ±1e12;
//   4. the points written with writePointsCsv read back to the same doubles, bit for bit.
#include "core/data/PointsReader.h"

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {
[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz_points: %s\n", what);
    std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stepwise;
    if (size == 0) return 0;
    const std::uint8_t choice = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    PointsReadOptions o;
    o.delimiter = static_cast<Delimiter>(choice & 3);
    o.decimal = static_cast<DecimalMark>((choice >> 2) % 3);
    if (choice & 0x10) o.header = (choice & 0x20) != 0;
    if (choice & 0x40) o.x.index = (choice >> 7) + 1;
    if (choice & 0x80) o.y.name = "y";
    o.maxPoints = 5000; // small limits, so the limit paths are reached too
    o.maxBytes = 1u << 16;
    const PointsResult r = readPoints(text, "fuzz.csv", o);
    if (!r.ok()) {
        if (r.points || r.error.problem.empty())
            broken("a refusal without a problem, or with points");
        if (r.message.rfind("fuzz.csv: ", 0) != 0) broken("an error that does not name the source");
        if (r.message.find('\n') != std::string::npos) broken("an error of more than one line");
        return 0;
    }
    const auto& p = *r.points;
    if (p.size() < o.minPoints || p.size() > o.maxPoints) broken("a point count out of bounds");
    for (const TargetPoint& q : p)
        if (!std::isfinite(q.x) || !std::isfinite(q.y) || std::abs(q.x) > kMaxDataMagnitude ||
            std::abs(q.y) > kMaxDataMagnitude)
            broken("a point that is not finite or too large");

    PointsReadOptions plain;
    plain.maxPoints = o.maxPoints;
    const PointsResult again = readPoints(writePointsCsv(p), "rewritten.csv", plain);
    if (!again.ok()) {
        std::fprintf(stderr, "%s\n", again.message.c_str());
        broken("accepted points, written as CSV, are refused");
    }
    if (again.points->size() != p.size()) broken("written points read back in another number");
    for (std::size_t i = 0; i < p.size(); ++i)
        if (std::bit_cast<std::uint64_t>((*again.points)[i].x) !=
                std::bit_cast<std::uint64_t>(p[i].x) ||
            std::bit_cast<std::uint64_t>((*again.points)[i].y) !=
                std::bit_cast<std::uint64_t>(p[i].y))
            broken("written points read back to other doubles");
    return 0;
}

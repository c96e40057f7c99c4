// writePointsCsv: points, and optionally predictions and the test split, as CSV (see
// core/data/PointsReader.h).
#include "core/data/PointsReader.h"

#include <array>
#include <charconv>

namespace stepwise {

namespace {

void appendNumber(std::string& out, double v) {
    std::array<char, 32> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    out.append(buf.data(), ec == std::errc{} ? end : buf.data());
}

} // namespace

std::string writePointsCsv(const std::vector<TargetPoint>& points,
                           const std::vector<double>& predictions,
                           const std::vector<bool>& isTest) {
    const bool withPrediction = !predictions.empty() && predictions.size() == points.size();
    const bool withSet = !isTest.empty() && isTest.size() == points.size();
    std::string out = "x,y";
    if (withPrediction) out += ",prediction";
    if (withSet) out += ",set";
    out += '\n';
    out.reserve(points.size() * 48 + out.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        appendNumber(out, points[i].x);
        out += ',';
        appendNumber(out, points[i].y);
        if (withPrediction) {
            out += ',';
            appendNumber(out, predictions[i]);
        }
        if (withSet) out += isTest[i] ? ",test" : ",train";
        out += '\n';
    }
    return out;
}

} // namespace stepwise

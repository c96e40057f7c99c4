#include "core/deep/SwitchingLine.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace stepwise {

std::optional<std::array<PlanePoint, 2>> switchingSegment(const SwitchingLine& l, double lo,
                                                          double hi) {
    const double norm = std::hypot(l.w1, l.w2);
    if (!(norm > 0.0) || !std::isfinite(norm) || !std::isfinite(l.b) || !(hi > lo))
        return std::nullopt;
    // Where the line crosses each of the four edges' lines, kept when on the edge itself.
    const double eps = 1e-12 * (hi - lo);
    std::vector<PlanePoint> hits;
    auto add = [&](PlanePoint p) {
        if (p.x1 < lo - eps || p.x1 > hi + eps || p.x2 < lo - eps || p.x2 > hi + eps) return;
        p.x1 = std::clamp(p.x1, lo, hi);
        p.x2 = std::clamp(p.x2, lo, hi);
        for (const PlanePoint& h : hits) // a corner is met by two edges
            if (std::abs(h.x1 - p.x1) <= eps && std::abs(h.x2 - p.x2) <= eps) return;
        hits.push_back(p);
    };
    if (l.w2 != 0.0)
        for (double x1 : {lo, hi})
            add({x1, -(l.w1 * x1 + l.b) / l.w2});
    if (l.w1 != 0.0)
        for (double x2 : {lo, hi})
            add({-(l.w2 * x2 + l.b) / l.w1, x2});
    if (hits.size() < 2) return std::nullopt;
    // The two hits farthest apart (a line through a corner can meet three edges' lines there).
    std::array<PlanePoint, 2> best{hits[0], hits[1]};
    double far = -1.0;
    for (std::size_t i = 0; i < hits.size(); ++i)
        for (std::size_t k = i + 1; k < hits.size(); ++k) {
            const double d = std::hypot(hits[i].x1 - hits[k].x1, hits[i].x2 - hits[k].x2);
            if (d > far) {
                far = d;
                best = {hits[i], hits[k]};
            }
        }
    if (!(far > eps)) return std::nullopt; // only touches a corner
    return best;
}

SwitchingLine movedLine(const SwitchingLine& l, PlanePoint from, PlanePoint to) {
    SwitchingLine out = l;
    out.b = l.b - (l.w1 * (to.x1 - from.x1) + l.w2 * (to.x2 - from.x2));
    return out;
}

SwitchingLine turnedLine(const SwitchingLine& l, PlanePoint pivot, PlanePoint towards) {
    const double d1 = towards.x1 - pivot.x1, d2 = towards.x2 - pivot.x2;
    const double len = std::hypot(d1, d2), norm = std::hypot(l.w1, l.w2);
    if (!(len > 1e-12) || !(norm > 0.0) || !std::isfinite(len)) return l;
    double n1 = -d2 / len, n2 = d1 / len; // a unit normal of the new direction
    if (n1 * l.w1 + n2 * l.w2 < 0.0) {
        n1 = -n1;
        n2 = -n2;
    }
    SwitchingLine out;
    out.w1 = norm * n1;
    out.w2 = norm * n2;
    out.b = -(out.w1 * pivot.x1 + out.w2 * pivot.x2);
    return out;
}

} // namespace stepwise

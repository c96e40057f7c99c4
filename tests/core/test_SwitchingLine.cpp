// SwitchingLine: the segment inside the square lies on the line and ends on the square's edges;
// moving shifts only the bias, by −w·(q − p); turning keeps |w| and the pivot on the line and
// points the line at the mouse without flipping the neuron's side.
#include "core/deep/SwitchingLine.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

namespace {

bool onEdge(PlanePoint p, double lo, double hi) {
    auto near = [](double a, double b) { return std::abs(a - b) < 1e-12; };
    return near(p.x1, lo) || near(p.x1, hi) || near(p.x2, lo) || near(p.x2, hi);
}

} // namespace

TEST(SwitchingLine, SegmentEndsOnTheSquareAndLiesOnTheLine) {
    const SwitchingLine l{2.0, -1.0, 0.5}; // x₂ = 2x₁ + 0.5
    const auto seg = switchingSegment(l, -1.0, 1.0);
    ASSERT_TRUE(seg.has_value());
    for (const PlanePoint& p : *seg) {
        EXPECT_NEAR(l.at(p), 0.0, 1e-12);
        EXPECT_TRUE(onEdge(p, -1.0, 1.0));
    }
    // By hand: it enters at x₂ = −1 (x₁ = −0.75) and leaves at x₂ = 1 (x₁ = 0.25).
    const double a = std::min((*seg)[0].x1, (*seg)[1].x1), b = std::max((*seg)[0].x1, (*seg)[1].x1);
    EXPECT_NEAR(a, -0.75, 1e-12);
    EXPECT_NEAR(b, 0.25, 1e-12);
}

TEST(SwitchingLine, NoSegmentOutsideTheSquareOrWithoutWeights) {
    EXPECT_FALSE(switchingSegment({1.0, 0.0, -5.0}, -1.0, 1.0)); // x₁ = 5
    EXPECT_FALSE(switchingSegment({0.0, 0.0, 1.0}, -1.0, 1.0));
    EXPECT_FALSE(switchingSegment({1.0, 1.0, -2.0}, -1.0, 1.0)); // touches the corner (1, 1)
    const auto diagonal = switchingSegment({1.0, -1.0, 0.0}, -1.0, 1.0);
    ASSERT_TRUE(diagonal.has_value()); // corner to corner
    EXPECT_NEAR(
        std::hypot((*diagonal)[0].x1 - (*diagonal)[1].x1, (*diagonal)[0].x2 - (*diagonal)[1].x2),
        std::sqrt(8.0), 1e-12);
}

TEST(SwitchingLine, MovingShiftsOnlyTheBias) {
    const SwitchingLine l{3.0, -2.0, 1.0};
    const PlanePoint from{0.2, 0.8}, to{0.5, 0.1};
    const SwitchingLine m = movedLine(l, from, to);
    EXPECT_EQ(m.w1, l.w1);
    EXPECT_EQ(m.w2, l.w2);
    EXPECT_NEAR(m.b, 1.0 - (3.0 * 0.3 + -2.0 * -0.7), 1e-12);
    // A point on the old line, moved by the same step, is on the new one.
    const PlanePoint p{0.0, 0.5}; // 3·0 − 2·0.5 + 1 = 0
    EXPECT_NEAR(m.at({p.x1 + 0.3, p.x2 - 0.7}), 0.0, 1e-12);
}

TEST(SwitchingLine, TurningKeepsTheNormAndThePivot) {
    const SwitchingLine l{0.0, 4.0, -2.0}; // x₂ = 0.5, on where x₂ > 0.5
    const PlanePoint pivot{0.0, 0.5}, towards{1.0, 1.5};
    const SwitchingLine t = turnedLine(l, pivot, towards);
    EXPECT_NEAR(std::hypot(t.w1, t.w2), 4.0, 1e-12);
    EXPECT_NEAR(t.at(pivot), 0.0, 1e-12);
    EXPECT_NEAR(t.at(towards), 0.0, 1e-12);
    EXPECT_GT(t.w1 * l.w1 + t.w2 * l.w2, 0.0); // the same side stays on
    EXPECT_NEAR(t.w1, -std::sqrt(8.0), 1e-12);
    EXPECT_NEAR(t.w2, std::sqrt(8.0), 1e-12);
    EXPECT_EQ(turnedLine(l, pivot, pivot), l);
}

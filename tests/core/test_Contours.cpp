#include "core/landscape/Contours.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

namespace {
// f(x, y) = x² + y² on [−2, 2]², n×n samples.
Eigen::MatrixXd bowl(int n) {
    Eigen::MatrixXd f(n, n);
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < n; ++k) {
            const double x = -2.0 + 4.0 * i / (n - 1), y = -2.0 + 4.0 * k / (n - 1);
            f(i, k) = x * x + y * y;
        }
    return f;
}
} // namespace

TEST(Contours, CircleOfABowlLiesOnTheCircle) {
    const auto segs = contourSegments(bowl(81), -2, 2, -2, 2, 1.0);
    ASSERT_GT(segs.size(), 40u);
    for (const ContourSegment& s : segs) {
        // Linear interpolation of x² + y² between samples 0.05 apart errs by well under 1 %.
        EXPECT_NEAR(std::hypot(s.x0, s.y0), 1.0, 0.01);
        EXPECT_NEAR(std::hypot(s.x1, s.y1), 1.0, 0.01);
    }
}

TEST(Contours, LinearFunctionGivesTheExactLine) {
    // f = x + y: the level-0 line is y = −x, and linear interpolation is exact.
    Eigen::MatrixXd f(5, 5);
    for (int i = 0; i < 5; ++i)
        for (int k = 0; k < 5; ++k)
            f(i, k) = (i - 2.0) + (k - 2.0) + 0.25;
    const auto segs = contourSegments(f, -2, 2, -2, 2, 0.0);
    ASSERT_FALSE(segs.empty());
    for (const ContourSegment& s : segs) {
        EXPECT_NEAR(s.x0 + s.y0, -0.25, 1e-12);
        EXPECT_NEAR(s.x1 + s.y1, -0.25, 1e-12);
    }
}

TEST(Contours, LevelOutsideTheDataGivesNothing) {
    EXPECT_TRUE(contourSegments(bowl(11), -2, 2, -2, 2, 100.0).empty());
    EXPECT_TRUE(contourSegments(bowl(11), -2, 2, -2, 2, -1.0).empty());
}

TEST(Contours, SaddleCellGivesTwoSegmentsThatDoNotCross) {
    // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0; centre 0.5 ≥ 0.5 joins the high corners, so the
    // low corners (1,0) and (0,1) are cut off.
    Eigen::MatrixXd f(2, 2);
    f << 1, 0, 0, 1;
    const auto segs = contourSegments(f, 0, 1, 0, 1, 0.5);
    ASSERT_EQ(segs.size(), 2u);
    for (const ContourSegment& s : segs) {
        const double mx = (s.x0 + s.x1) / 2, my = (s.y0 + s.y1) / 2;
        // Each segment sits near a low corner: (1, 0) or (0, 1).
        EXPECT_TRUE(std::hypot(mx - 1, my) < 0.5 || std::hypot(mx, my - 1) < 0.5);
    }
}

TEST(Contours, NonFiniteCellsAreSkipped) {
    Eigen::MatrixXd f = bowl(11);
    f(5, 5) = std::nan("");
    const auto segs = contourSegments(f, -2, 2, -2, 2, 0.05);
    EXPECT_TRUE(segs.empty()); // the only crossing cells touched the NaN
}

TEST(Contours, LogLevelsAreGeometric) {
    const auto l = logLevels(1.0, 1000.0, 2);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_NEAR(l[0], 10.0, 1e-9);
    EXPECT_NEAR(l[1], 100.0, 1e-9);
    EXPECT_TRUE(logLevels(0.0, 1.0, 3).empty());
    EXPECT_TRUE(logLevels(1.0, 1.0, 3).empty());
}

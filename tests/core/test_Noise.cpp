// Noise: Box–Muller over the portable uniform01, reproducible from the seed, with the moments of
// a standard normal, scaled by the standard deviation, and nothing drawn when it is zero.
#include "core/data/Noise.h"
#include "core/training/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

using namespace stepwise;

TEST(Noise, StandardNormalIsBoxMullerOnTwoEngineOutputs) {
    // By hand from the engine's raw outputs: u = (r >> 11)·2⁻⁵³, z = √(−2 ln(1 − u1))·cos(2π u2).
    std::mt19937_64 raw(42), rng(42);
    for (int k = 0; k < 5; ++k) {
        const double u1 = static_cast<double>(raw() >> 11) * 0x1.0p-53;
        const double u2 = static_cast<double>(raw() >> 11) * 0x1.0p-53;
        const double z =
            std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
        EXPECT_EQ(standardNormal(rng), z) << "draw " << k;
    }
    EXPECT_EQ(raw(), rng()) << "each normal takes exactly two outputs";
}

TEST(Noise, MomentsAreThoseOfAStandardNormal) {
    std::mt19937_64 rng(7);
    constexpr int n = 200000;
    double sum = 0.0, sumSq = 0.0, sum4 = 0.0;
    int withinOne = 0;
    for (int i = 0; i < n; ++i) {
        const double z = standardNormal(rng);
        ASSERT_TRUE(std::isfinite(z));
        sum += z;
        sumSq += z * z;
        sum4 += z * z * z * z;
        withinOne += std::abs(z) < 1.0;
    }
    const double mean = sum / n, var = sumSq / n - mean * mean;
    // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032; bounds at about 5σ.
    EXPECT_NEAR(mean, 0.0, 0.011);
    EXPECT_NEAR(var, 1.0, 0.016);
    EXPECT_NEAR(sum4 / n, 3.0, 0.1);                                // kurtosis of a normal
    EXPECT_NEAR(static_cast<double>(withinOne) / n, 0.6827, 0.006); // P(|z| < 1)
}

TEST(Noise, SameSeedGivesSameNoise) {
    std::vector<TargetPoint> a(50, {0.5, 1.0}), b = a, c = a;
    std::mt19937_64 ra(3), rb(3), rc(4);
    addNoise(a, 0.1, ra);
    addNoise(b, 0.1, rb);
    addNoise(c, 0.1, rc);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    for (const TargetPoint& p : a)
        EXPECT_EQ(p.x, 0.5) << "noise moves y only";
}

TEST(Noise, ScaledByStandardDeviation) {
    std::vector<TargetPoint> one(20, {0.0, 0.0}), two = one;
    std::mt19937_64 r1(9), r2(9);
    addNoise(one, 1.0, r1);
    addNoise(two, 2.0, r2);
    for (std::size_t i = 0; i < one.size(); ++i)
        EXPECT_EQ(two[i].y, 2.0 * one[i].y);
}

TEST(Noise, ZeroDrawsNothingAndChangesNothing) {
    std::vector<TargetPoint> p = {{1, 2}, {3, 4}};
    const auto before = p;
    std::mt19937_64 rng(5), fresh(5);
    addNoise(p, 0.0, rng);
    EXPECT_EQ(p, before);
    EXPECT_EQ(rng(), fresh());
}

TEST(Noise, ArrayAndPointsGetTheSameNoise) {
    std::vector<TargetPoint> p(30, {0.0, 0.25});
    Eigen::ArrayXd y = Eigen::ArrayXd::Constant(30, 0.25);
    std::mt19937_64 r1(11), r2(11);
    addNoise(p, 0.3, r1);
    addNoise(y, 0.3, r2);
    for (Eigen::Index i = 0; i < y.size(); ++i)
        EXPECT_EQ(y[i], p[static_cast<std::size_t>(i)].y);
}

// Backprop: the analytic gradient against central differences of the loss for every activation,
// the step's surrogate gradient against its own definition, and the per-sample breakdown.
#include "core/network/Backprop.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace stepwise;

namespace {

Network seededNetwork(int hidden, Activation g, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Network n(hidden, g);
    for (int j = 0; j < hidden; ++j) {
        n.w[j] = 2.0 * u(rng);
        n.b[j] = u(rng);
        n.v[j] = u(rng);
    }
    n.c = 0.5 * u(rng);
    return n;
}

Eigen::ArrayXd randomArray(Eigen::Index n, double scale, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-scale, scale);
    Eigen::ArrayXd a(n);
    for (Eigen::Index i = 0; i < n; ++i)
        a[i] = u(rng);
    return a;
}

// ∂L/∂θ_i by (L(θ + h·e_i) − L(θ − h·e_i)) / 2h.
Eigen::VectorXd numericGradient(const Network& net, const Eigen::ArrayXd& x,
                                const Eigen::ArrayXd& t, double h) {
    const Eigen::VectorXd p0 = packParams(net);
    Eigen::VectorXd g(p0.size());
    Network m = net;
    for (Eigen::Index i = 0; i < p0.size(); ++i) {
        Eigen::VectorXd p = p0;
        p[i] = p0[i] + h;
        unpackParams(m, p);
        const double up = loss(m, x, t);
        p[i] = p0[i] - h;
        unpackParams(m, p);
        const double down = loss(m, x, t);
        g[i] = (up - down) / (2.0 * h);
    }
    return g;
}

// Checks the analytic gradient of a random network with activation g on random data.
void expectGradientMatchesNumeric(Activation g, unsigned seed, double h, double tolerance) {
    std::mt19937_64 rng(seed);
    const int hidden = 5;
    const Network net = seededNetwork(hidden, g, rng);
    Eigen::ArrayXd x = randomArray(40, 1.5, rng);
    if (g.kind == ActivationKind::ReLU) {
        // Keep every sample well away from every kink z = 0.
        std::vector<double> kept;
        for (double xi : x)
            if (((net.w.array() * xi + net.b.array()).abs() > 1e-3).all()) kept.push_back(xi);
        x = Eigen::Map<Eigen::ArrayXd>(kept.data(), static_cast<Eigen::Index>(kept.size()));
        ASSERT_GE(x.size(), 30);
    }
    const Eigen::ArrayXd t = randomArray(x.size(), 1.0, rng);
    GradientKernel kernel;
    Eigen::VectorXd analytic;
    const double l = kernel.compute(net, x, t, analytic);
    EXPECT_NEAR(l, loss(net, x, t), 1e-14);
    const Eigen::VectorXd numeric = numericGradient(net, x, t, h);
    ASSERT_EQ(analytic.size(), paramCount(hidden));
    for (Eigen::Index i = 0; i < analytic.size(); ++i)
        EXPECT_NEAR(analytic[i], numeric[i], tolerance * std::max(1.0, std::abs(numeric[i])))
            << activationName(g.kind) << " k=" << g.steepness << " seed " << seed << " param "
            << paramName(paramAt(static_cast<int>(i), hidden), hidden);
}

double sigma(double z, double k) {
    return 1.0 / (1.0 + std::exp(-k * z));
}

} // namespace

TEST(MeanSquaredError, ByHand) {
    Eigen::ArrayXd y(3), t(3);
    y << 1.0, 2.0, 3.0;
    t << 1.0, 0.0, 4.0;
    EXPECT_DOUBLE_EQ(meanSquaredError(y, t), (0.0 + 4.0 + 1.0) / 3.0);
    EXPECT_EQ(meanSquaredError(Eigen::ArrayXd(), Eigen::ArrayXd()), 0.0);
}

TEST(GradientKernel, SigmoidMatchesNumericForSeveralSteepnesses) {
    for (double k : {0.5, 1.0, 4.0, 10.0})
        for (unsigned seed : {1u, 2u, 3u})
            expectGradientMatchesNumeric({ActivationKind::Sigmoid, k}, seed, 1e-6 / k, 1e-6);
}

TEST(GradientKernel, TanhMatchesNumeric) {
    for (unsigned seed : {1u, 2u, 3u})
        expectGradientMatchesNumeric({ActivationKind::Tanh, 1.0}, seed, 1e-6, 1e-6);
}

TEST(GradientKernel, ReluMatchesNumericAwayFromKinks) {
    for (unsigned seed : {1u, 2u, 3u})
        expectGradientMatchesNumeric({ActivationKind::ReLU, 1.0}, seed, 1e-6, 1e-6);
}

TEST(GradientKernel, IdentityMatchesNumeric) {
    for (unsigned seed : {1u, 2u, 3u})
        expectGradientMatchesNumeric({ActivationKind::Identity, 1.0}, seed, 1e-6, 1e-6);
}

TEST(GradientKernel, StepGivesZeroHiddenGradientAndExactOutputGradient) {
    std::mt19937_64 rng(11);
    const Network net = seededNetwork(4, {ActivationKind::Step, 1.0}, rng);
    const Eigen::ArrayXd x = randomArray(50, 1.5, rng);
    const Eigen::ArrayXd t = randomArray(50, 1.0, rng);
    GradientKernel kernel;
    Eigen::VectorXd g;
    kernel.compute(net, x, t, g);
    const int h = 4;
    for (int i = 0; i < 2 * h; ++i)
        EXPECT_EQ(g[i], 0.0) << paramName(paramAt(i, h), h);
    // y is linear in v and c, so a central difference is exact up to rounding.
    const Eigen::VectorXd numeric = numericGradient(net, x, t, 1e-3);
    for (int i = 2 * h; i < paramCount(h); ++i)
        EXPECT_NEAR(g[i], numeric[i], 1e-9) << paramName(paramAt(i, h), h);
    // And by the formula: ∂L/∂c = (2/N) Σ e_i.
    const Eigen::ArrayXd e = evaluateOutput(net, x) - t;
    EXPECT_NEAR(g[3 * h], 2.0 * e.mean(), 1e-14);
}

TEST(GradientKernel, SurrogateMatchesItsDefinition) {
    // Forward pass with the step; backward with g'(z) replaced by k·σ(kz)(1 − σ(kz)).
    std::mt19937_64 rng(5);
    const int h = 4;
    const Network net = seededNetwork(h, {ActivationKind::Step, 1.0}, rng);
    const Eigen::ArrayXd x = randomArray(30, 1.5, rng);
    const Eigen::ArrayXd t = randomArray(30, 1.0, rng);
    for (double k : {2.0, 10.0, 50.0}) {
        BackpropOptions options;
        options.stepSurrogate = true;
        options.surrogateSteepness = k;
        GradientKernel kernel;
        Eigen::VectorXd g;
        const double l = kernel.compute(net, x, t, g, options);

        const double n = static_cast<double>(x.size());
        Eigen::VectorXd expected = Eigen::VectorXd::Zero(paramCount(h));
        double expectedLoss = 0.0;
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            double y = net.c;
            for (int j = 0; j < h; ++j)
                y += net.v[j] * (net.w[j] * x[i] + net.b[j] >= 0.0 ? 1.0 : 0.0);
            const double e = y - t[i];
            expectedLoss += e * e / n;
            const double dy = 2.0 * e / n;
            for (int j = 0; j < h; ++j) {
                const double z = net.w[j] * x[i] + net.b[j];
                const double s = sigma(z, k);
                const double delta = dy * net.v[j] * k * s * (1.0 - s);
                expected[j] += delta * x[i];
                expected[h + j] += delta;
                expected[2 * h + j] += dy * (z >= 0.0 ? 1.0 : 0.0);
            }
            expected[3 * h] += dy;
        }
        EXPECT_NEAR(l, expectedLoss, 1e-14);
        for (int i = 0; i < paramCount(h); ++i)
            EXPECT_NEAR(g[i], expected[i], 1e-12 * std::max(1.0, std::abs(expected[i])))
                << "k = " << k << " " << paramName(paramAt(i, h), h);
        // The hidden layer does receive a gradient now.
        EXPECT_GT(g.head(2 * h).cwiseAbs().maxCoeff(), 1e-6);
    }
}

TEST(GradientKernel, SurrogateOptionLeavesSmoothActivationsAlone) {
    std::mt19937_64 rng(9);
    const Network net = seededNetwork(3, {ActivationKind::Sigmoid, 3.0}, rng);
    const Eigen::ArrayXd x = randomArray(20, 1.0, rng);
    const Eigen::ArrayXd t = randomArray(20, 1.0, rng);
    GradientKernel kernel;
    Eigen::VectorXd plain, withOption;
    kernel.compute(net, x, t, plain);
    BackpropOptions options;
    options.stepSurrogate = true;
    options.surrogateSteepness = 25.0;
    kernel.compute(net, x, t, withOption, options);
    EXPECT_EQ(plain, withOption);
}

TEST(GradientKernel, ReusedKernelGivesSameResultAsFreshOne) {
    // The kernel keeps its work arrays between calls: changing sizes must not leave stale values.
    std::mt19937_64 rng(21);
    GradientKernel reused;
    for (int round = 0; round < 6; ++round) {
        const int h = 1 + (round * 3) % 5;
        const Eigen::Index n = 5 + (round * 7) % 13;
        const Network net = seededNetwork(h, {ActivationKind::Tanh, 1.0}, rng);
        const Eigen::ArrayXd x = randomArray(n, 1.0, rng);
        const Eigen::ArrayXd t = randomArray(n, 1.0, rng);
        Eigen::VectorXd a, b;
        const double la = reused.compute(net, x, t, a);
        GradientKernel fresh;
        const double lb = fresh.compute(net, x, t, b);
        EXPECT_EQ(la, lb);
        EXPECT_EQ(a, b);
    }
}

TEST(GradientKernel, EmptyBatchGivesZeroLossAndGradient) {
    const Network net(3, {ActivationKind::Sigmoid, 1.0});
    GradientKernel kernel;
    Eigen::VectorXd g = Eigen::VectorXd::Constant(2, 7.0);
    EXPECT_EQ(kernel.compute(net, Eigen::ArrayXd(), Eigen::ArrayXd(), g), 0.0);
    ASSERT_EQ(g.size(), paramCount(3));
    EXPECT_TRUE((g.array() == 0.0).all());
}

TEST(BackpropAt, TermsSumToBatchGradient) {
    for (bool surrogate : {false, true}) {
        std::mt19937_64 rng(surrogate ? 31 : 32);
        const Activation g = surrogate ? Activation{ActivationKind::Step, 1.0}
                                       : Activation{ActivationKind::Sigmoid, 2.0};
        const int h = 5;
        const Network net = seededNetwork(h, g, rng);
        const Eigen::ArrayXd x = randomArray(25, 1.2, rng);
        const Eigen::ArrayXd t = randomArray(25, 1.0, rng);
        BackpropOptions options;
        options.stepSurrogate = surrogate;
        options.surrogateSteepness = 8.0;
        GradientKernel kernel;
        Eigen::VectorXd batch;
        kernel.compute(net, x, t, batch, options);

        const Eigen::ArrayXd y = evaluateOutput(net, x);
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(paramCount(h));
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            const SampleBreakdown s =
                backpropAt(net, x[i], t[i], static_cast<int>(x.size()), options);
            EXPECT_NEAR(s.output, y[i], 1e-14);
            EXPECT_EQ(s.error, s.output - t[i]);
            EXPECT_DOUBLE_EQ(s.dLdy, 2.0 * s.error / static_cast<double>(x.size()));
            EXPECT_NEAR(s.contribution.sum() + net.c, s.output, 1e-14);
            ASSERT_EQ(s.gradient.size(), paramCount(h));
            sum += s.gradient;
        }
        for (int i = 0; i < paramCount(h); ++i)
            EXPECT_NEAR(sum[i], batch[i], 1e-13)
                << (surrogate ? "surrogate " : "sigmoid ") << paramName(paramAt(i, h), h);
    }
}

TEST(BackpropAt, SlopeAndDeltaFollowTheFormulas) {
    // One sigmoid neuron, by hand: z = 2·0.5 − 1 = 0, a = 1/2, g' = k/4.
    Network net(1, {ActivationKind::Sigmoid, 4.0});
    net.w << 2.0;
    net.b << -1.0;
    net.v << 3.0;
    net.c = 0.5;
    const SampleBreakdown s = backpropAt(net, 0.5, 1.0, 4);
    EXPECT_EQ(s.z[0], 0.0);
    EXPECT_EQ(s.a[0], 0.5);
    EXPECT_EQ(s.contribution[0], 1.5);
    EXPECT_EQ(s.output, 2.0);
    EXPECT_EQ(s.error, 1.0);
    EXPECT_EQ(s.dLdy, 0.5); // 2·1/4
    EXPECT_EQ(s.slope[0], 1.0);
    EXPECT_EQ(s.delta[0], 1.5); // 0.5 · 3 · 1
    // [w, b, v, c] terms: δ·x, δ, dLdy·a, dLdy.
    EXPECT_EQ(s.gradient[0], 0.75);
    EXPECT_EQ(s.gradient[1], 1.5);
    EXPECT_EQ(s.gradient[2], 0.25);
    EXPECT_EQ(s.gradient[3], 0.5);
}

TEST(WorstCaseError, ExerciseAgainstAFlatTargetByHand) {
    // The exercise network is 0, then 1.5, then 1 (steps at ±0.5); against t = 1 the errors are
    // 1, 0.5 and 0, so the worst is 1, first reached at the first sample.
    Network net(2, {ActivationKind::Step, 1.0});
    net.w << 4.0, 4.0;
    net.b << 2.0, -2.0;
    net.v << 1.5, -0.5;
    Eigen::ArrayXd x(5), t = Eigen::ArrayXd::Ones(5);
    x << -0.9, -0.6, 0.0, 0.6, 0.9;
    const WorstCase w = worstCaseError(net, x, t);
    EXPECT_EQ(w.error, 1.0);
    EXPECT_EQ(w.index, 0);
    t[2] = -1.0; // now |1.5 − (−1)| = 2.5 in the middle
    const WorstCase m = worstCaseError(net, x, t);
    EXPECT_EQ(m.error, 2.5);
    EXPECT_EQ(m.index, 2);
}

TEST(WorstCaseError, IsTheLargestDistanceAndBoundsTheRootMeanSquare) {
    std::mt19937_64 rng(41);
    for (const Activation g :
         {Activation{ActivationKind::Sigmoid, 3.0}, Activation{ActivationKind::Tanh, 1.0}}) {
        const Network net = seededNetwork(6, g, rng);
        const Eigen::ArrayXd x = randomArray(300, 1.0, rng), t = randomArray(300, 1.0, rng);
        const Eigen::ArrayXd y = evaluateOutput(net, x);
        double largest = 0.0;
        for (Eigen::Index i = 0; i < x.size(); ++i)
            largest = std::max(largest, std::abs(y[i] - t[i]));
        const WorstCase w = worstCaseError(net, x, t);
        EXPECT_EQ(w.error, largest);
        EXPECT_EQ(std::abs(y[w.index] - t[w.index]), largest);
        EXPECT_LE(std::sqrt(loss(net, x, t)), w.error);
    }
}

TEST(WorstCaseError, NoSamplesAndNonFiniteValues) {
    const Network net(2, {ActivationKind::Tanh, 1.0});
    const WorstCase none = worstCaseError(net, Eigen::ArrayXd(), Eigen::ArrayXd());
    EXPECT_EQ(none.error, 0.0);
    EXPECT_EQ(none.index, -1);
    Eigen::ArrayXd t = Eigen::ArrayXd::Zero(3);
    t[1] = std::numeric_limits<double>::quiet_NaN();
    const WorstCase bad = worstCaseError(net, Eigen::ArrayXd::Zero(3), t);
    EXPECT_TRUE(std::isinf(bad.error));
    EXPECT_EQ(bad.index, 1);
}

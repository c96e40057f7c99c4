// Optimizer: one or two steps of SGD, momentum and Adam computed by hand, and the mask.
#include "core/training/Optimizer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double x : values)
        v[i++] = x;
    return v;
}

void expectVectorNear(const Eigen::VectorXd& a, const Eigen::VectorXd& b, double tol) {
    ASSERT_EQ(a.size(), b.size());
    for (Eigen::Index i = 0; i < a.size(); ++i)
        EXPECT_NEAR(a[i], b[i], tol) << "index " << i;
}

OptimizerSettings settings(OptimizerKind kind, double lr) {
    OptimizerSettings s;
    s.kind = kind;
    s.learningRate = lr;
    return s;
}

} // namespace

TEST(Sgd, OneStepByHand) {
    Optimizer opt(settings(OptimizerKind::SGD, 0.1));
    Eigen::VectorXd p = vec({1.0, -2.0, 0.5});
    opt.update(p, vec({0.5, -1.0, 2.0}));
    // θ − 0.1·g
    expectVectorNear(p, vec({0.95, -1.9, 0.3}), 1e-15);
}

TEST(Momentum, TwoStepsByHand) {
    OptimizerSettings s = settings(OptimizerKind::Momentum, 0.1);
    s.momentum = 0.9;
    Optimizer opt(s);
    Eigen::VectorXd p = vec({1.0, -1.0});
    // Step 1: u = −0.1·(2, −4) = (−0.2, 0.4); θ = (0.8, −0.6).
    opt.update(p, vec({2.0, -4.0}));
    expectVectorNear(p, vec({0.8, -0.6}), 1e-15);
    // Step 2: u = 0.9·(−0.2, 0.4) − 0.1·(1, 1) = (−0.28, 0.26); θ = (0.52, −0.34).
    opt.update(p, vec({1.0, 1.0}));
    expectVectorNear(p, vec({0.52, -0.34}), 1e-15);
}

TEST(Adam, FirstStepMovesByLearningRateAgainstTheSign) {
    // t = 1: m̂ = g, ŝ = g², so the step is −η·g/(|g| + ε) ≈ −η·sign(g) whatever |g| is.
    Optimizer opt(settings(OptimizerKind::Adam, 0.01));
    Eigen::VectorXd p = vec({1.0, 1.0, 1.0});
    opt.update(p, vec({0.5, -50.0, 2.0}));
    expectVectorNear(p, vec({0.99, 1.01, 0.99}), 1e-9);
}

TEST(Adam, TwoStepsByHand) {
    OptimizerSettings s = settings(OptimizerKind::Adam, 0.1);
    s.beta1 = 0.5;
    s.beta2 = 0.75;
    s.epsilon = 0.0;
    Optimizer opt(s);
    Eigen::VectorXd p = vec({0.0});
    opt.update(p, vec({2.0}));
    // m = 1, s = 1; m̂ = 1/0.5 = 2, ŝ = 1/0.25 = 4; step = 0.1·2/2 = 0.1.
    expectVectorNear(p, vec({-0.1}), 1e-15);
    opt.update(p, vec({-4.0}));
    // m = 0.5·1 + 0.5·(−4) = −1.5, s = 0.75·1 + 0.25·16 = 4.75;
    // m̂ = −1.5/0.75 = −2, ŝ = 4.75/0.4375; step = 0.1·(−2)/√(4.75/0.4375).
    const double expected = -0.1 + 0.1 * 2.0 / std::sqrt(4.75 / 0.4375);
    expectVectorNear(p, vec({expected}), 1e-15);
}

TEST(Adam, ResetStartsTheBiasCorrectionAgain) {
    Optimizer opt(settings(OptimizerKind::Adam, 0.01));
    Eigen::VectorXd p = vec({0.0});
    for (int i = 0; i < 5; ++i)
        opt.update(p, vec({1.0 + i}));
    opt.reset();
    Eigen::VectorXd q = vec({0.0});
    opt.update(q, vec({-3.0}));
    expectVectorNear(q, vec({0.01}), 1e-10);
}

TEST(OptimizerMask, FreezesMaskedParametersForEveryKind) {
    for (OptimizerKind kind : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
        Optimizer masked(settings(kind, 0.05));
        Optimizer free(settings(kind, 0.05));
        const Eigen::VectorXd mask = vec({1.0, 0.0, 1.0, 0.0});
        Eigen::VectorXd p = vec({0.3, -0.7, 1.1, 2.0});
        Eigen::VectorXd q = p;
        for (int step = 0; step < 10; ++step) {
            const Eigen::VectorXd g = vec({0.4 - step * 0.1, 1.0, -0.2 * step, -3.0});
            masked.update(p, g, &mask);
            free.update(q, g);
        }
        EXPECT_EQ(p[1], -0.7) << optimizerName(kind);
        EXPECT_EQ(p[3], 2.0) << optimizerName(kind);
        // Parameters that learn move exactly as they would without a mask.
        EXPECT_EQ(p[0], q[0]) << optimizerName(kind);
        EXPECT_EQ(p[2], q[2]) << optimizerName(kind);
        EXPECT_NE(p[0], 0.3) << optimizerName(kind);
    }
}

TEST(OptimizerMask, MaskedParametersKeepNoMomentum) {
    // Frozen for a while under a steady gradient, then released: the first step is a plain
    // −η·g, with no velocity built up while frozen.
    OptimizerSettings s = settings(OptimizerKind::Momentum, 0.1);
    s.momentum = 0.9;
    Optimizer opt(s);
    const Eigen::VectorXd frozen = vec({0.0, 1.0});
    const Eigen::VectorXd all = vec({1.0, 1.0});
    Eigen::VectorXd p = vec({5.0, 0.0});
    for (int i = 0; i < 4; ++i)
        opt.update(p, vec({1.0, 0.0}), &frozen);
    EXPECT_EQ(p[0], 5.0);
    opt.update(p, vec({1.0, 0.0}), &all);
    EXPECT_NEAR(p[0], 4.9, 1e-15);
}

TEST(Optimizer, NamesRoundTrip) {
    for (OptimizerKind kind : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
        const auto back = optimizerFromName(optimizerName(kind));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, kind);
    }
    EXPECT_EQ(optimizerName(OptimizerKind::Adam), "adam");
    EXPECT_FALSE(optimizerFromName("rmsprop").has_value());
}

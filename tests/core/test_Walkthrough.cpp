// Walkthrough: every number the walk shows equals what the core computes (evaluate() and
// GradientKernel) to 1e-12, for step, sigmoid, tanh and ReLU networks of 1, 2 and 8 neurons, for
// a sample on a flat part and one exactly at a step (z = 0); the operands give back each value;
// the mean of the per-sample gradients is the full gradient; the descent step is θ − η·∂L/∂θ; a
// step neuron stops the flow; the walk's order and its navigation with 64 neurons.
#include "core/lesson/Walkthrough.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace stepwise;

namespace {

constexpr double kAtStep = 0.375; // neuron 1 has z = 2.5·0.375 − 0.9375 = 0 exactly here
constexpr double kFlat = -0.5;    // neuron 1 has z = −2.1875 here: a flat part of step and ReLU

const Activation kActivations[] = {{ActivationKind::Step, 10.0},
                                   {ActivationKind::Sigmoid, 3.0},
                                   {ActivationKind::Tanh, 1.0},
                                   {ActivationKind::ReLU, 1.0}};

std::string walkLabel(const Activation& g, int h, double x) {
    return std::string(activationName(g.kind)) + " H=" + std::to_string(h) +
           " x=" + std::to_string(x);
}

Network testNetwork(int hidden, Activation g, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Network n(hidden, g);
    for (int j = 0; j < hidden; ++j) {
        n.w[j] = 2.0 * u(rng);
        n.b[j] = u(rng);
        n.v[j] = u(rng);
        if (std::abs(n.v[j]) < 0.1) n.v[j] = 0.5; // every δ_j readable from the kernel
    }
    n.c = 0.3 * u(rng);
    // Neuron 1: products exact in binary, so every code path finds z = 0 at kAtStep.
    n.w[0] = 2.5;
    n.b[0] = -0.9375;
    return n;
}

double target(double x) {
    return std::sin(3.0 * x);
}

const WalkStep& findWalkStep(const std::vector<WalkStep>& steps, WalkKind kind, int neuron = -1) {
    const auto it = std::find_if(steps.begin(), steps.end(), [&](const WalkStep& s) {
        return s.kind == kind && s.neuron == neuron;
    });
    if (it == steps.end()) throw std::runtime_error("no such step");
    return *it;
}

void expectMatchesCore(double value, double core, const std::string& what) {
    EXPECT_NEAR(value, core, 1e-12 * std::max(1.0, std::abs(core))) << what;
}

// The value a step's formula gives from its operands alone.
double fromOperands(const WalkStep& s, const Activation& g) {
    const std::vector<double>& o = s.operands;
    switch (s.kind) {
    case WalkKind::Input:
        return o[0];
    case WalkKind::PreActivation:
        return o[0] * o[1] + o[2];
    case WalkKind::Activation:
        return g(o[0]);
    case WalkKind::Output: {
        double y = o.back();
        for (std::size_t k = 0; k + 1 < o.size(); k += 2)
            y += o[k] * o[k + 1];
        return y;
    }
    case WalkKind::LossTerm:
        return (o[0] - o[1]) * (o[0] - o[1]);
    case WalkKind::DLdy:
        return 2.0 * (o[0] - o[1]) / o[2];
    case WalkKind::DLdv:
        return o[0] * o[1];
    case WalkKind::DLdc:
    case WalkKind::DLdb:
        return o[0];
    case WalkKind::GPrime:
        return g.derivative(o[0]);
    case WalkKind::Delta:
        return o[0] * o[1] * o[2];
    case WalkKind::DLdw:
        return o[0] * o[1];
    case WalkKind::BatchMean:
        return o[0] / o[1];
    case WalkKind::DescentStep:
        return o[0] - o[1] * o[2];
    case WalkKind::LossAfter:
        return s.value; // the loss of the new weights: no formula of the operands
    }
    return 0.0;
}

} // namespace

TEST(WalkSample, EveryNumberEqualsTheCore) {
    for (const Activation& g : kActivations)
        for (int h : {1, 2, 8})
            for (double x : {kFlat, kAtStep})
                for (int samples : {1, 7}) {
                    const std::string what = walkLabel(g, h, x) + " N=" + std::to_string(samples);
                    const Network net = testNetwork(h, g, 10u + static_cast<unsigned>(h));
                    const double t = target(x);
                    const std::vector<WalkStep> steps = walkSample(net, x, t, samples);

                    // Forward: the graph's own evaluation.
                    Evaluation e;
                    const Eigen::ArrayXd xs = Eigen::ArrayXd::Constant(1, x);
                    const Eigen::ArrayXd ts = Eigen::ArrayXd::Constant(1, t);
                    evaluate(net, xs, e);
                    for (int j = 0; j < h; ++j) {
                        expectMatchesCore(findWalkStep(steps, WalkKind::PreActivation, j).value,
                                          e.z(0, j), what + " z" + std::to_string(j + 1));
                        expectMatchesCore(findWalkStep(steps, WalkKind::Activation, j).value,
                                          e.activation(0, j), what + " a" + std::to_string(j + 1));
                    }
                    expectMatchesCore(findWalkStep(steps, WalkKind::Output).value, e.output[0],
                                      what + " y");

                    // Backward: GradientKernel on this one sample gives ∂ℓ/∂θ; the walk's terms
                    // are ∂L/∂θ = ∂ℓ/∂θ / N.
                    GradientKernel kernel;
                    Eigen::VectorXd grad;
                    const double l = kernel.compute(net, xs, ts, grad);
                    const double n = samples;
                    expectMatchesCore(findWalkStep(steps, WalkKind::LossTerm).value, l,
                                      what + " loss term");
                    expectMatchesCore(findWalkStep(steps, WalkKind::DLdy).value * n, grad[3 * h],
                                      what + " dL/dy");
                    expectMatchesCore(findWalkStep(steps, WalkKind::DLdc).value * n, grad[3 * h],
                                      what + " dL/dc");
                    for (int j = 0; j < h; ++j) {
                        const std::string nj = what + " neuron " + std::to_string(j + 1);
                        expectMatchesCore(findWalkStep(steps, WalkKind::DLdv, j).value * n,
                                          grad[2 * h + j], nj + " dL/dv");
                        expectMatchesCore(findWalkStep(steps, WalkKind::Delta, j).value * n,
                                          grad[h + j], nj + " delta");
                        expectMatchesCore(findWalkStep(steps, WalkKind::DLdw, j).value * n, grad[j],
                                          nj + " dL/dw");
                        expectMatchesCore(findWalkStep(steps, WalkKind::DLdb, j).value * n,
                                          grad[h + j], nj + " dL/db");
                        // g′ as the kernel used it: δ_j / (∂ℓ/∂y · v_j).
                        const double through = grad[3 * h] * net.v[j];
                        if (std::abs(through) > 1e-3) {
                            const double slope = grad[h + j] / through;
                            EXPECT_NEAR(findWalkStep(steps, WalkKind::GPrime, j).value, slope,
                                        1e-12 * std::max(1.0, std::abs(slope)))
                                << nj << " g'";
                        }
                    }
                    // At the step itself the step and ReLU neurons pass nothing back (g′ = 0).
                    if (x == kAtStep &&
                        (g.kind == ActivationKind::Step || g.kind == ActivationKind::ReLU)) {
                        EXPECT_EQ(findWalkStep(steps, WalkKind::PreActivation, 0).value, 0.0)
                            << what;
                        EXPECT_EQ(findWalkStep(steps, WalkKind::GPrime, 0).value, 0.0) << what;
                        EXPECT_TRUE(findWalkStep(steps, WalkKind::GPrime, 0).flowStops) << what;
                    }
                }
}

TEST(WalkSample, OperandsGiveBackEveryValue) {
    for (const Activation& g : kActivations)
        for (double x : {kFlat, kAtStep}) {
            const Network net = testNetwork(8, g, 3);
            const Eigen::ArrayXd bx = grid(-1.0, 1.0, 21);
            const Eigen::ArrayXd bt = bx.unaryExpr(&target);
            const Walkthrough w = walkthrough(net, x, target(x), bx, bt, 0.1);
            for (const WalkStep& s : w.steps)
                EXPECT_NEAR(fromOperands(s, g), s.value, 1e-12 * std::max(1.0, std::abs(s.value)))
                    << walkLabel(g, 8, x) << " kind " << static_cast<int>(s.kind) << " neuron "
                    << s.neuron;
        }
}

TEST(WalkSample, StepNeuronsStopTheFlowSmoothOnesDoNot) {
    const Network step = testNetwork(8, {ActivationKind::Step, 10.0}, 5);
    const std::vector<WalkStep> steps = walkSample(step, 0.2, 3.0, 10);
    for (int j = 0; j < 8; ++j) {
        EXPECT_EQ(findWalkStep(steps, WalkKind::GPrime, j).value, 0.0);
        EXPECT_TRUE(findWalkStep(steps, WalkKind::GPrime, j).flowStops);
        EXPECT_TRUE(findWalkStep(steps, WalkKind::Delta, j).flowStops);
        EXPECT_EQ(findWalkStep(steps, WalkKind::DLdw, j).value, 0.0);
        EXPECT_EQ(findWalkStep(steps, WalkKind::DLdb, j).value, 0.0);
    }
    EXPECT_FALSE(findWalkStep(steps, WalkKind::DLdy).flowStops); // the output layer still learns

    Network smooth = step;
    smooth.activation = {ActivationKind::Sigmoid, 3.0};
    for (const WalkStep& s : walkSample(smooth, 0.2, 3.0, 10))
        EXPECT_FALSE(s.flowStops) << static_cast<int>(s.kind) << " neuron " << s.neuron;

    // The trainer's borrowed slope for steps lets the flow through, and the walk says so.
    BackpropOptions borrowed;
    borrowed.stepSurrogate = true;
    const Eigen::ArrayXd bx = grid(-1.0, 1.0, 5), bt = Eigen::ArrayXd::Zero(5);
    const Walkthrough w = walkthrough(step, 0.2, 3.0, bx, bt, 0.1, borrowed);
    EXPECT_TRUE(w.borrowedSlope);
    EXPECT_GT(findWalkStep(w.steps, WalkKind::GPrime, 0).value, 0.0);
    EXPECT_FALSE(walkthrough(step, 0.2, 3.0, bx, bt, 0.1).borrowedSlope);
}

TEST(WalkSample, NothingFlowsWhenTheOutputIsRight) {
    const Network net = testNetwork(2, {ActivationKind::Tanh, 1.0}, 2);
    const double y = evaluateOutput(net, Eigen::ArrayXd::Constant(1, 0.1))[0];
    const std::vector<WalkStep> steps = walkSample(net, 0.1, y, 4);
    EXPECT_EQ(findWalkStep(steps, WalkKind::DLdy).value, 0.0);
    EXPECT_TRUE(findWalkStep(steps, WalkKind::DLdy).flowStops);
}

TEST(WalkBatch, MeanOfPerSampleGradientsIsTheFullGradient) {
    for (const Activation& g : kActivations)
        for (int h : {1, 2, 8}) {
            const Network net = testNetwork(h, g, 20u + static_cast<unsigned>(h));
            // 300 samples: two of the kernel's chunks; one sample exactly at neuron 1's step.
            Eigen::ArrayXd x = grid(-1.0, 1.0, 300);
            x[100] = kAtStep;
            const Eigen::ArrayXd t = x.unaryExpr(&target);
            const BatchSummary b = walkBatch(net, x, t, 0.05);
            GradientKernel kernel;
            Eigen::VectorXd full;
            const double l = kernel.compute(net, x, t, full);
            ASSERT_EQ(b.meanOfSamples.size(), full.size());
            EXPECT_EQ(b.samples, 300);
            for (Eigen::Index i = 0; i < full.size(); ++i) {
                const std::string what =
                    walkLabel(g, h, 0) + " " + paramName(paramAt(static_cast<int>(i), h), h);
                expectMatchesCore(b.meanOfSamples[i], full[i], what + " mean of samples");
                expectMatchesCore(b.gradient[i], full[i], what + " gradient");
            }
            EXPECT_EQ(b.lossBefore, l);
        }
}

TEST(WalkBatch, DescentStepIsMinusRateTimesGradientAndLowersTheLoss) {
    const Network net = testNetwork(4, {ActivationKind::Sigmoid, 2.0}, 9);
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 50), t = x.unaryExpr(&target);
    const double eta = 0.05;
    const BatchSummary b = walkBatch(net, x, t, eta);
    const Eigen::VectorXd theta = packParams(net);
    for (Eigen::Index i = 0; i < theta.size(); ++i)
        EXPECT_EQ(b.after[i], theta[i] - eta * b.gradient[i]);
    EXPECT_TRUE(packParams(b.networkAfter) == b.after);
    EXPECT_EQ(b.lossBefore, loss(net, x, t));
    EXPECT_EQ(b.lossAfter, loss(b.networkAfter, x, t));
    EXPECT_LT(b.lossAfter, b.lossBefore); // a small step against the gradient goes downhill

    const std::vector<WalkStep> steps = batchSteps(net, b);
    EXPECT_EQ(steps.back().kind, WalkKind::LossAfter);
    EXPECT_EQ(steps.back().value, b.lossAfter);
    EXPECT_EQ(steps.back().operands.at(0), b.lossBefore);
    for (const WalkStep& s : steps)
        if (s.kind == WalkKind::DescentStep) {
            ASSERT_TRUE(s.param);
            EXPECT_EQ(s.value, param(b.networkAfter, *s.param));
            EXPECT_EQ(s.operands.at(0), param(net, *s.param));
            EXPECT_EQ(s.operands.at(1), eta);
        }
}

TEST(Walkthrough, StepsComeInTheLessonsOrder) {
    const Network net = testNetwork(2, {ActivationKind::Sigmoid, 2.0}, 1);
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 10), t = x.unaryExpr(&target);
    const Walkthrough w = walkthrough(net, 0.3, target(0.3), x, t, 0.1);
    using K = WalkKind;
    const std::vector<std::pair<K, int>> expected = {
        {K::Input, -1},       {K::PreActivation, 0}, {K::Activation, 0},  {K::PreActivation, 1},
        {K::Activation, 1},   {K::Output, -1},       {K::LossTerm, -1},   {K::DLdy, -1},
        {K::DLdv, 0},         {K::DLdv, 1},          {K::DLdc, -1},       {K::GPrime, 0},
        {K::Delta, 0},        {K::DLdw, 0},          {K::DLdb, 0},        {K::GPrime, 1},
        {K::Delta, 1},        {K::DLdw, 1},          {K::DLdb, 1},        {K::BatchMean, 0},
        {K::BatchMean, 0},    {K::BatchMean, 0},     {K::BatchMean, 1},   {K::BatchMean, 1},
        {K::BatchMean, 1},    {K::BatchMean, -1},    {K::DescentStep, 0}, {K::DescentStep, 0},
        {K::DescentStep, 0},  {K::DescentStep, 1},   {K::DescentStep, 1}, {K::DescentStep, 1},
        {K::DescentStep, -1}, {K::LossAfter, -1}};
    ASSERT_EQ(w.steps.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(w.steps[i].kind, expected[i].first) << "step " << i;
        EXPECT_EQ(w.steps[i].neuron, expected[i].second) << "step " << i;
    }
    // N is the batch's size.
    EXPECT_EQ(findWalkStep(w.steps, K::DLdy).operands.at(2), 10.0);
    EXPECT_EQ(walkPhase(K::LossTerm), WalkPhase::Forward);
    EXPECT_EQ(walkPhase(K::DLdb), WalkPhase::Backward);
    EXPECT_EQ(walkPhase(K::DescentStep), WalkPhase::Batch);
}

TEST(Walkthrough, SixtyFourNeuronsFollowOneAndSkipTheOthers) {
    const int h = kWalkthroughMaxNeurons;
    const Network net = testNetwork(h, {ActivationKind::Tanh, 1.0}, 64);
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 40), t = x.unaryExpr(&target);
    const Walkthrough w = walkthrough(net, 0.1, target(0.1), x, t, 0.1);
    // Forward 1 + 2H + 2, backward 1 + H + 1 + 4H, batch 2·(3H + 1) + 1.
    ASSERT_EQ(static_cast<int>(w.steps.size()), (3 + 2 * h) + (2 + 5 * h) + (2 * (3 * h + 1) + 1));
    const int unowned = static_cast<int>(std::count_if(
        w.steps.begin(), w.steps.end(), [](const WalkStep& s) { return s.neuron < 0; }));
    for (int j : {0, 37, h - 1}) {
        const std::vector<int> shown = stepsFollowing(w.steps, j);
        EXPECT_EQ(static_cast<int>(shown.size()), unowned + 13)
            << "neuron " << j; // 2 + 1 + 4 + 3 + 3
        for (int i : shown)
            EXPECT_TRUE(w.steps[i].neuron < 0 || w.steps[i].neuron == j);
    }
    // Skipping from inside each block of neurons lands on what follows the block.
    const auto index = [&](WalkKind k, int neuron) {
        for (int i = 0; i < static_cast<int>(w.steps.size()); ++i)
            if (w.steps[i].kind == k && w.steps[i].neuron == neuron) return i;
        return -1;
    };
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::PreActivation, 0)), index(WalkKind::Output, -1));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::Activation, 5)), index(WalkKind::Output, -1));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::DLdv, 0)), index(WalkKind::DLdc, -1));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::GPrime, 3)), index(WalkKind::BatchMean, 0));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::BatchMean, 0)), index(WalkKind::BatchMean, -1));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::DescentStep, 9)),
              index(WalkKind::DescentStep, -1));
    EXPECT_EQ(skipNeurons(w.steps, index(WalkKind::Output, -1)), index(WalkKind::Output, -1) + 1);
    EXPECT_EQ(skipNeurons(w.steps, static_cast<int>(w.steps.size())),
              static_cast<int>(w.steps.size()));
}

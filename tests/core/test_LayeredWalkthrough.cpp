// LayeredWalkthrough: every δ and gradient of one sample's walk equals a central difference of the
// sample's loss, for 1→3→2→1 and 2→4→4→1 networks of tanh, sigmoid and ReLU; the batch's mean is
// LayeredGradient's and its step is one LayeredTrainer step of plain descent; step layers borrow
// σ′(k_s·z) as training does (or show 0 without the surrogate); wide layers group their neurons.
#include "core/deep/LayeredTrainer.h"
#include "core/deep/RandomLayered.h"
#include "core/lesson/LayeredWalkthrough.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace stepwise;

namespace {

using Kind = LayeredWalkKind;

LayeredNetwork randomNet(int inputs, const std::vector<LayerShape>& shape, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(inputs, shape, -1.0, 1.0, rng);
}

// The sample's loss ℓ = (y − t)² at parameters p.
double sampleLoss(LayeredNetwork net, const Eigen::VectorXd& p, const Eigen::VectorXd& x,
                  double t) {
    unpackParams(net, p);
    const double y = evaluateOutput(net, x)[0];
    return (y - t) * (y - t);
}

// ∂ℓ/∂θ_k by central differences.
double numeric(const LayeredNetwork& net, long k, const Eigen::VectorXd& x, double t) {
    const Eigen::VectorXd p = packParams(net);
    const double h = 1e-6;
    Eigen::VectorXd up = p, down = p;
    up[k] += h;
    down[k] -= h;
    return (sampleLoss(net, up, x, t) - sampleLoss(net, down, x, t)) / (2.0 * h);
}

const LayeredWalkStep* findLayeredStep(const std::vector<LayeredWalkStep>& steps, Kind kind,
                                       int layer, int neuron) {
    for (const LayeredWalkStep& s : steps)
        if (s.kind == kind && s.layer == layer && s.neuron == neuron) return &s;
    return nullptr;
}

void expectWalkedNear(double walked, double num) {
    EXPECT_NEAR(walked, num, 1e-6 * std::max(1.0, std::abs(num)));
}

// Every gradient and δ of the walk of (x, t), N = 1, against central differences.
void checkAgainstNumeric(const LayeredNetwork& net, const Eigen::VectorXd& x, double t) {
    const std::vector<LayeredWalkStep> steps = layeredWalkSample(net, x, t, 1);
    ASSERT_FALSE(steps.empty());
    const int depth = net.depth();
    const long vAt = layerOffset(net, depth);
    const LayeredWalkStep* out = findLayeredStep(steps, Kind::OutputGradient, depth, -1);
    ASSERT_NE(out, nullptr);
    expectWalkedNear(out->value, numeric(net, paramCount(net) - 1, x, t)); // ∂ℓ/∂c
    for (int j = 0; j < net.v.size(); ++j) {
        expectWalkedNear(out->values[static_cast<std::size_t>(j)], numeric(net, vAt + j, x, t));
        const LayeredWalkStep* s = findLayeredStep(steps, Kind::OutputGradient, depth, j);
        ASSERT_NE(s, nullptr);
        expectWalkedNear(s->value, numeric(net, vAt + j, x, t));
    }
    for (int l = 0; l < depth; ++l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        const long off = layerOffset(net, l);
        const long fanIn = layer.w.cols();
        const long biasAt = off + layer.w.size();
        const LayeredWalkStep* deltas = findLayeredStep(steps, Kind::Delta, l, -1);
        const LayeredWalkStep* grads = findLayeredStep(steps, Kind::Gradient, l, -1);
        ASSERT_NE(deltas, nullptr);
        ASSERT_NE(grads, nullptr);
        ASSERT_EQ(static_cast<long>(grads->values.size()), layer.w.size() + layer.width());
        for (long k = 0; k < static_cast<long>(grads->values.size()); ++k)
            expectWalkedNear(grads->values[static_cast<std::size_t>(k)],
                             numeric(net, off + k, x, t));
        for (int j = 0; j < layer.width(); ++j) {
            // δ_j = ∂ℓ/∂z_j = ∂ℓ/∂b_j: the sum and the bias move together.
            const double db = numeric(net, biasAt + j, x, t);
            expectWalkedNear(deltas->values[static_cast<std::size_t>(j)], db);
            const LayeredWalkStep* d = findLayeredStep(steps, Kind::Delta, l, j);
            ASSERT_NE(d, nullptr);
            expectWalkedNear(d->value, db);
            const LayeredWalkStep* g = findLayeredStep(steps, Kind::Gradient, l, j);
            ASSERT_NE(g, nullptr);
            for (long i = 0; i < fanIn; ++i)
                expectWalkedNear(g->values[static_cast<std::size_t>(i)],
                                 numeric(net, off + i * layer.width() + j, x, t));
            expectWalkedNear(g->values.back(), db);
        }
    }
}

struct LayeredWalkCase {
    int inputs;
    std::vector<int> widths;
};

} // namespace

TEST(LayeredWalkthrough, EveryDeltaAndGradientIsTheNumericDerivative) {
    const Activation kinds[] = {
        {ActivationKind::Tanh, 1.0}, {ActivationKind::Sigmoid, 2.0}, {ActivationKind::ReLU, 1.0}};
    const LayeredWalkCase cases[] = {{1, {3, 2}}, {2, {4, 4}}};
    std::uint64_t seed = 7;
    for (const LayeredWalkCase& c : cases)
        for (const Activation& g : kinds) {
            std::vector<LayerShape> shape;
            for (int w : c.widths)
                shape.push_back({w, g});
            const LayeredNetwork net = randomNet(c.inputs, shape, ++seed);
            ASSERT_EQ(net.depth(), static_cast<int>(c.widths.size()));
            std::mt19937_64 rng(seed);
            std::uniform_real_distribution<double> u(-1.0, 1.0);
            for (int trial = 0; trial < 3; ++trial) {
                Eigen::VectorXd x(c.inputs);
                for (int i = 0; i < c.inputs; ++i)
                    x[i] = u(rng);
                SCOPED_TRACE(testing::Message() << c.inputs << " inputs, activation "
                                                << static_cast<int>(g.kind) << ", trial " << trial);
                checkAgainstNumeric(net, x, 2.0 * u(rng));
            }
        }
}

TEST(LayeredWalkthrough, TheForwardStepsAreTheNetworksValues) {
    const Activation tanh{ActivationKind::Tanh, 1.0};
    const LayeredNetwork net = randomNet(2, {{4, tanh}, {4, tanh}}, 3);
    Eigen::VectorXd x(2);
    x << 0.3, -0.7;
    const std::vector<LayeredWalkStep> steps = layeredWalkSample(net, x, 0.5, 10);
    const LayeredEvaluation e = evaluate(net, x);
    for (int l = 0; l < 2; ++l)
        for (int j = 0; j < 4; ++j) {
            const LayeredWalkStep* s = findLayeredStep(steps, Kind::Forward, l, j);
            ASSERT_NE(s, nullptr);
            EXPECT_DOUBLE_EQ(s->value, e.a[static_cast<std::size_t>(l)](j, 0));
            EXPECT_DOUBLE_EQ(s->operands.front(), e.z[static_cast<std::size_t>(l)](j, 0));
            // z_j rebuilt from its operands: Σ w·a + b.
            double z = s->operands.back();
            for (std::size_t k = 1; k + 1 < s->operands.size(); k += 2)
                z += s->operands[k] * s->operands[k + 1];
            EXPECT_NEAR(z, s->operands.front(), 1e-12);
        }
    const LayeredWalkStep* y = findLayeredStep(steps, Kind::Output, -1, -1);
    ASSERT_NE(y, nullptr);
    EXPECT_DOUBLE_EQ(y->value, e.output[0]);
    // With N = 10 every derivative carries 1/10.
    const LayeredWalkStep* dy = findLayeredStep(steps, Kind::DLdy, -1, -1);
    ASSERT_NE(dy, nullptr);
    EXPECT_NEAR(dy->value, 2.0 * (e.output[0] - 0.5) / 10.0, 1e-15);
}

TEST(LayeredWalkthrough, TheBatchIsTheGradientAndOneTrainerStep) {
    const Activation relu{ActivationKind::ReLU, 1.0}, sig{ActivationKind::Sigmoid, 4.0};
    const LayeredNetwork net = randomNet(2, {{4, relu}, {3, sig}}, 11);
    const int n = 40;
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Eigen::MatrixXd x(2, n);
    Eigen::ArrayXd t(n);
    for (int i = 0; i < n; ++i) {
        x(0, i) = u(rng);
        x(1, i) = u(rng);
        t[i] = std::sin(3.0 * x(0, i)) * x(1, i);
    }
    const double eta = 0.2;
    const LayeredWalk walk = layeredWalk(net, x, t, 7, eta);
    ASSERT_FALSE(walk.steps.empty());
    Eigen::VectorXd g;
    LayeredGradient kernel;
    const double l0 = kernel.compute(net, x, t, g);
    EXPECT_EQ(walk.batch.gradient, g);
    EXPECT_DOUBLE_EQ(walk.batch.lossBefore, l0);
    // The mean of the per-sample gradients is the batch gradient.
    EXPECT_LT((walk.batch.sampleSums / n - g).cwiseAbs().maxCoeff(), 1e-12);

    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = eta;
    LayeredTrainer trainer(net, x, t, s, std::mt19937_64(1));
    ASSERT_FALSE(trainer.problem());
    trainer.step();
    EXPECT_LT(
        (packParams(trainer.network()) - packParams(walk.batch.networkAfter)).cwiseAbs().maxCoeff(),
        1e-14);
    EXPECT_NEAR(walk.batch.lossAfter, kernel.loss(trainer.network(), x, t), 1e-14);
    EXPECT_LT(walk.batch.lossAfter, walk.batch.lossBefore); // a small step goes downhill

    // The batch steps, layer by layer, hold those numbers.
    int means = 0, descents = 0;
    for (const LayeredWalkStep& st : walk.steps) {
        if (st.kind == Kind::BatchMean) {
            const long from = layerOffset(net, st.layer);
            for (std::size_t k = 0; k < st.values.size(); ++k)
                EXPECT_EQ(st.values[k], g[from + static_cast<long>(k)]);
            ++means;
        }
        if (st.kind == Kind::DescentStep) {
            const long from = layerOffset(net, st.layer);
            for (std::size_t k = 0; k < st.values.size(); ++k)
                EXPECT_EQ(st.values[k], walk.batch.after[from + static_cast<long>(k)]);
            ++descents;
        }
    }
    EXPECT_EQ(means, 3);
    EXPECT_EQ(descents, 3);
    EXPECT_EQ(walk.steps.back().kind, Kind::LossAfter);
}

TEST(LayeredWalkthrough, StepLayersBorrowTheSigmoidsSlopeAsTrainingDoes) {
    const Activation step{ActivationKind::Step, 1.0}, sig{ActivationKind::Sigmoid, 4.0};
    const LayeredNetwork net = randomNet(2, {{4, step}, {4, sig}}, 13);
    Eigen::MatrixXd x(2, 1);
    x << 0.2, -0.4;
    Eigen::ArrayXd t(1);
    t << 1.5;
    LayeredBackpropOptions on;
    const LayeredWalk walk = layeredWalk(net, x, t, 0, 0.1, on);
    EXPECT_TRUE(walk.borrowedSlope);
    // One sample: the sample's terms are the whole batch gradient of the kernel.
    Eigen::VectorXd g;
    LayeredGradient kernel;
    kernel.compute(net, x, t, g, on);
    for (const LayeredWalkStep& s : walk.steps)
        if (s.kind == Kind::Gradient && s.neuron < 0) {
            const long from = layerOffset(net, s.layer);
            for (std::size_t k = 0; k < s.values.size(); ++k)
                EXPECT_NEAR(s.values[k], g[from + static_cast<long>(k)], 1e-12);
        }
    // Without the surrogate the step's true slope 0 stops the flow at the first layer.
    LayeredBackpropOptions off;
    off.stepSurrogate = false;
    const std::vector<LayeredWalkStep> exact = layeredWalkSample(net, x.col(0), 1.5, 1, off);
    const LayeredWalkStep* d = findLayeredStep(exact, Kind::Delta, 0, -1);
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->flowStops);
    for (double v : d->second)
        EXPECT_EQ(v, 0.0);
}

TEST(LayeredWalkthrough, WideLayersGroupTheirNeurons) {
    const Activation tanh{ActivationKind::Tanh, 1.0};
    const LayeredNetwork net = randomNet(1, {{16, tanh}, {16, tanh}}, 17);
    Eigen::VectorXd x(1);
    x << 0.1;
    const std::vector<LayeredWalkStep> steps = layeredWalkSample(net, x, 0.0, 8);
    int grouped = 0;
    for (int i = 0; i < static_cast<int>(steps.size()); i = layeredSkipNeurons(steps, i), ++grouped)
        EXPECT_LT(steps[static_cast<std::size_t>(i)].neuron, 0);
    // Input, two forward layers, output, loss, ∂L/∂y, the output's, then δ and gradients of two
    // layers: 11 steps without the neurons' own.
    EXPECT_EQ(grouped, 11);
    EXPECT_GT(steps.size(), 100u);
}

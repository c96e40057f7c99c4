// SurfaceSampler: the grid is planeGrid's, the output and every layer's activations are
// evaluate()'s (to 1e-12: the kernels' exponential may round otherwise), networks of other shapes
// are refused, and a second network of the same shape is evaluated into the same buffers.
#include "core/deep/RandomLayered.h"
#include "core/deep/SurfaceSampler.h"
#include "core/scenario/TargetSurface.h"

#include <gtest/gtest.h>

#include <random>

using namespace stepwise;

namespace {

LayeredNetwork twoInputs(std::vector<LayerShape> shape, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(2, shape, -2.0, 3.0, rng);
}

} // namespace

TEST(SurfaceSampler, GridIsThePlaneGrid) {
    SurfaceSampler s;
    s.setGrid(-2.0, 3.0, 17);
    EXPECT_EQ(s.grid(), planeGrid(-2.0, 3.0, 17));
    EXPECT_DOUBLE_EQ(s.coordinate(0), -2.0);
    EXPECT_DOUBLE_EQ(s.coordinate(16), 3.0);
    EXPECT_DOUBLE_EQ(s.coordinate(4), s.grid()(0, 4));
    EXPECT_DOUBLE_EQ(s.coordinate(4), s.grid()(1, 4 * 17));
}

TEST(SurfaceSampler, MatchesEvaluateForEveryActivationAndDepth) {
    const ActivationKind kinds[] = {ActivationKind::Step, ActivationKind::Sigmoid,
                                    ActivationKind::Tanh, ActivationKind::ReLU};
    SurfaceSampler s;
    s.setGrid(-2.0, 3.0, 33);
    int seed = 1;
    for (ActivationKind g : kinds)
        for (int depth = 1; depth <= 3; ++depth) {
            std::vector<LayerShape> shape;
            for (int l = 0; l < depth; ++l)
                shape.push_back({5 + 3 * l, {g, 2.0}});
            const LayeredNetwork net = twoInputs(shape, seed++);
            ASSERT_TRUE(s.evaluate(net));
            const LayeredEvaluation e = evaluate(net, s.grid());
            ASSERT_EQ(s.output().size(), 33 * 33);
            EXPECT_EQ(s.depth(), depth);
            EXPECT_LE((s.output() - e.output).abs().maxCoeff(), 1e-12);
            for (int l = 0; l < depth; ++l)
                EXPECT_LE((s.activations(l) - e.a[l]).abs().maxCoeff(), 1e-12);
            // The matrix view: f(i, j) is the point (x₁ = coordinate(i), x₂ = coordinate(j)).
            Eigen::MatrixXd p(2, 1);
            p << s.coordinate(7), s.coordinate(21);
            EXPECT_NEAR(s.outputMatrix()(7, 21), evaluateOutput(net, p)[0], 1e-12);
        }
}

TEST(SurfaceSampler, RefusesOtherShapes) {
    SurfaceSampler s;
    s.setGrid(0.0, 1.0, 8);
    std::mt19937_64 rng(3);
    const LayeredNetwork one = randomLayeredNetwork(1, {{4, {}}}, 0.0, 1.0, rng);
    EXPECT_FALSE(s.evaluate(one));
    EXPECT_FALSE(s.valid());
    LayeredNetwork broken = twoInputs({{4, {}}}, 4);
    broken.v.resize(3); // the output layer does not fit the hidden layer
    EXPECT_FALSE(s.evaluate(broken));
    EXPECT_FALSE(s.valid());
}

TEST(SurfaceSampler, ReusesItsBuffers) {
    SurfaceSampler s;
    s.setGrid(-1.0, 1.0, 64);
    LayeredNetwork net = twoInputs({{16, {ActivationKind::Sigmoid, 1.0}}}, 5);
    ASSERT_TRUE(s.evaluate(net));
    const double* out = s.output().data();
    const double* act = s.activations(0).data();
    net.layers[0].b[3] += 0.5; // a weight dragged: the same shape
    ASSERT_TRUE(s.evaluate(net));
    EXPECT_EQ(s.output().data(), out);
    EXPECT_EQ(s.activations(0).data(), act);
    EXPECT_LE((s.output() - evaluateOutput(net, s.grid())).abs().maxCoeff(), 1e-12);
}

TEST(SurfaceSampler, ComputesOnlyWhatChanged) {
    SurfaceSampler s;
    s.setGrid(-1.0, 2.0, 40);
    for (int depth : {1, 2}) {
        std::vector<LayerShape> shape(depth, LayerShape{6, {ActivationKind::Tanh, 1.5}});
        LayeredNetwork net = twoInputs(shape, 20 + depth);
        ASSERT_TRUE(s.evaluate(net));
        EXPECT_EQ(s.firstLayerChanged(), std::vector<char>(6, 1)); // the first call: all
        // One neuron's bias, then one weight of another: only that neuron is computed again.
        net.layers[0].b[2] -= 0.3;
        ASSERT_TRUE(s.evaluate(net));
        std::vector<char> one(6, 0);
        one[2] = 1;
        EXPECT_EQ(s.firstLayerChanged(), one);
        net.layers[0].w(4, 1) *= -2.0;
        ASSERT_TRUE(s.evaluate(net));
        one.assign(6, 0);
        one[4] = 1;
        EXPECT_EQ(s.firstLayerChanged(), one);
        const LayeredEvaluation e = evaluate(net, s.grid());
        EXPECT_LE((s.output() - e.output).abs().maxCoeff(), 1e-12);
        for (int l = 0; l < depth; ++l)
            EXPECT_LE((s.activations(l) - e.a[l]).abs().maxCoeff(), 1e-12);
        // The output layer alone: no neuron computed again, the output still right.
        net.v[1] += 1.0;
        net.c = -0.25;
        ASSERT_TRUE(s.evaluate(net));
        EXPECT_EQ(s.firstLayerChanged(), std::vector<char>(6, 0));
        EXPECT_LE((s.output() - evaluateOutput(net, s.grid())).abs().maxCoeff(), 1e-12);
        // A deeper layer's weight: the first layer stays, the rest follows.
        if (depth == 2) {
            net.layers[1].w(0, 3) += 0.7;
            ASSERT_TRUE(s.evaluate(net));
            EXPECT_EQ(s.firstLayerChanged(), std::vector<char>(6, 0));
            EXPECT_LE((s.output() - evaluateOutput(net, s.grid())).abs().maxCoeff(), 1e-12);
        }
        // A new activation: everything again.
        net.layers[0].activation.steepness = 3.0;
        ASSERT_TRUE(s.evaluate(net));
        EXPECT_EQ(s.firstLayerChanged(), std::vector<char>(6, 1));
        EXPECT_LE((s.output() - evaluateOutput(net, s.grid())).abs().maxCoeff(), 1e-12);
    }
}

// A training step moves every weight: the whole network is computed again (through the kernels,
// except with a step layer), into the same buffers, and still equals evaluate().
TEST(SurfaceSampler, AStepThatMovesEveryWeightComputesEverything) {
    for (ActivationKind g : {ActivationKind::Sigmoid, ActivationKind::Step}) {
        SurfaceSampler s;
        s.setGrid(-2.0, 2.0, 50);
        LayeredNetwork net = twoInputs({{16, {g, 2.0}}, {8, {ActivationKind::Tanh, 1.0}}}, 31);
        ASSERT_TRUE(s.evaluate(net));
        const double* act = s.activations(0).data();
        std::mt19937_64 rng(4);
        std::normal_distribution<double> nudge(0.0, 0.05);
        for (Layer& l : net.layers) {
            l.w = l.w.unaryExpr([&](double w) { return w + nudge(rng); });
            l.b = l.b.unaryExpr([&](double b) { return b + nudge(rng); });
        }
        net.v = net.v.unaryExpr([&](double v) { return v + nudge(rng); });
        ASSERT_TRUE(s.evaluate(net));
        EXPECT_EQ(s.firstLayerChanged(), std::vector<char>(16, 1));
        EXPECT_EQ(s.activations(0).data(), act);
        const LayeredEvaluation e = evaluate(net, s.grid());
        EXPECT_LE((s.output() - e.output).abs().maxCoeff(), 1e-12);
        for (int l = 0; l < 2; ++l)
            EXPECT_LE((s.activations(l) - e.a[l]).abs().maxCoeff(), 1e-12);
    }
}

// Reshape: the overlapping block of every matrix is kept, new neurons start as the random network
// places them, and adding neurons or an input leaves the output exactly where it was.
#include "core/deep/RandomLayered.h"
#include "core/deep/Reshape.h"
#include "tests/core/CoreTestSupport.h"

#include <gtest/gtest.h>

using namespace stepwise;
using stepwise::test::kRelu;
using stepwise::test::kTanh;

namespace {

LayeredNetwork netToReshape(int inputs, const std::vector<LayerShape>& shape, unsigned seed = 7) {
    std::mt19937_64 rng(seed);
    LayeredNetwork net = randomLayeredNetwork(inputs, shape, -2.0, 2.0, rng);
    net.c = 0.3;
    return net;
}

Eigen::MatrixXd points(int inputs) {
    Eigen::MatrixXd x(inputs, 41);
    for (Eigen::Index k = 0; k < x.cols(); ++k)
        for (Eigen::Index i = 0; i < inputs; ++i)
            x(i, k) = -2.0 + 0.1 * static_cast<double>(k) + 0.05 * static_cast<double>(i);
    return x;
}
} // namespace

TEST(Reshape, KeepsTheOverlappingBlockOfEveryMatrix) {
    const LayeredNetwork net = netToReshape(1, {{5, kTanh}, {4, kTanh}});
    std::mt19937_64 rng(1);
    const LayeredNetwork r = reshape(net, 1, {{3, kRelu}, {6, kTanh}}, -2.0, 2.0, rng);
    ASSERT_EQ(r.depth(), 2);
    EXPECT_FALSE(networkProblem(r));
    EXPECT_EQ(r.layers[0].activation, kRelu);
    EXPECT_EQ(r.layers[0].w, net.layers[0].w.topRows(3));
    EXPECT_EQ(r.layers[0].b, net.layers[0].b.head(3));
    // Layer 2 shrank its fan-in from 5 to 3 and grew from 4 to 6 neurons.
    EXPECT_EQ(r.layers[1].w.topRows(4), net.layers[1].w.leftCols(3));
    EXPECT_EQ(r.layers[1].b.head(4), net.layers[1].b);
    EXPECT_EQ(r.v.head(4), net.v);
    EXPECT_EQ(r.v.tail(2), Eigen::VectorXd::Zero(2));
    EXPECT_EQ(r.c, 0.3);
}

TEST(Reshape, AddingNeuronsLeavesTheOutputUnchanged) {
    const LayeredNetwork net = netToReshape(1, {{3, kTanh}, {2, kTanh}, {4, kRelu}});
    std::mt19937_64 rng(2);
    const LayeredNetwork r = reshape(net, 1, {{7, kTanh}, {5, kTanh}, {9, kRelu}}, -2.0, 2.0, rng);
    const Eigen::ArrayXd before = evaluateOutput(net, points(1));
    const Eigen::ArrayXd after = evaluateOutput(r, points(1));
    EXPECT_TRUE(before.isApprox(after, 1e-12)) << (before - after).abs().maxCoeff();
    // … while the new neurons are not all 0 (they have somewhere to start from).
    EXPECT_GT(r.layers[0].w.bottomRows(4).cwiseAbs().maxCoeff(), 0.0);
    EXPECT_GT(r.layers[1].b.tail(3).cwiseAbs().maxCoeff(), 0.0);
}

TEST(Reshape, NewNeuronsStartAsTheRandomNetworkPlacesThem) {
    const LayeredNetwork net = netToReshape(1, {{2, kTanh}});
    std::mt19937_64 a(5), b(5);
    const LayeredNetwork r = reshape(net, 1, {{6, kTanh}}, -2.0, 2.0, a);
    const LayeredNetwork fresh = randomLayeredNetwork(1, {{6, kTanh}}, -2.0, 2.0, b);
    EXPECT_EQ(r.layers[0].w.bottomRows(4), fresh.layers[0].w.bottomRows(4));
    EXPECT_EQ(r.layers[0].b.tail(4), fresh.layers[0].b.tail(4));
}

TEST(Reshape, ASecondInputStartsWithWeight0SoTheCurveBecomesARidgeOfIt) {
    const LayeredNetwork net = netToReshape(1, {{4, kTanh}, {3, kTanh}});
    std::mt19937_64 rng(3);
    const LayeredNetwork r = reshape(net, 2, {{4, kTanh}, {3, kTanh}}, -2.0, 2.0, rng);
    ASSERT_EQ(r.inputs, 2);
    EXPECT_EQ(r.layers[0].w.col(1), Eigen::VectorXd::Zero(4));
    Eigen::MatrixXd x2 = points(2);
    x2.row(1).setConstant(1.7); // any x₂
    EXPECT_TRUE(evaluateOutput(r, x2).isApprox(evaluateOutput(net, points(1)), 1e-12));
}

TEST(Reshape, ANewLayerIsFreshAndTheOutputBiasStays) {
    const LayeredNetwork net = netToReshape(1, {{4, kTanh}});
    std::mt19937_64 a(9), b(9);
    const LayeredNetwork r = reshape(net, 1, {{4, kTanh}, {3, kRelu}}, -2.0, 2.0, a);
    const LayeredNetwork fresh = randomLayeredNetwork(1, {{4, kTanh}, {3, kRelu}}, -2.0, 2.0, b);
    EXPECT_EQ(r.layers[0].w, net.layers[0].w);
    EXPECT_EQ(r.layers[1].w, fresh.layers[1].w);
    EXPECT_EQ(r.v, fresh.v);
    EXPECT_EQ(r.c, 0.3);
}

TEST(Reshape, ABadShapeGivesNoNetwork) {
    const LayeredNetwork net = netToReshape(1, {{4, kTanh}});
    std::mt19937_64 rng(1);
    EXPECT_EQ(reshape(net, 1, {{65, kTanh}}, -2.0, 2.0, rng).depth(), 0);
    EXPECT_EQ(reshape(net, 1, {}, -2.0, 2.0, rng).depth(), 0);
    EXPECT_EQ(reshape(net, 0, {{3, kTanh}}, -2.0, 2.0, rng).depth(), 0);
}

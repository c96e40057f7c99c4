// Bends and linear pieces of a ReLU network's output (core/deep/Pieces.h): one layer of k ReLU
// neurons bends where each one switches; the folding network doubles its pieces with every layer.
#include "core/deep/Pieces.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace stepwise;

namespace {
const Activation kRelu{ActivationKind::ReLU, 1.0};

LayeredNetwork oneLayer(const std::vector<double>& w, const std::vector<double>& b,
                        const std::vector<double>& v) {
    LayeredNetwork net = layeredNetwork(1, {{static_cast<int>(w.size()), kRelu}});
    for (std::size_t j = 0; j < w.size(); ++j) {
        net.layers[0].w(static_cast<Eigen::Index>(j), 0) = w[j];
        net.layers[0].b[static_cast<Eigen::Index>(j)] = b[j];
        net.v[static_cast<Eigen::Index>(j)] = v[j];
    }
    return net;
}
} // namespace

TEST(Pieces, OneLayerBendsWhereEachNeuronSwitches) {
    // Switching points −b/w: −0.6, 0.1 (exactly between samples or not), 0.35; one at 1.5 lies
    // outside the domain and bends nothing there.
    const LayeredNetwork net =
        oneLayer({2.0, -1.0, 4.0, 1.0}, {1.2, 0.1, -1.4, -1.5}, {1.0, 0.5, -2.0, 3.0});
    const auto bends = outputBends(net, -1.0, 1.0);
    ASSERT_TRUE(bends);
    ASSERT_EQ(bends->size(), 3u);
    const double expected[] = {-0.6, 0.1, 0.35};
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR((*bends)[i], expected[i], 1e-9) << i;
    EXPECT_EQ(linearPieces(net, -1.0, 1.0), 4);
    // On [0, 1] only the bends at 0.1 and 0.35 are inside.
    EXPECT_EQ(linearPieces(net, 0.0, 1.0), 3);
}

TEST(Pieces, AnOutputWeightOfZeroHidesABend) {
    const LayeredNetwork net = oneLayer({1.0, 1.0}, {0.0, -0.5}, {1.0, 0.0});
    EXPECT_EQ(linearPieces(net, -1.0, 1.0), 2);
}

TEST(Pieces, EachFoldDoublesThePieces) {
    for (int k = 1; k <= 3; ++k) {
        const LayeredNetwork net = foldNetwork(k);
        ASSERT_EQ(net.depth(), k);
        EXPECT_EQ(linearPieces(net, -1.0, 1.0), 1 << k) << k;
        // The bends are where T^j(x) = 0 for some j < k: the multiples of 2^−(k−1) inside
        // (−1, 1) that are odd multiples of some 2^−j, i.e. every multiple of 2^(1−k).
        const auto bends = outputBends(net, -1.0, 1.0);
        ASSERT_TRUE(bends);
        const double spacing = 1.0 / (1 << (k - 1));
        ASSERT_EQ(static_cast<int>(bends->size()), (1 << k) - 1);
        for (std::size_t i = 0; i < bends->size(); ++i)
            EXPECT_NEAR((*bends)[i], -1.0 + spacing * static_cast<double>(i + 1), 1e-9);
    }
    // T∘T∘T stays in [−1, 1] and hits both ends.
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(2049, -1.0, 1.0);
    const Eigen::ArrayXd y = evaluateOutput(foldNetwork(3), x.matrix().transpose());
    EXPECT_NEAR(y.maxCoeff(), 1.0, 1e-12);
    EXPECT_NEAR(y.minCoeff(), -1.0, 1e-12);
    EXPECT_EQ(foldNetwork(0).depth(), 0);
    EXPECT_EQ(foldNetwork(4).depth(), 0);
}

TEST(Pieces, OnlyPiecewiseLinearNetworksHavePieces) {
    LayeredNetwork net = foldNetwork(2);
    net.layers[1].activation = {ActivationKind::Tanh, 1.0};
    EXPECT_FALSE(piecewiseLinear(net));
    EXPECT_FALSE(linearPieces(net, -1.0, 1.0));
    net.layers[1].activation = {ActivationKind::Identity, 1.0};
    EXPECT_TRUE(piecewiseLinear(net));
    EXPECT_TRUE(linearPieces(net, -1.0, 1.0));
    EXPECT_FALSE(linearPieces(foldNetwork(2), 1.0, -1.0)); // an empty interval
    // A straight line is one piece.
    LayeredNetwork line = layeredNetwork(1, {{3, {ActivationKind::Identity, 1.0}}});
    line.layers[0].w.setConstant(0.5);
    line.v.setConstant(1.0);
    EXPECT_EQ(linearPieces(line, -1.0, 1.0), 1);
}

// Bends and linear pieces of a ReLU network's output (core/deep/Pieces.h): one layer of k ReLU
// neurons bends where each one switches; the folding network doubles its pieces with every layer;
// bends outside, behind a 0 output weight or cancelled make none; a second layer bends where its
// sums cross 0; and on random deep networks every bend found is a real change of slope and every
// change of slope on a fine grid lies next to a bend found.
#include "core/deep/Pieces.h"
#include "tests/core/CoreTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace stepwise;
using stepwise::test::kRelu;

namespace {

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

TEST(Pieces, KKinksInsideTheDomainMakeKPlusOnePieces) {
    // Kinks at x = −b/w = 0.5, −1, 2 on [−3, 3].
    const LayeredNetwork net = oneLayer({2.0, -1.0, 0.5}, {-1.0, -1.0, -1.0}, {1.0, 0.7, -2.0});
    const auto p = outputBends(net, -3.0, 3.0);
    ASSERT_TRUE(p);
    EXPECT_EQ(static_cast<long>(p->size() + 1), 4);
    ASSERT_EQ(p->size(), 3u);
    EXPECT_NEAR((*p)[0], -1.0, 1e-12);
    EXPECT_NEAR((*p)[1], 0.5, 1e-12);
    EXPECT_NEAR((*p)[2], 2.0, 1e-12);
}

TEST(Pieces, KinksOutsideBehindAZeroWeightOrCancelledMakeNone) {
    // Kink at 5 (outside [−3, 3]), one at 1 with v = 0, and two at 0 that cancel:
    // relu(x) − relu(x)… written as relu(x) and relu(2x)/2 with weights 1 and −2.
    const LayeredNetwork net =
        oneLayer({1.0, 1.0, 1.0, 2.0}, {-5.0, -1.0, 0.0, 0.0}, {1.0, 0.0, 1.0, -0.5});
    const auto p = outputBends(net, -3.0, 3.0);
    ASSERT_TRUE(p);
    EXPECT_EQ(static_cast<long>(p->size() + 1), 1);
}

TEST(Pieces, ASecondLayerBendsWhereItsSumCrossesZero) {
    // Layer 1: a = relu(x). Layer 2: relu(a − 0.5). Output: the second neuron. On [−1, 1] the
    // output is 0 up to x = 0.5, then x − 0.5: one kink (the one at 0 is hidden by layer 2).
    LayeredNetwork net = layeredNetwork(1, {{1, kRelu}, {1, kRelu}});
    net.layers[0].w(0, 0) = 1.0;
    net.layers[1].w(0, 0) = 1.0;
    net.layers[1].b[0] = -0.5;
    net.v[0] = 1.0;
    auto p = outputBends(net, -1.0, 1.0);
    ASSERT_TRUE(p);
    ASSERT_EQ(p->size(), 1u);
    EXPECT_NEAR((*p)[0], 0.5, 1e-12);
    // Layer 2 of two neurons: relu(a − 0.5) − relu(0.25 − a): kinks at 0.25 and 0.5 (and at 0,
    // where a starts to rise under the second one's −a).
    net = layeredNetwork(1, {{1, kRelu}, {2, kRelu}});
    net.layers[0].w(0, 0) = 1.0;
    net.layers[1].w(0, 0) = 1.0;
    net.layers[1].b[0] = -0.5;
    net.layers[1].w(1, 0) = -1.0;
    net.layers[1].b[1] = 0.25;
    net.v << 1.0, -1.0;
    p = outputBends(net, -1.0, 1.0);
    ASSERT_TRUE(p);
    ASSERT_EQ(p->size(), 3u);
    EXPECT_NEAR((*p)[0], 0.0, 1e-12);
    EXPECT_NEAR((*p)[1], 0.25, 1e-12);
    EXPECT_NEAR((*p)[2], 0.5, 1e-12);
}

TEST(Pieces, OnRandomDeepNetworksTheKinksAreWhereTheSlopeChanges) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int trial = 0; trial < 20; ++trial) {
        LayeredNetwork net = layeredNetwork(1, {{6, kRelu}, {5, kRelu}, {4, kRelu}});
        for (Layer& l : net.layers) {
            for (Eigen::Index k = 0; k < l.w.size(); ++k)
                l.w.data()[k] = 2.0 * u(rng);
            for (Eigen::Index k = 0; k < l.b.size(); ++k)
                l.b[k] = u(rng);
        }
        for (Eigen::Index k = 0; k < net.v.size(); ++k)
            net.v[k] = u(rng);
        const auto p = outputBends(net, -2.0, 2.0);
        ASSERT_TRUE(p);
        // The slope by difference quotients on a fine grid: where it changes, a kink found lies
        // within the cell; a kink found changes the slope between its neighbouring cells.
        const int n = 40001;
        const double h = 4.0 / (n - 1);
        Eigen::MatrixXd x(1, n);
        for (int k = 0; k < n; ++k)
            x(0, k) = -2.0 + h * k;
        const Eigen::ArrayXd y = evaluateOutput(net, x);
        auto slopeAt = [&](double at) {
            Eigen::MatrixXd q(1, 2);
            q << at - 1e-7, at + 1e-7;
            const Eigen::ArrayXd yy = evaluateOutput(net, q);
            return (yy[1] - yy[0]) / 2e-7;
        };
        for (double kink : *p)
            EXPECT_GT(std::abs(slopeAt(kink + 1e-5) - slopeAt(kink - 1e-5)), 1e-6) << kink;
        for (int k = 1; k + 1 < n; ++k) {
            const double s0 = (y[k] - y[k - 1]) / h, s1 = (y[k + 1] - y[k]) / h;
            if (std::abs(s1 - s0) < 1e-5) continue;
            const double at = x(0, k);
            const bool near = std::any_of(
                p->begin(), p->end(), [&](double kink) { return std::abs(kink - at) <= 1.01 * h; });
            EXPECT_TRUE(near) << "trial " << trial << ": slope changes at " << at;
        }
    }
}

TEST(Pieces, ANetworkOfTwoInputsHasNone) {
    EXPECT_FALSE(piecewiseLinear(layeredNetwork(2, {{2, kRelu}})));
    EXPECT_FALSE(linearPieces(layeredNetwork(2, {{2, kRelu}}), -1.0, 1.0));
}

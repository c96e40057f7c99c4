// Every layer seen at once: one plot per hidden layer with a curve per neuron, then the output;
// a ReLU network's output has its kinks marked and its straight pieces counted; two inputs get
// a note instead of plots; a 64×64×64 network draws every curve; live frames stay true.
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"
#include "ui/deep/LayerView.h"

#include <QApplication>
#include <gtest/gtest.h>
#include <qcustomplot.h>

using namespace stepwise;
using stepwise::test::kRelu;
using stepwise::test::kTanh;

TEST(LayerView, APlotPerLayerWithACurvePerNeuronThenTheOutput) {
    std::mt19937_64 rng(4);
    const LayeredNetwork net = randomLayeredNetwork(1, {{5, kTanh}, {3, kTanh}}, -1.0, 1.0, rng);
    ui::LayerView v;
    v.resize(700, 200);
    v.setNetwork(net, -1.0, 1.0);
    v.show();
    QApplication::processEvents();
    ASSERT_EQ(v.plotCount(), 3);
    EXPECT_EQ(v.curveCount(0), 5);
    EXPECT_EQ(v.curveCount(1), 3);
    EXPECT_EQ(v.curveCount(2), 1);
    // Layer 2's neuron 1 at the last sample is a⁽²⁾₁(1).
    QCPGraph* g = v.plot(1)->graph(0);
    ASSERT_EQ(g->dataCount(), ui::LayerView::kSamples);
    Eigen::MatrixXd x(1, 1);
    x(0, 0) = 1.0;
    EXPECT_NEAR((g->data()->end() - 1)->value, evaluate(net, x).a[1](0, 0), 1e-12);
    EXPECT_NEAR((g->data()->end() - 1)->key, 1.0, 1e-12);
    EXPECT_TRUE(v.piecesText().isEmpty()); // tanh: not piecewise linear
    EXPECT_FALSE(v.showsMessage());
}

TEST(LayerView, AReluOutputHasItsKinksMarkedAndCounted) {
    // Kinks at −0.5 and 0.25 inside [−1, 1]; one at 3 outside.
    LayeredNetwork net = layeredNetwork(1, {{3, kRelu}});
    net.layers[0].w << 2.0, 4.0, 1.0;
    net.layers[0].b << 1.0, -1.0, -3.0;
    net.v << 1.0, -1.0, 1.0;
    ui::LayerView v;
    v.setNetwork(net, -1.0, 1.0);
    ASSERT_EQ(v.kinks().size(), 2u);
    EXPECT_NEAR(v.kinks()[0], -0.5, 1e-12);
    EXPECT_NEAR(v.kinks()[1], 0.25, 1e-12);
    EXPECT_TRUE(v.piecesText().contains("3 straight pieces")) << v.piecesText().toStdString();
    // The marks sit on the output's kinks.
    QCustomPlot* out = v.plot(v.plotCount() - 1);
    ASSERT_EQ(out->graphCount(), 2);
    EXPECT_EQ(out->graph(1)->dataCount(), 2);
    // A new network (training frame) updates the count without rebuilding the plots.
    net.v[1] = 0.0;
    v.setNetwork(net, -1.0, 1.0);
    EXPECT_EQ(v.plot(v.plotCount() - 1), out);
    EXPECT_EQ(v.kinks().size(), 1u);
    EXPECT_TRUE(v.piecesText().contains("2 straight pieces")) << v.piecesText().toStdString();
}

TEST(LayerView, TwoInputsGetANoteInsteadOfPlots) {
    std::mt19937_64 rng(4);
    ui::LayerView v;
    v.setNetwork(randomLayeredNetwork(2, {{4, kRelu}}, -1.0, 1.0, rng), -1.0, 1.0);
    EXPECT_EQ(v.plotCount(), 0);
    EXPECT_TRUE(v.showsMessage());
}

TEST(LayerView, TheWidestNetworkDrawsEveryCurve) {
    std::mt19937_64 rng(8);
    LayeredNetwork net =
        randomLayeredNetwork(1, {{64, kRelu}, {64, kRelu}, {64, kRelu}}, -1.0, 1.0, rng);
    ui::LayerView v;
    v.resize(900, 220);
    v.setNetwork(net, -1.0, 1.0);
    v.show();
    QApplication::processEvents();
    ASSERT_EQ(v.plotCount(), 4);
    for (int p = 0; p < 3; ++p)
        EXPECT_EQ(v.curveCount(p), 64);
    net.v[0] += 0.5;
    v.setNetwork(net, -1.0, 1.0);
    Eigen::MatrixXd x(1, 1);
    x(0, 0) = 1.0;
    QCPGraph* out = v.plot(3)->graph(0);
    EXPECT_NEAR((out->data()->end() - 1)->value, evaluateOutput(net, x)[0], 1e-9);
    EXPECT_FALSE(v.piecesText().isEmpty());
}

// While live, a frame redraws only the plots whose curves moved, and their axes only grow; the
// curves are still the network's. The frame after fits every axis again.
TEST(LayerView, LiveFramesStayTrueAndTheLastFrameFits) {
    std::mt19937_64 rng(12);
    LayeredNetwork net = randomLayeredNetwork(1, {{6, kTanh}, {4, kTanh}}, -1.0, 1.0, rng);
    ui::LayerView v;
    v.resize(700, 200);
    v.setNetwork(net, -1.0, 1.0);
    v.show();
    QApplication::processEvents();
    Eigen::MatrixXd x(1, 1);
    x(0, 0) = 1.0;
    auto last = [&](int plot, int curve) {
        return (v.plot(plot)->graph(curve)->data()->end() - 1)->value;
    };
    v.setLive(true);
    // A second-layer weight: layer 1 stays as drawn, layer 2 and the output follow.
    net.layers[1].w(0, 2) += 2.0;
    v.setNetwork(net, -1.0, 1.0);
    QApplication::processEvents();
    LayeredEvaluation e = evaluate(net, x);
    EXPECT_NEAR(last(0, 2), e.a[0](2, 0), 1e-12);
    EXPECT_NEAR(last(1, 0), e.a[1](0, 0), 1e-12);
    EXPECT_NEAR(last(2, 0), e.output[0], 1e-12);
    // The output grows tenfold, then shrinks by a third: the axis grows with it, then keeps its
    // size (it fits again while live only once it is four times too tall).
    net.v *= 10.0;
    v.setNetwork(net, -1.0, 1.0);
    const QCPRange grown = v.plot(2)->yAxis->range();
    Eigen::MatrixXd xs = Eigen::RowVectorXd::LinSpaced(ui::LayerView::kSamples, -1.0, 1.0);
    Eigen::ArrayXd y = evaluateOutput(net, xs);
    EXPECT_LE(grown.lower, y.minCoeff());
    EXPECT_GE(grown.upper, y.maxCoeff());
    net.v /= 1.5;
    v.setNetwork(net, -1.0, 1.0);
    EXPECT_EQ(v.plot(2)->yAxis->range().size(), grown.size());
    EXPECT_NEAR(last(2, 0), evaluate(net, x).output[0], 1e-12);
    // The frame after: the axis fits the small output again (at least a unit of height).
    v.setLive(false);
    v.setNetwork(net, -1.0, 1.0);
    y = evaluateOutput(net, xs);
    const QCPRange fitted = v.plot(2)->yAxis->range();
    EXPECT_LE(fitted.lower, y.minCoeff());
    EXPECT_GE(fitted.upper, y.maxCoeff());
    EXPECT_LT(fitted.size(), 0.8 * grown.size());
}

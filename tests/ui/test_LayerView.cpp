// Every layer seen at once: one plot per hidden layer with a curve per neuron, then the output;
// a ReLU network's output has its kinks marked and its straight pieces counted; two inputs get
// a note instead of plots; and a 64×64×64 network redraws within a training frame's budget.
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"
#include "ui/deep/LayerView.h"

#include <QApplication>
#include <QElapsedTimer>
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

TEST(LayerView, TheWidestNetworkRedrawsWithinAFrameBudget) {
    std::mt19937_64 rng(8);
    LayeredNetwork net =
        randomLayeredNetwork(1, {{64, kRelu}, {64, kRelu}, {64, kRelu}}, -1.0, 1.0, rng);
    ui::LayerView v;
    v.resize(900, 220);
    v.setNetwork(net, -1.0, 1.0);
    v.show();
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    for (int k = 0; k < 5; ++k) {
        net.v[0] += 0.01;
        v.setNetwork(net, -1.0, 1.0);
        for (int p = 0; p < v.plotCount(); ++p)
            v.plot(p)->replot(QCustomPlot::rpImmediateRefresh);
    }
    // Room for a loaded machine and sanitizers; a frame at display rate is 16 ms.
    EXPECT_LT(t.elapsed() / 5.0, 300.0);
    EXPECT_FALSE(v.piecesText().isEmpty());
}

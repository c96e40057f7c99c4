// The loss landscape of a layered network (issues 17 and 18) on real widgets: the map is what
// the core computes, the pickers name every parameter by layer, a click moves both parameters as
// one undo step, the arrow is −∇L, two inputs work, an overflowing loss shows no NaN, training
// draws a trail, and the workspace has the tab.
#include "UiTestSupport.h"

#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNames.h"
#include "core/deep/RandomLayered.h"
#include "core/landscape/LayeredLandscape.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/document/Document.h"
#include "ui/landscape/LandscapePlot.h"
#include "ui/landscape/LayeredLandscapeComputer.h"
#include "ui/landscape/LayeredLandscapeView.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QTabWidget>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace stepwise;
using namespace stepwise::ui;
using stepwise::test::pumpUntil;

namespace {

LayeredNetwork landscapeNet(int inputs, Activation g = {ActivationKind::Tanh, 1.0},
                            std::uint64_t seed = 3) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(inputs, {{8, g}, {8, g}}, -1.0, 1.0, rng);
}

long weightIndex(const LayeredNetwork& n, int layer, int from, int to) {
    return layeredFlatIndex(n, {LayeredParam::Kind::Weight, layer, from, to});
}
long biasIndex(const LayeredNetwork& n, int layer, int to) {
    return layeredFlatIndex(n, {LayeredParam::Kind::Bias, layer, 0, to});
}
long vIndex(const LayeredNetwork& n, int j) {
    return layeredFlatIndex(n, {LayeredParam::Kind::OutputWeight, n.depth(), j, 0});
}

// A document holding a layered network and its target (a sine for one input, the tower over the
// plane for two), shown in a landscape view on the offscreen screen.
struct LayeredLandscapeFixture {
    Document doc;
    std::unique_ptr<LayeredLandscapeView> view;

    explicit LayeredLandscapeFixture(const LayeredNetwork& net) {
        if (net.inputs == 1) {
            TargetCurve t;
            t.preset = TargetPreset::Sine;
            doc.setTarget(t, "sine");
        }
        doc.setLayered(net, "net");
        if (net.inputs == 2) {
            TargetSurface s;
            s.preset = SurfacePreset::Tower;
            doc.setSurface(s, "tower");
        }
        doc.undoStack()->clear();
        view = std::make_unique<LayeredLandscapeView>(&doc);
        view->resize(560, 640);
        view->show();
        doc.flush();
    }

    // The shown surface equals the core's over the same axes, and so does every cell of the map.
    void expectDrawsTheCore() {
        ASSERT_TRUE(view->waitUntilUpToDate(20000));
        const LayeredLandscape& shown = view->landscape();
        const LayeredLandscape direct =
            computeLayeredLandscape(doc.layered(), doc.layeredX(), doc.layeredT(), shown.axes);
        ASSERT_TRUE(direct.complete);
        EXPECT_EQ(shown.loss, direct.loss);
        // The colours span at most five decades below the highest loss (LandscapePlot): lower
        // values are held at the bottom of the scale.
        const double hi = direct.loss.maxCoeff();
        const double lo = std::max({direct.loss.minCoeff(), hi * 1e-5, 1e-12});
        ASSERT_GT(hi / lo, 1.02); // not a flat map, whose scale is widened
        for (int i = 0; i < shown.axes.nx; i += 3)
            for (int k = 0; k < shown.axes.ny; k += 5)
                ASSERT_EQ(view->mapValue(i, k), std::clamp(direct.loss(i, k), lo, hi))
                    << i << ", " << k;
        // And the map holds the current point.
        const QPointF m = view->marker();
        EXPECT_EQ(m.x(), layeredParamValue(doc.layered(), view->paramP()));
        EXPECT_EQ(m.y(), layeredParamValue(doc.layered(), view->paramQ()));
        EXPECT_GE(m.x(), shown.axes.pLo);
        EXPECT_LE(m.x(), shown.axes.pHi);
        EXPECT_GE(m.y(), shown.axes.qLo);
        EXPECT_LE(m.y(), shown.axes.qHi);
    }
};

} // namespace

TEST(LayeredLandscape, MapIsWhatTheCoreComputesForPairsOfAnyLayers) {
    LayeredLandscapeFixture f(landscapeNet(1));
    const LayeredNetwork& n = f.doc.layered();
    EXPECT_EQ(f.view->paramP(), weightIndex(n, 0, 0, 0)); // the default: w⁽¹⁾₁ and b⁽¹⁾₁
    EXPECT_EQ(f.view->paramQ(), biasIndex(n, 0, 0));
    f.expectDrawsTheCore();
    for (auto [p, q] :
         {std::pair{weightIndex(n, 1, 3, 2), biasIndex(n, 0, 5)},
          std::pair{biasIndex(n, 1, 4), vIndex(n, 4)}, std::pair{vIndex(n, 0), vIndex(n, 7)}}) {
        f.view->setParams(p, q);
        EXPECT_EQ(f.view->paramP(), p);
        EXPECT_EQ(f.view->paramQ(), q);
        f.expectDrawsTheCore();
    }
}

TEST(LayeredLandscape, PickersListEveryParameterByLayerWithItsName) {
    LayeredLandscapeFixture f(landscapeNet(2));
    const LayeredNetwork& n = f.doc.layered();
    for (QComboBox* box : {f.view->pBox(), f.view->qBox()}) {
        auto* model = qobject_cast<QStandardItemModel*>(box->model());
        ASSERT_NE(model, nullptr);
        long next = 0;
        QStringList headings;
        for (int row = 0; row < box->count(); ++row) {
            const long index = box->itemData(row).toLongLong();
            if (index < 0) {
                headings << box->itemText(row);
                EXPECT_FALSE(model->item(row)->isEnabled());
                continue;
            }
            EXPECT_EQ(index, next++);
            EXPECT_EQ(box->itemText(row).trimmed(),
                      QString::fromStdString(layeredParamName(n, index)));
        }
        EXPECT_EQ(next, paramCount(n));
        EXPECT_EQ(headings, QStringList({"Hidden layer 1", "Hidden layer 2", "Output"}));
    }
    // Choosing in the box chooses the parameter.
    const long p = weightIndex(n, 1, 6, 7);
    f.view->pBox()->setCurrentIndex(f.view->pBox()->findData(static_cast<qlonglong>(p)));
    EXPECT_EQ(f.view->paramP(), p);
    EXPECT_EQ(f.view->axes().p, p);
}

TEST(LayeredLandscape, ClickingTheMapMovesBothParametersAsOneUndoStep) {
    LayeredLandscapeFixture f(landscapeNet(1));
    const LayeredNetwork before = f.doc.layered();
    const long p = weightIndex(before, 1, 2, 5), q = biasIndex(before, 0, 1);
    f.view->setParams(p, q);
    ASSERT_TRUE(f.view->waitUntilUpToDate(20000));
    const LayeredLandscapeAxes a = f.view->axes();
    const double vp = a.pLo + 0.3 * (a.pHi - a.pLo), vq = a.qLo + 0.8 * (a.qHi - a.qLo);
    f.view->clickAt(vp, vq);
    f.doc.flush();
    const double pixelP = (a.pHi - a.pLo) / 150.0, pixelQ = (a.qHi - a.qLo) / 150.0;
    EXPECT_NEAR(layeredParamValue(f.doc.layered(), p), vp, pixelP);
    EXPECT_NEAR(layeredParamValue(f.doc.layered(), q), vq, pixelQ);
    LayeredNetwork others = f.doc.layered();
    setLayeredParamValue(others, p, layeredParamValue(before, p));
    setLayeredParamValue(others, q, layeredParamValue(before, q));
    EXPECT_EQ(others, before); // nothing else moved
    EXPECT_EQ(f.doc.undoStack()->count(), 1);
    EXPECT_NEAR(f.view->marker().x(), vp, pixelP);
    EXPECT_NEAR(f.view->marker().y(), vq, pixelQ);
    f.doc.undoStack()->undo();
    EXPECT_EQ(f.doc.layered(), before);
}

TEST(LayeredLandscape, ArrowIsMinusTheGradient) {
    LayeredLandscapeFixture f(landscapeNet(1));
    const LayeredNetwork& n = f.doc.layered();
    for (auto [p, q] : {std::pair{weightIndex(n, 0, 0, 0), biasIndex(n, 0, 0)},
                        std::pair{weightIndex(n, 1, 1, 1), vIndex(n, 3)}}) {
        f.view->setParams(p, q);
        ASSERT_TRUE(f.view->waitUntilUpToDate(20000));
        const auto arrow = f.view->gradientArrow();
        ASSERT_TRUE(arrow.has_value());
        Eigen::VectorXd g;
        LayeredGradient().compute(f.doc.layered(), f.doc.layeredX(), f.doc.layeredT(), g,
                                  f.doc.layeredBackpropOptions());
        const double gp = g[p], gq = g[q];
        const double dp = arrow->dx(), dq = arrow->dy();
        EXPECT_EQ(arrow->p1(), f.view->marker());
        EXPECT_LT(dp * gp + dq * gq, 0.0); // downhill
        EXPECT_NEAR(dp * gq - dq * gp, 0.0, 1e-9 * std::hypot(dp, dq) * std::hypot(gp, gq));
    }
}

TEST(LayeredLandscape, WorksForTwoInputs) {
    LayeredLandscapeFixture f(landscapeNet(2));
    ASSERT_EQ(f.doc.layeredX().rows(), 2);
    const LayeredNetwork& n = f.doc.layered();
    f.view->setParams(weightIndex(n, 0, 1, 3), biasIndex(n, 1, 2)); // from the second input
    f.expectDrawsTheCore();
    // The fine grid is as fine as the plane's many points allow, and finer than the coarse one.
    EXPECT_GT(f.view->landscape().axes.nx, LayeredLandscapeView::kCoarseGrid);
    EXPECT_TRUE(f.view->gradientArrow().has_value());
    EXPECT_FALSE(f.view->infoText().contains("nan", Qt::CaseInsensitive));
}

TEST(LayeredLandscape, AnOverflowingLossShowsNoNaNAndSaysSo) {
    LayeredNetwork net = landscapeNet(1, {ActivationKind::ReLU, 1.0});
    net.v.setConstant(1e200); // y² overflows wherever a last-layer neuron is on
    LayeredLandscapeFixture f(net);
    f.view->setParams(weightIndex(net, 1, 0, 0), biasIndex(net, 1, 0));
    ASSERT_TRUE(f.view->waitUntilUpToDate(20000));
    const LayeredLandscape& shown = f.view->landscape();
    EXPECT_FALSE(shown.loss.hasNaN());
    EXPECT_TRUE((shown.loss.array() == std::numeric_limits<double>::infinity()).any());
    for (int i = 0; i < shown.axes.nx; ++i)
        for (int k = 0; k < shown.axes.ny; ++k)
            ASSERT_TRUE(std::isfinite(f.view->mapValue(i, k))) << i << ", " << k;
    EXPECT_TRUE(f.view->infoText().contains("too large for a double"))
        << f.view->infoText().toStdString();
    EXPECT_FALSE(f.view->infoText().contains("nan", Qt::CaseInsensitive));
    EXPECT_FALSE(f.view->gradientArrow().has_value()); // no finite gradient, no arrow
}

TEST(LayeredLandscape, StepLayersSayTheArrowIsBorrowed) {
    LayeredLandscapeFixture f(landscapeNet(1, {ActivationKind::Step, 1.0}));
    EXPECT_TRUE(f.view->hintText().contains("flat terraces"));
    const LayeredNetwork& n = f.doc.layered();
    f.view->setParams(vIndex(n, 0), vIndex(n, 1));
    EXPECT_TRUE(f.view->hintText().contains("exact bowl"));
}

TEST(LayeredLandscape, TrainingDrawsATrailEndingAtTheCurrentPoint) {
    LayeredLandscapeFixture f(landscapeNet(1));
    LayeredTrainingController trainer(&f.doc);
    QObject::connect(&trainer, &LayeredTrainingController::runningChanged, f.view.get(),
                     [&f](bool on) {
                         if (on) f.view->trainingStarted();
                     });
    QObject::connect(&trainer, &LayeredTrainingController::progressed, f.view.get(),
                     &LayeredLandscapeView::onTrainingProgressed);
    const LayeredNetwork start = f.doc.layered();
    trainer.play();
    ASSERT_TRUE(pumpUntil([&] { return trainer.steps() >= 200; }, 20000));
    trainer.pause();
    f.doc.flush();
    QApplication::processEvents();
    const QVector<QPointF> trail = f.view->trailPoints();
    ASSERT_GE(trail.size(), 3);
    const long p = f.view->paramP(), q = f.view->paramQ();
    EXPECT_EQ(trail.front(), QPointF(layeredParamValue(start, p), layeredParamValue(start, q)));
    EXPECT_EQ(trail.back(), f.view->marker());
    EXPECT_EQ(trail.back(), QPointF(layeredParamValue(f.doc.layered(), p),
                                    layeredParamValue(f.doc.layered(), q)));
}

TEST(LayeredLandscapeComputer, CancelledJobsNeverReport) {
    LayeredLandscapeComputer c;
    int reports = 0;
    QObject::connect(&c, &LayeredLandscapeComputer::finished, [&] { ++reports; });
    const LayeredNetwork n = landscapeNet(2);
    LayeredLandscapeComputer::Job job{n, planeGrid(-1.0, 1.0), {}, {}};
    job.t = job.x.row(0).transpose().array();
    job.axes = defaultLayeredAxes(n, weightIndex(n, 0, 0, 0), biasIndex(n, 1, 0), 400);
    c.submit(job);
    c.cancel();
    ASSERT_TRUE(pumpUntil([&] { return !c.busy(); }, 20000));
    QApplication::processEvents();
    EXPECT_EQ(reports, 0);
    job.axes.nx = job.axes.ny = 20; // a small one reports
    c.submit(job);
    EXPECT_TRUE(pumpUntil([&] { return reports == 1; }, 20000));
}

TEST(LayeredLandscape, TheWorkspaceHasALandscapeTabForDeeperNetworksAndTwoInputs) {
    auto w = stepwise::test::freshWindow();
    for (const char* name : {"deeper-sine", "two-input-tower"}) {
        const auto read = readScenarioFile(std::string(STEPWISE_SOURCE_DIR) +
                                           "/resources/examples/" + name + ".stepwise");
        ASSERT_TRUE(read.ok()) << name;
        w->document()->replaceScenario(*read.scenario);
        QApplication::processEvents();
        LayeredWorkspace* ws = w->layeredWorkspace();
        QTabWidget* tabs = ws->sideTabs();
        const int at = tabs->indexOf(ws->landscape());
        ASSERT_GE(at, 0) << name;
        EXPECT_EQ(tabs->tabText(at), "Lan&dscape");
        tabs->setCurrentIndex(at);
        ASSERT_TRUE(ws->landscape()->waitUntilUpToDate(30000)) << name;
        EXPECT_EQ(ws->landscape()->landscape().loss.rows(), ws->landscape()->landscape().axes.nx);
        EXPECT_FALSE(ws->landscape()->landscape().loss.hasNaN());
        tabs->setCurrentIndex(0);
    }
}

// The arrow keys move the point a fortieth of the map's span, along p (← →) or q (↓ ↑), each
// press one undo step; other keys leave the network alone.
TEST(LayeredLandscape, ArrowKeysStepThePointAcrossTheMap) {
    LayeredLandscapeFixture f(landscapeNet(1));
    const LayeredNetwork before = f.doc.layered();
    const long p = weightIndex(before, 1, 2, 5), q = biasIndex(before, 0, 1);
    f.view->setParams(p, q);
    ASSERT_TRUE(f.view->waitUntilUpToDate(20000));
    const LayeredLandscapeAxes a = f.view->axes();
    auto* plot = f.view->findChild<ui::LandscapePlot*>();
    ASSERT_NE(plot, nullptr);
    auto press = [plot](int key) {
        QKeyEvent e(QEvent::KeyPress, key, Qt::NoModifier);
        QApplication::sendEvent(plot, &e);
    };
    const double p0 = layeredParamValue(before, p), q0 = layeredParamValue(before, q);
    press(Qt::Key_Right);
    f.doc.flush();
    EXPECT_NEAR(layeredParamValue(f.doc.layered(), p), p0 + (a.pHi - a.pLo) / 40.0, 1e-12);
    EXPECT_EQ(layeredParamValue(f.doc.layered(), q), q0);
    press(Qt::Key_Up);
    f.doc.flush();
    EXPECT_NEAR(layeredParamValue(f.doc.layered(), q), q0 + (a.qHi - a.qLo) / 40.0, 1e-12);
    const LayeredNetwork moved = f.doc.layered();
    press(Qt::Key_A);
    f.doc.flush();
    EXPECT_EQ(f.doc.layered(), moved);
    EXPECT_EQ(f.doc.undoStack()->count(), 2);
    f.doc.undoStack()->undo();
    f.doc.undoStack()->undo();
    EXPECT_EQ(f.doc.layered(), before);
}

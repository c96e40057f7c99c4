// The loss landscape view on real widgets: clicking, the least-squares minimum, the training
// trail, and when the surface is (and is not) recomputed.
#include "UiTestSupport.h"

#include "core/landscape/LossLandscape.h"
#include "core/network/Backprop.h"
#include "core/scenario/Presets.h"
#include "core/training/LeastSquares.h"
#include "ui/document/Document.h"
#include "ui/landscape/LandscapeComputer.h"
#include "ui/landscape/LandscapeView.h"
#include "ui/training/TrainingController.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QThread>
#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <memory>

using namespace stepwise;
using namespace stepwise::ui;
using stepwise::test::pumpUntil;

namespace {

constexpr ParamId kW11{ParamKind::OutputWeight, 0};
constexpr ParamId kW21{ParamKind::OutputWeight, 1};
constexpr ParamId kC{ParamKind::OutputBias, 0};

// A document with the lesson's two neurons made smooth (sigmoid, k = 3) and a sine target, shown
// in a landscape view on screen (offscreen platform).
struct LandscapeFixture {
    Document doc;
    TrainingController trainer{&doc};
    std::unique_ptr<LandscapeView> view;

    explicit LandscapeFixture(Network net = sigmoidPair()) {
        TargetCurve t;
        t.preset = TargetPreset::Sine;
        doc.setTarget(t, "sine");
        doc.setNetwork(net, "net");
        doc.undoStack()->clear();
        view = std::make_unique<LandscapeView>(&doc);
        // As the window's shell wires it: the trail from training, and a redraw as it grows.
        view->setTrail([this]() -> const std::vector<Eigen::VectorXd>& { return trainer.trail(); });
        QObject::connect(&trainer, &TrainingController::progressed, view.get(),
                         &LandscapeView::onTrainingProgressed);
        view->resize(640, 620);
        view->show();
        doc.flush();
    }

    static Network sigmoidPair() {
        Network n = networkPreset(NetworkPreset::Added);
        n.activation = {ActivationKind::Sigmoid, 3.0};
        return n;
    }
};

} // namespace

TEST(LandscapeView, DefaultsToTheTwoOutputWeights) {
    LandscapeFixture f;
    EXPECT_EQ(f.view->paramP(), kW11);
    EXPECT_EQ(f.view->paramQ(), kW21);
    EXPECT_EQ(f.view->pBox()->currentText(), "w11");
    EXPECT_EQ(f.view->qBox()->currentText(), "w21");
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    EXPECT_EQ(f.view->landscape().axes.nx, LandscapeView::kFineGrid);
    EXPECT_GT(f.view->contourSegmentCount(), 0);
    // The marker is the current point.
    EXPECT_EQ(f.view->marker(), QPointF(1.0, 1.0));
}

TEST(LandscapeView, DrawsWhatTheCoreComputes) {
    LandscapeFixture f;
    f.view->setParams({ParamKind::HiddenWeight, 0}, {ParamKind::HiddenBias, 1});
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const Landscape& shown = f.view->landscape();
    const Landscape direct =
        computeLandscape(f.doc.network(), f.doc.x(), f.doc.targetSamples(), shown.axes);
    ASSERT_TRUE(direct.complete);
    EXPECT_EQ(shown.loss, direct.loss);
    // The view contains the current point.
    const QPointF m = f.view->marker();
    EXPECT_GE(m.x(), shown.axes.pLo);
    EXPECT_LE(m.x(), shown.axes.pHi);
    EXPECT_GE(m.y(), shown.axes.qLo);
    EXPECT_LE(m.y(), shown.axes.qHi);
}

TEST(LandscapeView, ClickingTheMapSetsBothWeightsAsOneUndoStep) {
    LandscapeFixture f;
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const Network before = f.doc.network();
    const LandscapeAxes& a = f.view->landscape().axes;
    const double p = a.pLo + 0.3 * (a.pHi - a.pLo), q = a.qLo + 0.8 * (a.qHi - a.qLo);
    f.view->clickAt(p, q);
    f.doc.flush();
    // Within a pixel of where we clicked.
    const double pixelP = (a.pHi - a.pLo) / 200.0, pixelQ = (a.qHi - a.qLo) / 200.0;
    EXPECT_NEAR(f.doc.network().v[0], p, pixelP);
    EXPECT_NEAR(f.doc.network().v[1], q, pixelQ);
    Network others = f.doc.network();
    others.v = before.v;
    EXPECT_EQ(others, before); // nothing else moved
    EXPECT_EQ(f.doc.undoStack()->count(), 1);
    EXPECT_NEAR(f.view->marker().x(), p, pixelP);
    EXPECT_NEAR(f.view->marker().y(), q, pixelQ);
    f.doc.undoStack()->undo();
    EXPECT_EQ(f.doc.network(), before);
}

TEST(LandscapeView, ClickingBesideTheMapChangesNothing) {
    LandscapeFixture f;
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const LandscapeAxes& a = f.view->landscape().axes;
    f.view->clickAt(a.pHi + 10.0 * (a.pHi - a.pLo), a.qLo); // far right of the axis rect
    EXPECT_EQ(f.doc.undoStack()->count(), 0);
}

// The drawn minimum for one neuron's w11 and the output bias c is the least-squares fit of the
// output layer (with H = 1 these are all of it), and jumping there is one undo step.
TEST(LandscapeView, DrawnMinimumIsTheLeastSquaresSolution) {
    Network one(1, {ActivationKind::Sigmoid, 4.0});
    one.w[0] = 2.0;
    one.b[0] = -0.5;
    one.v[0] = 0.3;
    one.c = -0.2;
    LandscapeFixture f(one);
    f.view->setParams(kW11, kC);
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const OutputFit fit = fitOutputLayer(f.doc.network(), f.doc.x(), f.doc.targetSamples());
    const auto m = f.view->minimumMarker();
    ASSERT_TRUE(m.has_value());
    EXPECT_NEAR(m->x(), fit.v[0], 1e-9);
    EXPECT_NEAR(m->y(), fit.c, 1e-9);
    ASSERT_TRUE(f.view->minimumButton()->isEnabled());

    // The darkest cell of the drawn surface is the grid point next to it.
    const Landscape& l = f.view->landscape();
    Eigen::Index i, k;
    l.loss.minCoeff(&i, &k);
    EXPECT_NEAR(l.valueP(static_cast<int>(i)), fit.v[0],
                (l.axes.pHi - l.axes.pLo) / (l.axes.nx - 1));
    EXPECT_NEAR(l.valueQ(static_cast<int>(k)), fit.c, (l.axes.qHi - l.axes.qLo) / (l.axes.ny - 1));

    f.view->minimumButton()->click();
    EXPECT_NEAR(f.doc.network().v[0], fit.v[0], 1e-9);
    EXPECT_NEAR(f.doc.network().c, fit.c, 1e-9);
    EXPECT_NEAR(f.doc.loss(), fit.loss, 1e-12);
    EXPECT_EQ(f.doc.undoStack()->count(), 1);
}

TEST(LandscapeView, NoMinimumForHiddenParameters) {
    LandscapeFixture f;
    f.view->setParams({ParamKind::HiddenWeight, 0}, kW21);
    f.doc.flush();
    EXPECT_FALSE(f.view->minimumMarker().has_value());
    EXPECT_FALSE(f.view->minimumButton()->isEnabled());
}

TEST(LandscapeView, TrailMatchesTheTrainersParameterHistory) {
    LandscapeFixture f;
    f.view->setParams({ParamKind::HiddenBias, 0}, kW21);
    std::vector<Eigen::VectorXd> before;
    for (int s = 0; s < 6; ++s) {
        before.push_back(packParams(f.doc.network()));
        f.trainer.stepOnce();
    }
    f.doc.flush();
    const QVector<QPointF> trail = f.view->trailPoints();
    ASSERT_EQ(trail.size(), 7); // the weights before each step, then where they are now
    const int ip = flatIndex({ParamKind::HiddenBias, 0}, 2), iq = flatIndex(kW21, 2);
    for (int s = 0; s < 6; ++s) {
        EXPECT_EQ(trail[s].x(), before[s][ip]) << "step " << s;
        EXPECT_EQ(trail[s].y(), before[s][iq]) << "step " << s;
    }
    EXPECT_EQ(trail[6].x(), f.doc.network().b[0]);
    EXPECT_EQ(trail[6].y(), f.doc.network().v[1]);
    EXPECT_NE(trail[0], trail[6]); // training did move them

    // The same history, projected onto another pair.
    f.view->setParams(kW11, kC);
    const QVector<QPointF> other = f.view->trailPoints();
    ASSERT_EQ(other.size(), 7);
    EXPECT_EQ(other[2].x(), before[2][flatIndex(kW11, 2)]);
    EXPECT_EQ(other[2].y(), before[2][flatIndex(kC, 2)]);
}

TEST(LandscapeView, MovingTheShownParametersOnlyMovesTheMarker) {
    LandscapeFixture f;
    f.view->setParams({ParamKind::HiddenWeight, 0}, kW21);
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const Eigen::MatrixXd surface = f.view->landscape().loss;
    f.doc.setParam({ParamKind::HiddenWeight, 0}, f.doc.network().w[0] + 0.1);
    f.doc.setParam(kW21, 0.8);
    f.doc.flush();
    EXPECT_TRUE(f.view->upToDate()); // nothing to recompute
    EXPECT_EQ(f.view->landscape().loss, surface);
    EXPECT_EQ(f.view->marker(), QPointF(f.doc.network().w[0], 0.8));

    // Another parameter changes the surface.
    f.doc.setParam({ParamKind::HiddenBias, 1}, f.doc.network().b[1] + 0.5);
    f.doc.flush();
    EXPECT_FALSE(f.view->upToDate());
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    EXPECT_NE(f.view->landscape().loss, surface);
}

TEST(LandscapeView, TargetChangeRecomputes) {
    LandscapeFixture f;
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const Eigen::MatrixXd surface = f.view->landscape().loss;
    TargetCurve t;
    t.preset = TargetPreset::Bump;
    f.doc.setTarget(t, "bump");
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    EXPECT_NE(f.view->landscape().loss, surface);
}

TEST(LandscapeView, GradientArrowPointsDownhill) {
    LandscapeFixture f;
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const auto arrow = f.view->gradientArrow();
    ASSERT_TRUE(arrow.has_value());
    const Eigen::VectorXd& g = f.doc.gradient();
    const double dp = arrow->dx(), dq = arrow->dy();
    // Parallel to −(∂L/∂w11, ∂L/∂w21).
    EXPECT_LT(dp * g[flatIndex(kW11, 2)] + dq * g[flatIndex(kW21, 2)], 0.0);
    EXPECT_NEAR(dp * g[flatIndex(kW21, 2)] - dq * g[flatIndex(kW11, 2)], 0.0, 1e-9);
}

// The arrow is the downhill direction of the surface drawn: compare it with central differences
// of the loss over a hidden pair, where the surface is not a bowl.
TEST(LandscapeView, GradientArrowFollowsTheSurface) {
    LandscapeFixture f;
    const ParamId w1{ParamKind::HiddenWeight, 0}, b1{ParamKind::HiddenBias, 0};
    f.view->setParams(w1, b1);
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const auto arrow = f.view->gradientArrow();
    ASSERT_TRUE(arrow.has_value());
    auto lossAt = [&](double dp, double dq) {
        Network n = f.doc.network();
        n.w[0] += dp;
        n.b[0] += dq;
        return loss(n, f.doc.x(), f.doc.targetSamples());
    };
    const double h = 1e-5;
    const double gp = (lossAt(h, 0) - lossAt(-h, 0)) / (2 * h);
    const double gq = (lossAt(0, h) - lossAt(0, -h)) / (2 * h);
    const double cosine = -(arrow->dx() * gp + arrow->dy() * gq) /
                          (std::hypot(arrow->dx(), arrow->dy()) * std::hypot(gp, gq));
    EXPECT_GT(cosine, 0.9999);
}

TEST(LandscapeView, LeavingTheViewRecentres) {
    LandscapeFixture f;
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const LandscapeAxes a = f.view->landscape().axes;
    f.doc.setParam(kW11, a.pHi + 5.0);
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
    const LandscapeAxes b = f.view->landscape().axes;
    EXPECT_LE(b.pLo, a.pHi + 5.0);
    EXPECT_GE(b.pHi, a.pHi + 5.0);
}

TEST(LandscapeView, ChoosingTheSameParameterTwiceSwaps) {
    LandscapeFixture f;
    f.view->qBox()->setCurrentIndex(f.view->pBox()->currentIndex()); // q := w11
    EXPECT_EQ(f.view->paramQ(), kW11);
    EXPECT_EQ(f.view->paramP(), kW21);
}

TEST(LandscapeView, WithoutTargetThereIsNoSurface) {
    LandscapeFixture f;
    f.doc.clearTarget();
    f.doc.flush();
    EXPECT_FALSE(f.view->minimumButton()->isEnabled());
    EXPECT_TRUE(f.view->trailPoints().isEmpty());
    const int edits = f.doc.undoStack()->count();
    f.view->clickAt(0.5, 0.5);
    EXPECT_EQ(f.doc.undoStack()->count(), edits);
}

TEST(LandscapeView, FollowsAChangeInTheNumberOfNeurons) {
    LandscapeFixture f;
    f.doc.setHiddenCount(1);
    f.doc.flush();
    EXPECT_EQ(f.view->paramP(), kW11);
    EXPECT_EQ(f.view->paramQ(), kC);
    EXPECT_EQ(f.view->pBox()->count(), 4);
    ASSERT_TRUE(f.view->waitUntilUpToDate(5000));
}

namespace {

// A landscape over a hidden weight and bias of a large network: point by point, seconds of work.
LandscapeComputer::Job slowLandscapeJob(int resolution) {
    std::mt19937_64 rng(4);
    LandscapeComputer::Job job;
    job.net = randomNetwork(32, {ActivationKind::Sigmoid, 1.0}, -1.0, 1.0, rng);
    job.x = grid(-1.0, 1.0, 4000);
    job.t = (3.0 * job.x).sin();
    job.axes =
        defaultAxes(job.net, {ParamKind::HiddenWeight, 0}, {ParamKind::HiddenBias, 0}, resolution);
    return job;
}

} // namespace

TEST(LandscapeComputer, ReportsACompleteLandscapeOnTheGuiThread) {
    LandscapeComputer c;
    int reports = 0;
    quint64 gen = 0;
    Landscape got;
    QObject::connect(&c, &LandscapeComputer::finished, [&](const Landscape& l, quint64 g) {
        EXPECT_EQ(QThread::currentThread(), c.thread());
        ++reports;
        gen = g;
        got = l;
    });
    LandscapeComputer::Job job = slowLandscapeJob(8);
    const Landscape want = computeLandscape(job.net, job.x, job.t, job.axes);
    const auto submitted = c.submit(job);
    ASSERT_TRUE(pumpUntil([&] { return reports > 0; }, 60000));
    EXPECT_EQ(reports, 1);
    EXPECT_EQ(gen, submitted);
    EXPECT_TRUE(got.complete);
    EXPECT_TRUE(got.loss == want.loss); // the same bits as the core computes directly
}

// Issue 13 (cancel of a landscape computation): a long computation stops soon after cancel(), and
// nothing is reported for it.
TEST(LandscapeComputer, CancelStopsARunningComputationPromptly) {
    LandscapeComputer c;
    int reports = 0;
    QObject::connect(&c, &LandscapeComputer::finished,
                     [&](const Landscape&, quint64) { ++reports; });
    c.submit(slowLandscapeJob(600)); // 360 000 points of a 32-neuron network on 4000 samples
    QThread::msleep(100);
    ASSERT_TRUE(c.busy());
    QElapsedTimer t;
    t.start();
    c.cancel();
    ASSERT_TRUE(pumpUntil([&] { return !c.busy(); }, 5000)) << "still computing after 5 s";
    EXPECT_LT(t.elapsed(), 2000);
    pumpUntil([] { return false; }, 100);
    EXPECT_EQ(reports, 0);
}

TEST(LandscapeComputer, NewAxesCancelTheRunningJobAndOnlyTheNewOneReports) {
    LandscapeComputer c;
    std::vector<quint64> reported;
    QObject::connect(&c, &LandscapeComputer::finished,
                     [&](const Landscape&, quint64 g) { reported.push_back(g); });
    c.submit(slowLandscapeJob(600));
    QThread::msleep(100);
    LandscapeComputer::Job other = slowLandscapeJob(10);
    other.axes.p = {ParamKind::HiddenWeight, 1};
    const auto second = c.submit(other);
    ASSERT_TRUE(pumpUntil([&] { return !reported.empty(); }, 20000));
    pumpUntil([] { return false; }, 100);
    EXPECT_EQ(reported, std::vector<quint64>{second});
}

TEST(LandscapeComputer, DestructionCancelsARunningComputation) {
    auto c = std::make_unique<LandscapeComputer>();
    c->submit(slowLandscapeJob(600));
    QThread::msleep(100);
    ASSERT_TRUE(c->busy());
    QElapsedTimer t;
    t.start();
    c.reset();
    EXPECT_LT(t.elapsed(), 2000);
}

// The surface view (ui/surface) on real widgets: the map shows the network's values, the
// cross-sections are the network along a line, a switching line dragged with the mouse moves
// (its bias) or turns (its weights) by the expected amount in one edit, a brush stroke raises the
// target under it, and each first-layer neuron gets its own picture.
#include "core/deep/RandomLayered.h"
#include "core/deep/SwitchingLine.h"
#include "ui/surface/NeuronStrip.h"
#include "ui/surface/SectionPlot.h"
#include "ui/surface/SurfaceColours.h"
#include "ui/surface/SurfaceMouse.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

constexpr double kSurfaceLo = -2.0, kSurfaceHi = 3.0;

LayeredNetwork surfaceNetwork(ActivationKind g, int width, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(2, {{width, {g, 1.0}}}, kSurfaceLo, kSurfaceHi, rng);
}

double exact(const LayeredNetwork& net, double x1, double x2) {
    Eigen::MatrixXd p(2, 1);
    p << x1, x2;
    return evaluateOutput(net, p)[0];
}

// A view on screen that applies its own edits to its network, as the document does when wired.
struct SurfaceFixture {
    std::unique_ptr<SurfaceView> view = std::make_unique<SurfaceView>();
    LayeredNetwork net;
    int started = 0, finished = 0, edits = 0;
    std::optional<TargetSurface> surface;
    QString lastWhat;

    explicit SurfaceFixture(const LayeredNetwork& n) : net(n) {
        view->resize(1100, 820);
        view->setDomain(kSurfaceLo, kSurfaceHi);
        view->setNetwork(net);
        QObject::connect(view.get(), &SurfaceView::editStarted, [this](const QString& what) {
            ++started;
            lastWhat = what;
        });
        QObject::connect(view.get(), &SurfaceView::editFinished, [this] { ++finished; });
        QObject::connect(view.get(), &SurfaceView::paramEdited, [this](long i, double v) {
            ++edits;
            Eigen::VectorXd p = packParams(net);
            p[i] = v;
            unpackParams(net, p);
            view->setNetwork(net);
        });
        QObject::connect(view.get(), &SurfaceView::surfaceEdited,
                         [this](const std::optional<TargetSurface>& s, const QString& what) {
                             surface = s;
                             lastWhat = what;
                             view->setSurface(s ? &*s : nullptr);
                         });
        view->show();
        QApplication::processEvents();
        view->replotNow();
    }
};

double valueAt(const SwitchingLine& l, QPointF p) {
    return l.at(PlanePoint{p.x(), p.y()});
}

void sendToSurface(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Press at a, move through the steps to b, release there.
void dragSurface(QWidget* w, QPointF a, QPointF b, int steps = 6) {
    sendToSurface(w, QEvent::MouseButtonPress, a, Qt::LeftButton);
    for (int k = 1; k <= steps; ++k)
        sendToSurface(w, QEvent::MouseMove, a + (b - a) * (static_cast<double>(k) / steps),
                      Qt::LeftButton);
    sendToSurface(w, QEvent::MouseButtonRelease, b, Qt::NoButton);
}

} // namespace

TEST(SurfaceView, MapShowsTheNetworksValues) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Sigmoid, 16, 11));
    SurfacePlot* map = f.view->outputPlot();
    ASSERT_TRUE(map->hasValues());
    ASSERT_EQ(map->mapSide(), SurfaceView::kMapSide);
    const int last = SurfaceView::kMapSide - 1;
    for (auto [i, j] : {std::pair{0, 0}, {last, 0}, {0, last}, {57, 90}, {last, last}}) {
        const double x1 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * i / last,
                     x2 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * j / last;
        EXPECT_NEAR(map->cell(i, j), exact(f.net, x1, x2), 1e-9) << i << ", " << j;
    }
    // The colours span every value shown (the map's values are the core's to rounding).
    const QCPRange r = map->colourRange();
    Eigen::MatrixXd grid = planeGrid(kSurfaceLo, kSurfaceHi, SurfaceView::kMapSide);
    const Eigen::ArrayXd all = evaluateOutput(f.net, grid);
    EXPECT_LE(r.lower, all.minCoeff() + 1e-12);
    EXPECT_GE(r.upper, all.maxCoeff() - 1e-12);
    EXPECT_GT(map->contourSegmentCount(), 0);
}

TEST(SurfaceView, HoverReadsTheValuesUnderThePointer) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Tanh, 6, 12));
    const TargetSurface tower{SurfacePreset::Tower, 1, {}};
    f.view->setSurface(&tower);
    SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    const QPointF pixel = map->pixelAt(0.8, -0.4);
    sendToSurface(map, QEvent::MouseMove, pixel, Qt::NoButton);
    const QPointF at = map->planeAt(pixel);
    EXPECT_NEAR(f.view->outputAt(at.x(), at.y()), exact(f.net, at.x(), at.y()), 1e-12);
    const QString text = f.view->readoutText();
    EXPECT_TRUE(text.contains(QString::number(exact(f.net, at.x(), at.y()), 'f', 3)))
        << text.toStdString();
    EXPECT_TRUE(text.contains("target 1.000")) << text.toStdString(); // inside the tower
}

TEST(SurfaceView, CrossSectionsAreTheNetworkAlongALine) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::ReLU, 8, 13));
    f.view->setSections(0.3, -0.7);
    SectionPlot* along1 = f.view->sectionAlongX1(); // x₂ = −0.7
    SectionPlot* along2 = f.view->sectionAlongX2(); // x₁ = 0.3
    ASSERT_EQ(along1->pointCount(), SurfaceView::kSectionPoints);
    ASSERT_EQ(along2->pointCount(), SurfaceView::kSectionPoints);
    for (int k : {0, 37, 100, SurfaceView::kSectionPoints - 1}) {
        EXPECT_NEAR(along1->outputAt(k), exact(f.net, along1->keyAt(k), -0.7), 1e-12);
        EXPECT_NEAR(along2->outputAt(k), exact(f.net, 0.3, along2->keyAt(k)), 1e-12);
    }
    EXPECT_DOUBLE_EQ(along1->keyAt(0), kSurfaceLo);
    EXPECT_DOUBLE_EQ(along1->keyAt(SurfaceView::kSectionPoints - 1), kSurfaceHi);
    EXPECT_FALSE(along1->hasTarget());
    EXPECT_TRUE(along1->title().contains("-0.70") || along1->title().contains("−0.70"));

    // Dragging the vertical line moves the section along x₂ to where it is dropped.
    SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    const QPointF from = map->pixelAt(0.3, 1.5), to = map->pixelAt(1.9, 1.2);
    dragSurface(map, from, to);
    EXPECT_NEAR(f.view->sectionX1(), map->planeAt(to).x(), 1e-9);
    EXPECT_DOUBLE_EQ(f.view->sectionX2(), -0.7);
    const double a = f.view->sectionX1();
    EXPECT_NEAR(along2->outputAt(50), exact(f.net, a, along2->keyAt(50)), 1e-12);
}

TEST(SurfaceView, DraggingASwitchingLineMovesItsBias) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Step, 3, 14));
    SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    ASSERT_FALSE(map->switchingLines().empty());
    const SurfacePlot::Segment seg = map->switchingLines().front();
    const int j = seg.neuron;
    const Layer before = f.net.layers[0];
    // Grab the line a third of the way along (away from the handles) and drag it.
    const QPointF a = map->pixelAt(seg.p.x(), seg.p.y()), b = map->pixelAt(seg.q.x(), seg.q.y());
    const QPointF grab = a + (b - a) / 3.0, drop = grab + QPointF(40, -25);
    dragSurface(map, grab, drop);
    const QPointF p0 = map->planeAt(grab), p1 = map->planeAt(drop);
    const double expected =
        before.b[j] - (before.w(j, 0) * (p1.x() - p0.x()) + before.w(j, 1) * (p1.y() - p0.y()));
    EXPECT_NEAR(f.net.layers[0].b[j], expected, 1e-9);
    EXPECT_EQ(f.net.layers[0].w, before.w); // the weights stay
    EXPECT_EQ(f.started, 1);                // one edit: one undo step for the owner
    EXPECT_EQ(f.finished, 1);
    EXPECT_TRUE(f.lastWhat.contains(QString("n%1").arg(j + 1)));
    // The line now passes through the point it was dropped on.
    const SwitchingLine moved{f.net.layers[0].w(j, 0), f.net.layers[0].w(j, 1),
                              f.net.layers[0].b[j]};
    const SwitchingLine old{before.w(j, 0), before.w(j, 1), before.b[j]};
    EXPECT_NEAR(valueAt(moved, p1), valueAt(old, p0), 1e-9);
}

TEST(SurfaceView, TurningAHandleKeepsTheWeightsNorm) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Step, 2, 15));
    SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    ASSERT_FALSE(map->switchingLines().empty());
    const SurfacePlot::Segment seg = map->switchingLines().front();
    const int j = seg.neuron;
    const double norm = f.net.layers[0].w.row(j).norm();
    const QPointF pivot = (seg.p + seg.q) / 2.0;
    const QPointF handle = map->pixelAt(seg.q.x(), seg.q.y());
    // Turn the end a quarter of the way round the middle (in pixels, then where it lands).
    const QPointF c = map->pixelAt(pivot.x(), pivot.y());
    const QPointF r = handle - c;
    const QPointF drop = c + QPointF(-r.y(), r.x()) * 0.6;
    dragSurface(map, handle, drop, 10);
    const Layer& l = f.net.layers[0];
    EXPECT_NEAR(l.w.row(j).norm(), norm, 1e-9);
    const SwitchingLine turned{l.w(j, 0), l.w(j, 1), l.b[j]};
    EXPECT_NEAR(valueAt(turned, pivot), 0.0, 1e-9 * norm); // the middle stays put
    const QPointF d = map->planeAt(drop);
    EXPECT_NEAR(valueAt(turned, d), 0.0, 1e-9 * norm); // and the end follows the mouse
    EXPECT_EQ(f.started, 1);
    EXPECT_EQ(f.finished, 1);
}

TEST(SurfaceView, BrushStrokeRaisesTheTargetUnderIt) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Sigmoid, 4, 16));
    const TargetSurface ramp{SurfacePreset::Ramp, 1, {}};
    f.view->setSurface(&ramp);
    f.view->setBrush(SurfaceView::Brush::Raise);
    f.view->setBrushRadius(0.6);
    f.view->setBrushStrength(0.8);
    SurfacePlot* map = f.view->targetPlot();
    map->layOut();
    const double before = *f.view->targetAt(0.5, 0.5);
    dragSurface(map, map->pixelAt(0.0, 0.5), map->pixelAt(1.0, 0.5), 8);
    ASSERT_TRUE(f.surface.has_value());
    ASSERT_EQ(f.surface->strokes.size(), 1u); // one stroke
    EXPECT_EQ(f.surface->preset, SurfacePreset::Ramp);
    EXPECT_GT(f.surface->strokes[0].strength, 0.0);
    EXPECT_DOUBLE_EQ(f.surface->strokes[0].radius, 0.6);
    // Under the stroke the target is higher, by up to the strength; far away it is unchanged.
    const double after = *f.view->targetAt(0.5, 0.5);
    EXPECT_GT(after, before + 0.5);
    EXPECT_LE(after, before + 0.8 + 1e-12);
    Eigen::MatrixXd far(2, 1);
    far << -1.8, 2.8;
    EXPECT_NEAR(*f.view->targetAt(-1.8, 2.8), sampleSurface(ramp, far, kSurfaceLo, kSurfaceHi)[0],
                1e-12);
    // The map shows it, and the lower brush takes some of it back.
    const int i = static_cast<int>(
        std::lround((0.5 - kSurfaceLo) / (kSurfaceHi - kSurfaceLo) * (SurfaceView::kMapSide - 1)));
    const double shown = map->cell(i, i);
    const double x = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * i / (SurfaceView::kMapSide - 1);
    EXPECT_NEAR(shown, *f.view->targetAt(x, x), 1e-12);
    f.view->setBrush(SurfaceView::Brush::Lower);
    dragSurface(map, map->pixelAt(0.5, 0.0), map->pixelAt(0.5, 1.0), 8);
    ASSERT_EQ(f.surface->strokes.size(), 2u);
    EXPECT_LT(*f.view->targetAt(0.5, 0.5), after);
}

TEST(SurfaceView, TargetAsContoursOverTheOutput) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Sigmoid, 4, 17));
    const TargetSurface ring{SurfacePreset::Ring, 1, {}};
    f.view->setSurface(&ring);
    EXPECT_EQ(f.view->outputPlot()->dashedSegmentCount(), 0);
    EXPECT_FALSE(f.view->outputPlot()->colourBarVisible());
    EXPECT_TRUE(f.view->targetPlot()->colourBarVisible());
    f.view->setTargetDisplay(SurfaceView::TargetDisplay::Contours);
    EXPECT_GT(f.view->outputPlot()->dashedSegmentCount(), 0);
    EXPECT_TRUE(f.view->outputPlot()->colourBarVisible());
    EXPECT_FALSE(f.view->targetPlot()->isVisible());
    // Both maps colour one range: the output's and the target's together.
    f.view->setTargetDisplay(SurfaceView::TargetDisplay::Beside);
    EXPECT_EQ(f.view->outputPlot()->colourRange(), f.view->targetPlot()->colourRange());
    EXPECT_LE(f.view->targetPlot()->colourRange().lower, 0.0);
    EXPECT_GE(f.view->targetPlot()->colourRange().upper, 1.0);
}

TEST(SurfaceView, EachFirstLayerNeuronHasItsPicture) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Step, 5, 18));
    NeuronStrip* strip = f.view->neurons();
    ASSERT_EQ(strip->count(), 5);
    const Layer& l = f.net.layers[0];
    const QImage& img = strip->thumbnail(2);
    const int t = img.width();
    // Pixel (x, y) of the picture is the sample (x, t − 1 − y) of the grid, every second one.
    const int step = SurfaceView::kMapSide / t;
    for (auto [x, y] : {std::pair{0, 0}, {t - 1, 0}, {t / 2, t / 3}, {5, t - 1}}) {
        const int i = x * step, k = (t - 1 - y) * step;
        const double x1 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * i / (SurfaceView::kMapSide - 1);
        const double x2 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * k / (SurfaceView::kMapSide - 1);
        const bool on = l.w(2, 0) * x1 + l.w(2, 1) * x2 + l.b[2] >= 0.0;
        EXPECT_EQ(img.pixel(x, y), surfaceColour(on ? 1.0 : 0.0)) << x << ", " << y;
    }
    // A click picks the neuron: its switching line is drawn thicker.
    QApplication::processEvents();
    const QRect r = strip->thumbnailRect(2);
    sendToSurface(strip, QEvent::MouseButtonPress, r.center(), Qt::LeftButton);
    EXPECT_EQ(f.view->selectedNeuron(), 2);
}

TEST(SurfaceView, OtherNetworksAreNotDrawn) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Sigmoid, 4, 19));
    std::mt19937_64 rng(1);
    f.view->setNetwork(randomLayeredNetwork(1, {{4, {}}}, kSurfaceLo, kSurfaceHi, rng));
    EXPECT_FALSE(f.view->drawable());
    EXPECT_FALSE(f.view->outputPlot()->hasValues());
    EXPECT_EQ(f.view->neurons()->count(), 0);
    EXPECT_EQ(f.view->sectionAlongX1()->pointCount(), 0);
    f.view->showReadoutAt(0.0, 0.0);
    EXPECT_FALSE(f.view->readoutText().contains("nan"));
}

TEST(SurfaceView, LiveFramesLeaveTheContoursForTheLast) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Sigmoid, 16, 20));
    SurfacePlot* map = f.view->outputPlot();
    ASSERT_GT(map->contourSegmentCount(), 0);
    const QCPRange before = map->colourRange();
    f.view->setLive(true);
    f.net.layers[0].b[0] += 0.4;
    f.net.v *= 0.5; // the output's span shrinks
    f.view->setNetwork(f.net);
    EXPECT_EQ(map->contourSegmentCount(), 0);
    EXPECT_EQ(map->colourRange(), before); // the colours hold still while live
    f.view->setLive(false);
    EXPECT_GT(map->contourSegmentCount(), 0);
    Eigen::MatrixXd grid = planeGrid(kSurfaceLo, kSurfaceHi, SurfaceView::kMapSide);
    const Eigen::ArrayXd all = evaluateOutput(f.net, grid);
    EXPECT_NEAR(map->colourRange().lower, all.minCoeff(), 1e-12); // and fit again at the end
    EXPECT_NEAR(map->colourRange().upper, all.maxCoeff(), 1e-12);
    const double x1 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * 3 / 127.0,
                 x2 = kSurfaceLo + (kSurfaceHi - kSurfaceLo) * 77 / 127.0;
    EXPECT_NEAR(map->cell(3, 77), exact(f.net, x1, x2), 1e-9);
}

TEST(SurfaceView, ArrowKeysMoveTheCrossSections) {
    SurfaceFixture f(surfaceNetwork(ActivationKind::Tanh, 4, 22));
    const double a = f.view->sectionX1(), b = f.view->sectionX2();
    const double step = (kSurfaceHi - kSurfaceLo) / 64.0;
    for (int key : {Qt::Key_Right, Qt::Key_Right, Qt::Key_Down}) {
        QKeyEvent e(QEvent::KeyPress, key, Qt::NoModifier);
        QApplication::sendEvent(f.view->outputPlot(), &e);
    }
    EXPECT_NEAR(f.view->sectionX1(), a + 2 * step, 1e-12);
    EXPECT_NEAR(f.view->sectionX2(), b - step, 1e-12);
    EXPECT_NEAR(f.view->sectionAlongX2()->outputAt(10),
                exact(f.net, a + 2 * step, f.view->sectionAlongX2()->keyAt(10)), 1e-12);
}

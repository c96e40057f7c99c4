// The surface view in the window (issue 18): a two-input network in the document is drawn by
// the layered workspace's surface page, a switching line dragged there is one undo step (moved
// or turned), a brush stroke is one undo step that raises the target under it, and a preset from
// the target choice is the document's target.
#include "UiTestSupport.h"

#include "core/deep/RandomLayered.h"
#include "core/deep/SwitchingLine.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/surface/NeuronStrip.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

struct Window {
    std::unique_ptr<ui::MainWindow> w = freshWindow();
    ui::Document* doc = w->document();
    ui::SurfaceView* view = w->layeredWorkspace()->surface();

    explicit Window(ActivationKind g, int width = 3) {
        std::mt19937_64 rng(21);
        const Domain& d = doc->scenario().domain;
        doc->setLayered(randomLayeredNetwork(2, {{width, {g, 1.0}}}, d.lo, d.hi, rng), "two");
        TargetSurface tower;
        tower.preset = SurfacePreset::Tower;
        doc->setSurface(tower, "tower");
        doc->undoStack()->clear();
        settle();
    }
    void settle() {
        doc->flush();
        QApplication::processEvents();
        view->replotNow();
    }
    double b(int j) const { return doc->layered().layers[0].b[j]; }
};

void dragAcross(QWidget* w, QPointF a, QPointF b, int steps = 6) {
    sendMouse(w, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
    for (int k = 1; k <= steps; ++k) {
        sendMouse(w, QEvent::MouseMove, a + (b - a) * (static_cast<double>(k) / steps),
                  Qt::NoButton, Qt::LeftButton);
        QApplication::processEvents(); // the document's refresh between moves, as on screen
    }
    sendMouse(w, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
}

} // namespace

TEST(SurfaceWindow, DrawsTheDocumentsTwoInputNetwork) {
    Window f(ActivationKind::Sigmoid, 8);
    EXPECT_EQ(f.w->layeredWorkspace()->mainView(), f.view);
    ASSERT_TRUE(f.view->isVisible());
    const Domain& d = f.doc->scenario().domain;
    EXPECT_EQ(f.view->lo(), d.lo);
    EXPECT_EQ(f.view->hi(), d.hi);
    ui::SurfacePlot* map = f.view->outputPlot();
    ASSERT_TRUE(map->hasValues());
    const int last = ui::SurfaceView::kMapSide - 1;
    Eigen::MatrixXd p(2, 1);
    p << d.lo + (d.hi - d.lo) * 20 / last, d.lo + (d.hi - d.lo) * 101 / last;
    EXPECT_NEAR(map->cell(20, 101), evaluateOutput(f.doc->layered(), p)[0], 1e-9);
    EXPECT_EQ(f.view->surface(), *f.doc->surface());
    // A weight changed elsewhere (the undo stack, a training frame) is drawn after the refresh.
    f.doc->setLayeredParam(f.view->biasIndex(0), 0.75);
    f.settle();
    EXPECT_NEAR(map->cell(20, 101), evaluateOutput(f.doc->layered(), p)[0], 1e-9);
}

TEST(SurfaceWindow, MovingOrTurningALineIsOneUndoStep) {
    Window f(ActivationKind::Step);
    ui::SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    ASSERT_FALSE(map->switchingLines().empty());
    const ui::SurfacePlot::Segment seg = map->switchingLines().front();
    const int j = seg.neuron;
    const LayeredNetwork before = f.doc->layered();
    const QPointF a = map->pixelAt(seg.p.x(), seg.p.y()), e = map->pixelAt(seg.q.x(), seg.q.y());
    const QPointF grab = a + (e - a) * 0.4, drop = grab + QPointF(-30, 20);
    dragAcross(map, grab, drop);
    f.settle();
    const QPointF p0 = map->planeAt(grab), p1 = map->planeAt(drop);
    const Layer& l0 = before.layers[0];
    EXPECT_NEAR(f.b(j), l0.b[j] - (l0.w(j, 0) * (p1.x() - p0.x()) + l0.w(j, 1) * (p1.y() - p0.y())),
                1e-9);
    EXPECT_EQ(f.doc->undoStack()->count(), 1);
    f.doc->undoStack()->undo();
    f.settle();
    EXPECT_EQ(f.doc->layered(), before);

    // Turning changes w₁, w₂ and b: still one step, and undo takes all three back.
    const ui::SurfacePlot::Segment now = map->switchingLines().front();
    const QPointF handle = map->pixelAt(now.q.x(), now.q.y());
    const QPointF mid = map->pixelAt((now.p.x() + now.q.x()) / 2, (now.p.y() + now.q.y()) / 2);
    const QPointF r = handle - mid;
    dragAcross(map, handle, mid + QPointF(r.y(), -r.x()) * 0.5, 8);
    f.settle();
    const Layer& l1 = f.doc->layered().layers[0];
    EXPECT_NE(l1.w.row(now.neuron), before.layers[0].w.row(now.neuron));
    EXPECT_NEAR(l1.w.row(now.neuron).norm(), before.layers[0].w.row(now.neuron).norm(), 1e-9);
    f.doc->undoStack()->undo(); // the redo of the move is gone: the turn is the only step
    f.settle();
    EXPECT_EQ(f.doc->layered(), before);
    EXPECT_FALSE(f.doc->undoStack()->canUndo());
}

TEST(SurfaceWindow, BrushStrokeRaisesTheTargetAndUndoTakesItBack) {
    Window f(ActivationKind::Sigmoid);
    const Domain& d = f.doc->scenario().domain;
    const double mx = 0.5 * (d.lo + d.hi), r = 0.1 * (d.hi - d.lo);
    // A corner of the domain, off the tower: the target is 0 there.
    const double cx = d.lo + 0.15 * (d.hi - d.lo), cy = d.hi - 0.15 * (d.hi - d.lo);
    EXPECT_NEAR(*f.view->targetAt(cx, cy), 0.0, 1e-12);
    f.view->setBrush(ui::SurfaceView::Brush::Raise);
    f.view->setBrushRadius(r);
    f.view->setBrushStrength(0.5);
    ui::SurfacePlot* map = f.view->targetPlot();
    map->layOut();
    dragAcross(map, map->pixelAt(cx - r, cy), map->pixelAt(cx + r, cy), 8);
    f.settle();
    ASSERT_NE(f.doc->surface(), nullptr);
    ASSERT_EQ(f.doc->surface()->strokes.size(), 1u);
    EXPECT_EQ(f.doc->undoStack()->count(), 1);
    EXPECT_GT(*f.view->targetAt(cx, cy), 0.3); // raised under the stroke, by up to 0.5
    EXPECT_LE(*f.view->targetAt(cx, cy), 0.5 + 1e-12);
    EXPECT_NEAR(*f.view->targetAt(mx, mx), 1.0, 1e-12); // the tower, far from it, untouched
    f.doc->undoStack()->undo();
    f.settle();
    EXPECT_TRUE(f.doc->surface()->strokes.empty());
    EXPECT_NEAR(*f.view->targetAt(cx, cy), 0.0, 1e-12);
}

TEST(SurfaceWindow, TargetChoiceSetsTheDocumentsTarget) {
    Window f(ActivationKind::Tanh);
    QComboBox* choice = f.view->targetChoice();
    const int saddle = choice->findText(ui::SurfaceView::tr("Saddle"));
    ASSERT_GE(saddle, 0);
    choice->setCurrentIndex(saddle);
    emit choice->activated(saddle);
    f.settle();
    ASSERT_NE(f.doc->surface(), nullptr);
    EXPECT_EQ(f.doc->surface()->preset, SurfacePreset::Saddle);
    EXPECT_EQ(f.doc->undoStack()->count(), 1);
    emit choice->activated(0); // no target
    f.settle();
    EXPECT_EQ(f.doc->surface(), nullptr);
    EXPECT_FALSE(f.view->targetPlot()->hasValues());
    f.doc->undoStack()->undo();
    f.settle();
    EXPECT_EQ(choice->currentIndex(), saddle); // the choice follows the document
}

TEST(SurfaceWindow, ExportsTheSurfaceAsTheGraphIsExported) {
    Window f(ActivationKind::Sigmoid, 6);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // Where the middle of the output map sits on screen (measured before the export: drawing a
    // plot at another size leaves its axes at that size until its next replot).
    ui::SurfacePlot* map = f.view->outputPlot();
    const QPoint inMap = map->mapTo(f.view->picture(), map->pixelAt(0.0, 0.0).toPoint());
    const double s =
        std::min(1600.0 / f.view->picture()->width(), 1000.0 / f.view->picture()->height());
    const QString png = dir.filePath("surface.png");
    ASSERT_TRUE(f.w->exportGraph(png));
    QImage image(png);
    ASSERT_EQ(image.size(), QSize(1600, 1000));
    // The output map is in the picture: a pixel of the map's colours where the map was drawn.
    const QColor c =
        image.pixelColor(QPoint(static_cast<int>(inMap.x() * s), static_cast<int>(inMap.y() * s)));
    EXPECT_NE(c, QColor(Qt::white));
    EXPECT_GT(c.saturation(), 40) << c.name().toStdString(); // viridis, not grey
    for (const char* ext : {"svg", "pdf"}) {
        const QString path = dir.filePath(QString("surface.%1").arg(ext));
        ASSERT_TRUE(f.w->exportGraph(path)) << ext;
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(512);
        EXPECT_TRUE(head.contains(QByteArray(ext) == "svg" ? "<svg" : "%PDF")) << ext;
    }
    EXPECT_FALSE(f.w->exportGraph(dir.filePath("surface.bmp")));
    EXPECT_FALSE(f.w->exportGraph(dir.filePath("no/such/folder/surface.png")));
}

TEST(SurfaceWindow, PickingANeuronPicksItsParameters) {
    Window f(ActivationKind::Step, 4);
    ui::NeuronStrip* strip = f.view->neurons();
    const QRect r = strip->thumbnailRect(2);
    sendMouse(strip, QEvent::MouseButtonPress, r.center(), Qt::LeftButton, Qt::LeftButton);
    ASSERT_TRUE(f.doc->layeredSelection().has_value());
    EXPECT_EQ(*f.doc->layeredSelection(), f.view->biasIndex(2));
    // And the other way: w₂ of neuron 1 picked elsewhere picks neuron 1 here.
    f.doc->selectLayered(f.view->weightIndex(1, 1));
    EXPECT_EQ(f.view->selectedNeuron(), 1);
    EXPECT_EQ(strip->selected(), 1);
    f.doc->selectLayered(std::nullopt);
    EXPECT_EQ(f.view->selectedNeuron(), -1);
}

// Hovering says what a press would take hold of: a step neuron's switching line, the handle
// that turns it, nothing special elsewhere.
TEST(SurfaceWindow, HoveringASwitchingLineSaysWhatDraggingItDoes) {
    Window f(ActivationKind::Step);
    ui::SurfacePlot* map = f.view->outputPlot();
    map->layOut();
    ASSERT_FALSE(map->switchingLines().empty());
    const ui::SurfacePlot::Segment seg = map->switchingLines().front();
    const QPointF a = map->pixelAt(seg.p.x(), seg.p.y()), e = map->pixelAt(seg.q.x(), seg.q.y());
    sendMouse(map, QEvent::MouseMove, a + (e - a) * 0.4, Qt::NoButton, Qt::NoButton);
    EXPECT_TRUE(map->toolTip().contains(QString("Neuron %1 switches").arg(seg.neuron + 1)))
        << map->toolTip().toStdString();
    EXPECT_TRUE(map->toolTip().contains("changes b")) << map->toolTip().toStdString();
    sendMouse(map, QEvent::MouseMove, e, Qt::NoButton, Qt::NoButton);
    EXPECT_TRUE(map->toolTip().contains("turn")) << map->toolTip().toStdString();
    // Far from every line and both sections: no hint.
    auto distance = [](QPointF p, QPointF u, QPointF v) {
        const QPointF d = v - u;
        const double len2 = QPointF::dotProduct(d, d);
        const double t =
            len2 > 0 ? std::clamp(QPointF::dotProduct(p - u, d) / len2, 0.0, 1.0) : 0.0;
        const QPointF q = u + d * t - p;
        return std::hypot(q.x(), q.y());
    };
    const double lo = f.view->lo(), hi = f.view->hi();
    bool found = false;
    for (int i = 1; i < 12 && !found; ++i)
        for (int k = 1; k < 12 && !found; ++k) {
            const double x1 = lo + (hi - lo) * i / 12.0, x2 = lo + (hi - lo) * k / 12.0;
            const QPointF p = map->pixelAt(x1, x2);
            bool near = std::abs(p.x() - map->pixelAt(f.view->sectionX1(), x2).x()) < 25 ||
                        std::abs(p.y() - map->pixelAt(x1, f.view->sectionX2()).y()) < 25;
            for (const ui::SurfacePlot::Segment& l : map->switchingLines())
                near = near || distance(p, map->pixelAt(l.p.x(), l.p.y()),
                                        map->pixelAt(l.q.x(), l.q.y())) < 25;
            if (near) continue;
            sendMouse(map, QEvent::MouseMove, p, Qt::NoButton, Qt::NoButton);
            EXPECT_TRUE(map->toolTip().isEmpty()) << map->toolTip().toStdString();
            found = true;
        }
    EXPECT_TRUE(found);
}

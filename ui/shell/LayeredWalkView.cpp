#include "ui/shell/LayeredWalkView.h"

#include "ui/deep/DeepGraph.h"
#include "ui/deep/LayeredDiagram.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"
#include "ui/walkthrough/WalkthroughController.h"

#include <QMouseEvent>
#include <qcustomplot.h>

namespace stepwise::ui {

namespace {

const QString kSample = QStringLiteral("walkSample"), kHalo = QStringLiteral("walkHalo"),
              kError = QStringLiteral("walkError"), kAfter = QStringLiteral("walkAfter");

// The plot's graph of this name, made on first use (the plots own their graphs; a plot that
// clears its graphs loses it, and the next call makes it again).
QCPGraph* graphNamed(QCustomPlot* plot, const QString& name) {
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->property("walkRole").toString() == name) return plot->graph(i);
    QCPGraph* g = plot->addGraph();
    // Above the surface's colour map when the plot has one (its marks layer).
    if (QCPLayer* marks = plot->layer(QStringLiteral("marks"))) g->setLayer(marks);
    g->setProperty("walkRole", name);
    g->removeFromLegend();
    return g;
}

void clearGraph(QCustomPlot* plot, const QString& name) {
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->property("walkRole").toString() == name) {
            plot->graph(i)->data()->clear();
            plot->graph(i)->setName({});
        }
}

} // namespace

void showLayeredWalk(const WalkthroughController* walk, LayeredWorkspace* space, const Palette& p) {
    QCustomPlot* graph = space->graph()->plot();
    SurfacePlot* map = space->surface()->outputPlot();
    const bool on = walk->active() && walk->layered();
    if (!on) {
        space->diagram()->setNotes({}, std::nullopt);
        for (const QString& n : {kSample, kError, kAfter})
            clearGraph(graph, n);
        clearGraph(map, kHalo);
        clearGraph(map, kSample);
        graph->replot(QCustomPlot::rpQueuedReplot);
        map->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    std::vector<LayeredDiagram::Note> notes;
    for (const WalkthroughController::LayeredNote& n : walk->layeredNotes())
        notes.push_back({n.column, n.node, n.text, n.current, n.stopped});
    space->diagram()->setNotes(std::move(notes), walk->layeredHighlight());

    const std::vector<double> x = walk->sampleInputs();
    const auto marker = walk->marker();
    if (x.size() == 1 && marker) {
        QCPGraph* error = graphNamed(graph, kError);
        error->setPen(QPen(p.foreground, 1.5, Qt::DashLine));
        error->setData({marker->x, marker->x}, {marker->t, marker->y}, true);
        QCPGraph* sample = graphNamed(graph, kSample);
        sample->setLineStyle(QCPGraph::lsNone);
        sample->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(p.foreground, 2.0),
                                                QBrush(p.output), 11));
        sample->setData({marker->x}, {marker->y}, true);
        sample->setName(QObject::tr("the sample walked"));
        QCPGraph* after = graphNamed(graph, kAfter);
        if (const auto c = walk->afterCurve()) {
            after->setPen(QPen(p.output.darker(130), 2.0, Qt::DashLine));
            after->setData(QVector<double>(c->x.begin(), c->x.end()),
                           QVector<double>(c->y.begin(), c->y.end()), true);
            after->setName(QObject::tr("after the step"));
        } else {
            after->data()->clear();
        }
        graph->replot(QCustomPlot::rpQueuedReplot);
    } else if (x.size() == 2) {
        // A dark ring on a light halo: it shows on every colour of the map.
        QCPGraph* halo = graphNamed(map, kHalo);
        halo->setLineStyle(QCPGraph::lsNone);
        halo->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 5.0),
                                              QBrush(Qt::NoBrush), 17));
        halo->setData({x[0]}, {x[1]}, true);
        QCPGraph* sample = graphNamed(map, kSample);
        sample->setLineStyle(QCPGraph::lsNone);
        sample->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle,
                                                QPen(Qt::black, 2.0), QBrush(Qt::NoBrush), 17));
        sample->setData({x[0]}, {x[1]}, true);
        sample->setName(QObject::tr("the sample walked"));
        map->replot(QCustomPlot::rpQueuedReplot);
    }
}

void connectLayeredWalkPicking(WalkthroughController* walk, LayeredWorkspace* space) {
    QCustomPlot* graph = space->graph()->plot();
    QObject::connect(graph, &QCustomPlot::mousePress, walk, [walk, graph](QMouseEvent* e) {
        if (!walk->active() || !walk->layered() || e->button() != Qt::LeftButton) return;
        walk->setSamplePoint(graph->xAxis->pixelToCoord(e->position().x()), 0.0);
    });
    SurfaceView* surface = space->surface();
    SurfacePlot* map = surface->outputPlot();
    QObject::connect(map, &QCustomPlot::mousePress, walk, [walk, surface, map](QMouseEvent* e) {
        if (!walk->active() || !walk->layered() || e->button() != Qt::LeftButton ||
            surface->brush() != SurfaceView::Brush::Off || !map->onMap(e->position()))
            return;
        const QPointF q = map->planeAt(e->position());
        walk->setSamplePoint(q.x(), q.y());
    });
}

} // namespace stepwise::ui

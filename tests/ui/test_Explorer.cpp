// The superposition explorer on real widgets: sliders drive the curves exactly as the core
// computes them, undo, presets, neurons added and removed, keyboard reach, exports.
#include "UiTestSupport.h"

#include "core/scenario/Presets.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <random>

using namespace stepwise;
using namespace stepwise::test;

namespace {

// The graph's curve j as (x, y) pairs.
std::vector<std::pair<double, double>> curve(QCPGraph* g) {
    std::vector<std::pair<double, double>> out;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        out.emplace_back(it->key, it->value);
    return out;
}

// Checks every drawn vertex of every curve against the core's own evaluation at that x (and at
// a jump, that the two vertices are the values just left and right of it).
void expectCurvesMatchCore(ui::MainWindow& w) {
    const Network& net = w.document()->network();
    for (int j = 0; j < net.hidden(); ++j) {
        const auto pts = curve(w.graph()->neuronGraph(j));
        ASSERT_GE(pts.size(), 2u);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const auto [x, y] = pts[i];
            const double here = net.v[j] * net.activation(net.w[j] * x + net.b[j]);
            const double left =
                net.v[j] * net.activation(net.w[j] * std::nextafter(x, -1e9) + net.b[j]);
            const double right =
                net.v[j] * net.activation(net.w[j] * std::nextafter(x, 1e9) + net.b[j]);
            EXPECT_TRUE(std::abs(y - here) < 1e-12 || std::abs(y - left) < 1e-12 ||
                        std::abs(y - right) < 1e-12)
                << "neuron " << j << " at x = " << x;
        }
    }
    const auto out = curve(w.graph()->outputGraph());
    for (const auto& [x, y] : out) {
        Eigen::ArrayXd one(3);
        one << std::nextafter(x, -1e9), x, std::nextafter(x, 1e9);
        const Eigen::ArrayXd ys = evaluateOutput(net, one);
        EXPECT_TRUE((ys - y).abs().minCoeff() < 1e-12) << "output at x = " << x;
    }
}

} // namespace

TEST(Explorer, OpensWithTheTwoNeuronAddedPreset) {
    auto w = freshWindow();
    EXPECT_EQ(w->document()->network(), networkPreset(NetworkPreset::Added));
    EXPECT_EQ(w->graph()->neuronCurveCount(), 2);
}

TEST(Explorer, SliderChangesCurveToWhatTheCoreComputes) {
    auto w = freshWindow();
    ui::ParamRow* w11 = w->parameters()->row({ParamKind::OutputWeight, 0});
    ASSERT_NE(w11, nullptr);
    w11->slider()->setSliderDown(true);
    w11->slider()->setValue(w11->slider()->value() + 300);
    w11->slider()->setSliderDown(false);
    w->document()->flush();
    const double v = w->document()->network().v[0];
    EXPECT_NE(v, 1.0);
    EXPECT_NEAR(v, w11->spinBox()->value(), 1e-3);
    expectCurvesMatchCore(*w);
    // The output at x = 0 (only neuron 1 has fired) is exactly w11.
    EXPECT_DOUBLE_EQ(evaluateOutput(w->document()->network(), Eigen::ArrayXd::Constant(1, 0.0))[0],
                     v);
}

TEST(Explorer, SigmoidCurvesMatchTheCoreSampleBySample) {
    auto w = freshWindow();
    w->parameters()->activationBox()->setCurrentIndex(1);
    emit w->parameters()->activationBox()->activated(1);
    w->document()->flush();
    ASSERT_EQ(w->document()->network().activation.kind, ActivationKind::Sigmoid);
    const Evaluation& e = w->document()->evaluation();
    const auto pts = curve(w->graph()->neuronGraph(1));
    ASSERT_EQ(static_cast<Eigen::Index>(pts.size()), e.contribution.rows());
    for (std::size_t i = 0; i < pts.size(); ++i)
        EXPECT_DOUBLE_EQ(pts[i].second, e.contribution(i, 1));
}

TEST(Explorer, OneDragIsOneUndoStep) {
    auto w = freshWindow();
    const Network before = w->document()->network();
    QSlider* s = w->parameters()->row({ParamKind::HiddenBias, 0})->slider();
    s->setSliderDown(true);
    for (int k = 1; k <= 20; ++k)
        s->setValue(s->value() + 5);
    s->setSliderDown(false);
    EXPECT_EQ(w->document()->undoStack()->count(), 1);
    EXPECT_NE(w->document()->network(), before);
    w->document()->undoStack()->undo();
    w->document()->flush();
    EXPECT_EQ(w->document()->network(), before);
    expectCurvesMatchCore(*w);
}

TEST(Explorer, ALiveFrameRedrawsTheCurvesAloneAndLooksLikeAFullReplot) {
    auto w = freshWindow();
    Scenario sc = w->document()->scenario();
    sc.target.preset = TargetPreset::Sine; // a band in the layer that stays put
    w->document()->replaceScenario(sc);
    w->document()->flush();
    QCustomPlot* plot = w->graph()->plot();
    QApplication::processEvents(); // the replots queued so far
    int full = 0, curvesOnly = 0;
    int after = 0;
    QObject::connect(plot, &QCustomPlot::beforeReplot, [&] { ++full; });
    QObject::connect(plot, &QCustomPlot::afterReplot, [&] { ++after; });
    QObject::connect(w->graph(), &ui::GraphView::curvesReplotted, [&] { ++curvesOnly; });

    QSlider* s = w->parameters()->row({ParamKind::HiddenBias, 0})->slider();
    s->setSliderDown(true);
    for (int k = 1; k <= 5; ++k) {
        s->setValue(s->value() + 40);
        w->document()->flush();
        QApplication::processEvents();
    }
    EXPECT_GE(curvesOnly, 3) << "a drag that moves only curves should redraw them alone";
    EXPECT_LE(full, 1) << "entering the drag replots all once (no antialiasing while live)";
    EXPECT_EQ(after, full + curvesOnly) << "afterReplot follows every replot, whole or curves";
    expectCurvesMatchCore(*w);
    const QImage fast = plot->grab().toImage();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage whole = plot->grab().toImage();
    EXPECT_EQ(fast, whole) << "the curves-only frame must show what a full replot shows";

    // Something outside the curves' layer (here the view) changes: everything is redrawn.
    full = 0;
    ViewRect v = w->document()->scenario().view;
    v.yHi += 1.0;
    w->document()->setView(v);
    s->setValue(s->value() + 40);
    w->document()->flush();
    EXPECT_TRUE(pumpUntil([&] { return full > 0; }, 2000));
    s->setSliderDown(false);
}

TEST(Explorer, EachPresetSetsTheLessonValues) {
    auto w = freshWindow();
    QComboBox* box = w->parameters()->presetBox();
    const std::pair<NetworkPreset, std::pair<double, double>> cases[] = {
        {NetworkPreset::Added, {1, 1}},
        {NetworkPreset::InvertSecond, {1, -1}},
        {NetworkPreset::InvertFirst, {-1, 1}},
        {NetworkPreset::Exercise, {1.5, -0.5}}};
    for (const auto& [preset, weights] : cases) {
        const int index = box->findData(static_cast<int>(preset));
        ASSERT_GE(index, 0);
        box->setCurrentIndex(index);
        emit box->activated(index);
        w->document()->flush();
        const Network& n = w->document()->network();
        EXPECT_EQ(n.v[0], weights.first);
        EXPECT_EQ(n.v[1], weights.second);
        EXPECT_NEAR(w->parameters()->row({ParamKind::OutputWeight, 1})->spinBox()->value(),
                    weights.second, 1e-12);
        expectCurvesMatchCore(*w);
    }
    // The exercise's answer, read off the graph: 0 left of −0.5, 1.5 between, 1.0 right of 0.5.
    const Eigen::ArrayXd probe = (Eigen::ArrayXd(3) << -0.75, 0.0, 0.75).finished();
    const Eigen::ArrayXd y = evaluateOutput(w->document()->network(), probe);
    EXPECT_DOUBLE_EQ(y[0], 0.0);
    EXPECT_DOUBLE_EQ(y[1], 1.5);
    EXPECT_DOUBLE_EQ(y[2], 1.0);
}

TEST(Explorer, AddingANeuronKeepsTheOthers) {
    auto w = freshWindow();
    const Network before = w->document()->network();
    w->parameters()->hiddenBox()->setValue(5);
    w->document()->flush();
    const Network& after = w->document()->network();
    ASSERT_EQ(after.hidden(), 5);
    EXPECT_EQ(after.w.head(2), before.w);
    EXPECT_EQ(after.b.head(2), before.b);
    EXPECT_EQ(after.v.head(2), before.v);
    EXPECT_EQ(w->graph()->neuronCurveCount(), 5);
    EXPECT_NE(w->parameters()->row({ParamKind::OutputWeight, 4}), nullptr);
    w->parameters()->hiddenBox()->setValue(1);
    w->document()->flush();
    EXPECT_EQ(w->document()->network().w[0], before.w[0]);
    EXPECT_EQ(w->graph()->neuronCurveCount(), 1);
}

TEST(Explorer, StepPointRowPlacesTheStep) {
    auto w = freshWindow();
    w->parameters()->setStepPointMode(true);
    ui::ParamRow* s1 = w->parameters()->stepPointRow(0);
    ASSERT_NE(s1, nullptr);
    s1->spinBox()->setValue(0.25);
    const auto s = stepPoint(w->document()->network(), 0);
    ASSERT_TRUE(s.has_value());
    EXPECT_NEAR(*s, 0.25, 1e-12);
}

TEST(Explorer, KeyboardFocusReachesEveryControl) {
    auto w = freshWindow();
    w->activateWindow();
    QList<QWidget*> wanted;
    for (int i = 0; i < paramCount(2); ++i) {
        ui::ParamRow* r = w->parameters()->row(paramAt(i, 2));
        wanted << r->slider() << r->spinBox();
    }
    wanted << w->parameters()->activationBox() << w->parameters()->hiddenBox()
           << w->parameters()->presetBox() << w->diagram();
    QSet<QWidget*> seen;
    QWidget* start = w->parameters()->presetBox();
    start->setFocus();
    QWidget* cur = start;
    for (int i = 0; i < 400; ++i) {
        seen.insert(cur);
        cur = cur->nextInFocusChain();
        while (cur && !(cur->focusPolicy() & Qt::TabFocus))
            cur = cur->nextInFocusChain();
        if (!cur || cur == start) break;
    }
    for (QWidget* wdg : wanted)
        EXPECT_TRUE(seen.contains(wdg)) << wdg->objectName().toStdString();
}

TEST(Explorer, ArrowKeysNudgeASlider) {
    auto w = freshWindow();
    QSlider* s = w->parameters()->row({ParamKind::OutputWeight, 1})->slider();
    const double before = w->document()->network().v[1];
    s->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    const double small = w->document()->network().v[1] - before;
    s->triggerAction(QAbstractSlider::SliderPageStepAdd);
    const double large = w->document()->network().v[1] - before - small;
    EXPECT_GT(small, 0.0);
    EXPECT_GT(large, 5 * small);
}

TEST(Explorer, TooltipShowsTheFormulaWithNumbers) {
    auto w = freshWindow();
    w->document()->flush();
    const QString tip = w->parameters()->row({ParamKind::HiddenWeight, 0})->slider()->toolTip();
    EXPECT_TRUE(tip.contains("n1(x) = step(4.00·x + 2.00)")) << tip.toStdString();
}

TEST(Explorer, ClickingANeuronSelectsIt) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    const QPointF c = d->hiddenCenter(1);
    sendMouse(d, QEvent::MouseButtonPress, c, Qt::LeftButton, Qt::LeftButton);
    ASSERT_TRUE(w->document()->selection().has_value());
    EXPECT_EQ(w->document()->selection()->neuron, 1);
    const QPointF mid = (d->hiddenCenter(0) + d->outputCenter()) / 2.0;
    sendMouse(d, QEvent::MouseButtonPress, mid, Qt::LeftButton, Qt::LeftButton);
    ASSERT_TRUE(w->document()->selection().has_value());
    EXPECT_EQ(*w->document()->selection(), (ParamId{ParamKind::OutputWeight, 0}));
}

TEST(Explorer, DiagramLabelsNeverCoverTheNextNeuron) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    std::mt19937_64 rng(3);
    for (int height : {220, 480, 1000}) {
        d->setFixedHeight(height);
        for (int h : {1, 2, 3, 5, 8, 12, 16, 32, 64}) {
            Scenario s = w->document()->scenario();
            s.network = randomNetwork(h, {ActivationKind::Sigmoid, 1.0}, -1, 1, rng);
            w->document()->replaceScenario(s);
            QApplication::processEvents();
            const auto l = d->layOut();
            EXPECT_GE(l.radius, std::min(3.0, 0.4 * (height - 28.0) / h));
            EXPECT_LE(2 * l.radius * h, height) << h << " neurons in " << height << " px";
            // No label covers another one or a node.
            const auto labels = d->labels();
            for (std::size_t a = 0; a < labels.size(); ++a) {
                EXPECT_TRUE(QRectF(d->rect()).contains(labels[a].box));
                for (std::size_t b = a + 1; b < labels.size(); ++b)
                    EXPECT_FALSE(labels[a].box.intersects(labels[b].box))
                        << labels[a].text.toStdString() << " / " << labels[b].text.toStdString();
                for (int j = 0; j < h; ++j) {
                    const QPointF c = d->hiddenCenter(j);
                    const QRectF node(c - QPointF(l.radius, l.radius),
                                      QSizeF(2 * l.radius, 2 * l.radius));
                    EXPECT_FALSE(labels[a].box.intersects(node)) << labels[a].text.toStdString();
                }
            }
            if (!l.neuronLabels) continue;
            // A bias label sits under its neuron, one line high: it must end above the next one.
            const double line = QFontMetricsF(d->labelFont()).height();
            for (int j = 0; j + 1 < h; ++j) {
                const double labelBottom =
                    d->hiddenCenter(j).y() + l.radius + 0.6 * line + (line + 2) / 2;
                EXPECT_LE(labelBottom, d->hiddenCenter(j + 1).y() - l.radius)
                    << h << " neurons in " << height << " px, neuron " << j + 1;
            }
            EXPECT_LE(d->hiddenCenter(h - 1).y() + l.radius + 0.6 * line + (line + 2) / 2, height);
        }
    }
    d->setMinimumHeight(0);
    d->setMaximumHeight(QWIDGETSIZE_MAX);
    // With 8 neurons in the default window, the labels are there.
    Scenario s = w->document()->scenario();
    s.network = randomNetwork(8, {ActivationKind::Sigmoid, 1.0}, -1, 1, rng);
    w->document()->replaceScenario(s);
    d->setFixedHeight(480);
    EXPECT_TRUE(d->layOut().neuronLabels);
    // With two neurons every value has its label.
    w->document()->replaceScenario(defaultScenario());
    QApplication::processEvents();
    QStringList shown;
    for (const auto& l : d->labels())
        shown << l.text;
    for (const char* name : {"w1 =", "w2 =", "b1 =", "b2 =", "w11 =", "w21 =", "c ="})
        EXPECT_EQ(shown.filter(name).size(), 1) << name << ": " << shown.join(", ").toStdString();
}

// On a projector the type is large, yet the lesson's two neurons keep every weight's label:
// each slides along its own edge to a free place rather than all of them going.
TEST(Explorer, PresentationModeKeepsEveryLabelOfTwoNeurons) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    d->setPalette(ui::Palette::projector()); // the projector's large type and thick lines
    d->setFixedSize(600, 400);               // the diagram's share of a 1920 × 1080 wall
    w->document()->replaceScenario(defaultScenario());
    QApplication::processEvents();
    QStringList shown;
    for (const auto& l : d->labels())
        shown << l.text;
    for (const char* name : {"w1 =", "w2 =", "b1 =", "b2 =", "w11 =", "w21 =", "c ="})
        EXPECT_EQ(shown.filter(name).size(), 1) << name << ": " << shown.join(", ").toStdString();
}

TEST(Explorer, TheLegendNeverCoversTheCurves) {
    auto w = freshWindow();
    std::mt19937_64 rng(5);
    QCustomPlot* plot = w->graph()->plot();
    for (const ui::Palette& pal : {ui::Palette::light(), ui::Palette::projector()}) {
        w->graph()->setPalette(pal);
        for (int h : {1, 2, 8, 16}) {
            Scenario s = w->document()->scenario();
            s.network = randomNetwork(h, {ActivationKind::Sigmoid, 1.0}, -1, 1, rng);
            s.target.preset = TargetPreset::Sine;
            w->document()->replaceScenario(s);
            w->document()->flush();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            const QRect legend = plot->legend->outerRect(), curves = plot->axisRect()->rect();
            EXPECT_FALSE(legend.intersects(curves)) << h << " neurons";
            EXPECT_LE(legend.right(), plot->width()) << h << " neurons";
            int entries = 0; // the grid's empty cells are null items
            for (int i = 0; i < plot->legend->itemCount(); ++i)
                entries += plot->legend->item(i) != nullptr;
            EXPECT_EQ(entries, std::min(h, 8) + 2) << "the output, the target and the neurons";
            EXPECT_GT(curves.height(), plot->height() / 2) << "the legend takes too much room";
            // Every entry has room for its whole text.
            const QFontMetrics fm(plot->legend->font());
            for (int i = 0; i < plot->legend->itemCount(); ++i) {
                if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i))) {
                    EXPECT_GE(item->rect().width(),
                              fm.horizontalAdvance(item->plottable()->name()) +
                                  plot->legend->iconSize().width())
                        << item->plottable()->name().toStdString() << ", " << h << " neurons";
                }
            }
        }
    }
    // Presentation mode changes the legend's type size; the entries follow.
    w->setPresentationMode(true);
    w->document()->flush();
    QApplication::processEvents();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QFontMetrics fm(plot->legend->font());
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i))) {
            EXPECT_GE(item->rect().width(), fm.horizontalAdvance(item->plottable()->name()) +
                                                plot->legend->iconSize().width())
                << item->plottable()->name().toStdString() << " in presentation mode";
        }
    }
    w->setPresentationMode(false);
}

TEST(Explorer, TheWeightsScrollUpAndDownOnly) {
    auto w = freshWindow();
    std::mt19937_64 rng(9);
    Scenario s = w->document()->scenario();
    s.network = randomNetwork(16, {ActivationKind::Sigmoid, 1.0}, -1, 1, rng);
    w->document()->replaceScenario(s);
    w->document()->flush();
    QApplication::processEvents();
    const int before = w->parameters()->row({ParamKind::HiddenBias, 0})->slider()->width();
    TargetCurve t;
    t.preset = TargetPreset::Sine; // the gradient arrows appear beside the sliders
    w->document()->setTarget(t, "sine");
    w->document()->flush();
    QApplication::processEvents();
    EXPECT_EQ(w->parameters()->row({ParamKind::HiddenBias, 0})->slider()->width(), before)
        << "the arrows appearing must not move the sliders";
    auto* scroll = w->parameters()->findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    // The learner drags the splitter to give the graph all the room it can.
    auto* split = w->findChild<QSplitter*>("mainSplit");
    ASSERT_NE(split, nullptr);
    split->setSizes({5000, 10});
    QApplication::processEvents();
    EXPECT_TRUE(scroll->verticalScrollBar()->isVisible()) << "16 neurons do not fit";
    EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible());
    EXPECT_GE(scroll->widget()->width(), scroll->widget()->minimumSizeHint().width())
        << "a row is cut off on the right";
}

TEST(Explorer, DiagramTooltipsNameEveryValue) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    const Network& net = w->document()->network();
    const QString neuron = d->describe({ParamKind::HiddenBias, 1});
    EXPECT_TRUE(neuron.contains("Neuron 2")) << neuron.toStdString();
    EXPECT_TRUE(neuron.contains(QString("b2 = %1").arg(net.b[1], 0, 'f', 2)))
        << neuron.toStdString();
    const QString edge = d->describe({ParamKind::OutputWeight, 0});
    EXPECT_TRUE(edge.contains(QString("w11 = %1").arg(net.v[0], 0, 'f', 2))) << edge.toStdString();
    EXPECT_TRUE(d->describe({ParamKind::OutputBias, 0}).startsWith("c = "));
    // A tooltip event over neuron 1 asks for that description.
    EXPECT_EQ(d->hitTest(d->hiddenCenter(0)), (ParamId{ParamKind::HiddenBias, 0}));
}

TEST(Explorer, HoverReadoutShowsEveryValue) {
    auto w = freshWindow();
    w->graph()->showReadoutAt(0.0);
    const QString text = w->graph()->readoutText();
    EXPECT_TRUE(text.contains("n1 =   1.000")) << text.toStdString();
    EXPECT_TRUE(text.contains("n2 =   0.000")) << text.toStdString();
    EXPECT_TRUE(text.contains("output y = 1.000")) << text.toStdString();
}

TEST(Explorer, ExportsPngSvgAndPdf) {
    auto w = freshWindow();
    QTemporaryDir dir;
    for (const char* ext : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QString("graph.") + ext);
        ASSERT_TRUE(w->exportGraph(path)) << ext;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(8);
        const QByteArray magic = QString(ext) == "png"   ? QByteArray("\x89PNG")
                                 : QString(ext) == "pdf" ? QByteArray("%PDF")
                                                         : QByteArray("<?xml");
        EXPECT_TRUE(head.startsWith(magic)) << ext;
    }
    EXPECT_FALSE(w->exportGraph(dir.filePath("graph.bmp")));
    EXPECT_FALSE(w->exportGraph(dir.filePath("no/such/folder/graph.png")));
}

// A first class with Stepwise (issue 15): what a teacher and a learner hit on day one, pinned on
// real widgets. Each test fails on the code before its fix.
#include "UiTestSupport.h"

#include "core/lesson/Lesson.h"
#include "core/scenario/Presets.h"
#include "core/training/OvershootWatch.h"
#include "core/training/Trainer.h"
#include "ui/base/Contrast.h"
#include "ui/base/FocusRing.h"
#include "ui/base/Format.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/landscape/LandscapeView.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"
#include "ui/shell/Exporter.h"
#include "ui/training/LossPlot.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <gtest/gtest.h>
#include <iostream>

using namespace stepwise;
using namespace stepwise::test;

namespace {

// Trains `steps` steps with the window's own buttons (play until the count is reached, pause).
void trainSteps(ui::MainWindow& w, long steps) {
    ui::TrainingController* tc = w.trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(pumpUntil([tc, steps] { return tc->steps() >= steps; }, 20000));
    tc->pause();
    QApplication::processEvents();
}

// A key as a keyboard delivers it to the focused widget, the window's shortcuts first.
void pressKey(QWidget* window, int key, const QString& text = QString(),
              Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget* target = QApplication::focusWidget();
    if (!target) target = window;
    if (!qt_sendShortcutOverrideEvent(target, 0, key, mods, text)) {
        QKeyEvent down(QEvent::KeyPress, key, mods, text);
        QApplication::sendEvent(target, &down);
        QKeyEvent up(QEvent::KeyRelease, key, mods, text);
        QApplication::sendEvent(target, &up);
    }
    QApplication::processEvents();
}

void typeText(QWidget* window, const QString& text) {
    for (QChar c : text) {
        int key = c.unicode();
        if (c == '.') key = Qt::Key_Period;
        if (c == '-') key = Qt::Key_Minus;
        pressKey(window, key, QString(c));
    }
}

// The pixels of `img` in a one-pixel frame just outside `r` that have colour `c` (± a little).
int framePixelsOf(const QImage& img, QRect r, QColor c) {
    int n = 0, total = 0;
    auto near = [&c](QColor k) {
        return std::abs(c.red() - k.red()) + std::abs(c.green() - k.green()) +
                   std::abs(c.blue() - k.blue()) <
               40;
    };
    const QRect f = r.adjusted(-2, -2, 1, 1); // two pixels out
    for (int x = f.left(); x <= f.right(); ++x)
        for (int y : {f.top(), f.bottom()}) {
            if (!img.rect().contains(x, y)) continue;
            ++total;
            n += near(img.pixelColor(x, y));
        }
    for (int y = f.top(); y <= f.bottom(); ++y)
        for (int x : {f.left(), f.right()}) {
            if (!img.rect().contains(x, y)) continue;
            ++total;
            n += near(img.pixelColor(x, y));
        }
    return total > 0 ? n * 100 / total : 0; // per cent of the frame
}

// The index of a layerable in its layer's drawing order (later is drawn on top).
int drawIndex(QCPLayerable* l) {
    return static_cast<int>(l->layer()->children().indexOf(l));
}

} // namespace

// ---- 1. The sum drawn on top of its parts -------------------------------------------------------

TEST(FirstClass, TheSumIsDrawnOnTopOfEveryContribution) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    auto check = [g](const char* when) {
        QCPGraph* out = g->outputGraph();
        ASSERT_GT(g->neuronCurveCount(), 0) << when;
        for (int j = 0; j < g->neuronCurveCount(); ++j) {
            ASSERT_EQ(g->neuronGraph(j)->layer(), out->layer()) << when;
            EXPECT_GT(drawIndex(out), drawIndex(g->neuronGraph(j))) << when << ", neuron " << j;
        }
    };
    check("default network");
    w->document()->setHiddenCount(5); // the neurons' curves are made anew
    QApplication::processEvents();
    check("five neurons");
    g->setAnswerVisible(false); // the exercise hides, then reveals the answer
    g->setGuess(Stroke{{{-1, 0}, {1, 1}}, false});
    g->setAnswerVisible(true);
    check("the exercise's reveal");
}

TEST(FirstClass, WhereTheSumEqualsOneShareTheExportShowsTheSumsColour) {
    // One neuron with output weight 1 and no output bias: its share is the output everywhere. The
    // picture at the curve's centre must be the bold sum's colour, not the thin curve's.
    auto w = freshWindow();
    Network n = w->document()->network();
    n.resize(1, -1.0, 1.0);
    n.activation = {ActivationKind::Sigmoid, 4.0};
    n.w[0] = 1.0;
    n.b[0] = 0.0;
    n.v[0] = 1.0;
    n.c = 0.0;
    w->document()->setNetwork(n, "test");
    w->document()->setView({-1.0, 1.0, -0.2, 1.2});
    QApplication::processEvents();
    ui::GraphView* g = w->graph();
    const QPixmap pic = g->toPixmap(g->plot()->width(), g->plot()->height());
    const QImage img = pic.toImage();
    const QColor out = g->palette().output, thin = g->palette().neuron(0);
    int sumColoured = 0, thinColoured = 0;
    for (double x : {-0.6, -0.3, 0.0, 0.3, 0.6}) {
        const double y = 1.0 / (1.0 + std::exp(-4.0 * x));
        const int px = qRound(g->plot()->xAxis->coordToPixel(x) * img.devicePixelRatio());
        const int py = qRound(g->plot()->yAxis->coordToPixel(y) * img.devicePixelRatio());
        const QColor c = img.pixelColor(px, py);
        auto near = [&c](QColor k) {
            return std::abs(c.red() - k.red()) + std::abs(c.green() - k.green()) +
                       std::abs(c.blue() - k.blue()) <
                   60;
        };
        sumColoured += near(out);
        thinColoured += near(thin);
    }
    EXPECT_EQ(thinColoured, 0);
    EXPECT_EQ(sumColoured, 5);
}

// ---- 11. Training information describes the network on screen ----------------------------------

TEST(FirstClass, AnUndoneRunTakesItsStepsLossCurveAndWarningsAlong) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Sine);
    w->document()->setActivation({ActivationKind::Sigmoid, 4.0});
    trainSteps(*w, 200);
    ui::TrainingController* tc = w->trainer();
    ASSERT_GE(tc->steps(), 200);
    ASSERT_FALSE(tc->lossValues().empty());
    w->trainingPanel()->showMessage("a warning about this run", true);
    w->document()->undoStack()->undo(); // the run
    QApplication::processEvents();
    EXPECT_EQ(tc->steps(), 0);
    EXPECT_TRUE(tc->lossValues().empty());
    EXPECT_TRUE(w->trainingPanel()->messageText().isEmpty());
    const auto* status = w->trainingPanel()->findChild<QLabel*>("trainingStatus");
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().startsWith("step 0")) << status->text().toStdString();
}

TEST(FirstClass, AnotherActivationChapterOrFileStartsWithoutTheOldRun) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Sine);
    w->document()->setActivation({ActivationKind::Sigmoid, 4.0});
    ui::TrainingController* tc = w->trainer();
    ui::TrainingPanel* panel = w->trainingPanel();
    const auto* status = panel->findChild<QLabel*>("trainingStatus");
    ASSERT_NE(status, nullptr);
    auto expectFresh = [&](const char* after) {
        QApplication::processEvents();
        EXPECT_EQ(tc->steps(), 0) << after;
        EXPECT_TRUE(tc->lossValues().empty()) << after;
        EXPECT_TRUE(panel->messageText().isEmpty()) << after;
        EXPECT_TRUE(status->text().startsWith("step 0"))
            << after << ": " << status->text().toStdString();
    };

    trainSteps(*w, 100);
    panel->showMessage("old warning", true);
    w->document()->setActivation({ActivationKind::Tanh, 1.0});
    expectFresh("a new activation");

    trainSteps(*w, 100);
    panel->showMessage("old warning", true);
    w->lesson()->goToChapter(7);
    expectFresh("another chapter");

    useTarget(*w, TargetPreset::Sine);
    trainSteps(*w, 100);
    panel->showMessage("old warning", true);
    Scenario s = defaultScenario();
    s.lesson.freeMode = true;
    w->document()->replaceScenario(s); // what opening a file does
    expectFresh("another file");
}

// ---- 9. Keyboard-only use -----------------------------------------------------------------------

TEST(FirstClass, TabShowsAClearFocusRingInEveryPalette) {
    auto w = freshWindow();
    QApplication::setActiveWindow(w.get());
    using Theme = ui::Preferences::Theme;
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::Projector}) {
        ui::Preferences prefs;
        prefs.theme = theme;
        w->applyPreferences(prefs);
        QApplication::processEvents();
        ui::ParamRow* row = w->parameters()->row({ParamKind::HiddenWeight, 0});
        ASSERT_NE(row, nullptr);
        for (QWidget* control : std::initializer_list<QWidget*>{row->slider(), row->spinBox(),
                                                                w->trainingPanel()->playButton(),
                                                                w->trainingPanel()->speedBox()}) {
            // The side page that holds the control is the one shown, as Tab would show it.
            const bool training = w->trainingPanel()->isAncestorOf(control);
            w->sideTabs()->setCurrentWidget(training ? static_cast<QWidget*>(w->trainingPanel())
                                                     : w->sideTabs()->widget(0));
            QApplication::processEvents();
            control->setFocus(Qt::TabFocusReason);
            QApplication::processEvents();
            ASSERT_EQ(QApplication::focusWidget(), control);
            const QColor ring = ui::FocusRing::ringColor(w->palette());
            EXPECT_GE(ui::contrastRatio(ring, w->palette().color(QPalette::Window)),
                      ui::kMinGraphicContrast);
            const QImage shot = w->grab().toImage();
            const QRect r(control->mapTo(w.get(), QPoint(0, 0)), control->size());
            const QRect scaled(r.topLeft() * shot.devicePixelRatio(),
                               r.size() * shot.devicePixelRatio());
            // Most of a frame just outside the control has the ring's colour.
            EXPECT_GE(framePixelsOf(shot, scaled, ring), 70)
                << control->objectName().toStdString() << " in theme " << static_cast<int>(theme);
        }
    }
}

TEST(FirstClass, ANumberTypedAndConfirmedWithEnterIsOneUndoStep) {
    auto w = freshWindow();
    QApplication::setActiveWindow(w.get());
    ui::ParamRow* row = w->parameters()->row({ParamKind::HiddenWeight, 0});
    ASSERT_NE(row, nullptr);
    QDoubleSpinBox* box = row->spinBox();
    // Tab into the box as a keyboard would: from the slider before it.
    row->slider()->setFocus(Qt::TabFocusReason);
    QApplication::processEvents();
    pressKey(w.get(), Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), box);
    const int before = w->document()->undoStack()->count();
    typeText(w.get(), "2.75");
    pressKey(w.get(), Qt::Key_Return, "\r");
    QApplication::processEvents();
    EXPECT_DOUBLE_EQ(w->document()->network().w[0], 2.75);
    EXPECT_EQ(w->document()->undoStack()->count(), before + 1);
    // Typed again, over the value shown, with the keypad's Enter.
    box->selectAll();
    typeText(w.get(), "-1.5");
    pressKey(w.get(), Qt::Key_Enter, "\r");
    EXPECT_DOUBLE_EQ(w->document()->network().w[0], -1.5);
    EXPECT_EQ(w->document()->undoStack()->count(), before + 2);
    w->document()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(w->document()->network().w[0], 2.75);

    // The number of hidden neurons, typed: "12" makes 12 neurons in one step, not 1 on the way
    // (which would lose the other neurons' weights).
    const Network start = w->document()->network();
    QSpinBox* hidden = w->parameters()->hiddenBox();
    hidden->setFocus(Qt::TabFocusReason);
    QApplication::processEvents();
    ASSERT_EQ(QApplication::focusWidget(), hidden);
    const int steps = w->document()->undoStack()->index();
    typeText(w.get(), "12");
    EXPECT_EQ(w->document()->network().hidden(), start.hidden()); // nothing yet
    pressKey(w.get(), Qt::Key_Return, "\r");
    EXPECT_EQ(w->document()->network().hidden(), 12);
    EXPECT_EQ(w->document()->undoStack()->index(), steps + 1);
    w->document()->undoStack()->undo();
    EXPECT_TRUE(w->document()->network() == start);
}

// ---- 6. The loss plot's log axis never labels two ticks alike -----------------------------------

TEST(FirstClass, NoTwoLossTicksReadTheSameOnNarrowRanges) {
    ui::LossPlot lp;
    lp.resize(420, 260);
    lp.show();
    QApplication::processEvents();
    int checked = 0;
    for (double lo : {1e-5, 3e-4, 0.012, 0.05, 0.19, 0.2, 0.7, 1.3, 4.0}) {
        for (double ratio : {1.0, 1.001, 1.05, 1.3, 2.0, 4.0}) {
            std::vector<double> steps, loss;
            for (int i = 0; i < 50; ++i) {
                steps.push_back(i);
                loss.push_back(lo * (1.0 + (ratio - 1.0) * i / 49.0));
            }
            lp.setData(steps, loss);
            lp.plot()->replot();
            const QVector<QString> labels = lp.plot()->yAxis->tickVectorLabels();
            ASSERT_FALSE(labels.isEmpty());
            const QSet<QString> distinct(labels.begin(), labels.end());
            EXPECT_EQ(distinct.size(), labels.size())
                << "loss " << lo << " to " << lo * ratio << ": "
                << QStringList(labels.begin(), labels.end()).join(" | ").toStdString();
            ++checked;
        }
    }
    EXPECT_EQ(checked, 54);
}

// ---- 5. The hover readout is opaque, framed, and clear of the point being read ------------------

TEST(FirstClass, TheReadoutIsOpaqueFramedAndAwayFromThePointRead) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    QCPItemText* readout = nullptr;
    for (int i = 0; i < g->plot()->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemText*>(g->plot()->item(i))) readout = t;
    ASSERT_NE(readout, nullptr);
    const ViewRect& v = w->document()->scenario().view;
    for (double f : {0.02, 0.2, 0.45, 0.55, 0.8, 0.98}) {
        const double x = v.xLo + f * (v.xHi - v.xLo);
        g->showReadoutAt(x);
        g->plot()->replot();
        ASSERT_FALSE(g->readoutText().isEmpty());
        EXPECT_EQ(readout->brush().color().alpha(), 255);
        EXPECT_NE(readout->pen().style(), Qt::NoPen);
        EXPECT_GE(ui::contrastRatio(readout->pen().color(), g->palette().background),
                  ui::kMinGraphicContrast);
        // Drawn over every curve.
        for (int j = 0; j < g->neuronCurveCount(); ++j)
            EXPECT_GT(drawIndex(readout), drawIndex(g->neuronGraph(j)));
        EXPECT_GT(drawIndex(readout), drawIndex(g->outputGraph()));
        // The box leaves the column of the point being read clear.
        const double left = readout->topLeft->pixelPosition().x();
        const double right = readout->bottomRight->pixelPosition().x();
        const double px = g->plot()->xAxis->coordToPixel(x);
        EXPECT_TRUE(px < left - 4 || px > right + 4)
            << "x = " << x << " at pixel " << px << ", readout from " << left << " to " << right;
    }
}

// ---- 8. Controls a learner presses again and again stay put ----------------------------------

TEST(FirstClass, AddANeuronStaysUnderThePointerPressAfterPress) {
    auto w = freshWindow();
    w->lesson()->goToChapter(5); // "universal": add neurons, watch the error shrink
    QApplication::processEvents();
    ASSERT_TRUE(w->document()->hasTarget());
    QPushButton* add = w->lesson()->addNeuronButton();
    ASSERT_TRUE(add->isVisible());
    auto where = [&] {
        QApplication::processEvents();
        w->document()->flush();
        QApplication::processEvents();
        return add->mapTo(w.get(), QPoint(0, 0));
    };
    const QPoint first = where();
    const int start = w->document()->network().hidden();
    for (int i = 1; i <= 12; ++i) {
        add->click();
        EXPECT_EQ(where(), first) << "after press " << i;
    }
    EXPECT_EQ(w->document()->network().hidden(), start + 12);
    // The table that keeps its rows reads right: every k, the learner's own in bold.
    const QString table = w->lesson()->errorsLabel()->text();
    EXPECT_FALSE(table.contains(QRegularExpression("%\\d"))) << table.toStdString();
    EXPECT_TRUE(table.contains(QString("<b>%1</b>").arg(start + 12))) << table.toStdString();
}

// ---- 2. Every curve colour readable on every palette --------------------------------------------

TEST(FirstClass, EveryCurveColourReachesThreeToOneOnItsBackground) {
    auto check = [](const ui::Palette& p, const char* name) {
        auto expectReadable = [&](const QColor& c, const std::string& what) {
            EXPECT_GE(ui::contrastRatio(c, p.background), ui::kMinGraphicContrast)
                << name << ": " << what << " " << c.name().toStdString() << " on "
                << p.background.name().toStdString();
        };
        ASSERT_GE(p.neurons.size(), 8) << name;
        for (int j = 0; j < p.neurons.size(); ++j)
            expectReadable(p.neuron(j), "neuron " + std::to_string(j + 1));
        expectReadable(p.output, "output");
        expectReadable(p.guess, "guess");
        expectReadable(p.positive, "positive weight");
        expectReadable(p.negative, "negative weight");
    };
    check(ui::Palette::light(), "light");
    check(ui::Palette::dark(), "dark");
    check(ui::Palette::projector(), "projector");
    // And what the window's graph draws with, in each theme and in presentation mode.
    auto w = freshWindow();
    using Theme = ui::Preferences::Theme;
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark, Theme::Projector}) {
        ui::Preferences prefs;
        prefs.theme = theme;
        w->applyPreferences(prefs);
        check(w->graph()->palette(), "the window's");
    }
    // The contrast function itself, on values WCAG's own examples give.
    EXPECT_NEAR(ui::contrastRatio(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(ui::contrastRatio(Qt::white, Qt::white), 1.0, 1e-12);
    EXPECT_NEAR(ui::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white), 4.54, 0.01);
}

// ---- 10. Fine control on a short slider ---------------------------------------------------------

namespace {
QPoint handleCentre(QSlider* s) {
    QStyleOptionSlider opt;
    opt.initFrom(s);
    opt.orientation = s->orientation();
    opt.minimum = s->minimum();
    opt.maximum = s->maximum();
    opt.sliderPosition = s->sliderPosition();
    opt.sliderValue = s->value();
    opt.subControls = QStyle::SC_All;
    return s->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, s).center();
}

void dragSlider(QSlider* s, int dx, Qt::KeyboardModifiers mods) {
    const QPoint from = handleCentre(s);
    auto send = [s](QEvent::Type t, QPoint p, Qt::MouseButton b, Qt::MouseButtons bs,
                    Qt::KeyboardModifiers m) {
        QMouseEvent e(t, QPointF(p), QPointF(s->mapToGlobal(p)), b, bs, m);
        QApplication::sendEvent(s, &e);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    for (int i = 1; i <= 10; ++i) // the pointer moves in ten steps, Shift held throughout
        send(QEvent::MouseMove, from + QPoint(dx * i / 10, 0), Qt::NoButton, Qt::LeftButton, mods);
    send(QEvent::MouseButtonRelease, from + QPoint(dx, 0), Qt::LeftButton, Qt::NoButton, mods);
    QApplication::processEvents();
}
} // namespace

TEST(FirstClass, ShiftDragsASliderTenTimesFinerAndOneDragIsOneUndoStep) {
    auto w = freshWindow();
    ui::ParamRow* row = w->parameters()->row({ParamKind::HiddenWeight, 0});
    ASSERT_NE(row, nullptr);
    row->setValue(0.0);
    w->document()->setParam({ParamKind::HiddenWeight, 0}, 0.0);
    QApplication::processEvents();
    QSlider* s = row->slider();
    ASSERT_GT(s->width(), 60);
    const int undoBefore = w->document()->undoStack()->count();

    const int dx = s->width() / 5; // a fifth of the track: about a fifth of the range
    dragSlider(s, dx, Qt::NoModifier);
    const double plain = w->document()->network().w[0];
    ASSERT_GT(plain, 0.5);
    EXPECT_EQ(w->document()->undoStack()->count(), undoBefore + 1);

    dragSlider(s, dx, Qt::ShiftModifier);
    const double fine = w->document()->network().w[0] - plain;
    EXPECT_EQ(w->document()->undoStack()->count(), undoBefore + 2);
    // Ten times finer, give or take one step of the slider.
    const double oneStep = (row->hi() - row->lo()) / (s->maximum() - s->minimum());
    EXPECT_NEAR(fine, plain / 10.0, 2 * oneStep) << "plain " << plain << ", fine " << fine;
    EXPECT_GT(fine, 0.0);

    // The whole range stays within reach of a plain drag.
    dragSlider(s, 3 * s->width(), Qt::NoModifier);
    EXPECT_DOUBLE_EQ(w->document()->network().w[0], row->hi());
}

// ---- 3. Names past nine neurons, labels next to their edges, no "−0.00" -------------------------

namespace {
// Every name the window shows for the network's parameters, from each place that shows them.
struct ShownNames {
    QStringList rows, landscape, legend;
};
ShownNames shownNames(ui::MainWindow& w) {
    ShownNames n;
    const int h = w.document()->network().hidden();
    for (int i = 0; i < paramCount(h); ++i)
        if (ui::ParamRow* r = w.parameters()->row(paramAt(i, h)))
            n.rows << r->objectName().mid(4); // "row_" + name
    if (auto* land = w.findChild<ui::LandscapeView*>())
        for (int i = 0; i < land->pBox()->count(); ++i)
            n.landscape << land->pBox()->itemText(i);
    for (int j = 0; j < w.graph()->neuronCurveCount(); ++j)
        n.legend << w.graph()->neuronGraph(j)->name();
    return n;
}

void useNetwork(ui::MainWindow& w, int hidden, double value) {
    Network n(hidden);
    n.activation = {ActivationKind::Sigmoid, 2.0};
    for (int j = 0; j < hidden; ++j) {
        n.w[j] = value;
        n.b[j] = value;
        n.v[j] = value;
    }
    n.c = value;
    Scenario s = w.document()->scenario();
    s.network = n;
    w.document()->replaceScenario(s);
    w.document()->flush();
    QApplication::processEvents();
}
} // namespace

TEST(FirstClass, NamesStayDistinctAndShortAtAnySizeAndTheLessonKeepsW11W21) {
    auto w = freshWindow();
    for (int h : {2, 9, 10, 12, 64}) {
        useNetwork(*w, h, 0.5);
        const ShownNames n = shownNames(*w);
        ASSERT_EQ(n.rows.size(), paramCount(h)) << h;
        EXPECT_EQ(QSet<QString>(n.rows.begin(), n.rows.end()).size(), n.rows.size()) << h;
        for (const QString& name : n.rows) {
            EXPECT_FALSE(name.contains(',')) << name.toStdString();
            EXPECT_LE(name.size(), 3) << name.toStdString();
            // The same name everywhere: the landscape's choosers and the diagram's tooltips.
            EXPECT_TRUE(n.landscape.contains(name) || n.landscape.isEmpty())
                << name.toStdString() << " not among the landscape's parameters";
        }
        for (int j = 0; j < h; ++j) {
            const QString v = QString::fromStdString(paramName({ParamKind::OutputWeight, j}, h));
            EXPECT_TRUE(n.rows.contains(v));
            EXPECT_TRUE(n.legend[j].startsWith(v + "·n")) << n.legend[j].toStdString();
            EXPECT_TRUE(w->diagram()->describe({ParamKind::OutputWeight, j}).startsWith(v + " ="));
        }
        if (h == 2) { // the lesson's own names
            EXPECT_TRUE(n.rows.contains("w11"));
            EXPECT_TRUE(n.rows.contains("w21"));
        }
        if (h >= 11) { // w11 would be neuron 11's weight and neuron 1's output weight
            EXPECT_EQ(n.rows.filter(QRegularExpression("^w11$")).size(), 1);
            EXPECT_TRUE(n.rows.contains("v1"));
        }
    }
}

TEST(FirstClass, DiagramWeightLabelsSitOnTheirOwnEdgeFrom8To64Neurons) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    auto crosses = [](const QRectF& box, QPointF a, QPointF b) {
        const double x0 = std::max(box.left(), std::min(a.x(), b.x()));
        const double x1 = std::min(box.right(), std::max(a.x(), b.x()));
        if (x0 > x1) return false;
        auto yAt = [&](double x) {
            return a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        };
        return std::max(yAt(x0), yAt(x1)) >= box.top() &&
               std::min(yAt(x0), yAt(x1)) <= box.bottom();
    };
    for (int height : {300, 480, 900}) {
        d->setFixedHeight(height);
        for (int h : {2, 8, 12, 16, 32, 64}) {
            useNetwork(*w, h, 1.25);
            for (std::optional<int> hover : {std::optional<int>(), std::optional<int>(h / 2)}) {
                d->setHoveredNeuron(hover);
                int weightLabels = 0;
                bool hoveredShown = false;
                for (const auto& l : d->labels()) {
                    const QString name = l.text.section(" = ", 0, 0);
                    const auto id = paramFromName(name.toStdString(), h);
                    ASSERT_TRUE(id.has_value() || name == "output y") << l.text.toStdString();
                    if (!id || (id->kind != ParamKind::HiddenWeight &&
                                id->kind != ParamKind::OutputWeight))
                        continue;
                    ++weightLabels;
                    hoveredShown = hoveredShown || (hover && id->neuron == *hover);
                    auto edge = [&](ParamKind k, int j) {
                        return k == ParamKind::HiddenWeight
                                   ? std::pair{d->inputCenter(), d->hiddenCenter(j)}
                                   : std::pair{d->hiddenCenter(j), d->outputCenter()};
                    };
                    const auto [a, b] = edge(id->kind, id->neuron);
                    EXPECT_TRUE(crosses(l.box, a, b)) << l.text.toStdString() << " off its edge";
                    // No other edge of its layer passes through it: one can tell whose it is
                    // (the hovered neuron's, shown because it was asked for, may lie among
                    // edges too close for any label).
                    if (hover && id->neuron == *hover) continue;
                    for (int j = 0; j < h; ++j) {
                        if (j == id->neuron) continue;
                        const auto [p, q] = edge(id->kind, j);
                        EXPECT_FALSE(crosses(l.box, p, q))
                            << l.text.toStdString() << " is crossed by neuron " << j + 1
                            << "'s edge (" << h << " neurons, " << height << " px)";
                    }
                }
                if (hover) {
                    EXPECT_TRUE(hoveredShown) << h << " neurons, " << height << " px";
                }
                if (h == 2) {
                    EXPECT_EQ(weightLabels, 4);
                }
            }
            d->setHoveredNeuron(std::nullopt);
        }
    }
}

TEST(FirstClass, NoValueEverReadsMinusZero) {
    auto w = freshWindow();
    const QRegularExpression minusZero(QStringLiteral("[-\\x{2212}] ?0[.,]0+(?![0-9])"));
    for (int h : {2, 12}) {
        useNetwork(*w, h, -0.0004);
        useTarget(*w, TargetPreset::Sine);
        w->document()->flush();
        QApplication::processEvents();
        QStringList texts;
        for (const auto& l : w->diagram()->labels())
            texts << l.text;
        for (int i = 0; i < paramCount(h); ++i) {
            const ParamId id = paramAt(i, h);
            texts << w->diagram()->describe(id);
            ui::ParamRow* r = w->parameters()->row(id);
            ASSERT_NE(r, nullptr);
            texts << r->spinBox()->text() << r->slider()->toolTip();
        }
        w->graph()->showReadoutAt(0.0002);
        texts << w->graph()->readoutText();
        for (const QString& t : texts)
            EXPECT_FALSE(t.contains(minusZero)) << t.toStdString();
        EXPECT_EQ(ui::formatFixed(-0.004, 2), "0.00");
        EXPECT_EQ(ui::formatFixed(-0.0, 3), "0.000");
        EXPECT_EQ(ui::formatFixed(-0.006, 2), "-0.01");
        EXPECT_EQ(ui::formatFixed(0.5, 3, 7), "  0.500");
    }
}

// ---- 7. Presentation mode: everything on the wall grows -----------------------------------------

TEST(FirstClass, PresentationModeEnlargesMenusToolbarTabsStatusAndTheLossAxes) {
    auto w = freshWindow();
    auto sizes = [&w] {
        std::vector<std::pair<std::string, double>> s;
        s.emplace_back("menu bar", w->menuBar()->font().pointSizeF());
        for (QMenu* m : w->findChildren<QMenu*>())
            if (!m->title().isEmpty())
                s.emplace_back("menu " + m->title().toStdString(), m->font().pointSizeF());
        s.emplace_back("tab titles", w->sideTabs()->tabBar()->font().pointSizeF());
        s.emplace_back("status line", w->statusBar()->font().pointSizeF());
        for (QToolBar* t : w->findChildren<QToolBar*>()) {
            s.emplace_back("toolbar", t->font().pointSizeF());
            s.emplace_back("toolbar icons", t->iconSize().height());
        }
        QCustomPlot* loss = w->trainingPanel()->lossPlot()->plot();
        s.emplace_back("loss ticks", loss->yAxis->tickLabelFont().pointSizeF());
        s.emplace_back("loss axis label", loss->xAxis->labelFont().pointSizeF());
        return s;
    };
    const auto desk = sizes();
    w->setPresentationMode(true);
    QApplication::processEvents();
    const auto wall = sizes();
    ASSERT_EQ(desk.size(), wall.size());
    ASSERT_GE(desk.size(), 8u);
    for (std::size_t i = 0; i < desk.size(); ++i)
        EXPECT_GE(wall[i].second, 1.4 * desk[i].second)
            << wall[i].first << ": " << desk[i].second << " → " << wall[i].second;
    w->setPresentationMode(false);
    QApplication::processEvents();
    const auto back = sizes();
    for (std::size_t i = 0; i < desk.size(); ++i)
        EXPECT_DOUBLE_EQ(back[i].second, desk[i].second) << back[i].first;
}

// ---- 4. Every export lays out its legend for its own size ---------------------------------------

TEST(FirstClass, AnExportsLegendFitsItsOwnWidth) {
    Scenario s = defaultScenario();
    std::mt19937_64 rng(4);
    s.network = randomNetwork(8, {ActivationKind::Sigmoid, 2.0}, -1, 1, rng);
    s.target.preset = TargetPreset::Sine;
    for (int width : {240, 320, 480, 640}) {
        // As the exporter renders (a hidden view laid out for the picture), and as the window's
        // graph renders a picture of another size than its own.
        ui::Document doc;
        doc.replaceScenario(s);
        ui::GraphView hidden(&doc);
        hidden.resize(1000, 700);
        doc.flush();
        hidden.layOutFor(width, 300);
        QCustomPlot* plot = hidden.plot();
        plot->replot();
        QCPLegend* legend = plot->legend;
        const QFontMetrics fm(legend->font());
        ASSERT_GE(legend->itemCount(), 9);
        for (int i = 0; i < legend->itemCount(); ++i) {
            auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i));
            if (!item) continue;
            const QString name = item->plottable()->name();
            const int need =
                fm.horizontalAdvance(name) + legend->iconSize().width() + legend->iconTextPadding();
            EXPECT_LE(item->outerRect().right(), width)
                << name.toStdString() << " runs past a " << width << " px picture";
            EXPECT_GE(item->rect().width(), need)
                << name.toStdString() << " is cut in a " << width << " px picture";
        }
    }
    // The files themselves, small: written, of the size asked.
    QTemporaryDir dir;
    for (const char* name : {"small.png", "small.gif"}) {
        const QString path = dir.filePath(name);
        ui::ExportOptions o;
        o.width = 320;
        o.height = 240;
        o.frames = 2;
        QString error;
        ASSERT_EQ(ui::exportScenario(s, path, 20, o, {}, &error, nullptr),
                  ui::ExportResult::Written)
            << error.toStdString();
        EXPECT_EQ(QImage(path).width(), 320) << name;
    }
}

// ---- 12. Chapter 7's own settings give a calm fit a class can watch -----------------------------

TEST(FirstClass, ChapterSevensSettingsFitCalmlyOverSeveralSecondsOfFrames) {
    auto w = freshWindow();
    w->lesson()->goToChapter(6); // "descent": gradient descent, the first chapter that trains
    QApplication::processEvents();
    const LessonChapter& ch = lessonChapters()[6];
    ASSERT_EQ(ch.id, "descent");
    ASSERT_TRUE(ch.optimizer.has_value());
    ASSERT_GT(ch.stepsPerFrame, 0);
    // The window takes the chapter's settings.
    EXPECT_EQ(w->document()->scenario().training.optimizer, *ch.optimizer);
    EXPECT_EQ(w->trainingPanel()->speedBox()->currentData().toInt(), ch.stepsPerFrame);
    EXPECT_EQ(w->trainer()->stepsPerFrame(), ch.stepsPerFrame);

    // A run with them, frame by frame as the window runs it, on the chapter's own target (what
    // "Show me" draws), watched as the training panel watches it.
    Scenario s = w->document()->scenario();
    s.target.preset = TargetPreset::Sine;
    ui::Document doc;
    doc.replaceScenario(s);
    Trainer t(s.network, doc.x(), doc.targetSamples(), s.training,
              std::mt19937_64(s.training.seed));
    OvershootWatch watch;
    constexpr double kFrameSeconds = 0.015; // TrainingController's frame timer
    long frames = 0;
    bool fitted = false;
    while (!fitted && frames < 60 * 120) {
        t.run(ch.stepsPerFrame);
        for (double l : t.lossHistory())
            watch.add(l);
        t.clearHistory();
        ++frames;
        Scenario now = s;
        now.network = t.network();
        const auto done = passingTasks(now, 6, {});
        fitted = std::find(done.begin(), done.end(), "ch7.train") != done.end();
        ASSERT_FALSE(watch.overshooting()) << "after " << frames << " frames";
    }
    EXPECT_TRUE(fitted);
    const double seconds = frames * kFrameSeconds;
    EXPECT_GE(seconds, 3.0) << "over too fast for a class to watch";
    EXPECT_LE(seconds, 40.0) << "too slow to wait for";
    std::cout << "chapter 7: fitted after " << frames << " frames (" << seconds << " s), "
              << watch.spikes() << " spikes\n";
}

// ---- 13. Annealing says what its climbing loss curve means -------------------------------------

TEST(FirstClass, AnnealingExplainsItsClimbingLossCurve) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Sine);
    std::mt19937_64 rng(13);
    w->document()->setNetwork(randomNetwork(8, {ActivationKind::Step, 10.0}, -1, 1, rng), "test");
    TrainSettings ts = w->document()->scenario().training;
    ts.stepTraining = StepTraining::Anneal;
    ts.annealSteps = 600;
    w->document()->setTrainingSettings(ts);
    QApplication::processEvents();
    trainSteps(*w, 800);
    // The curve does climb while the sigmoid sharpens …
    const std::vector<double>& losses = w->trainer()->lossValues();
    ASSERT_GT(losses.size(), 10u);
    const double lowest = *std::min_element(losses.begin(), losses.end());
    EXPECT_GT(losses.back(), 1.2 * lowest);
    // … and the panel says why, beside the choice that made it.
    const auto* help = w->trainingPanel()->findChild<QLabel*>("stepHelp");
    ASSERT_NE(help, nullptr);
    EXPECT_FALSE(help->isHidden());
    EXPECT_TRUE(help->text().contains("climbs")) << help->text().toStdString();
    EXPECT_TRUE(help->text().contains("surrogate")) << help->text().toStdString();
}

// Like a browser's :focus-visible: the ring is for the keyboard. A window that opens, and a
// click, show no frame; Tab brings it back.
TEST(FirstClass, TheFocusRingIsForTheKeyboardNotTheMouse) {
    auto w = freshWindow();
    QApplication::setActiveWindow(w.get());
    QApplication::processEvents();
    ui::FocusRing* ring = w->focusRing();
    ASSERT_NE(ring, nullptr);
    EXPECT_FALSE(ring->isVisible()) << "no ring before any key";
    ui::ParamRow* row = w->parameters()->row({ParamKind::HiddenWeight, 0});
    ASSERT_NE(row, nullptr);
    row->spinBox()->setFocus(Qt::TabFocusReason);
    QApplication::processEvents();
    EXPECT_TRUE(ring->isVisible());
    EXPECT_EQ(ring->target(), row->spinBox());
    // A click elsewhere: the mouse has taken over.
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(row->slider(), &press);
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(5, 5), QPointF(5, 5), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(row->slider(), &release);
    QApplication::processEvents();
    EXPECT_FALSE(ring->isVisible());
    // Tab again: the keyboard is back, and so is the ring, around whatever has the focus.
    QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
    QApplication::sendEvent(QApplication::focusWidget(), &tab);
    QApplication::processEvents();
    EXPECT_TRUE(ring->isVisible());
    EXPECT_EQ(ring->target(), QApplication::focusWidget());
}

// Accessibility: every control a keyboard can reach has a name a screen reader can speak, and
// Tab moves through each side panel in reading order (top to bottom, left to right).
#include "ui/diagram/NetworkDiagram.h"
#include "ui/graph/GraphView.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/params/ParameterPanel.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/training/TrainingPanel.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTabWidget>
#include <gtest/gtest.h>
#include <qcustomplot.h>

using namespace stepwise::ui;

namespace {
bool isControl(const QWidget* w) {
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) ||
           qobject_cast<const QLineEdit*>(w) || qobject_cast<const QCustomPlot*>(w) ||
           qobject_cast<const GraphView*>(w) || qobject_cast<const NetworkDiagram*>(w);
}

// Parts of a composite control (a spin box's line edit, a combo box's editor) speak through
// their owner.
bool isInnerPart(const QWidget* w) {
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p)) return true;
    return false;
}

QString describe(const QWidget* w) {
    QStringList chain;
    for (const QWidget* p = w; p; p = p->parentWidget())
        chain.prepend(QString("%1(%2)").arg(p->metaObject()->className(), p->objectName()));
    return chain.join(" > ");
}

// The name assistive technology gets: the accessible name, or what Qt derives from a button's
// text or a label's buddy.
QString spokenName(QWidget* w) {
    if (!w->accessibleName().trimmed().isEmpty()) return w->accessibleName();
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).remove('&').trimmed() : QString();
}

void expectReadingOrder(MainWindow& w, const QList<QWidget*>& panels);

QList<QWidget*> focusChain(QWidget* panel) {
    QList<QWidget*> chain;
    QWidget* w = panel;
    for (int guard = 0; guard < 2000; ++guard) {
        w = w->nextInFocusChain();
        if (w == panel) break;
        if (panel->isAncestorOf(w) && w->isVisibleTo(panel) && w->focusPolicy() & Qt::TabFocus &&
            w->isEnabled() && !isInnerPart(w))
            chain << w;
    }
    return chain;
}
} // namespace

TEST(Accessibility, EveryFocusableControlHasAName) {
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    QStringList nameless;
    int checked = 0;
    for (QWidget* c : w.findChildren<QWidget*>()) {
        if (!isControl(c) || c->focusPolicy() == Qt::NoFocus || isInnerPart(c)) continue;
        ++checked;
        if (spokenName(c).isEmpty()) nameless << describe(c);
    }
    EXPECT_GT(checked, 10);
    EXPECT_TRUE(nameless.isEmpty())
        << "no accessible name:\n  " << nameless.join("\n  ").toStdString();
}

TEST(Accessibility, PreferencesControlsHaveNames) {
    PreferencesDialog dialog(Preferences{});
    int checked = 0;
    for (QWidget* c : dialog.findChildren<QWidget*>()) {
        if (!isControl(c) || c->focusPolicy() == Qt::NoFocus || isInnerPart(c)) continue;
        ++checked;
        EXPECT_FALSE(spokenName(c).isEmpty()) << describe(c).toStdString();
    }
    EXPECT_GE(checked, 5);
}

TEST(Accessibility, PlotsDescribeWhatTheyShow) {
    // A picture needs words: a name, and a description of what is drawn.
    MainWindow w;
    QList<QWidget*> plots{w.diagram()};
    for (QCustomPlot* p : w.findChildren<QCustomPlot*>())
        plots << p;
    EXPECT_GE(plots.size(), 3); // the graph, the loss curve and the diagram at least
    for (QWidget* plot : plots) {
        EXPECT_FALSE(plot->accessibleName().isEmpty()) << describe(plot).toStdString();
        EXPECT_FALSE(plot->accessibleDescription().isEmpty()) << describe(plot).toStdString();
    }
}

TEST(Accessibility, TabFollowsReadingOrderInEachPanel) {
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    expectReadingOrder(w, {w.parameters(), w.trainingPanel()});
}

// The lesson's task rows are built after the "Free mode" box; LessonPanel sets the tab order,
// so Tab still reaches the Hint buttons before the box below them.
TEST(Accessibility, TabFollowsReadingOrderInTheLesson) {
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QApplication::processEvents();
    ASSERT_NE(w.lesson(), nullptr);
    expectReadingOrder(w, {w.lesson()});
}

namespace {
void expectReadingOrder(MainWindow& w, const QList<QWidget*>& panels) {
    for (QWidget* panel : panels) {
        if (QTabWidget* tabs = w.sideTabs(); tabs->indexOf(panel) >= 0)
            tabs->setCurrentWidget(panel);
        QApplication::processEvents();
        const QList<QWidget*> chain = focusChain(panel);
        for (int i = 1; i < chain.size(); ++i) {
            const QRect a(chain[i - 1]->mapTo(&w, QPoint()), chain[i - 1]->size());
            const QRect b(chain[i]->mapTo(&w, QPoint()), chain[i]->size());
            // Going back up is wrong unless it starts a new column to the right.
            const bool backUp = b.bottom() < a.top();
            const bool newColumn = b.left() > a.right();
            EXPECT_FALSE(backUp && !newColumn)
                << "Tab goes up from " << describe(chain[i - 1]).toStdString() << " to "
                << describe(chain[i]).toStdString();
        }
    }
}
} // namespace

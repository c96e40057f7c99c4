// LessonPanel, continued: its menu and keys, presentation mode, the text toggle and the
// progress remembered between runs.
#include "ui/base/Palette.h"
#include "ui/document/Document.h"
#include "ui/lesson/LessonHost.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/lesson/LessonText.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {

QStringList toStringList(const std::set<std::string>& ids) {
    QStringList list;
    for (const std::string& id : ids)
        list << QString::fromStdString(id);
    return list;
}

} // namespace

// ---- menu and keys ------------------------------------------------------------------------------

void LessonPanel::buildMenu() {
    QMenu* menu = host_->addMenu(tr("&Lesson"));
    auto add = [&](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        QAction* a = menu->addAction(text);
        a->setShortcuts(keys);
        connect(a, &QAction::triggered, this, slot);
        actions_ << a;
        return a;
    };
    add(tr("&Next step"), {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Right)},
        [this] { nextStep(); });
    add(tr("&Previous step"), {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Left)},
        [this] { previousStep(); });
    add(tr("Next &chapter"), {QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
        [this] { nextChapter(); });
    add(tr("Previous c&hapter"), {QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
        [this] { previousChapter(); });
    QMenu* go = menu->addMenu(tr("&Go to chapter"));
    for (int i = 0; i < lessonChapterCount(); ++i) {
        QAction* a = go->addAction(tr("%1 · %2").arg(i + 1).arg(lessontext::chapterTitle(i)));
        // Alt+1 … Alt+9, Alt+0 for chapter 10, then Alt+Shift+1 for chapter 11 and on.
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        else if (i == 9)
            a->setShortcut(QKeySequence(Qt::ALT | Qt::Key_0));
        else if (i < 19)
            a->setShortcut(
                QKeySequence(Qt::ALT | Qt::SHIFT | static_cast<Qt::Key>(Qt::Key_1 + i - 10)));
        connect(a, &QAction::triggered, this, [this, i] { goToChapter(i); });
        actions_ << a;
    }
    add(tr("&Start the chapter again"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Home)},
        [this] { restartChapter(); });
    menu->addSeparator();
    add(tr("Show a &hint"), {QKeySequence(Qt::Key_H)}, [this] { showHint(); });
    add(tr("&Reveal / show me"), {QKeySequence(Qt::Key_R)}, [this] { reveal(); });
    add(tr("S&ketch a guess"), {QKeySequence(Qt::Key_G)}, [this] { startGuess(); });
    add(tr("&Try the guess again"), {QKeySequence(Qt::SHIFT | Qt::Key_R)}, [this] { tryAgain(); });
    add(tr("&Add a neuron where it helps"), {QKeySequence(Qt::Key_N)}, [this] { addNeuron(); });
    menu->addSeparator();
    QAction* freeAct = add(tr("&Free mode"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
                           [this](bool on) { setFreeMode(on); });
    freeAct->setCheckable(true);
    connect(free_, &QCheckBox::toggled, freeAct, &QAction::setChecked);
    textAction_ = add(tr("Show the lesson &text"), {QKeySequence(Qt::Key_T)},
                      [this](bool on) { setTextVisible(on); });
    textAction_->setCheckable(true);
    textAction_->setChecked(true);
    menu_ = menu;
}

void LessonPanel::addPanelAction(QAction* toggle) {
    toggle->setText(tr("Show the lesson &panel"));
    toggle->setShortcut(QKeySequence(Qt::Key_F9));
    menu_->addAction(toggle);
    actions_ << toggle;
}

// Whether the focused widget uses this key itself (then the lesson leaves it alone). In
// presentation mode Page Up / Page Down always belong to the lesson: that is what a presenter's
// remote sends.
bool LessonPanel::keyBelongsToFocus(int key) const {
    QWidget* f = QApplication::focusWidget();
    if (!f || f->window() != host_->window()) return false;
    const bool page = key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    if (page && presentation_) return false;
    if (qobject_cast<QAbstractSlider*>(f) || qobject_cast<QAbstractSpinBox*>(f) ||
        qobject_cast<QLineEdit*>(f) || qobject_cast<QComboBox*>(f) ||
        qobject_cast<QAbstractItemView*>(f))
        return true;
    if (auto* t = qobject_cast<QTextEdit*>(f)) return page || !t->isReadOnly();
    if (auto* t = qobject_cast<QPlainTextEdit*>(f)) return page || !t->isReadOnly();
    if (qobject_cast<QTabBar*>(f)) return !page;
    // A widget of ours that walks with the arrows (the diagram) says so with this property.
    if (f->property("stepwiseArrowKeys").toBool()) return !page;
    return false;
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        auto* k = static_cast<QKeyEvent*>(event);
        const int key = k->key();
        const bool lessonKey = key == Qt::Key_PageUp || key == Qt::Key_PageDown ||
                               key == Qt::Key_Left || key == Qt::Key_Right;
        auto* w = qobject_cast<QWidget*>(watched);
        if (lessonKey && (k->modifiers() & ~Qt::KeypadModifier) == 0 && w &&
            w->window() == host_->window() && keyBelongsToFocus(key)) {
            k->accept(); // the focused widget gets the key, not the lesson's shortcut
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---- presentation, text, progress ---------------------------------------------------------------

void LessonPanel::setPresentationMode(bool on) {
    presentation_ = on;
    applyFonts();
    host_->setLessonWidth(on ? 600 : 380);
}

void LessonPanel::applyFonts() {
    QFont f = QApplication::font();
    if (presentation_) f.setPointSizeF(f.pointSizeF() * kPresentationFontScale);
    setFont(f);
    text_->document()->setDefaultFont(f);
    QFont big = f;
    big.setPointSizeF(f.pointSizeF() * 1.1);
    for (TaskRow& r : rows_) {
        QFont t = big;
        t.setBold(r.text->font().bold());
        r.text->setFont(t);
        r.mark->setFont(big);
        r.hint->setFont(f);
        r.hintButton->setFont(f);
    }
}

void LessonPanel::setTextVisible(bool on) {
    text_->setVisible(on);
    if (textAction_ && textAction_->isChecked() != on) textAction_->setChecked(on);
    QSettings().setValue("lesson/textVisible", on);
}

bool LessonPanel::textVisible() const {
    return text_->isVisibleTo(this);
}

void LessonPanel::restoreProgress() {
    QSettings settings;
    LessonState l;
    l.chapter =
        std::clamp(settings.value("lesson/chapter", 0).toInt(), 0, lessonChapterCount() - 1);
    for (const QString& id : settings.value("lesson/tasksDone").toStringList())
        if (findLessonTask(id.toStdString())) l.tasksDone.insert(id.toStdString());
    l.freeMode = settings.value("lesson/freeMode", false).toBool();
    setTextVisible(settings.value("lesson/textVisible", true).toBool());
    Scenario s = host_->document()->scenario();
    setUpChapter(s, l.chapter);
    s.lesson = l;
    host_->document()->replaceScenario(s); // opening is not an undo step
    if (const int pace = lessonChapters()[l.chapter].stepsPerFrame; pace > 0)
        host_->setTrainingSpeed(pace);
}

void LessonPanel::saveProgress() const {
    const LessonState& l = host_->document()->scenario().lesson;
    QSettings settings;
    settings.setValue("lesson/chapter", l.chapter);
    settings.setValue("lesson/tasksDone", toStringList(l.tasksDone));
    settings.setValue("lesson/freeMode", l.freeMode);
}

} // namespace stepwise::ui

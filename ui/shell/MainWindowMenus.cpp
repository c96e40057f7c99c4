// MainWindow's menus and toolbar, and the backprop walkthrough's wiring: what each action does
// and when it is on (the constructor and the rest are in MainWindow.cpp).
#include "ui/shell/MainWindow.h"

#include "core/scenario/Presets.h"
#include "ui/base/AppPaths.h"
#include "ui/base/FocusRing.h"
#include "ui/base/Format.h"
#include "ui/base/Palette.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/document/Document.h"
#include "ui/files/FileController.h"
#include "ui/files/PointsExport.h"
#include "ui/files/PointsImporter.h"
#include "ui/graph/GraphView.h"
#include "ui/graph/modes/PickMode.h"
#include "ui/landscape/LandscapeView.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"
#include "ui/shell/Exporter.h"
#include "ui/shell/Handout.h"
#include "ui/shell/HelpMenu.h"
#include "ui/shell/LayeredWalkView.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/shell/PaletteFollower.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/RestoreSessionsDialog.h"
#include "ui/shell/WindowLessonHost.h"
#include "ui/training/GhostList.h"
#include "ui/training/LossPlot.h"
#include "ui/training/RaceDialog.h"
#include "ui/training/RunGhosts.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"
#include "ui/walkthrough/WalkthroughController.h"
#include "ui/walkthrough/WalkthroughPanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace stepwise::ui {

namespace {
QString targetLabel(TargetPreset p) {
    switch (p) {
    case TargetPreset::Sine:
        return QObject::tr("Sine wave");
    case TargetPreset::Step:
        return QObject::tr("Step");
    case TargetPreset::Bump:
        return QObject::tr("Bump");
    case TargetPreset::Abs:
        return QObject::tr("|x|");
    case TargetPreset::Sawtooth:
        return QObject::tr("Sawtooth");
    case TargetPreset::Gaussian:
        return QObject::tr("Gaussian");
    case TargetPreset::Square:
        return QObject::tr("x²");
    case TargetPreset::Noisy:
        return QObject::tr("Noisy sine");
    }
    return {};
}
} // namespace

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, files_, &FileController::newScenario);
    file->addAction(tr("&Open…"), QKeySequence::Open, files_, &FileController::openDialog);
    QMenu* recent = file->addMenu(tr("Open &recent"));
    connect(recent, &QMenu::aboutToShow, this,
            [this, recent] { files_->populateRecentMenu(recent); });
    QMenu* examples = file->addMenu(tr("E&xamples"));
    files_->populateExamplesMenu(examples);
    file->addAction(tr("&Save"), QKeySequence::Save, files_, &FileController::save);
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, files_, &FileController::saveAsDialog);
    file->addSeparator();
    file->addAction(tr("&Import points…"), importer_, &PointsImporter::importDialog);
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export"));
    QAction* exportAct = exports->addAction(tr("&Graph…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export graph"), "stepwise-graph.png",
            tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        if (!path.isEmpty() && !exportGraph(path))
            notify(QMessageBox::Warning, tr("Export failed"),
                   tr("Could not write %1. Check the folder exists and is writable, "
                      "and that the name ends in .png, .svg or .pdf.")
                       .arg(path));
    });
    exportAct->setShortcut(QKeySequence(tr("Ctrl+E")));
    exports->addAction(tr("Training as &GIF…"), this, [this] {
        bool ok = false;
        const int steps = QInputDialog::getInt(this, tr("Export training as GIF"),
                                               tr("Train how many steps for the animation?"), 2000,
                                               1, 10'000'000, 100, &ok);
        if (!ok) return;
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export training as GIF"),
                                         "stepwise-training.gif", tr("Animated GIF (*.gif)"));
        if (!path.isEmpty()) exportTrainingGif(path, steps);
    });
    exports->addAction(tr("&Points and predictions (CSV)…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export points and predictions"),
                                         "stepwise-points.csv", tr("CSV table (*.csv)"));
        if (!path.isEmpty()) exportPoints(path);
    });
    exports->addAction(tr("&Handout of the lesson (PDF)…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export handout"),
                                                          "stepwise-lesson.pdf", tr("PDF (*.pdf)"));
        if (!path.isEmpty()) exportHandout(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    connect(
        files_, &FileController::errorOccurred, this,
        [this](const QString& title, const QString& m) { notify(QMessageBox::Warning, title, m); });
    connect(files_, &FileController::info, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(files_, &FileController::pathChanged, this, &MainWindow::updateTitle);
    connect(importer_, &PointsImporter::errorOccurred, this,
            [this](const QString& title, const QString& m) {
                statusBar()->showMessage(m, 15000);
                notify(QMessageBox::Warning, title, m);
            });
    connect(importer_, &PointsImporter::info, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    // A left session chosen beyond the first opens in a window of its own.
    connect(files_, &FileController::restoreElsewhere, this, [](const Scenario& s) {
        auto* other = new MainWindow;
        other->setAttribute(Qt::WA_DeleteOnClose);
        other->document()->replaceScenario(s);
        other->files()->autosaveNow();
        other->show();
    });
    // A logout: the session manager asks each window to save; it is saved as closed.
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this] { files_->shutdown(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Paste p&oints"), QKeySequence(tr("Ctrl+Shift+V")), importer_,
                    &PointsImporter::pasteFromClipboard);
    edit->addSeparator();
    edit->addAction(tr("Reset the &network"), this, [this] {
        doc_->setNetwork(networkPreset(NetworkPreset::Added), tr("Reset the network"));
    });
    edit->addSeparator();
    edit->addAction(tr("&Preferences…"), QKeySequence(tr("Ctrl+,")), this, [this] {
        if (const auto p = PreferencesDialog::edit(this)) applyPreferences(*p, true);
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fit view"), QKeySequence(tr("Ctrl+0")), graph_, &GraphView::fitView);
    QAction* present = view->addAction(tr("&Presentation mode"));
    present->setCheckable(true);
    present->setShortcut(QKeySequence(Qt::Key_F11));
    connect(present, &QAction::toggled, this, &MainWindow::setPresentationMode);

    QMenu* net = menuBar()->addMenu(tr("&Network"));
    for (int i = 0; i < kNetworkPresetCount; ++i) {
        const auto p = static_cast<NetworkPreset>(i);
        QAction* a = net->addAction(params_->presetBox()->itemText(i + 1), this, [this, p] {
            doc_->setNetwork(networkPreset(p), tr("Example"));
        });
        lessonOnly_ << a;
        if (i < 9) a->setShortcut(QKeySequence(QString("Ctrl+%1").arg(i + 1)));
    }
    net->addSeparator();
    lessonOnly_ << net->addAction(tr("&Add a neuron"), QKeySequence(tr("Ctrl+=")), this,
                                  [this] { doc_->setHiddenCount(doc_->network().hidden() + 1); });
    lessonOnly_ << net->addAction(tr("&Remove a neuron"), QKeySequence(tr("Ctrl+-")), this,
                                  [this] { doc_->setHiddenCount(doc_->network().hidden() - 1); });
    lessonOnly_ << net->addAction(tr("&Fit the output layer exactly"), QKeySequence(tr("Ctrl+L")),
                                  doc_, &Document::fitOutputLayer);
    buildLayeredMenu(net);

    QMenu* target = menuBar()->addMenu(tr("&Target"));
    modes_ = new QActionGroup(this);
    auto addMode = [&](const QString& text, GraphView::Mode m, const QString& key) {
        QAction* a = target->addAction(text);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(key));
        a->setChecked(m == GraphView::Mode::Inspect);
        modes_->addAction(a);
        connect(a, &QAction::triggered, this, [this, m] { graph_->setMode(m); });
        return a;
    };
    QAction* inspectMode = addMode(tr("&Inspect (hover and click)"), GraphView::Mode::Inspect, "I");
    QAction* drawMode = addMode(tr("&Draw the target"), GraphView::Mode::Draw, "D");
    QAction* eraseMode = addMode(tr("&Erase the target"), GraphView::Mode::Erase, "X");
    QAction* pointsMode = addMode(tr("Edit &points (click adds, drag moves, right-click removes)"),
                                  GraphView::Mode::Points, "P");
    pointsMode->setIconText(tr("Edit points"));
    target->addSeparator();
    for (int i = 0; i < kTargetPresetCount; ++i) {
        const auto p = static_cast<TargetPreset>(i);
        target->addAction(targetLabel(p), this, [this, p] {
            TargetCurve t;
            t.preset = p;
            doc_->setTarget(t, tr("Target: %1").arg(targetLabel(p)));
        });
    }
    buildSurfaceTargetMenu(target);
    target->addSeparator();
    target->addAction(tr("Use the current &output as the target"), this, [this] {
        doc_->setTarget(targetFromSamples(doc_->x(), doc_->evaluation().output),
                        tr("Target from the output"));
    });
    QAction* smooth = target->addAction(tr("&Smooth strokes lightly"));
    smooth->setCheckable(true);
    connect(smooth, &QAction::toggled, this, [this](bool on) {
        TargetCurve t = doc_->scenario().target;
        t.smoothing = on ? 4 : 0;
        doc_->setTarget(t, tr("Smoothing"));
    });
    target->addAction(tr("&Clear the target"), doc_, &Document::clearTarget);
    target->addSeparator();
    QAction* follow = target->addAction(tr("Domain &follows imported points"));
    follow->setCheckable(true);
    follow->setChecked(importer_->domainFollows());
    connect(follow, &QAction::toggled, importer_, &PointsImporter::setDomainFollows);

    QMenu* train = menuBar()->addMenu(tr("T&raining"));
    QAction* playAct = train->addAction(tr("&Play / pause"), this, [this] {
        if (doc_->isLayered())
            layered_->trainer()->toggle();
        else
            trainer_->toggle();
    });
    playAct->setShortcuts({QKeySequence(tr("Ctrl+Space")), QKeySequence(Qt::Key_F5)});
    train->addAction(tr("One &step"), QKeySequence(tr("Ctrl+T")), this, [this] {
        if (doc_->isLayered())
            layered_->trainer()->stepOnce();
        else
            trainer_->stepOnce();
    });
    lessonOnly_ << train->addAction(tr("One &gradient step by hand"), QKeySequence(tr("Ctrl+G")),
                                    trainer_, &TrainingController::gradientStepByHand);
    lessonOnly_ << train->addAction(tr("&Reset to the starting weights"),
                                    QKeySequence(tr("Ctrl+R")), trainer_,
                                    &TrainingController::reset);
    train->addAction(tr("&New seed"), QKeySequence(tr("Ctrl+Shift+R")), this, [this] {
        if (doc_->isLayered())
            layered_->trainer()->newSeed();
        else
            trainer_->newSeed();
    });
    QAction* race = train->addAction(tr("R&ace…"), this, [this] {
        trainer_->pause(); // the race starts from the weights on screen, which then stay put
        RaceDialog dialog(doc_, presentation_ ? Palette::projector() : basePalette_, this);
        dialog.exec();
    });
    race->setObjectName("raceAction");
    lessonOnly_ << race;

    QToolBar* tools = addToolBar(tr("Tools"));
    tools->setObjectName("toolbar");
    tools->addAction(inspectMode);
    tools->addAction(drawMode);
    tools->addAction(eraseMode);
    tools->addAction(pointsMode);
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);
    tools->addSeparator();
    tools->addAction(playAct);
    connect(trainer_, &TrainingController::runningChanged, playAct,
            [playAct](bool running) { playAct->setText(running ? tr("&Pause") : tr("&Play")); });
    connect(layered_->trainer(), &LayeredTrainingController::runningChanged, playAct,
            [playAct](bool running) { playAct->setText(running ? tr("&Pause") : tr("&Play")); });
    lessonOnly_ << inspectMode << drawMode << eraseMode << pointsMode;
    connect(graph_, &GraphView::modeChanged, this,
            [inspectMode, drawMode, eraseMode, pointsMode](GraphView::Mode m) {
                inspectMode->setChecked(m == GraphView::Mode::Inspect);
                drawMode->setChecked(m == GraphView::Mode::Draw);
                eraseMode->setChecked(m == GraphView::Mode::Erase);
                pointsMode->setChecked(m == GraphView::Mode::Points);
            });
    buildWalkthrough(train, tools);
}

void MainWindow::buildWalkthrough(QMenu* menu, QToolBar* tools) {
    menu->addSeparator();
    walkAction_ = menu->addAction(tr("&Walk through backpropagation"));
    walkAction_->setObjectName("walkthroughAction");
    walkAction_->setCheckable(true);
    walkAction_->setShortcut(QKeySequence(tr("Ctrl+B")));
    walkAction_->setToolTip(tr("Walk one sample forward and backward through the network, then "
                               "take one gradient step (Ctrl+B)"));
    tools->addSeparator();
    tools->addAction(walkAction_);
    connect(walkAction_, &QAction::triggered, walk_, [this](bool on) {
        if (on)
            walk_->start();
        else
            walk_->stop();
    });
    connect(walk_, &WalkthroughController::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(walk_, &WalkthroughController::activeChanged, this, [this](bool on) {
        walkAction_->setChecked(on);
        walkPanel_->setVisible(on);
        if (on && walk_->layered()) {
            layered_->trainer()->pause();
            walkPanel_->setFocus(Qt::OtherFocusReason);
        } else if (on) {
            trainer_->pause();
            diagram_->setBreakdown(std::nullopt);
            // A click on the graph picks the sample to walk.
            modeBeforeWalk_ = static_cast<int>(graph_->mode());
            auto pick = std::make_unique<PickMode>();
            connect(pick.get(), &PickMode::samplePicked, walk_, &WalkthroughController::setSample);
            graph_->setInteraction(std::move(pick));
            walkPanel_->setFocus(Qt::OtherFocusReason);
        } else if (graph_->mode() == GraphView::Mode::Other) { // the walk's picker: put back
            const auto before = static_cast<GraphView::Mode>(modeBeforeWalk_);
            graph_->setMode(before == GraphView::Mode::Other ? GraphView::Mode::Inspect : before);
        }
        showWalk();
    });
    connect(walk_, &WalkthroughController::changed, this, &MainWindow::showWalk);
    connectLayeredWalkPicking(walk_, layered_);
}

// Hands what the walk shows to the graph (the sample, the curve after the step) and the diagram
// (the numbers where they live).
void MainWindow::showWalk() {
    showLayeredWalk(walk_, layered_, presentation_ ? Palette::projector() : basePalette_);
    if (!walk_->active() || walk_->layered()) {
        graph_->setSampleMarker(std::nullopt);
        graph_->setDashedCurve({}, {}, {});
        diagram_->clearAnnotations();
        return;
    }
    if (const auto m = walk_->marker())
        graph_->setSampleMarker(GraphView::SampleMarker{m->x, m->y, m->t});
    else
        graph_->setSampleMarker(std::nullopt);
    if (const auto c = walk_->afterCurve())
        graph_->setDashedCurve(c->x, c->y, tr("after the step"));
    else
        graph_->setDashedCurve({}, {}, {});
    // The two rooms name the same places in the same order.
    static_assert(static_cast<int>(WalkthroughController::Place::Input) ==
                      static_cast<int>(NetworkDiagram::Place::Input) &&
                  static_cast<int>(WalkthroughController::Place::Neuron) ==
                      static_cast<int>(NetworkDiagram::Place::Neuron) &&
                  static_cast<int>(WalkthroughController::Place::Output) ==
                      static_cast<int>(NetworkDiagram::Place::Output) &&
                  static_cast<int>(WalkthroughController::Place::InEdge) ==
                      static_cast<int>(NetworkDiagram::Place::InEdge) &&
                  static_cast<int>(WalkthroughController::Place::OutEdge) ==
                      static_cast<int>(NetworkDiagram::Place::OutEdge));
    const auto spot = [](WalkthroughController::Spot s) {
        return NetworkDiagram::Spot{static_cast<NetworkDiagram::Place>(s.place), s.neuron};
    };
    std::vector<NetworkDiagram::Annotation> notes;
    for (const WalkthroughController::Annotation& a : walk_->annotations())
        notes.push_back({spot(a.spot), a.text, a.current, a.stopped});
    const auto h = walk_->highlight();
    diagram_->setAnnotations(std::move(notes),
                             h ? std::optional<NetworkDiagram::Spot>(spot(*h)) : std::nullopt);
}

} // namespace stepwise::ui

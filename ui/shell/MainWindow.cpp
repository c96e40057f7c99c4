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

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("mainWindow");
    doc_ = new Document(this);
    trainer_ = new TrainingController(doc_, this);
    files_ = new FileController(doc_, this);
    importer_ = new PointsImporter(doc_, this);
    setAcceptDrops(true);
    graph_ = new GraphView(doc_, this);
    diagram_ = new NetworkDiagram(doc_, this);
    params_ = new ParameterPanel(doc_, this);
    trainingPanel_ = new TrainingPanel(doc_, trainer_, this);

    leftSplit_ = new QSplitter(Qt::Vertical, this);
    leftSplit_->setObjectName("leftSplit");
    leftSplit_->addWidget(graph_);
    leftSplit_->addWidget(diagram_);
    leftSplit_->setStretchFactor(0, 3);
    leftSplit_->setStretchFactor(1, 2);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("sideTabs");
    tabs_->addTab(params_, tr("&Weights"));
    tabs_->addTab(trainingPanel_, tr("T&raining"));
    auto* landscape = new LandscapeView(doc_, this);
    landscape->setTrail(
        [this]() -> const std::vector<Eigen::VectorXd>& { return trainer_->trail(); });
    connect(trainer_, &TrainingController::progressed, landscape,
            &LandscapeView::onTrainingProgressed);
    tabs_->addTab(landscape, tr("Lan&dscape"));
    mainSplit_ = new QSplitter(Qt::Horizontal, this);
    mainSplit_->setObjectName("mainSplit");
    mainSplit_->addWidget(leftSplit_);
    mainSplit_->addWidget(tabs_);
    mainSplit_->setStretchFactor(0, 3);
    mainSplit_->setStretchFactor(1, 1);
    // The backprop walkthrough's strip sits under the graph, the diagram and the side panels,
    // shown only while a walk runs.
    walk_ = new WalkthroughController(doc_, this, this);
    walkPanel_ = new WalkthroughPanel(walk_, doc_, this);
    walkPanel_->hide();
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    // A layered network (more hidden layers, two inputs) has its own workspace in place of the
    // lesson's graph, diagram and panels.
    layered_ = new LayeredWorkspace(doc_, this);
    pages_ = new QStackedWidget(this);
    pages_->setObjectName("pages");
    pages_->addWidget(mainSplit_);
    pages_->addWidget(layered_);
    centreLayout->addWidget(pages_, 1);
    centreLayout->addWidget(walkPanel_);
    setCentralWidget(centre);
    statusLoss_ = new QLabel(this);
    // A fixed width and its own background: a changing loss must not relayout the status bar,
    // nor repaint what lies behind the label, on every frame.
    statusLoss_->setAutoFillBackground(true); // its width: applyPalette, for the font shown
    statusLoss_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(statusLoss_);

    connect(graph_, &GraphView::strokeFinished, this, [this](const Stroke& s, bool guess) {
        if (!guess) doc_->addStroke(s);
    });
    connect(graph_, &GraphView::inspectRequested, this, &MainWindow::inspectAt);
    connect(doc_, &Document::refreshed, this, [this] {
        if (doc_->isLayered())
            statusLoss_->setText(doc_->hasLayeredTarget()
                                     ? tr("loss %1").arg(formatLoss(doc_->layeredLoss()))
                                     : tr("no target"));
        else
            statusLoss_->setText(doc_->hasTarget() ? tr("loss %1").arg(formatLoss(doc_->loss()))
                                                   : tr("no target"));
        if (diagram_->breakdown()) inspectAt(diagram_->breakdown()->x);
    });
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(trainer_, &TrainingController::diverged, this, [this](const QString& m) {
        statusBar()->showMessage(m, 15000);
        tabs_->setCurrentWidget(trainingPanel_);
    });
    connect(trainer_, &TrainingController::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    // Earlier runs' ghosts: their output curves on the graph (their loss curves and their list
    // are the Training tab's).
    connect(trainer_->ghosts(), &RunGhosts::changed, this, [this] {
        std::vector<GhostCurve> curves;
        for (const RunGhost& g : trainer_->ghosts()->ghosts())
            curves.push_back({g.x, g.y, g.label, g.colour});
        graph_->setGhosts(curves);
    });

    buildMenus();
    connect(doc_, &Document::structureChanged, this, &MainWindow::updatePage);
    connect(doc_, &Document::scenarioReplaced, this, &MainWindow::updatePage);
    auto* host = new WindowLessonHost(
        {this, doc_, graph_, diagram_, params_, tabs_, trainingPanel_, trainer_});
    lesson_ = host->createLesson(); // docked on the left, with its Lesson menu
    // The backpropagation chapter starts the walkthrough and learns from what it shows.
    connect(host, &WindowLessonHost::walkthroughRequested, walk_, &WalkthroughController::start);
    connect(walk_, &WalkthroughController::changed, lesson_, [this] {
        if (!walk_->active()) return;
        if (walk_->sampleX() != lessonWalkX_) {
            lessonWalkX_ = walk_->sampleX();
            lesson_->onWalkSample();
        }
        lesson_->onWalkStep(walk_->walk().steps, walk_->stepIndex());
    });
    lesson_->restoreProgress();
    addHelpMenu(this); // last in the menu bar: user guide, About
    setWindowIcon(QIcon(appIconPath()));
    paletteFollower_ = new PaletteFollower(this, [this](const Palette& p) { setBasePalette(p); });
    applyPreferences(Preferences::load()); // palette, line width, autosave
    restoreLayout();
    updatePage();
    updateTitle();
    focusRing_ = new FocusRing(this); // where the keyboard is, in every palette
}

MainWindow::~MainWindow() {
    // The children are deleted after this body, by ~QWidget, when this is no longer a
    // MainWindow: a signal they send on their way out (QUndoStack::cleanChanged, for one) must
    // not reach a slot of this window (UBSan's vptr check caught exactly that).
    for (QObject* child : findChildren<QObject*>())
        QObject::disconnect(child, nullptr, this, nullptr);
    QObject::disconnect(doc_->undoStack(), nullptr, this, nullptr); // a member, not a child
    QObject::disconnect(qApp, nullptr, this, nullptr);
}

void MainWindow::applyPreferences(const Preferences& prefs, bool applySamples) {
    paletteFollower_->apply(prefs);
    files_->setAutosaveEnabled(prefs.autosave);
    if (applySamples && doc_->scenario().domain.samples != prefs.samples) {
        Domain d = doc_->scenario().domain;
        d.samples = prefs.samples;
        doc_->setDomain(d);
    }
}

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
    lessonOnly_ << exports->addAction(tr("Training as &GIF…"), this, [this] {
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
        if (on) {
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
}

// Hands what the walk shows to the graph (the sample, the curve after the step) and the diagram
// (the numbers where they live).
void MainWindow::showWalk() {
    if (!walk_->active()) {
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

void MainWindow::inspectAt(double x) {
    if (!doc_->hasTarget()) {
        diagram_->setBreakdown(std::nullopt);
        statusBar()->showMessage(tr("Pick or draw a target to see how backprop treats a sample."),
                                 4000);
        return;
    }
    if (doc_->targetSamples().size() != doc_->x().size()) {
        // Measured points: the training point nearest to x.
        const Eigen::ArrayXd& px = doc_->sampleX();
        Eigen::Index i = 0;
        (px - x).abs().minCoeff(&i);
        diagram_->setBreakdown(backpropAt(doc_->network(), px[i], doc_->sampleT()[i],
                                          static_cast<int>(px.size()), BackpropOptions{}));
        return;
    }
    const Domain& d = doc_->scenario().domain;
    const Eigen::ArrayXd& xs = doc_->x();
    const int i = nearestSample(x, d.lo, d.hi, static_cast<int>(xs.size()));
    // The exact gradient: with steps it shows the hidden layer receiving nothing.
    diagram_->setBreakdown(backpropAt(doc_->network(), xs[i], doc_->targetSamples()[i],
                                      static_cast<int>(xs.size()), BackpropOptions{}));
}

bool MainWindow::exportPoints(const QString& path) {
    QString error;
    if (!exportPointsCsv(*doc_, path, &error)) {
        notify(QMessageBox::Warning, tr("Export failed"), tr("%1: %2").arg(path, error));
        return false;
    }
    statusBar()->showMessage(tr("Saved the points and predictions to %1").arg(path), 8000);
    return true;
}

bool MainWindow::exportGraph(const QString& path) {
    // A layered network: the workspace's graph, or its surface for two inputs.
    if (doc_->isLayered()) return layered_->exportPicture(path, 1600, 1000);
    // Through the exporter, so the file is written under a temporary name and renamed in place.
    ExportOptions o;
    o.width = 1600;
    o.height = 1000;
    o.projector = presentation_;
    return exportScenario(doc_->scenario(), path, 0, o, {}, nullptr, nullptr) ==
           ExportResult::Written;
}

void MainWindow::applyPalette() {
    Palette p = presentation_ ? Palette::projector() : basePalette_;
    graph_->setPalette(p);
    diagram_->setPalette(p);
    layered_->setPalette(p);
    trainingPanel_->lossPlot()->setPalette(p);
    trainingPanel_->ghostList()->setPalette(p);
    if (auto* landscape = findChild<LandscapeView*>()) landscape->setPalette(p);
    QFont f = QApplication::font();
    if (presentation_) f.setPointSizeF(f.pointSizeF() * kPresentationFontScale);
    for (QWidget* w : {static_cast<QWidget*>(params_), static_cast<QWidget*>(trainingPanel_)})
        w->setFont(f);
    // Everything else on the wall grows too: the menus (each a window of its own, so a font
    // set on the menu bar does not reach it), the toolbar and its icons, the tab titles and the
    // status line.
    QList<QWidget*> chrome{menuBar(), tabs_->tabBar(), statusBar(), statusLoss_};
    for (QToolBar* t : findChildren<QToolBar*>()) {
        chrome << t;
        const int icon = style()->pixelMetric(QStyle::PM_ToolBarIconSize, nullptr, t);
        t->setIconSize(QSize(icon, icon) * (presentation_ ? kPresentationFontScale : 1.0));
    }
    for (QMenu* m : findChildren<QMenu*>())
        chrome << m;
    for (QWidget* w : chrome)
        w->setFont(f);
    statusLoss_->setFixedWidth(
        QFontMetrics(f).horizontalAdvance(tr("loss %1").arg("8.888e-888") + "  "));
}

void MainWindow::setPresentationMode(bool on) {
    presentation_ = on;
    if (on)
        showFullScreen();
    else
        showNormal();
    applyPalette();
    lesson_->setPresentationMode(on);
    walkPanel_->setPresentationMode(on);
}

void MainWindow::restoreLayout() {
    QSettings s;
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) resize(1400, 900);
    restoreState(s.value("window/state").toByteArray());
    mainSplit_->restoreState(s.value("window/mainSplit").toByteArray());
    leftSplit_->restoreState(s.value("window/leftSplit").toByteArray());
    tabs_->setCurrentIndex(s.value("window/tab", 0).toInt());
}

void MainWindow::saveLayout() {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/mainSplit", mainSplit_->saveState());
    s.setValue("window/leftSplit", leftSplit_->saveState());
    s.setValue("window/tab", tabs_->currentIndex());
}

void MainWindow::notify(QMessageBox::Icon icon, const QString& title, const QString& text) {
    // Window-modal but not blocking: nothing waits on a nested event loop (and tests never hang).
    auto* box = new QMessageBox(icon, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName("notification");
    box->open();
}

void MainWindow::updateTitle() {
    const QString path = files_->currentPath();
    const QString name = path.isEmpty() ? tr("untitled") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1%2 — Stepwise").arg(name, doc_->undoStack()->isClean() ? "" : "*"));
}

void MainWindow::startSession(const QString& file) {
    files_->setSessionChooser([this](const std::vector<LeftSession>& left) {
        return RestoreSessionsDialog::choose(left, this);
    });
    const QString message = files_->restoreSession();
    if (!file.isEmpty()) {
        if (PointsImporter::isPointsFile(file)) // a table of points: imported into the session
            importer_->importFile(file);
        else
            files_->open(file);
    }
    files_->autosaveNow(); // the window's session exists (and is locked) from the start
    if (!message.isEmpty()) {
        statusBar()->showMessage(message, 15000);
        trainingPanel_->showMessage(message, false);
    }
    updateTitle();
}

void MainWindow::exportTrainingGif(const QString& path, long steps) {
    if (!doc_->hasTarget()) {
        notify(QMessageBox::Information, tr("Export training as GIF"),
               tr("The animation shows the network learning a target: draw one "
                  "or pick one from the Target menu first."));
        return;
    }
    trainer_->pause();
    QProgressDialog progress(tr("Rendering the animation…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    ExportOptions o;
    o.width = 960;
    o.height = 540;
    o.projector = presentation_;
    QString error;
    const ExportResult result = exportScenario(
        doc_->scenario(), path, steps, o,
        [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        },
        &error, nullptr);
    progress.reset();
    switch (result) {
    case ExportResult::Written:
        statusBar()->showMessage(tr("Saved the animation to %1").arg(path), 8000);
        break;
    case ExportResult::Cancelled: // the learner asked for it: nothing to report
        break;
    case ExportResult::Failed:
        notify(QMessageBox::Warning, tr("Export failed"), tr("%1: %2").arg(path, error));
        break;
    }
}

void MainWindow::exportHandout(const QString& path) {
    QProgressDialog progress(tr("Writing the handout…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    QString error;
    const ExportResult result = writeHandout(
        path, handoutPageFor(QLocale()),
        [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        },
        &error);
    progress.reset();
    if (result == ExportResult::Written)
        statusBar()->showMessage(tr("Saved the handout to %1").arg(path), 8000);
    else if (result == ExportResult::Failed)
        notify(QMessageBox::Warning, tr("Export failed"), tr("%1: %2").arg(path, error));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    const QList<QUrl> urls = e->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    const QString path = urls.first().toLocalFile();
    // A table of points is imported into the open scenario; anything else opens as a scenario.
    if (PointsImporter::isPointsFile(path))
        importer_->importFile(path);
    else
        files_->open(path);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    trainer_->pause();
    if (files_->autosaveFailing() && !closingForSignal_) {
        // The work since the last good autosave exists only in memory: ask before losing it.
        QMessageBox box(QMessageBox::Warning, tr("Your work could not be saved"),
                        tr("Stepwise could not save this window's work (%1). If you quit now, "
                           "the changes since then are lost.")
                            .arg(files_->autosaveError()),
                        QMessageBox::NoButton, this);
        QPushButton* saveAs = box.addButton(tr("&Save as…"), QMessageBox::AcceptRole);
        QPushButton* quit = box.addButton(tr("&Quit and lose them"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(saveAs);
        box.exec();
        if (box.clickedButton() == saveAs) {
            files_->saveAsDialog();
            e->ignore();
            return;
        }
        if (box.clickedButton() != quit) {
            e->ignore();
            return;
        }
    }
    saveLayout();
    files_->shutdown();
    e->accept();
}

void MainWindow::closeForQuitSignal() {
    closingForSignal_ = true;
    close();
}

} // namespace stepwise::ui

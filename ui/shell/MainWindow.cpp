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
#include "ui/shell/LayeredGif.h"
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
    if (doc_->isLayered() ? !doc_->hasLayeredTarget() : !doc_->hasTarget()) {
        notify(QMessageBox::Information, tr("Export training as GIF"),
               tr("The animation shows the network learning a target: draw one "
                  "or pick one from the Target menu first."));
        return;
    }
    trainer_->pause();
    layered_->trainer()->pause();
    QProgressDialog progress(tr("Rendering the animation…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    ExportOptions o;
    o.width = 960;
    o.height = 540;
    o.projector = presentation_;
    QString error;
    const auto onProgress = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    // A layered network: its own workspace's pictures (the graph over x, or the surface).
    const ExportResult result =
        doc_->isLayered()
            ? exportLayeredGif(doc_->scenario(), path, steps, o, onProgress, &error)
            : exportScenario(doc_->scenario(), path, steps, o, onProgress, &error, nullptr);
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

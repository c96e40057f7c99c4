// MainWindow: puts the views together — the graph, the network diagram, the parameter and
// training panels — with the menus, shortcuts, and the remembered layout.
#pragma once

#include "ui/base/Palette.h"
#include "ui/base/Preferences.h"

#include <QMainWindow>

#include <QMessageBox>
#include <limits>

class QSplitter;
class QTabWidget;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QToolBar;
class QStackedWidget;

namespace stepwise::ui {

class Document;
class GraphView;
class NetworkDiagram;
class ParameterPanel;
class TrainingPanel;
class TrainingController;
class FileController;
class PointsImporter;
class LessonPanel;
class PaletteFollower;
class WalkthroughController;
class WalkthroughPanel;
class FocusRing;
class LayeredWorkspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return doc_; }
    GraphView* graph() const { return graph_; }
    NetworkDiagram* diagram() const { return diagram_; }
    ParameterPanel* parameters() const { return params_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    TrainingController* trainer() const { return trainer_; }
    FileController* files() const { return files_; }
    PointsImporter* pointsImporter() const { return importer_; }
    // File ▸ Export ▸ Points and predictions: false (and a message) when it cannot be written.
    bool exportPoints(const QString& path);
    FocusRing* focusRing() const { return focusRing_; }

    // Restores the last session (or opens FILE when given) and reports what happened.
    void startSession(const QString& file);
    void exportHandout(const QString& path); // the lesson as a PDF, with progress
    void exportTrainingGif(const QString& path, long steps);
    QTabWidget* sideTabs() const { return tabs_; }
    LessonPanel* lesson() const { return lesson_; }
    WalkthroughController* walkthrough() const { return walk_; }
    WalkthroughPanel* walkthroughPanel() const { return walkPanel_; }
    QAction* walkthroughAction() const { return walkAction_; }
    LayeredWorkspace* layeredWorkspace() const { return layered_; }

    void setPresentationMode(bool on);
    void setBasePalette(const Palette& p) {
        basePalette_ = p;
        applyPalette();
    }
    // Applies `prefs`: the views' palette and line width, the widgets' palette for an explicit
    // light or dark choice (System follows the desktop from then on), and autosave. With
    // `applySamples`, the open scenario's number of samples too (it changes the scenario, so
    // it is not done at start-up).
    void applyPreferences(const Preferences& prefs, bool applySamples = false);
    bool presentationMode() const { return presentation_; }
    void inspectAt(double x);
    // Closes without asking anything (SIGTERM, SIGHUP: QuitSignals): the session is saved as
    // closed, whatever else happens.
    void closeForQuitSignal();
    bool exportGraph(const QString& path);

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void buildMenus();
    void applyPalette();
    void restoreLayout();
    void saveLayout();
    void updateTitle();
    void buildWalkthrough(QMenu* menu, QToolBar* tools);
    void buildLayeredMenu(QMenu* net);
    void buildSurfaceTargetMenu(QMenu* target); // Target ▸ Over the plane (two inputs)
    // Shows the lesson's views or the layered workspace, whichever the network needs; actions
    // that work on the lesson's network only are off for a layered one.
    void updatePage();
    void showWalk();
    void notify(QMessageBox::Icon icon, const QString& title, const QString& text);

    Document* doc_;
    TrainingController* trainer_;
    FileController* files_;
    PointsImporter* importer_;
    GraphView* graph_;
    NetworkDiagram* diagram_;
    ParameterPanel* params_;
    TrainingPanel* trainingPanel_;
    QTabWidget* tabs_;
    QSplitter* mainSplit_;
    QSplitter* leftSplit_;
    QActionGroup* modes_ = nullptr;
    QLabel* statusLoss_ = nullptr;
    LessonPanel* lesson_ = nullptr;
    double lessonWalkX_ = std::numeric_limits<double>::quiet_NaN(); // the sample the lesson saw
    WalkthroughController* walk_ = nullptr;
    WalkthroughPanel* walkPanel_ = nullptr;
    QAction* walkAction_ = nullptr;
    LayeredWorkspace* layered_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    QList<QAction*> lessonOnly_;
    QMenu* surfaceTargets_ = nullptr;
    int modeBeforeWalk_ = 0; // the graph's tool (GraphView::Mode) to go back to
    PaletteFollower* paletteFollower_ = nullptr;
    FocusRing* focusRing_ = nullptr;
    bool presentation_ = false;
    bool closingForSignal_ = false;
    Palette basePalette_ = Palette::light();
};

} // namespace stepwise::ui

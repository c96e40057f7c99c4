// LayeredWorkspace: what the window shows while the document holds a layered network (more
// hidden layers, or two inputs) in place of the lesson's graph, diagram and panels: the
// network's output (a graph over x for one input, a surface over the plane for two), room for
// the views of its layers, and a side panel with the network and its training.
#pragma once

#include "ui/base/Palette.h"

#include <QWidget>

class QLabel;
class QString;
class QImage;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QComboBox;
class QDoubleSpinBox;

namespace stepwise::ui {

class Document;
class DeepGraph;
class LayerView;
class LayeredDiagram;
class LayeredParamTree;
class ShapeEditor;
class LayeredTrainingController;
class LayeredLandscapeView;
class LossPlot;
class SurfaceView;

class LayeredWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit LayeredWorkspace(Document* doc, QWidget* parent = nullptr);

    LayeredTrainingController* trainer() const { return trainer_; }
    DeepGraph* graph() const { return graph_; }
    SurfaceView* surface() const { return surface_; } // the page for two inputs
    QTabWidget* sideTabs() const { return tabs_; }
    LayeredDiagram* diagram() const { return diagram_; }
    LayerView* layerView() const { return layerView_; }
    ShapeEditor* shapeEditor() const { return shape_; }
    LayeredParamTree* paramTree() const { return params_; }
    LayeredLandscapeView* landscape() const { return landscape_; }
    // The view of the output for the network's inputs (the graph or the surface), for exports.
    QWidget* mainView() const;
    // A picture of the main view at this size (the handout, exports); needs no shown window.
    QImage picture(int width, int height);
    // The view to a file by its name's ending: the surface as SurfaceExport writes it (two
    // inputs), or the graph's picture as PNG, or inside an SVG or a PDF; written under a temporary
    // name and renamed into place. False with *error set (one line) when it cannot be.
    bool exportPicture(const QString& path, int width, int height, QString* error = nullptr);
    QString piecesText() const; // what the Network tab says about the output's pieces (tests)
    void setPalette(const Palette& p);

private:
    QWidget* buildTrainingTab();
    QWidget* buildNetworkTab();
    void updateShape();
    void updateTraining();
    void updatePieces();
    void updateSettings();
    void wireSurface();

    Document* doc_;
    LayeredTrainingController* trainer_;
    QSplitter* split_;
    QSplitter* leftSplit_;
    QStackedWidget* views_;
    DeepGraph* graph_;
    SurfaceView* surface_;
    bool surfaceDirty_ = true;
    LayerView* layerView_;
    LayeredDiagram* diagram_;
    ShapeEditor* shape_;
    LayeredParamTree* params_;
    LayeredLandscapeView* landscape_;
    QTabWidget* tabs_;
    LossPlot* lossPlot_;
    QLabel* shapeLabel_;
    QLabel* lossLabel_;
    QLabel* piecesLabel_;
    QPushButton* play_;
    QComboBox* optimizer_;
    QDoubleSpinBox* rate_;
    Palette palette_ = Palette::light();
};

} // namespace stepwise::ui

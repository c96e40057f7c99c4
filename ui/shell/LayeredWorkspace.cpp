#include "ui/shell/LayeredWorkspace.h"

#include "core/deep/LayeredNetwork.h"
#include "core/deep/Pieces.h"
#include "ui/base/ActivationLabel.h"
#include "ui/base/Format.h"
#include "ui/deep/DeepGraph.h"
#include "ui/deep/LayerView.h"
#include "ui/deep/LayeredBinding.h"
#include "ui/deep/LayeredDiagram.h"
#include "ui/deep/LayeredParamTree.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/deep/ShapeEditor.h"
#include "ui/document/Document.h"
#include "ui/landscape/LayeredLandscapeView.h"
#include "ui/surface/SurfaceExport.h"
#include "ui/surface/SurfaceView.h"
#include "ui/training/LossPlot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace stepwise::ui {

namespace {
// "1 input → 8 Tanh → 8 Tanh → 1 output".
QString shapeText(const LayeredNetwork& net) {
    QStringList parts;
    parts << (net.inputs == 1 ? QObject::tr("1 input") : QObject::tr("%1 inputs").arg(net.inputs));
    for (const Layer& l : net.layers)
        parts << QStringLiteral("%1 %2").arg(l.width()).arg(activationLabel(l.activation.kind));
    parts << QObject::tr("1 output");
    return parts.join(QStringLiteral(" → "));
}
} // namespace

LayeredWorkspace::LayeredWorkspace(Document* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), trainer_(new LayeredTrainingController(doc, this)) {
    setObjectName("layeredWorkspace");
    graph_ = new DeepGraph(doc_, this);
    surface_ = new SurfaceView(this);
    views_ = new QStackedWidget(this);
    views_->addWidget(graph_);
    views_->addWidget(surface_);
    wireSurface();

    leftSplit_ = new QSplitter(Qt::Vertical, this);
    leftSplit_->setObjectName("layeredLeftSplit");
    leftSplit_->addWidget(views_);
    // Under the main view: every layer's curves beside the diagram of the whole network.
    layerView_ = new LayerView(this);
    diagram_ = new LayeredDiagram(this);
    auto* under = new QSplitter(Qt::Horizontal, this);
    under->setObjectName("layeredUnderSplit");
    under->addWidget(layerView_);
    under->addWidget(diagram_);
    under->setStretchFactor(0, 3);
    under->setStretchFactor(1, 2);
    under->setSizes({3000, 2000}); // proportions: the size hints would give the diagram most
    leftSplit_->addWidget(under);
    leftSplit_->setStretchFactor(0, 3);
    leftSplit_->setStretchFactor(1, 2);
    leftSplit_->setSizes({3000, 2000}); // the output on top stays the largest view
    bindLayerView(layerView_, doc_);
    bindDiagram(diagram_, doc_);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("layeredTabs");
    tabs_->addTab(buildNetworkTab(), tr("&Network"));
    tabs_->addTab(buildTrainingTab(), tr("T&raining"));
    // The loss over two parameters of any layers; the trail follows the training runs.
    landscape_ = new LayeredLandscapeView(doc_, this);
    tabs_->addTab(landscape_, tr("Lan&dscape"));
    connect(trainer_, &LayeredTrainingController::runningChanged, landscape_, [this](bool on) {
        if (on) landscape_->trainingStarted();
    });
    connect(trainer_, &LayeredTrainingController::progressed, landscape_,
            &LayeredLandscapeView::onTrainingProgressed);

    split_ = new QSplitter(Qt::Horizontal, this);
    split_->setObjectName("layeredSplit");
    split_->addWidget(leftSplit_);
    split_->addWidget(tabs_);
    split_->setStretchFactor(0, 3);
    split_->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split_);

    connect(doc_, &Document::structureChanged, this, &LayeredWorkspace::updateShape);
    connect(doc_, &Document::scenarioReplaced, this, &LayeredWorkspace::updateShape);
    connect(doc_, &Document::trainingSettingsChanged, this, &LayeredWorkspace::updateSettings);
    connect(doc_, &Document::refreshed, this, &LayeredWorkspace::updateTraining);
    connect(doc_, &Document::refreshed, this, &LayeredWorkspace::updatePieces);
    connect(trainer_, &LayeredTrainingController::progressed, this,
            &LayeredWorkspace::updateTraining);
    connect(trainer_, &LayeredTrainingController::runningChanged, this,
            [this](bool on) { play_->setText(on ? tr("&Pause") : tr("&Train")); });
    updateShape();
    updateSettings();
}

QWidget* LayeredWorkspace::buildNetworkTab() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    shapeLabel_ = new QLabel(page);
    shapeLabel_->setObjectName("layeredShape");
    shapeLabel_->setWordWrap(true);
    layout->addWidget(shapeLabel_);
    piecesLabel_ = new QLabel(page);
    piecesLabel_->setObjectName("layeredPieces");
    piecesLabel_->setWordWrap(true);
    layout->addWidget(piecesLabel_);
    shape_ = new ShapeEditor(page);
    connect(shape_, &ShapeEditor::applied, trainer_, &LayeredTrainingController::pause);
    bindShapeEditor(shape_, doc_);
    layout->addWidget(shape_);
    params_ = new LayeredParamTree(page);
    bindParamTree(params_, doc_);
    layout->addWidget(params_, 1);
    auto* back = new QPushButton(tr("Back to the lesson's network"), page);
    back->setObjectName("leaveLayered");
    back->setToolTip(tr("One input, one hidden layer: the network of the lesson (undoable)"));
    connect(back, &QPushButton::clicked, this, [this] {
        trainer_->pause();
        doc_->leaveLayered(tr("Back to the lesson's network"));
    });
    layout->addWidget(back);
    return page;
}

QWidget* LayeredWorkspace::buildTrainingTab() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* buttons = new QHBoxLayout;
    play_ = new QPushButton(tr("&Train"), page);
    play_->setObjectName("layeredPlay");
    auto* step = new QPushButton(tr("One &step"), page);
    step->setObjectName("layeredStep");
    auto* seed = new QPushButton(tr("New &weights"), page);
    seed->setObjectName("layeredNewSeed");
    seed->setToolTip(tr("Random weights for the same shape, spread over the domain"));
    connect(play_, &QPushButton::clicked, trainer_, &LayeredTrainingController::toggle);
    connect(step, &QPushButton::clicked, trainer_, &LayeredTrainingController::stepOnce);
    connect(seed, &QPushButton::clicked, trainer_, &LayeredTrainingController::newSeed);
    buttons->addWidget(play_);
    buttons->addWidget(step);
    buttons->addWidget(seed);
    layout->addLayout(buttons);

    auto* form = new QFormLayout;
    optimizer_ = new QComboBox(page);
    optimizer_->setObjectName("layeredOptimizer");
    optimizer_->addItem(tr("Gradient descent (SGD)"), static_cast<int>(OptimizerKind::SGD));
    optimizer_->addItem(tr("Momentum"), static_cast<int>(OptimizerKind::Momentum));
    optimizer_->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    form->addRow(tr("&Optimizer"), optimizer_);
    rate_ = new QDoubleSpinBox(page);
    rate_->setObjectName("layeredRate");
    rate_->setDecimals(5);
    rate_->setRange(1e-5, 1000.0);
    rate_->setSingleStep(0.001);
    rate_->setKeyboardTracking(false);
    form->addRow(tr("&Learning rate η"), rate_);
    layout->addLayout(form);
    auto edit = [this] {
        TrainSettings s = doc_->scenario().training;
        s.optimizer.kind = static_cast<OptimizerKind>(optimizer_->currentData().toInt());
        s.optimizer.learningRate = rate_->value();
        doc_->editTrainingSettings(s, tr("Change the training settings"));
    };
    connect(optimizer_, &QComboBox::currentIndexChanged, this, edit);
    connect(rate_, &QDoubleSpinBox::valueChanged, this, edit);

    lossLabel_ = new QLabel(page);
    lossLabel_->setObjectName("layeredLoss");
    layout->addWidget(lossLabel_);
    lossPlot_ = new LossPlot(page);
    layout->addWidget(lossPlot_, 1);
    return page;
}

// The surface view shows the document's two-input network and target, drawn once per refresh
// (a drag that turns a line changes three parameters: one picture); its edits go back as undo
// steps: a line dragged is one (a macro, as turning changes w₁, w₂ and b), a stroke or a preset
// is one.
void LayeredWorkspace::wireSurface() {
    auto show = [this] {
        if (!doc_->isLayered() || doc_->inputs() != 2) return;
        const Domain& d = doc_->scenario().domain;
        surface_->setDomain(d.lo, d.hi);
        surface_->setNetwork(doc_->layered());
    };
    connect(doc_, &Document::networkChanged, this, [this] { surfaceDirty_ = true; });
    connect(doc_, &Document::refreshed, this, [this, show] {
        if (!surfaceDirty_) return;
        surfaceDirty_ = false;
        show();
    });
    auto target = [this] {
        if (doc_->isLayered() && doc_->inputs() == 2) surface_->setSurface(doc_->surface());
    };
    connect(doc_, &Document::targetChanged, this, target);
    connect(doc_, &Document::scenarioReplaced, this, [show, target] {
        target();
        show();
    });
    connect(doc_, &Document::structureChanged, this, show);
    connect(doc_, &Document::dragStarted, surface_, [this] { surface_->setLive(true); });
    connect(doc_, &Document::dragEnded, surface_, [this] { surface_->setLive(false); });
    connect(trainer_, &LayeredTrainingController::runningChanged, surface_,
            [this](bool on) { surface_->setLive(on); });

    connect(surface_, &SurfaceView::editStarted, this, [this](const QString& what) {
        trainer_->pause();
        doc_->undoStack()->beginMacro(what);
        doc_->beginDrag();
    });
    connect(surface_, &SurfaceView::paramEdited, doc_, &Document::setLayeredParam);
    connect(surface_, &SurfaceView::editFinished, this, [this] {
        doc_->endDrag();
        doc_->undoStack()->endMacro();
    });
    connect(surface_, &SurfaceView::surfaceEdited, this,
            [this](const std::optional<TargetSurface>& s, const QString& what) {
                doc_->setSurface(s, what);
            });
    // A first-layer parameter picked anywhere picks its neuron on the surface too.
    connect(doc_, &Document::selectionChanged, surface_, [this] {
        if (!doc_->isLayered() || doc_->inputs() != 2) return;
        const auto index = doc_->layeredSelection();
        const int width = doc_->layered().layers.front().width();
        const long k = index ? *index - layerOffset(doc_->layered(), 0) : -1;
        const int j = k >= 0 && k < 3L * width ? static_cast<int>(k % width) : -1;
        if (j != surface_->selectedNeuron()) surface_->selectNeuron(j);
    });
    connect(surface_, &SurfaceView::neuronSelected, this, [this](int j) {
        doc_->selectLayered(j >= 0 ? std::optional<long>(surface_->biasIndex(j)) : std::nullopt);
    });
    target();
    show();
}

QWidget* LayeredWorkspace::mainView() const {
    return views_->currentWidget();
}

QImage LayeredWorkspace::picture(int width, int height) {
    QWidget* view = mainView();
    view->resize(width, height);
    if (view == graph_) return graph_->plot()->toPixmap(width, height).toImage();
    // The maps and the sections as exported (not the controls around them).
    return surfaceImage(surface_, width, height);
}

bool LayeredWorkspace::exportPicture(const QString& path, int width, int height, QString* error) {
    if (doc_->inputs() == 2) return exportSurface(surface_, path, width, height, error);
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    const QImage picture = this->picture(width, height);
    QSaveFile file(path);
    if (picture.isNull()) return fail(tr("there is nothing to draw"));
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") {
        if (!picture.save(&file, "PNG")) return fail(tr("the PNG could not be written"));
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(picture.size());
        svg.setViewBox(QRect(QPoint(0, 0), picture.size()));
        QPainter p(&svg);
        p.drawImage(0, 0, picture);
    } else if (suffix == "pdf") {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        QPainter p(&pdf);
        p.drawImage(QRect(0, 0, width, height), picture);
    } else {
        file.cancelWriting();
        return fail(tr("the name must end in .png, .svg or .pdf"));
    }
    if (!file.commit()) return fail(file.errorString());
    return true;
}

QString LayeredWorkspace::piecesText() const {
    return piecesLabel_->isVisibleTo(const_cast<LayeredWorkspace*>(this)) ? piecesLabel_->text()
                                                                          : QString();
}

void LayeredWorkspace::setPalette(const Palette& p) {
    palette_ = p;
    graph_->setPalette(p);
    surface_->setPalette(p);
    lossPlot_->setPalette(p);
    diagram_->setPalette(p);
    layerView_->setPalette(p);
    landscape_->setPalette(p);
}

void LayeredWorkspace::updateShape() {
    if (!doc_->isLayered()) return;
    views_->setCurrentIndex(doc_->inputs() == 2 ? 1 : 0);
    shapeLabel_->setText(shapeText(doc_->layered()));
    updateTraining();
}

void LayeredWorkspace::updatePieces() {
    // Counting evaluates the network at every place a neuron switches: not on live frames (a
    // drag, training), but on the full-quality frame after them.
    if (!doc_->isLayered() || doc_->live()) return;
    const Domain& d = doc_->scenario().domain;
    const std::optional<int> pieces = linearPieces(doc_->layered(), d.lo, d.hi);
    piecesLabel_->setVisible(pieces.has_value());
    if (pieces)
        piecesLabel_->setText(*pieces == 1
                                  ? tr("The output is one straight line on the domain.")
                                  : tr("The output is a broken line of %1 straight pieces on "
                                       "the domain.")
                                        .arg(*pieces));
}

void LayeredWorkspace::updateSettings() {
    const OptimizerSettings& o = doc_->scenario().training.optimizer;
    const QSignalBlocker b1(optimizer_), b2(rate_);
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(o.kind)));
    rate_->setValue(o.learningRate);
}

void LayeredWorkspace::updateTraining() {
    if (!doc_->isLayered()) return;
    lossPlot_->setData(trainer_->lossSteps(), trainer_->lossValues());
    if (!doc_->hasLayeredTarget())
        lossLabel_->setText(tr("No target yet."));
    else
        lossLabel_->setText(tr("Loss %1 after %L2 steps")
                                .arg(formatLoss(doc_->layeredLoss()))
                                .arg(trainer_->steps()));
}

} // namespace stepwise::ui

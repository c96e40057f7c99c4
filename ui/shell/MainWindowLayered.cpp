// MainWindow: the way into layered networks (Network ▸ Deeper and wider) and the switch between
// the lesson's views and the layered workspace.
#include "core/deep/RandomLayered.h"
#include "ui/deep/LayeredBinding.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/deep/ShapeEditor.h"
#include "ui/document/Document.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/shell/MainWindow.h"
#include "ui/surface/SurfaceView.h"
#include "ui/training/TrainingController.h"
#include "ui/walkthrough/WalkthroughController.h"

#include <QAction>
#include <QMenu>
#include <QStackedWidget>
#include <QStatusBar>

namespace stepwise::ui {

namespace {
struct ShapeChoice {
    const char* label;
    int inputs;
    std::vector<LayerShape> layers;
};

std::vector<ShapeChoice> shapeChoices() {
    const Activation sigmoid{ActivationKind::Sigmoid, 4.0}, tanh{ActivationKind::Tanh, 1.0},
        relu{ActivationKind::ReLU, 1.0}, step{ActivationKind::Step, 1.0};
    return {
        {QT_TR_NOOP("&Two hidden layers: 1 → 8 tanh → 8 tanh → 1"), 1, {{8, tanh}, {8, tanh}}},
        {QT_TR_NOOP("T&hree hidden layers: 1 → 8 ReLU → 8 ReLU → 8 ReLU → 1"),
         1,
         {{8, relu}, {8, relu}, {8, relu}}},
        {QT_TR_NOOP("Two &inputs: 2 → 16 sigmoid → 1"), 2, {{16, sigmoid}}},
        {QT_TR_NOOP("Two inputs, t&wo layers: 2 → 4 step → 4 sigmoid → 1"),
         2,
         {{4, step}, {4, sigmoid}}},
    };
}
} // namespace

void MainWindow::buildLayeredMenu(QMenu* net) {
    QAction* editor = net->addAction(tr("&Layers and inputs…"), this, [this] {
        const LayeredNetwork now = currentLayered(doc_);
        ShapeDialog dialog(now.inputs, now.shape(), this);
        if (dialog.exec() != QDialog::Accepted) return;
        trainer_->pause();
        layered_->trainer()->pause();
        applyShape(doc_, dialog.editor()->inputs(), dialog.editor()->layers());
    });
    editor->setObjectName("layersAndInputsAction");
    QMenu* deeper = net->addMenu(tr("&Deeper and wider"));
    deeper->setObjectName("deeperMenu");
    for (const ShapeChoice& c : shapeChoices()) {
        deeper->addAction(tr(c.label), this, [this, c] {
            trainer_->pause();
            layered_->trainer()->pause();
            const Domain& d = doc_->scenario().domain;
            std::mt19937_64 rng(doc_->scenario().training.seed);
            const LayeredNetwork fresh = randomLayeredNetwork(c.inputs, c.layers, d.lo, d.hi, rng);
            if (fresh.depth() > 0) doc_->setLayered(fresh, tr("New network shape"));
        });
    }
    deeper->addSeparator();
    QAction* back = deeper->addAction(tr("&Back to the lesson's network"), this, [this] {
        layered_->trainer()->pause();
        doc_->leaveLayered(tr("Back to the lesson's network"));
    });
    back->setObjectName("leaveLayeredAction");
    connect(deeper, &QMenu::aboutToShow, back,
            [this, back] { back->setEnabled(doc_->isLayered()); });
}

void MainWindow::buildSurfaceTargetMenu(QMenu* target) {
    surfaceTargets_ = target->addMenu(tr("Over the &plane (two inputs)"));
    surfaceTargets_->setObjectName("surfaceTargetMenu");
    for (int k = 0; k < kSurfacePresetCount; ++k) {
        const auto p = static_cast<SurfacePreset>(k);
        surfaceTargets_->addAction(surfacePresetLabel(p), this, [this, p] {
            TargetSurface s;
            s.preset = p;
            doc_->setSurface(s, tr("Target: %1").arg(surfacePresetLabel(p)));
        });
    }
}

void MainWindow::updatePage() {
    const bool layered = doc_->isLayered();
    // A walk through the other kind of network ends; one through this kind goes on.
    if (walk_->active() && walk_->layered() != layered) walk_->stop();
    if (layered) {
        trainer_->pause();
    } else {
        layered_->trainer()->pause();
    }
    pages_->setCurrentIndex(layered ? 1 : 0);
    for (QAction* a : lessonOnly_)
        a->setEnabled(!layered);
    if (surfaceTargets_) surfaceTargets_->setEnabled(layered && doc_->inputs() == 2);
}

} // namespace stepwise::ui

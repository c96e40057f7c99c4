#include "ui/deep/LayeredBinding.h"

#include "core/deep/Reshape.h"
#include "ui/deep/LayerView.h"
#include "ui/deep/LayeredDiagram.h"
#include "ui/deep/LayeredParamTree.h"
#include "ui/deep/ShapeEditor.h"
#include "ui/document/Document.h"

#include <random>

namespace stepwise::ui {

void bindDiagram(LayeredDiagram* diagram, Document* doc) {
    auto show = [diagram, doc] {
        if (!doc->isLayered()) return;
        diagram->setLive(doc->live());
        diagram->setNetwork(doc->layered());
        diagram->setSelection(doc->layeredSelection());
    };
    QObject::connect(doc, &Document::refreshed, diagram, show);
    QObject::connect(doc, &Document::selectionChanged, diagram,
                     [diagram, doc] { diagram->setSelection(doc->layeredSelection()); });
    QObject::connect(diagram, &LayeredDiagram::selected, doc, &Document::selectLayered);
    QObject::connect(diagram, &LayeredDiagram::dragStarted, doc, &Document::beginDrag);
    QObject::connect(diagram, &LayeredDiagram::paramDragged, doc, &Document::setLayeredParam);
    QObject::connect(diagram, &LayeredDiagram::dragFinished, doc, &Document::endDrag);
    show();
}

void bindLayerView(LayerView* view, Document* doc) {
    auto show = [view, doc] {
        if (!doc->isLayered()) return;
        // With two inputs a neuron is a surface: the row under the main view is the diagram's.
        view->setVisible(doc->layered().inputs == 1);
        view->setLive(doc->live());
        view->setNetwork(doc->layered(), doc->scenario().domain.lo, doc->scenario().domain.hi);
    };
    QObject::connect(doc, &Document::refreshed, view, show);
    show();
}

void bindParamTree(LayeredParamTree* tree, Document* doc) {
    auto show = [tree, doc] {
        if (!doc->isLayered()) return;
        tree->setNetwork(doc->layered());
        tree->setGradient(doc->layeredGradient(), doc->hasLayeredTarget());
        // Only a new selection moves the tree: a learner scrolling it keeps the place.
        if (tree->selection() != doc->layeredSelection())
            tree->setSelection(doc->layeredSelection());
    };
    QObject::connect(doc, &Document::refreshed, tree, show);
    QObject::connect(doc, &Document::selectionChanged, tree, [tree, doc] {
        if (doc->isLayered() && tree->selection() != doc->layeredSelection())
            tree->setSelection(doc->layeredSelection());
    });
    QObject::connect(tree, &LayeredParamTree::selected, doc, &Document::selectLayered);
    QObject::connect(tree, &LayeredParamTree::dragStarted, doc, &Document::beginDrag);
    QObject::connect(tree, &LayeredParamTree::paramEdited, doc, &Document::setLayeredParam);
    QObject::connect(tree, &LayeredParamTree::dragFinished, doc, &Document::endDrag);
    show();
}

void bindShapeEditor(ShapeEditor* editor, Document* doc) {
    auto show = [editor, doc] {
        const LayeredNetwork net = currentLayered(doc);
        editor->setShape(net.inputs, net.shape());
    };
    QObject::connect(doc, &Document::structureChanged, editor, show);
    QObject::connect(doc, &Document::scenarioReplaced, editor, show);
    QObject::connect(editor, &ShapeEditor::applied, doc,
                     [doc](int inputs, const std::vector<LayerShape>& layers) {
                         applyShape(doc, inputs, layers);
                     });
    show();
}

LayeredNetwork currentLayered(const Document* doc) {
    return doc->isLayered() ? doc->layered() : fromNetwork(doc->network());
}

bool applyShape(Document* doc, int inputs, const std::vector<LayerShape>& layers) {
    if (shapeProblem(inputs, layers)) return false;
    const LayeredNetwork from = currentLayered(doc);
    if (from.inputs == inputs && from.shape() == layers) return false;
    std::mt19937_64 rng(doc->scenario().training.seed);
    const Domain& d = doc->scenario().domain;
    const LayeredNetwork net = reshape(from, inputs, layers, d.lo, d.hi, rng);
    if (net.depth() == 0) return false;
    doc->setLayered(net, QObject::tr("Change the network's shape"));
    return true;
}

} // namespace stepwise::ui

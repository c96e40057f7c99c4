// LayeredBinding: the deep room's views tied to the document. Each view is told the document's
// layered network whenever it changes (once per refresh), and what the learner does in it
// becomes the document's undoable edit: a drag or a slider is beginDrag … setLayeredParam …
// endDrag (one undo step), a click selects (selectLayered), a new shape is one setLayered.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <vector>

namespace stepwise::ui {

class Document;
class LayerView;
class LayeredDiagram;
class LayeredParamTree;
class ShapeEditor;

void bindDiagram(LayeredDiagram* diagram, Document* doc);
void bindLayerView(LayerView* view, Document* doc);
void bindParamTree(LayeredParamTree* tree, Document* doc);
// The editor shows the document's shape; applying it calls applyShape.
void bindShapeEditor(ShapeEditor* editor, Document* doc);

// The document's network as a layered one: the layered network, or the lesson's one-layer
// network seen as one (fromNetwork).
LayeredNetwork currentLayered(const Document* doc);
// The document's network given a new shape, keeping what it can (core/deep/Reshape.h; new
// neurons drawn from the training seed, so the same steps give the same network), as one undo
// step. One input and one hidden layer is the lesson's network again (Document::setLayered).
// Returns false, changing nothing, for a shape shapeProblem() rejects or the shape it has.
bool applyShape(Document* doc, int inputs, const std::vector<LayerShape>& layers);

} // namespace stepwise::ui

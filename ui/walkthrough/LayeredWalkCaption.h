// LayeredWalkCaption: how the backprop walkthrough writes a step of a layered network
// (core/lesson/LayeredWalkthrough.h) — the formula with the numbers plugged in, what it means, and
// the short label the layered diagram shows at a neuron. A step about a whole layer lists its
// neurons' numbers (the first kListed of a wide layer, and how many there are); a neuron's step
// writes its arithmetic. Nothing is computed here but text.
#pragma once

#include "core/lesson/LayeredWalkthrough.h"
#include "ui/walkthrough/WalkCaption.h"

#include <QString>

namespace stepwise::ui {

struct LayeredWalkContext {
    const LayeredNetwork* net = nullptr;
    int samples = 1;       // N
    bool surrogate = true; // step layers borrow σ′(k_s·z), as training does
    double surrogateSteepness = 10.0;
    double learningRate = 0.0;
    QString optimizer; // the optimizer training uses, when it is not plain descent
};

// Numbers listed for a whole layer before "…".
inline constexpr int kListed = 8;

WalkText layeredWalkText(const LayeredWalkStep& step, const LayeredWalkContext& context);
QString layeredWalkPhaseName(LayeredWalkPhase phase);

} // namespace stepwise::ui

// WalkCaption: how the backprop walkthrough writes a step (core/lesson/Walkthrough.h) for the eye —
// the formula with the numbers plugged in ("z₁ = w1·x + b1 = 4.00 × 0.30 + 2.00 = 3.20"), a
// sentence saying what it means, and the short label the diagram shows where the number lives.
// The numbers are the step's own value and operands; nothing is computed here but their text.
#pragma once

#include "core/lesson/Walkthrough.h"

#include <QString>

namespace stepwise::ui {

// A number for the walkthrough: 2 decimals from 0.1 up, 3 significant digits below (the gradient
// terms of one sample carry a 1/N and are small), "a × 10⁻ⁿ" below 0.001, and a true minus sign.
// A zero (also −0) is written 0, so "−0.00" never appears: no value is rounded to zero.
QString walkNumber(double v);

// What the caption needs to know besides the step.
struct WalkContext {
    const Network* net = nullptr;
    int samples = 1;            // N
    bool borrowedSlope = false; // a step network whose g′ is the borrowed σ′(k·z)
    double surrogateSteepness = 10.0;
    QString optimizer; // the optimizer training uses, when it is not plain descent
};

struct WalkText {
    QString formula; // the arithmetic, numbers plugged in
    QString meaning; // one or two sentences
    QString label;   // the short text the diagram shows where the value lives ("z₁ = 3.20")
};

WalkText walkText(const WalkStep& step, const WalkContext& context);

// "Forward", "Backward", "The whole batch".
QString walkPhaseName(WalkPhase phase);

} // namespace stepwise::ui

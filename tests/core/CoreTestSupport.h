// Helpers shared by the core tests (and the UI tests that build layered networks): one
// definition each, so that a unity build, which compiles several test files as one, sees no twins.
#pragma once

#include "core/network/Activation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace stepwise::test {

// The activations most layered test networks are made of (steepness 1).
inline const Activation kTanh{ActivationKind::Tanh, 1.0};
inline const Activation kRelu{ActivationKind::ReLU, 1.0};

// Whether every loss in a training history is a finite number (no NaN, no infinity).
inline bool historyFinite(const std::vector<double>& h) {
    return std::all_of(h.begin(), h.end(), [](double l) { return std::isfinite(l); });
}

} // namespace stepwise::test

// LayeredText: a layered network's parameter in words, the same in the diagram's tooltips and the
// parameter tree's: its name (core/deep/LayeredNames.h), its value and what it connects.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <QString>

namespace stepwise::ui {

// "the weight from input x₂ to neuron 3 of layer 1", "the bias of neuron 2 of layer 2", "the
// weight from neuron 4 of layer 2 to the output", "the output's bias"; empty for an index
// outside the network.
QString paramRole(const LayeredNetwork& net, long flatIndex);
// "w⁽¹⁾₂₃ = 0.25: the weight from input x₂ to neuron 3 of layer 1".
QString describeParam(const LayeredNetwork& net, long flatIndex);

} // namespace stepwise::ui

// LayeredNames: what each entry of a LayeredNetwork's flat layout (packParams) is, and the name
// the screen gives it.
//
//   w⁽ˡ⁾ᵢⱼ   layer l's weight from neuron i of the layer before (from input xᵢ when l = 1) to
//           neuron j of layer l: W_l(j, i), layers and neurons counted from 1
//   b⁽ˡ⁾ⱼ    the bias of neuron j of layer l
//   vⱼ      the output weight from neuron j of the last hidden layer
//   c       the output bias
//
// As the one-layer names (core/network/Network.h: w1, b1, v1, c) read "from, then to", so do
// these. With one input the first layer's weights carry the neuron alone, w⁽¹⁾ⱼ, as the lesson's
// w1, w2 do (there is only one input they can come from). When an index has two digits, a comma
// parts the two subscripts (w⁽²⁾₁₂,₃ is from neuron 12 to neuron 3).
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <optional>
#include <string>

namespace stepwise {

struct LayeredParam {
    enum class Kind { Weight, Bias, OutputWeight, OutputBias };
    Kind kind = Kind::OutputBias;
    int layer = 0; // hidden layer, 0-based (Weight, Bias); depth() for the output's
    int from = 0;  // 0-based: the input or neuron of the layer before (Weight); the neuron (v)
    int to = 0;    // 0-based: the neuron of this layer (Weight, Bias); 0 for the output's
    bool operator==(const LayeredParam&) const = default;
};

// Which parameter the flat index is; nothing when it is outside 0 … paramCount(net) − 1.
std::optional<LayeredParam> layeredParamAt(const LayeredNetwork& net, long flatIndex);
// Where a parameter sits in the flat layout; −1 when net has no such parameter.
long layeredFlatIndex(const LayeredNetwork& net, const LayeredParam& p);

// The value of a parameter (0 for an index outside the network), without packing them all.
double layeredParamValue(const LayeredNetwork& net, long flatIndex);

// The screen name (UTF-8, as above); empty for an index outside the network.
std::string layeredParamName(const LayeredNetwork& net, long flatIndex);
// The same name in plain ASCII, for reports and files: w2_12_3, b2_3, v3, c (w1_3 with one
// input).
std::string layeredParamKey(const LayeredNetwork& net, long flatIndex);

// Digits as superscripts or subscripts (UTF-8), for labels built elsewhere.
std::string superscript(int n);
std::string subscript(int n);

} // namespace stepwise

// LayeredNetwork: d inputs, 1 to 3 hidden layers of 1 to 64 neurons, each layer with its own
// activation, and one linear output neuron. Samples are columns: an input batch X is d×N.
//
//   layer 1:   Z_1 = W_1·X + b_1,        A_1 = g_1(Z_1)        (W_1 is n_1×d)
//   layer l:   Z_l = W_l·A_{l−1} + b_l,  A_l = g_l(Z_l)        (W_l is n_l×n_{l−1})
//   output:    y = v·A_L + c                                    (v has n_L weights)
//
// W_l(j, i) is the weight from neuron i of the layer before (or input i) to neuron j of layer l.
// With d = 1 and one hidden layer this is exactly stepwise::Network: W_1 = w, b_1 = b, v, c.
//
// Flat layout (gradients, optimizers): layer by layer, input side first, W_l column by column
// then b_l; then v, then c. For d = 1 and one layer that is Network's [w, b, v, c].
#pragma once

#include "core/network/Activation.h"
#include "core/network/Network.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace stepwise {

inline constexpr int kMinLayers = 1, kMaxLayers = 3; // hidden layers
inline constexpr int kMinWidth = 1, kMaxWidth = 64;  // neurons in a hidden layer
inline constexpr int kMinInputs = 1, kMaxInputs = 16;

struct Layer {
    Activation activation;
    Eigen::MatrixXd w; // width × fan-in
    Eigen::VectorXd b; // width
    int width() const { return static_cast<int>(b.size()); }
    bool operator==(const Layer& o) const {
        return activation == o.activation && w.rows() == o.w.rows() && w.cols() == o.w.cols() &&
               w == o.w && b == o.b;
    }
};

// The shape of one hidden layer.
struct LayerShape {
    int width = 1;
    Activation activation;
    bool operator==(const LayerShape&) const = default;
};

struct LayeredNetwork {
    int inputs = 1;
    std::vector<Layer> layers; // hidden layers, input side first
    Eigen::VectorXd v;         // output weights (as many as the last layer has neurons)
    double c = 0.0;            // output bias

    int depth() const { return static_cast<int>(layers.size()); }
    std::vector<LayerShape> shape() const;
    bool operator==(const LayeredNetwork& o) const;
};

// Why this shape cannot be built, in one line that names the field as the scenario file does,
// layers counted from 0 (for example "layers[1].width: 65 neurons, must be 1 to 64"), or nothing
// when it can.
std::optional<std::string> shapeProblem(int inputs, const std::vector<LayerShape>& layers);
// shapeProblem, then whether every matrix and vector has the size the shape implies and every
// steepness is a finite number.
std::optional<std::string> networkProblem(const LayeredNetwork& net);

// A network of this shape with every weight and bias 0. An empty network (depth 0) when
// shapeProblem() rejects the shape.
LayeredNetwork layeredNetwork(int inputs, const std::vector<LayerShape>& layers);

// One hidden layer, one input: the same parameters as a Network, and back (nothing when net is
// not of that shape).
LayeredNetwork fromNetwork(const Network& net);
std::optional<Network> toNetwork(const LayeredNetwork& net);

// The number of parameters in the flat layout, and where each layer's part starts.
long paramCount(const LayeredNetwork& net);
long paramCount(int inputs, const std::vector<LayerShape>& layers);
long layerOffset(const LayeredNetwork& net, int layer); // layer == depth(): where v starts

Eigen::VectorXd packParams(const LayeredNetwork& net);
// Writes p (paramCount(net) values) into net's existing matrices (allocates nothing).
void unpackParams(LayeredNetwork& net, const Eigen::Ref<const Eigen::VectorXd>& p);
void packParams(const LayeredNetwork& net, Eigen::VectorXd& p); // into p, resized
bool allFinite(const LayeredNetwork& net);

// Every layer's sums and activations (width × N each) and the output (N) for inputs X (d × N),
// computed plainly with Eigen, for graphs and checks (the trainer uses LayeredGradient).
struct LayeredEvaluation {
    std::vector<Eigen::ArrayXXd> z, a; // per layer, width × N
    Eigen::ArrayXd output;             // N
};
LayeredEvaluation evaluate(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x);
Eigen::ArrayXd evaluateOutput(const LayeredNetwork& net,
                              const Eigen::Ref<const Eigen::MatrixXd>& x);

} // namespace stepwise

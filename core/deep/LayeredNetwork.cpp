#include "core/deep/LayeredNetwork.h"

#include "core/kernels/KernelTable.h"

#include <cmath>

namespace stepwise {

static_assert(kMaxLayers == kernels::kMaxDeepLayers);

std::vector<LayerShape> LayeredNetwork::shape() const {
    std::vector<LayerShape> s;
    for (const Layer& l : layers)
        s.push_back({l.width(), l.activation});
    return s;
}

bool LayeredNetwork::operator==(const LayeredNetwork& o) const {
    return inputs == o.inputs && layers == o.layers && v.size() == o.v.size() && v == o.v &&
           c == o.c;
}

namespace {
std::string count(long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

std::optional<std::string> shapeProblem(int inputs, const std::vector<LayerShape>& layers) {
    if (inputs < kMinInputs || inputs > kMaxInputs)
        return "inputs: " + count(inputs, "input", "inputs") + ", must be " +
               std::to_string(kMinInputs) + " to " + std::to_string(kMaxInputs);
    const long depth = static_cast<long>(layers.size());
    if (depth < kMinLayers || depth > kMaxLayers)
        return "layers: " + count(depth, "hidden layer", "hidden layers") + ", must be " +
               std::to_string(kMinLayers) + " to " + std::to_string(kMaxLayers);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const std::string field = "layers[" + std::to_string(l) + "]";
        const int w = layers[l].width;
        if (w < kMinWidth || w > kMaxWidth)
            return field + ".width: " + count(w, "neuron", "neurons") + ", must be " +
                   std::to_string(kMinWidth) + " to " + std::to_string(kMaxWidth);
        const double k = layers[l].activation.steepness;
        if (!std::isfinite(k) || k <= 0.0)
            return field + ".steepness: must be a finite number above 0";
        const int kind = static_cast<int>(layers[l].activation.kind);
        if (kind < 0 || kind > static_cast<int>(ActivationKind::Identity))
            return field + ".activation: not an activation";
    }
    return std::nullopt;
}

std::optional<std::string> networkProblem(const LayeredNetwork& net) {
    if (auto p = shapeProblem(net.inputs, net.shape())) return p;
    long fanIn = net.inputs;
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        const Layer& layer = net.layers[l];
        if (layer.w.rows() != layer.width() || layer.w.cols() != fanIn)
            return "layers[" + std::to_string(l) + "].w: " + std::to_string(layer.w.rows()) + "×" +
                   std::to_string(layer.w.cols()) + " weights, expected " +
                   std::to_string(layer.width()) + "×" + std::to_string(fanIn);
        fanIn = layer.width();
    }
    if (net.v.size() != fanIn)
        return "output.v: " + count(net.v.size(), "weight", "weights") + ", expected " +
               std::to_string(fanIn);
    return std::nullopt;
}

LayeredNetwork layeredNetwork(int inputs, const std::vector<LayerShape>& layers) {
    LayeredNetwork net;
    if (shapeProblem(inputs, layers)) return net;
    net.inputs = inputs;
    long fanIn = inputs;
    for (const LayerShape& s : layers) {
        net.layers.push_back(
            {s.activation, Eigen::MatrixXd::Zero(s.width, fanIn), Eigen::VectorXd::Zero(s.width)});
        fanIn = s.width;
    }
    net.v = Eigen::VectorXd::Zero(fanIn);
    return net;
}

LayeredNetwork fromNetwork(const Network& n) {
    LayeredNetwork net;
    net.inputs = 1;
    net.layers.push_back({n.activation, n.w, n.b});
    net.v = n.v;
    net.c = n.c;
    return net;
}

std::optional<Network> toNetwork(const LayeredNetwork& net) {
    if (net.inputs != 1 || net.depth() != 1 || networkProblem(net)) return std::nullopt;
    Network n;
    n.activation = net.layers[0].activation;
    n.w = net.layers[0].w.col(0);
    n.b = net.layers[0].b;
    n.v = net.v;
    n.c = net.c;
    return n;
}

long paramCount(int inputs, const std::vector<LayerShape>& layers) {
    long count = 0, fanIn = inputs;
    for (const LayerShape& s : layers) {
        count += static_cast<long>(s.width) * (fanIn + 1);
        fanIn = s.width;
    }
    return count + fanIn + 1;
}

long paramCount(const LayeredNetwork& net) {
    return paramCount(net.inputs, net.shape());
}

long layerOffset(const LayeredNetwork& net, int layer) {
    long offset = 0;
    for (int l = 0; l < layer && l < net.depth(); ++l)
        offset += net.layers[l].w.size() + net.layers[l].b.size();
    return offset;
}

void packParams(const LayeredNetwork& net, Eigen::VectorXd& p) {
    p.resize(paramCount(net));
    long at = 0;
    for (const Layer& l : net.layers) {
        p.segment(at, l.w.size()) = l.w.reshaped();
        at += l.w.size();
        p.segment(at, l.b.size()) = l.b;
        at += l.b.size();
    }
    p.segment(at, net.v.size()) = net.v;
    p[at + net.v.size()] = net.c;
}

Eigen::VectorXd packParams(const LayeredNetwork& net) {
    Eigen::VectorXd p;
    packParams(net, p);
    return p;
}

void unpackParams(LayeredNetwork& net, const Eigen::Ref<const Eigen::VectorXd>& p) {
    long at = 0;
    for (Layer& l : net.layers) {
        l.w.reshaped() = p.segment(at, l.w.size());
        at += l.w.size();
        l.b = p.segment(at, l.b.size());
        at += l.b.size();
    }
    net.v = p.segment(at, net.v.size());
    net.c = p[at + net.v.size()];
}

bool allFinite(const LayeredNetwork& net) {
    for (const Layer& l : net.layers)
        if (!l.w.allFinite() || !l.b.allFinite() || !std::isfinite(l.activation.steepness))
            return false;
    return net.v.allFinite() && std::isfinite(net.c);
}

LayeredEvaluation evaluate(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x) {
    LayeredEvaluation e;
    Eigen::MatrixXd in = x;
    for (const Layer& l : net.layers) {
        Eigen::ArrayXXd z = ((l.w * in).colwise() + l.b).array();
        Eigen::ArrayXXd a(z.rows(), z.cols());
        l.activation.apply(z, a);
        in = a.matrix();
        e.z.push_back(std::move(z));
        e.a.push_back(std::move(a));
    }
    e.output = (net.v.transpose() * in).transpose().array() + net.c;
    return e;
}

Eigen::ArrayXd evaluateOutput(const LayeredNetwork& net,
                              const Eigen::Ref<const Eigen::MatrixXd>& x) {
    return evaluate(net, x).output;
}

} // namespace stepwise

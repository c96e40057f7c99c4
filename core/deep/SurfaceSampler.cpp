#include "core/deep/SurfaceSampler.h"

#include "core/deep/LayeredGradient.h"
#include "core/kernels/KernelTable.h"
#include "core/network/KernelSet.h"
#include "core/scenario/TargetSurface.h"

#include <algorithm>

namespace stepwise {

void SurfaceSampler::setGrid(double lo, double hi, int side) {
    side = std::max(2, side);
    if (lo == lo_ && hi == hi_ && side == side_ && grid_.size() > 0) return;
    lo_ = lo;
    hi_ = hi;
    side_ = side;
    grid_ = planeGrid(lo, hi, side);
    output_.resize(0);
    cached_ = false;
}

bool SurfaceSampler::evaluate(const LayeredNetwork& net) {
    if (side_ < 2) setGrid(lo_, hi_, 2);
    if (net.inputs != 2 || networkProblem(net)) {
        output_.resize(0);
        depth_ = 0;
        cached_ = false;
        changed_.clear();
        return false;
    }
    const Eigen::Index n = grid_.cols();
    const bool sameShape = cached_ && last_.depth() == net.depth() && last_.shape() == net.shape();
    depth_ = net.depth();
    if (static_cast<int>(z_.size()) < depth_) {
        z_.resize(depth_);
        a_.resize(depth_);
    }
    // A training step moves every weight: when most of the first layer changed, the whole
    // network goes through the dispatched kernel at once (vectorised for this processor). Not
    // with a step layer: it costs little either way, and a sum that rounds to 0 one way and not
    // the other would switch the step at that point (the map would differ from evaluate()).
    const bool kernelPays = std::none_of(net.layers.begin(), net.layers.end(), [](const Layer& l) {
        return l.activation.kind == ActivationKind::Step;
    });
    if (kernelPays && !sameShape) {
        forwardAll(net);
        return true;
    }
    if (kernelPays) {
        const Layer& now = net.layers[0];
        const Layer& old = last_.layers[0];
        int moved = 0;
        for (int j = 0; j < now.width(); ++j)
            moved += !(now.w.row(j) == old.w.row(j) && now.b[j] == old.b[j]);
        if (2 * moved > now.width()) {
            forwardAll(net);
            return true;
        }
    }
    bool upstream = false; // a layer before this one was computed afresh
    for (int l = 0; l < depth_; ++l) {
        const Layer& layer = net.layers[l];
        Eigen::ArrayXXd& z = z_[l];
        Eigen::ArrayXXd& a = a_[l];
        if (sameShape && l == 0) {
            // Neuron by neuron: only those whose weights or bias moved.
            const Layer& old = last_.layers[0];
            changed_.assign(layer.width(), 0);
            for (int j = 0; j < layer.width(); ++j) {
                if (layer.w.row(j) == old.w.row(j) && layer.b[j] == old.b[j]) continue;
                changed_[j] = 1;
                upstream = true;
                rowZ_.resize(1, n);
                rowA_.resize(1, n);
                rowZ_.matrix().noalias() = layer.w.row(j) * grid_;
                rowZ_ += layer.b[j];
                layer.activation.apply(rowZ_, rowA_);
                z.row(j) = rowZ_.row(0);
                a.row(j) = rowA_.row(0);
            }
            continue;
        }
        if (sameShape && !upstream && layer == last_.layers[l]) continue;
        upstream = true;
        if (l == 0) changed_.assign(layer.width(), 1);
        z.resize(layer.width(), n); // no-ops when the shape is the same
        a.resize(layer.width(), n);
        if (l == 0)
            z.matrix().noalias() = layer.w * grid_;
        else
            z.matrix().noalias() = layer.w * a_[l - 1].matrix();
        z.colwise() += layer.b.array();
        layer.activation.apply(z, a);
    }
    output_.resize(n);
    output_.matrix().transpose().noalias() = net.v.transpose() * a_[depth_ - 1].matrix();
    output_ += net.c;
    last_ = net; // the same shape: copies into the matrices it has
    cached_ = true;
    return true;
}

// Every layer afresh, chunk by chunk through the active kernel set's forward pass: the targets are
// zeros, so its errors y − t are the output. The sums and activations land in z_ and a_ (the
// width × side² column-major layout the kernels read and write).
void SurfaceSampler::forwardAll(const LayeredNetwork& net) {
    const long n = grid_.cols();
    kernels::DeepJob job;
    job.chunk = deepChunk(net);
    describeNetwork(net, job);
    job.x = grid_.data();
    if (zeros_.size() != n) zeros_.setZero(n);
    job.t = zeros_.data();
    job.n = n;
    for (int l = 0; l < depth_; ++l) {
        z_[l].resize(net.layers[l].width(), n); // no-ops when the shape is the same
        a_[l].resize(net.layers[l].width(), n);
        job.layer[l].z = z_[l].data();
        job.layer[l].a = a_[l].data();
    }
    output_.resize(n);
    job.e = output_.data();
    const long chunks = (n + job.chunk - 1) / job.chunk;
    chunkLoss_.resize(chunks);
    job.chunkLoss = chunkLoss_.data();
    const kernels::Table& table = kernels::active();
    for (long c = 0; c < chunks; ++c)
        table.deepForward(job, c);
    changed_.assign(net.layers.front().width(), 1);
    last_ = net;
    cached_ = true;
}

} // namespace stepwise

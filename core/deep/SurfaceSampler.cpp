#include "core/deep/SurfaceSampler.h"

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

} // namespace stepwise

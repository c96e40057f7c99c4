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
}

bool SurfaceSampler::evaluate(const LayeredNetwork& net) {
    if (side_ < 2) setGrid(lo_, hi_, 2);
    if (net.inputs != 2 || networkProblem(net)) {
        output_.resize(0);
        depth_ = 0;
        return false;
    }
    const Eigen::Index n = grid_.cols();
    depth_ = net.depth();
    if (static_cast<int>(z_.size()) < depth_) {
        z_.resize(depth_);
        a_.resize(depth_);
    }
    for (int l = 0; l < depth_; ++l) {
        const Layer& layer = net.layers[l];
        Eigen::ArrayXXd& z = z_[l];
        Eigen::ArrayXXd& a = a_[l];
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
    return true;
}

} // namespace stepwise

// SurfaceSampler: a layered network of two inputs evaluated on a fixed side × side grid of
// [lo, hi]², for pictures of the surface it draws. The grid is planeGrid(lo, hi, side)
// (core/scenario/TargetSurface.h): column c = j·side + i holds
//   x₁ = lo + (hi − lo)·i/(side − 1),   x₂ = lo + (hi − lo)·j/(side − 1),
// x₁ the faster. The sums, activations and output are written into buffers the sampler keeps, so
// evaluating a network of the same shape again (a weight dragged) allocates nothing:
//   Z_l = W_l·A_{l−1} + b_l,  A_l = g_l(Z_l),  y = v·A_L + c       (A_0 = the grid)
// as evaluate() in LayeredNetwork.h computes them (to rounding: the exponential may be another
// vectorised one). A layer whose weights, biases and inputs are those of the last call is not
// computed again, and in the first layer only the neurons whose weights or bias changed are (a
// drag changes one neuron: 1/16 of the work with 16). When most of the first layer changed (a
// training step), or the shape did, the whole network goes through the training kernels'
// forward pass (core/kernels, the set chosen for this processor), about ten times faster.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <Eigen/Core>
#include <vector>

namespace stepwise {

class SurfaceSampler {
public:
    // The grid; rebuilt only when one of the three changes. side is at least 2.
    void setGrid(double lo, double hi, int side);
    double lo() const { return lo_; }
    double hi() const { return hi_; }
    int side() const { return side_; }
    const Eigen::MatrixXd& grid() const { return grid_; } // 2 × side²
    double coordinate(int i) const { return lo_ + (hi_ - lo_) * i / (side_ - 1); }

    // Evaluates net on the grid. False (and the buffers emptied) when net does not have two
    // inputs or networkProblem() rejects it.
    bool evaluate(const LayeredNetwork& net);
    bool valid() const { return output_.size() > 0; }
    // The output at the grid's columns (side² values, x₁ the faster), and as a side × side
    // matrix f(i, j) (the layout core/landscape/Contours.h reads).
    const Eigen::ArrayXd& output() const { return output_; }
    Eigen::Map<const Eigen::MatrixXd> outputMatrix() const {
        return {output_.data(), side_, output_.size() > 0 ? side_ : 0};
    }
    // Layer l's activations, width × side² (layer 0 is the first hidden layer).
    const Eigen::ArrayXXd& activations(int layer) const { return a_[layer]; }
    int depth() const { return depth_; }
    // Which first-layer neurons the last evaluate() computed afresh (all of them when the shape,
    // the grid or the activation changed).
    const std::vector<char>& firstLayerChanged() const { return changed_; }

private:
    void forwardAll(const LayeredNetwork& net);

    double lo_ = -1.0, hi_ = 1.0;
    int side_ = 0;
    int depth_ = 0;
    Eigen::MatrixXd grid_;
    std::vector<Eigen::ArrayXXd> z_, a_; // kept between calls, resized only when a shape changes
    Eigen::ArrayXd output_;
    LayeredNetwork last_; // what the buffers hold
    bool cached_ = false;
    std::vector<char> changed_;
    Eigen::ArrayXXd rowZ_, rowA_; // one neuron's sums and activations, 1 × side²
    Eigen::ArrayXd zeros_;        // side² zeros: the targets of the kernels' forward pass
    std::vector<double> chunkLoss_;
};

} // namespace stepwise

// TrainingHistory: the losses and parameters of a training run, thinned so that it never holds
// more than a fixed number of points however long the run goes (issue 16: a lesson-long run
// keeps a flat memory).
//
// A point is (step, loss, parameters before that step). Only steps that are multiples of the
// stride are kept; when the points would pass the bound, every point whose step is not a multiple
// of twice the stride is dropped and the stride doubles. So after any number of steps the
// history holds at most `maxPoints` points, spread evenly over the run (every stride-th step),
// and the curve keeps its shape: a run of S steps from step 0 keeps between maxPoints / 2 and
// maxPoints points once S passes maxPoints.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace stepwise::ui {

class TrainingHistory {
public:
    static constexpr std::size_t kDefaultMaxPoints = 20000;

    explicit TrainingHistory(std::size_t maxPoints = kDefaultMaxPoints);

    // Adds the point of `step` if the stride keeps it; params may be null (no parameters known),
    // but then the history keeps no parameters for any later point either.
    void add(long step, double loss, const Eigen::VectorXd* params);
    // Adds another history's points, in order, as add() would.
    void append(const TrainingHistory& later);
    void clear();

    std::size_t size() const { return losses_.size(); }
    bool empty() const { return losses_.empty(); }
    std::size_t maxPoints() const { return max_; }
    long stride() const { return stride_; }
    const std::vector<double>& steps() const { return steps_; }
    const std::vector<double>& losses() const { return losses_; }
    // The parameters before each kept step (packParams layout); as long as losses() while every
    // point came with its parameters.
    const std::vector<Eigen::VectorXd>& params() const { return params_; }

private:
    void thin();

    std::size_t max_;
    long stride_ = 1;
    std::vector<double> steps_, losses_;
    std::vector<Eigen::VectorXd> params_;
};

} // namespace stepwise::ui

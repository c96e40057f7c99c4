// Network: one input x, H hidden neurons, one output neuron.
//
//   hidden neuron j:  z_j(x) = w_j·x + b_j,   a_j(x) = g(z_j(x))
//   contribution j:   v_j·a_j(x)             (the neuron's graph, scaled by its output weight)
//   output:           y(x) = Σ_j v_j·a_j(x) + c     (the superposition of the contributions)
//
// The lesson's two-neuron picture names the output weights w11 and w21 (neuron 1 → output,
// neuron 2 → output); paramName() gives every parameter the name the screen shows (v1, v2, …
// for the output weights from ten neurons on).
#pragma once

#include "core/network/Activation.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace stepwise {

inline constexpr int kMinHidden = 1;
inline constexpr int kMaxHidden = 256;

struct Network {
    Activation activation;
    Eigen::VectorXd w; // hidden weights w_j
    Eigen::VectorXd b; // hidden biases b_j
    Eigen::VectorXd v; // output weights v_j (w11, w21, … on screen; v10, v11, … past nine)
    double c = 0.0;    // output bias

    Network() = default;
    explicit Network(int hidden, Activation g = {});

    int hidden() const { return static_cast<int>(w.size()); }
    // Changes the number of hidden neurons, keeping the first min(old, new) as they are. New
    // neurons are never clones of each other or of the old ones (identical neurons get identical
    // gradients and move in lockstep for ever): each puts its switching point x = −b/w in the
    // middle of the widest gap between lo, hi and the switching points already there
    // (spreadSwitchingPoints), with w = 8/(hi − lo) (the lesson's w = 4 on [−1, 1]) and output
    // weight 0, so adding neurons leaves the output exactly unchanged. Without a domain, and for
    // an empty or non-finite one, [−1, 1] (the default domain).
    void resize(int hidden);
    void resize(int hidden, double lo, double hi);

    bool operator==(const Network& o) const;
};

enum class ParamKind { HiddenWeight, HiddenBias, OutputWeight, OutputBias };

struct ParamId {
    ParamKind kind = ParamKind::OutputWeight;
    int neuron = 0; // 0-based; ignored for OutputBias
    bool operator==(const ParamId&) const = default;
    bool isOutput() const {
        return kind == ParamKind::OutputWeight || kind == ParamKind::OutputBias;
    }
};

// Flat layout used by gradients and optimizers: [w_0..w_{H-1}, b_0.., v_0.., c], 3H + 1 values.
int paramCount(int hidden);
int flatIndex(ParamId id, int hidden);
ParamId paramAt(int index, int hidden);
bool paramValid(ParamId id, int hidden);

// Screen names, for a network of `hidden` neurons: hidden neuron j (1-based) has the weight
// "w<j>" and the bias "b<j>"; the output bias is "c". Up to nine neurons the output weights keep
// the lesson's names "w<j>1" (w11, w21, …: neuron j → output); from ten neurons on they are
// "v<j>" (v1 … v64), as in the formula y = Σ v_j·n_j(x) + c, because "w11" would be both neuron
// 11's weight and neuron 1's output weight. Every name is at most a letter and the neuron's
// number, so it stays short at 64 neurons; a further layer would take the next letters.
std::string paramName(ParamId id, int hidden);
std::optional<ParamId> paramFromName(std::string_view name, int hidden);

double param(const Network& net, ParamId id);
void setParam(Network& net, ParamId id, double value);

Eigen::VectorXd packParams(const Network& net);
void unpackParams(Network& net, const Eigen::Ref<const Eigen::VectorXd>& p);
bool allFinite(const Network& net);

// The step point of neuron j: where z_j = 0, x = −b_j / w_j. None when w_j = 0 (the neuron is
// constant). setStepPoint keeps w_j and sets b_j = −w_j·x; it does nothing when w_j = 0.
std::optional<double> stepPoint(const Network& net, int j);
void setStepPoint(Network& net, int j, double x);

// Where `count` new neurons put their switching points on [lo, hi]: one by one, each in the middle
// of the widest gap (the leftmost of equals) between lo, hi, the switching points of net's neurons
// that lie in [lo, hi] and the points placed before it. All distinct, and distinct from net's.
std::vector<double> spreadSwitchingPoints(const Network& net, int count, double lo, double hi);

// Evenly spaced samples lo, …, hi (n >= 2).
Eigen::ArrayXd grid(double lo, double hi, int n);
// The index of the sample of grid(lo, hi, n) nearest to x: round((x − lo)/(hi − lo)·(n − 1)),
// with x clamped to [lo, hi] first (a halfway x goes up). 0 when n < 2 or lo >= hi.
int nearestSample(double x, double lo, double hi, int n);

// Everything the graph shows, on a grid of x. Each column of the N×H arrays is one neuron.
struct Evaluation {
    Eigen::ArrayXXd z;            // z_j(x_i)
    Eigen::ArrayXXd activation;   // a_j(x_i)
    Eigen::ArrayXXd contribution; // v_j·a_j(x_i)
    Eigen::ArrayXd output;        // y(x_i)
};
void evaluate(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x, Evaluation& out);
Eigen::ArrayXd evaluateOutput(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x);

// Exact outlines of a step network on [lo, hi]: each curve is a polyline whose jumps are true
// vertical segments (two vertices with the same x) at the step points, so nothing is drawn as a
// slope between samples; a step point on lo or hi is drawn as a jump there when the value changes
// at it. curves[j] is neuron j's contribution, curves[H] the output.
struct Polyline {
    std::vector<double> x, y;
};
std::vector<Polyline> stepOutlines(const Network& net, double lo, double hi);

} // namespace stepwise

#include "core/Backprop.h"

namespace stepwise {

double meanSquaredError(const Eigen::Ref<const Eigen::ArrayXd>& y,
                        const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (y.size() == 0) return 0.0;
    return (y - t).square().mean();
}

namespace {
bool usesSurrogate(const Network& net, const BackpropOptions& o) {
    return o.stepSurrogate && net.activation.kind == ActivationKind::Step;
}

// The forward pass, one neuron (one column of N values) at a time while the column is still in
// cache: z = w_j·x + b_j, a_j = g(z), e = Σ_j v_j·a_j + c − t; returns L = mean(e²). a is N×H.
// Every loss in the program comes from here, so the same network gives the same bits whether the
// loss is reported by loss(), by a Trainer or inside a gradient.
double forwardPass(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                   const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::ArrayXd& z, Eigen::ArrayXXd& a,
                   Eigen::ArrayXd& e) {
    const Eigen::Index n = x.size(), h = net.hidden();
    a.resize(n, h);
    z.resize(n);
    e.resize(n);
    e = net.c - t;
    for (Eigen::Index j = 0; j < h; ++j) {
        z = net.w[j] * x + net.b[j];
        net.activation.apply(z, a.col(j));
        e += net.v[j] * a.col(j);
    }
    return e.square().mean();
}
} // namespace

double GradientKernel::loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (x.size() == 0) return 0.0;
    const double l = forwardPass(net, x, t, z_, a_, e_);
    forwardNet_ = net;
    forwardX_ = x;
    forwardT_ = t;
    forwardLoss_ = l;
    forwardValid_ = true;
    return l;
}

double GradientKernel::compute(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                               const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd& gradient,
                               const BackpropOptions& options) {
    const Eigen::Index n = x.size(), h = net.hidden();
    gradient.resize(paramCount(static_cast<int>(h)));
    if (n == 0) {
        gradient.setZero();
        return 0.0;
    }
    // Forward, unless loss() has just done it for exactly these inputs (bit for bit the same).
    const bool reuse = forwardValid_ && forwardNet_ == net && forwardX_.size() == n &&
                       forwardT_.size() == t.size() && (forwardX_ == x).all() &&
                       (forwardT_ == t).all();
    forwardValid_ = false;
    const double l = reuse ? forwardLoss_ : forwardPass(net, x, t, z_, a_, e_);
    // Backward: e becomes g = 2e/N; then per neuron d = g'(z_j) and δ_j = d ∘ g·v_j.
    e_ *= 2.0 / static_cast<double>(n);
    d_.resize(n);
    const Activation& g = net.activation;
    const bool surrogate = usesSurrogate(net, options);
    // The sigmoid and tanh derivatives come from a alone; the others need z again.
    const bool needsZ = surrogate || g.kind == ActivationKind::ReLU;
    const double k = options.surrogateSteepness;
    for (Eigen::Index j = 0; j < h; ++j) {
        const auto a = a_.col(j);
        gradient[2 * h + j] = (a * e_).sum(); // ∂L/∂v_j
        if (needsZ) z_ = net.w[j] * x + net.b[j];
        if (surrogate) {
            d_ = (1.0 + ((-k) * z_).exp()).inverse();
            d_ = k * d_ * (1.0 - d_);
        } else {
            g.derivative(z_, a, d_);
        }
        d_ *= e_ * net.v[j];
        gradient[j] = (d_ * x).sum(); // ∂L/∂w_j
        gradient[h + j] = d_.sum();   // ∂L/∂b_j
    }
    gradient[3 * h] = e_.sum();
    return l;
}

double loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (x.size() == 0) return 0.0;
    Eigen::ArrayXd z, e;
    Eigen::ArrayXXd a;
    return forwardPass(net, x, t, z, a, e);
}

SampleBreakdown backpropAt(const Network& net, double x, double target, int samples,
                           const BackpropOptions& options) {
    const int h = net.hidden();
    SampleBreakdown s;
    s.x = x;
    s.target = target;
    s.z = net.w * x + net.b;
    s.a.resize(h);
    s.slope.resize(h);
    for (int j = 0; j < h; ++j) {
        s.a[j] = net.activation(s.z[j]);
        s.slope[j] = usesSurrogate(net, options)
                         ? options.surrogateSteepness *
                               sigmoid(s.z[j], options.surrogateSteepness) *
                               (1.0 - sigmoid(s.z[j], options.surrogateSteepness))
                         : net.activation.derivative(s.z[j]);
    }
    s.contribution = s.a.cwiseProduct(net.v);
    s.output = s.contribution.sum() + net.c;
    s.error = s.output - target;
    s.dLdy = 2.0 * s.error / static_cast<double>(std::max(samples, 1));
    s.delta = s.dLdy * net.v.cwiseProduct(s.slope);
    s.gradient.resize(paramCount(h));
    s.gradient << s.delta * x, s.delta, s.dLdy * s.a, s.dLdy;
    return s;
}

} // namespace stepwise

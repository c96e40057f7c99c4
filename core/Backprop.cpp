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
} // namespace

double GradientKernel::compute(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                               const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd& gradient,
                               const BackpropOptions& options) {
    const Eigen::Index n = x.size(), h = net.hidden();
    gradient.resize(paramCount(static_cast<int>(h)));
    if (n == 0) {
        gradient.setZero();
        return 0.0;
    }
    z_.resize(n, h);
    a_.resize(n, h);
    d_.resize(n, h);
    // Forward: z = x·wᵀ + bᵀ, a = g(z), y = a·v + c.
    z_.matrix().noalias() = x.matrix() * net.w.transpose();
    z_.rowwise() += net.b.transpose().array();
    net.activation.apply(z_, a_);
    e_.resize(n);
    e_.matrix().noalias() = a_.matrix() * net.v;
    e_ += net.c - t;
    const double l = e_.square().mean();
    // Backward: e becomes g = 2e/N.
    e_ *= 2.0 / static_cast<double>(n);
    auto dw = gradient.segment(0, h);
    auto db = gradient.segment(h, h);
    auto dv = gradient.segment(2 * h, h);
    dv.noalias() = a_.matrix().transpose() * e_.matrix();
    gradient[3 * h] = e_.sum();
    // d = g'(z), then δ = (g·vᵀ) ∘ d.
    if (usesSurrogate(net, options)) {
        const double k = options.surrogateSteepness;
        d_ = (1.0 + ((-k) * z_).exp()).inverse();
        d_ = k * d_ * (1.0 - d_);
    } else {
        net.activation.derivative(z_, a_, d_);
    }
    d_ *= (e_.matrix() * net.v.transpose()).array();
    dw.noalias() = d_.matrix().transpose() * x.matrix();
    db = d_.colwise().sum().transpose();
    return l;
}

double loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    return meanSquaredError(evaluateOutput(net, x), t);
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

#include "core/training/LeastSquares.h"

#include "core/network/Backprop.h"

#include <Eigen/QR>

namespace stepwise {

OutputFit fitOutputLayer(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                         const Eigen::Ref<const Eigen::ArrayXd>& t) {
    Evaluation e;
    evaluate(net, x, e);
    const Eigen::Index n = x.size(), h = net.hidden();
    Eigen::MatrixXd m(n, h + 1);
    m.leftCols(h) = e.activation.matrix();
    m.col(h).setOnes();
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(m);
    const Eigen::VectorXd theta = cod.solve(t.matrix());
    OutputFit fit;
    fit.v = theta.head(h);
    fit.c = theta[h];
    if (!fit.v.allFinite() || !std::isfinite(fit.c)) {
        fit.v = net.v;
        fit.c = net.c;
    }
    Network fitted = net;
    fitted.v = fit.v;
    fitted.c = fit.c;
    fit.loss = loss(fitted, x, t);
    return fit;
}

} // namespace stepwise

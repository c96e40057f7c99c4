#include "core/landscape/Contours.h"

#include <cmath>

namespace stepwise {

std::vector<ContourSegment> contourSegments(const Eigen::Ref<const Eigen::MatrixXd>& f, double xLo,
                                            double xHi, double yLo, double yHi, double level) {
    std::vector<ContourSegment> out;
    const Eigen::Index nx = f.rows(), ny = f.cols();
    if (nx < 2 || ny < 2 || !std::isfinite(level)) return out;
    const double dx = (xHi - xLo) / static_cast<double>(nx - 1);
    const double dy = (yHi - yLo) / static_cast<double>(ny - 1);
    struct P {
        double x, y;
    };
    for (Eigen::Index i = 0; i + 1 < nx; ++i) {
        for (Eigen::Index k = 0; k + 1 < ny; ++k) {
            // Corners counter-clockwise: c0 (i, k), c1 (i+1, k), c2 (i+1, k+1), c3 (i, k+1).
            const double v[4] = {f(i, k), f(i + 1, k), f(i + 1, k + 1), f(i, k + 1)};
            if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) ||
                !std::isfinite(v[3]))
                continue;
            const bool above[4] = {v[0] >= level, v[1] >= level, v[2] >= level, v[3] >= level};
            if (above[0] == above[1] && above[1] == above[2] && above[2] == above[3]) continue;
            const double cx[4] = {xLo + dx * i, xLo + dx * (i + 1), xLo + dx * (i + 1),
                                  xLo + dx * i};
            const double cy[4] = {yLo + dy * k, yLo + dy * k, yLo + dy * (k + 1),
                                  yLo + dy * (k + 1)};
            // Edge e joins corner e and corner e+1 (mod 4).
            P cross[4];
            bool has[4];
            for (int e = 0; e < 4; ++e) {
                const int a = e, b = (e + 1) % 4;
                has[e] = above[a] != above[b];
                if (!has[e]) continue;
                const double s = (level - v[a]) / (v[b] - v[a]);
                cross[e] = {cx[a] + s * (cx[b] - cx[a]), cy[a] + s * (cy[b] - cy[a])};
            }
            auto seg = [&](int e0, int e1) {
                out.push_back({cross[e0].x, cross[e0].y, cross[e1].x, cross[e1].y});
            };
            const int n = has[0] + has[1] + has[2] + has[3];
            if (n == 2) {
                int first = -1, second = -1;
                for (int e = 0; e < 4; ++e)
                    if (has[e]) (first < 0 ? first : second) = e;
                seg(first, second);
            } else if (n == 4) { // saddle
                const bool centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4.0 >= level;
                if (centreAbove == above[0]) { // c1 and c3 are cut off
                    seg(0, 1);
                    seg(2, 3);
                } else { // c0 and c2 are cut off
                    seg(3, 0);
                    seg(1, 2);
                }
            }
        }
    }
    return out;
}

std::vector<double> logLevels(double lo, double hi, int count) {
    std::vector<double> levels;
    if (!(lo > 0.0) || !(hi > lo) || !std::isfinite(hi) || count <= 0) return levels;
    const double step = std::log(hi / lo) / (count + 1);
    for (int m = 1; m <= count; ++m)
        levels.push_back(lo * std::exp(step * m));
    return levels;
}

} // namespace stepwise

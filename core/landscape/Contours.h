// Contours: iso-lines of a function sampled on a rectangular grid, by marching squares.
//
// f(i, k) is the value at x_i = xLo + (xHi − xLo)·i/(nx − 1), y_k likewise. In each cell of four
// samples every corner is above (f ≥ level) or below; where an edge joins an above and a below
// corner the line crosses it at the linearly interpolated point s = (level − f₀)/(f₁ − f₀) along
// the edge. A cell with two diagonally opposite corners above (a saddle) is cut by the mean of
// its four corners: if the centre is on the same side as corner (i, k), the two other corners
// are cut off; otherwise (i, k) and its opposite are. Cells with a non-finite corner are skipped.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace stepwise {

struct ContourSegment {
    double x0, y0, x1, y1;
};

std::vector<ContourSegment> contourSegments(const Eigen::Ref<const Eigen::MatrixXd>& f, double xLo,
                                            double xHi, double yLo, double yHi, double level);

// `count` levels spaced evenly in log(value) strictly between lo and hi (0 < lo < hi), so that
// each contour marks the same factor of loss: lo·(hi/lo)^(m/(count+1)), m = 1 … count.
std::vector<double> logLevels(double lo, double hi, int count);

} // namespace stepwise

#include "core/lesson/ChaptersBeyond.h"

#include "core/deep/Pieces.h"

#include <algorithm>
#include <cmath>

namespace stepwise::lessonchapters {

// 10. What depth buys: each layer of ReLU neurons can fold the curve of the layer before.
LessonChapter depthChapter() {
    LessonChapter c;
    c.id = "depth";
    c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                 kLessonOutputBias | kLessonHiddenCount | kLessonTraining;
    c.network = defaultScenario().network; // not shown: the layered network is the network
    // Two layers of two ReLU neurons: the first makes |x|, the second passes it on, so the
    // output starts as |x|, two pieces.
    LayeredNetwork start = foldNetwork(2);
    start.layers[1].w << 1.0, 1.0, 0.0, 0.0;
    start.layers[1].b << 0.0, 0.0;
    start.v = Eigen::Vector2d(1.0, 0.0);
    start.c = 0.0;
    c.layered = start;
    auto piecesWith = [](const Scenario& s, int maxWidth, int maxNeurons) {
        const LayeredNetwork net = s.layered ? *s.layered : fromNetwork(s.network);
        int neurons = 0;
        for (const Layer& l : net.layers) {
            if (l.width() > maxWidth) return 0;
            neurons += l.width();
        }
        if (neurons > maxNeurons) return 0;
        return linearPieces(net, s.domain.lo, s.domain.hi).value_or(0);
    };
    c.tasks.push_back(task(
        "ch10.fold",
        [piecesWith](const Scenario& s, const LessonObservation&) {
            return piecesWith(s, 2, kMaxLayers * 2) >= 4;
        },
        [](Scenario& s) { s.layered = foldNetwork(2); }));
    c.tasks.push_back(task(
        "ch10.eight",
        [piecesWith](const Scenario& s, const LessonObservation&) {
            return piecesWith(s, kMaxWidth, 6) >= 8;
        },
        [](Scenario& s) { s.layered = foldNetwork(3); }));
    return c;
}

namespace {

bool same(double a, double b) {
    return std::abs(a - b) <= 1e-9 * (1.0 + std::max(std::abs(a), std::abs(b)));
}

// The two values of f (low, high) when it takes exactly two, else nothing.
std::optional<std::pair<double, double>> twoValues(const Eigen::Ref<const Eigen::ArrayXd>& f) {
    if (f.size() == 0 || !f.allFinite()) return std::nullopt;
    const double lo = f.minCoeff(), hi = f.maxCoeff();
    if (same(lo, hi)) return std::nullopt;
    for (Eigen::Index i = 0; i < f.size(); ++i)
        if (!same(f[i], lo) && !same(f[i], hi)) return std::nullopt;
    return std::make_pair(lo, hi);
}

// Whether the high entries of a profile form one run that touches neither end.
bool oneInnerRun(const std::vector<bool>& high) {
    const auto first = std::find(high.begin(), high.end(), true);
    if (first == high.end() || first == high.begin()) return false;
    const auto last = std::find(high.rbegin(), high.rend(), true).base() - 1;
    if (last == high.end() - 1) return false;
    return std::all_of(first, last + 1, [](bool h) { return h; });
}

} // namespace

bool isRidge(const Eigen::Ref<const Eigen::ArrayXd>& f, int side, int axis) {
    if (side < 3 || f.size() != static_cast<Eigen::Index>(side) * side) return false;
    const auto values = twoValues(f);
    if (!values) return false;
    std::vector<bool> high(static_cast<std::size_t>(side));
    for (int i = 0; i < side; ++i) { // i along the axis, k across it
        const double first = axis == 0 ? f[i] : f[static_cast<Eigen::Index>(i) * side];
        for (int k = 0; k < side; ++k) {
            const Eigen::Index at = axis == 0 ? i + static_cast<Eigen::Index>(k) * side
                                              : k + static_cast<Eigen::Index>(i) * side;
            if (!same(f[at], first)) return false; // it changes across the axis
        }
        high[static_cast<std::size_t>(i)] = same(first, values->second);
    }
    return oneInnerRun(high);
}

bool isTower(const Eigen::Ref<const Eigen::ArrayXd>& f, int side) {
    if (side < 3 || f.size() != static_cast<Eigen::Index>(side) * side) return false;
    const auto values = twoValues(f);
    if (!values) return false;
    auto high = [&](int i1, int i2) {
        return same(f[i1 + static_cast<Eigen::Index>(i2) * side], values->second);
    };
    std::vector<bool> rows(static_cast<std::size_t>(side)), cols(static_cast<std::size_t>(side));
    for (int i2 = 0; i2 < side; ++i2)
        for (int i1 = 0; i1 < side; ++i1)
            if (high(i1, i2))
                rows[static_cast<std::size_t>(i2)] = cols[static_cast<std::size_t>(i1)] = true;
    if (!oneInnerRun(rows) || !oneInnerRun(cols)) return false;
    // Every point of the rectangle the high points span is high.
    for (int i2 = 0; i2 < side; ++i2)
        for (int i1 = 0; i1 < side; ++i1)
            if (rows[static_cast<std::size_t>(i2)] && cols[static_cast<std::size_t>(i1)] &&
                !high(i1, i2))
                return false;
    return true;
}

// 11. Towers: two inputs. Four step neurons (two per input), a step neuron in layer 2 whose bias
// is a threshold, and a linear output.
LessonChapter towersChapter() {
    LessonChapter c;
    c.id = "towers";
    c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                 kLessonOutputBias | kLessonTraining;
    c.network = defaultScenario().network; // not shown: the layered network is the network
    const Activation step{ActivationKind::Step, 1.0};
    LayeredNetwork net = layeredNetwork(2, {{4, step}, {1, step}});
    // Neurons 1 and 2 switch at x₁ = −0.4 and 0.4, neurons 3 and 4 at x₂ = −0.4 and 0.4.
    net.layers[0].w << 10.0, 0.0, 10.0, 0.0, 0.0, 10.0, 0.0, 10.0;
    net.layers[0].b << 4.0, -4.0, 4.0, -4.0;
    net.layers[1].w << 0.0, 0.0, 0.0, 0.0; // the learner's four weights
    net.layers[1].b << -0.5;               // fires where the weighted sum reaches 0.5
    net.v = Eigen::VectorXd::Ones(1);
    net.c = 0.0;
    c.layered = net;
    TargetSurface tower;
    tower.preset = SurfacePreset::Tower;
    c.surface = tower;

    auto towerNet = [](const Scenario& s) {
        return s.layered && s.layered->inputs == 2 && s.layered->depth() == 2 &&
               s.layered->layers[0].width() == 4 && s.layered->layers[1].width() == 1;
    };
    // Neurons j and j + 1 weighted into layer 2, over the plane.
    auto pair = [](const Scenario& s, int j) {
        const Eigen::MatrixXd x = planeGrid(s.domain.lo, s.domain.hi);
        const LayeredEvaluation e = evaluate(*s.layered, x);
        const Eigen::MatrixXd& w = s.layered->layers[1].w;
        return Eigen::ArrayXd(w(0, j) * e.a[0].row(j).transpose() +
                              w(0, j + 1) * e.a[0].row(j + 1).transpose());
    };
    auto setPair = [](Scenario& s, int j) {
        s.layered->layers[1].w(0, j) = 1.0;
        s.layered->layers[1].w(0, j + 1) = -1.0;
    };
    c.tasks.push_back(task(
        "ch11.ridge1",
        [towerNet, pair](const Scenario& s, const LessonObservation&) {
            return towerNet(s) && isRidge(pair(s, 0), kSurfaceSide, 0);
        },
        [setPair](Scenario& s) { setPair(s, 0); }));
    c.tasks.push_back(task(
        "ch11.ridge2",
        [towerNet, pair](const Scenario& s, const LessonObservation&) {
            return towerNet(s) && isRidge(pair(s, 2), kSurfaceSide, 1);
        },
        [setPair](Scenario& s) { setPair(s, 2); }));
    c.tasks.push_back(task(
        "ch11.tower",
        [towerNet](const Scenario& s, const LessonObservation&) {
            if (!towerNet(s)) return false;
            const Eigen::MatrixXd x = planeGrid(s.domain.lo, s.domain.hi);
            return isTower(evaluateOutput(*s.layered, x), kSurfaceSide);
        },
        [setPair](Scenario& s) {
            setPair(s, 0);
            setPair(s, 2);
            s.layered->layers[1].b[0] = -1.5;
        }));
    return c;
}

} // namespace stepwise::lessonchapters

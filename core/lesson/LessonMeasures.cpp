// The lesson's measures: a drawn guess scored by level, the losses and errors tasks read, what
// the walkthrough lets a task observe, and the networks the "show me" buttons and chapters build
// (the chapters themselves are in Lesson.cpp).
#include "core/lesson/Lesson.h"

#include "core/lesson/ChaptersBeyond.h"
#include "core/lesson/LessonOverfit.h"
#include "core/lesson/Walkthrough.h"

#include "core/network/Backprop.h"
#include "core/network/Growth.h"
#include "core/scenario/Presets.h"
#include "core/training/LeastSquares.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise {

namespace {

constexpr int kMaxLevels = 16;       // more runs than this: a smooth curve, one level
constexpr double kJumpMargin = 0.02; // of the domain's width, left out either side of a jump
constexpr double kMinLevelGap = 0.1; // of the truth's height: the smallest d_k
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Run {
    Eigen::Index first, last;
};

// The truth's levels: maximal runs of equal values (to rounding).
std::vector<Run> levelsOf(const Eigen::Ref<const Eigen::ArrayXd>& truth, double height) {
    std::vector<Run> runs;
    const double same = 1e-9 * std::max(1.0, height);
    Eigen::Index start = 0;
    for (Eigen::Index i = 1; i <= truth.size(); ++i)
        if (i == truth.size() || std::abs(truth[i] - truth[i - 1]) > same) {
            runs.push_back({start, i - 1});
            start = i;
        }
    return runs;
}

} // namespace

GuessScore scoreGuessByLevel(const Stroke& guess, const Eigen::Ref<const Eigen::ArrayXd>& x,
                             const Eigen::Ref<const Eigen::ArrayXd>& truth, double lo, double hi) {
    GuessScore result;
    if (x.size() < 2 || truth.size() != x.size() || guess.points.empty() || !truth.allFinite())
        return result;
    Stroke drawn = guess;
    drawn.erase = false;
    TargetCurve curve;
    curve.strokes.push_back(drawn);
    Eigen::ArrayXd value;
    std::vector<bool> defined;
    rasterizeTarget(curve, x, lo, hi, value, defined);
    // The covered part: from the first to the last sample the stroke defines.
    const auto first = std::find(defined.begin(), defined.end(), true);
    if (first == defined.end()) return result;
    const auto last = std::find(defined.rbegin(), defined.rend(), true);
    const Eigen::Index i0 = first - defined.begin();
    const Eigen::Index i1 =
        static_cast<Eigen::Index>(defined.size()) - 1 - (last - defined.rbegin());
    const Eigen::ArrayXd filled = sampleTarget(curve, x, lo, hi);
    if (filled.size() != x.size() || !filled.allFinite()) return result;
    result.coverage = static_cast<double>(i1 - i0 + 1) / static_cast<double>(x.size());

    const double range = truth.maxCoeff() - truth.minCoeff();
    std::vector<Run> runs = levelsOf(truth, range);
    const bool flat = runs.size() > static_cast<std::size_t>(kMaxLevels);
    if (flat) runs = {{0, x.size() - 1}};
    const double margin = kJumpMargin * (hi - lo);
    double worst = 1.0;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const Run& r = runs[k];
        // The jumps sit half-way between neighbouring runs' samples.
        const double left = k > 0 ? 0.5 * (x[r.first - 1] + x[r.first]) + margin : -kInf;
        const double right =
            k + 1 < runs.size() ? 0.5 * (x[r.last] + x[r.last + 1]) - margin : kInf;
        double sum = 0.0;
        int judged = 0, covered = 0;
        for (Eigen::Index i = r.first; i <= r.last; ++i) {
            if (x[i] < left || x[i] > right) continue;
            ++judged;
            if (i < i0 || i > i1) continue;
            ++covered;
            sum += (filled[i] - truth[i]) * (filled[i] - truth[i]);
        }
        if (judged == 0) continue; // too narrow to draw: not judged
        double gap = flat ? std::max(range, 0.5) : kInf;
        if (!flat && k > 0) gap = std::min(gap, std::abs(truth[r.first] - truth[runs[k - 1].last]));
        if (!flat && k + 1 < runs.size())
            gap = std::min(gap, std::abs(truth[runs[k + 1].first] - truth[r.last]));
        if (!std::isfinite(gap)) gap = std::max(range, 0.5); // a single level
        gap = std::max(gap, kMinLevelGap * std::max(range, 0.5));
        GuessLevel level;
        level.from = x[r.first];
        level.to = x[r.last];
        level.value = truth[r.first];
        level.reached = covered > 0;
        double s = 0.0;
        if (level.reached) {
            level.error = std::sqrt(sum / covered);
            const double q = level.error / gap;
            s = 1.0 / (1.0 + q * q);
        }
        level.score = static_cast<int>(std::lround(100.0 * s));
        worst = std::min(worst, s);
        result.levels.push_back(level);
    }
    if (result.levels.empty()) worst = 0.0;
    const double score = 100.0 * result.coverage * worst;
    result.score = std::isfinite(score) ? static_cast<int>(std::lround(score)) : 0;
    return result;
}

int scoreGuess(const Stroke& guess, const Eigen::Ref<const Eigen::ArrayXd>& x,
               const Eigen::Ref<const Eigen::ArrayXd>& truth, double lo, double hi) {
    return scoreGuessByLevel(guess, x, truth, lo, hi).score;
}

std::optional<double> scenarioLoss(const Scenario& s) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() == 0) return std::nullopt;
    return loss(s.network, x, t);
}

std::optional<double> unexplainedFraction(const Scenario& s) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() == 0) return std::nullopt;
    const double variance = (t - t.mean()).square().mean();
    return loss(s.network, x, t) / std::max(variance, 1e-3);
}

void observeWalk(const std::vector<WalkStep>& steps, int index, LessonObservation& o) {
    if (index < 0 || index >= static_cast<int>(steps.size())) return;
    int lastBackward = -1, deltas = 0, stopped = 0;
    for (int i = 0; i < static_cast<int>(steps.size()); ++i)
        if (walkPhase(steps[i].kind) == WalkPhase::Backward) lastBackward = i;
    for (int i = 0; i <= index; ++i) {
        const WalkStep& st = steps[i];
        if (st.kind == WalkKind::DLdv && st.neuron == 0 && !o.revealedSign)
            o.revealedSign = st.value > 0.0 ? 1 : st.value < 0.0 ? -1 : 0;
        if (st.kind == WalkKind::Delta) {
            ++deltas;
            stopped += st.flowStops ? 1 : 0;
        }
    }
    if (lastBackward >= 0 && index >= lastBackward) o.walkedBackward = true;
    int hidden = 0;
    for (const WalkStep& st : steps)
        if (st.kind == WalkKind::Delta) ++hidden;
    if (hidden > 0 && deltas == hidden && stopped == hidden) o.sawNoFlow = true;
}

Network levelStepNetwork(const Scenario& s, int levels) {
    // A target that rises to one peak and falls again (chapter 6's): cut its range into
    // `levels` + 1 bands; a rising step where it enters a band, a falling one where it leaves,
    // and the output at the middle of each band, so no point is further than half a band away.
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    levels = std::max(1, levels);
    Network n(2 * levels, {ActivationKind::Step, 10.0});
    n.v.setZero();
    if (t.size() != x.size() || x.size() < 2) return n;
    const double lo = t.minCoeff(), hi = t.maxCoeff(), band = (hi - lo) / (levels + 1);
    const double slope = 8.0 / (s.domain.hi - s.domain.lo);
    const double half = 0.5 * (x[1] - x[0]);
    for (int k = 1; k <= levels; ++k) {
        const double level = lo + k * band;
        Eigen::Index first = 0, last = x.size() - 1;
        while (first < x.size() && t[first] < level)
            ++first;
        if (first == x.size()) continue; // the band is never reached: the two neurons stay silent
        while (t[last] < level)
            --last;
        const int j = 2 * (k - 1);
        n.w[j] = slope;
        n.b[j] = -slope * (x[first] - half);
        n.v[j] = band;
        n.w[j + 1] = slope;
        n.b[j + 1] = -slope * (x[last] + half);
        n.v[j + 1] = -band;
    }
    n.c = lo + 0.5 * band;
    return n;
}

std::optional<double> scenarioWorstError(const Scenario& s) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() == 0) return std::nullopt;
    return worstCaseError(s.network, x, t).error;
}

bool isBump(const Eigen::Ref<const Eigen::ArrayXd>& y) {
    const Eigen::Index n = y.size();
    if (n < 3 || !y.allFinite()) return false;
    if (std::abs(y[0] - y[n - 1]) > 0.1) return false;
    const double base = 0.5 * (y[0] + y[n - 1]);
    if (y.maxCoeff() - base < 0.5) return false;
    // One stretch above half-way, not touching either end.
    const double half = base + 0.5 * (y.maxCoeff() - base);
    int runs = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        if (y[i] > half && (i == 0 || y[i - 1] <= half)) ++runs;
    return runs == 1 && y[0] <= half && y[n - 1] <= half;
}

double gapFillingPoint(int j) {
    // Van der Corput sequence in base 2: 1/2, 1/4, 3/4, 1/8, 5/8, 3/8, 7/8, …
    double u = 0.0, f = 0.5;
    for (unsigned n = static_cast<unsigned>(j) + 1; n > 0; n >>= 1, f *= 0.5)
        if (n & 1u) u += f;
    return u;
}

Network spreadStepNetwork(int k, const Scenario& s) {
    k = std::clamp(k, kMinHidden, kMaxHidden);
    const double lo = s.domain.lo, hi = s.domain.hi;
    std::vector<double> points;
    for (int j = 0; j < k; ++j)
        points.push_back(lo + gapFillingPoint(j) * (hi - lo));
    std::sort(points.begin(), points.end());
    Network n(k, {ActivationKind::Step, 10.0});
    const double slope = 8.0 / (hi - lo);
    for (int j = 0; j < k; ++j) {
        n.w[j] = slope;
        n.b[j] = -slope * points[j];
    }
    n.v.setZero();
    const Eigen::ArrayXd x = grid(lo, hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, lo, hi);
    if (t.size() == 0) return n;
    const OutputFit fit = fitOutputLayer(n, x, t);
    if (fit.v.allFinite() && std::isfinite(fit.c)) {
        n.v = fit.v;
        n.c = fit.c;
    }
    return n;
}

std::vector<double> approximationErrors(const Scenario& s, int maxNeurons) {
    std::vector<double> errors;
    Scenario trial = s;
    for (int k = 1; k <= maxNeurons; ++k) {
        trial.network = spreadStepNetwork(k, s);
        errors.push_back(scenarioLoss(trial).value_or(0.0));
    }
    return errors;
}

Network addNeuronWhereItHelps(const Scenario& s) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() != x.size())
        return stepwise::addNeuronWhereItHelps(s.network, Eigen::ArrayXd(), Eigen::ArrayXd(),
                                               s.domain.lo, s.domain.hi);
    return stepwise::addNeuronWhereItHelps(s.network, x, t, s.domain.lo, s.domain.hi);
}

Network addNeuronAndFit(const Scenario& s) {
    Network n = addNeuronWhereItHelps(s);
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() != x.size()) return n;
    const OutputFit fit = fitOutputLayer(n, x, t);
    if (!fit.v.allFinite() || !std::isfinite(fit.c)) return n;
    Network fitted = n;
    fitted.v = fit.v;
    fitted.c = fit.c;
    return loss(fitted, x, t) < loss(n, x, t) ? fitted : n;
}

double hiddenGradientNorm(const Scenario& s) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    if (t.size() == 0) return 0.0;
    GradientKernel kernel;
    Eigen::VectorXd g;
    kernel.compute(s.network, x, t, g);
    const int h = s.network.hidden();
    const double norm = g.head(2 * h).norm();
    return std::isfinite(norm) ? norm : 0.0;
}

} // namespace stepwise

#include "core/lesson/Lesson.h"

#include "core/lesson/ChaptersBeyond.h"
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

constexpr int kCheckSamples = 401;
constexpr double kSilent = 0.01; // a neuron "answers 0" below this, "answers 1" above 1 − this

Eigen::ArrayXd checkGrid(const Scenario& s) {
    return grid(s.domain.lo, s.domain.hi, kCheckSamples);
}

Eigen::ArrayXd neuronOutput(const Scenario& s, int j) {
    const Network& n = s.network;
    const Eigen::ArrayXd x = checkGrid(s);
    Eigen::ArrayXd a(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        a[i] = n.activation(n.w[j] * x[i] + n.b[j]);
    return a;
}

bool near(double value, double goal, double tolerance) {
    return std::isfinite(value) && std::abs(value - goal) <= tolerance;
}

bool outputWeightsAre(const Scenario& s, double v1, double v2) {
    const Network& n = s.network;
    return n.hidden() >= 2 && near(n.v[0], v1, kWeightTolerance) &&
           near(n.v[1], v2, kWeightTolerance);
}

bool stepAt(const Scenario& s, int j, double x) {
    if (s.network.hidden() <= j) return false;
    const auto p = stepPoint(s.network, j);
    return p && near(*p, x, kStepTolerance);
}

bool stepInside(const Scenario& s, int j) {
    const auto p = stepPoint(s.network, j);
    return p && *p > s.domain.lo && *p < s.domain.hi;
}

void setOutputWeights(Scenario& s, double v1, double v2) {
    s.network.v[0] = v1;
    s.network.v[1] = v2;
}

using lessonchapters::task;

std::vector<LessonChapter> buildChapters() {
    std::vector<LessonChapter> chapters;
    const Network two = networkPreset(NetworkPreset::Added);

    // 1. The neuron: the bias is the weight of an input that is always 1.
    {
        LessonChapter c;
        c.id = "neuron";
        c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonBiasInput;
        c.network = networkPreset(NetworkPreset::OneNeuron);
        c.tasks.push_back(task(
            "ch1.always-on",
            [](const Scenario& s, const LessonObservation&) {
                return s.network.hidden() >= 1 && (neuronOutput(s, 0) >= 1.0 - kSilent).all();
            },
            [](Scenario& s) {
                s.network.w[0] = 0.0;
                s.network.b[0] = 1.0;
            }));
        c.tasks.push_back(task(
            "ch1.always-off",
            [](const Scenario& s, const LessonObservation&) {
                return s.network.hidden() >= 1 && (neuronOutput(s, 0) <= kSilent).all();
            },
            [](Scenario& s) {
                s.network.w[0] = 0.0;
                s.network.b[0] = -1.0;
            }));
        chapters.push_back(c);
    }
    // 2. A neuron is a graph: the step sits at x = −b/w and faces the way w's sign says.
    {
        LessonChapter c;
        c.id = "graph";
        c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonStepPoints;
        c.network = networkPreset(NetworkPreset::OneNeuron);
        c.tasks.push_back(task(
            "ch2.place-step",
            [](const Scenario& s, const LessonObservation&) { return stepAt(s, 0, 0.5); },
            [](Scenario& s) { setStepPoint(s.network, 0, 0.5); }));
        c.tasks.push_back(task(
            "ch2.flip",
            [](const Scenario& s, const LessonObservation&) {
                return s.network.hidden() >= 1 && s.network.w[0] < 0.0 && stepInside(s, 0);
            },
            [](Scenario& s) {
                const double x = stepPoint(s.network, 0).value_or(0.0);
                s.network.w[0] = -std::max(1.0, std::abs(s.network.w[0]));
                setStepPoint(s.network, 0, std::clamp(x, s.domain.lo + 0.1, s.domain.hi - 0.1));
            }));
        chapters.push_back(c);
    }
    // 3. Two neurons and an output neuron.
    {
        LessonChapter c;
        c.id = "network";
        c.controls =
            kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights | kLessonOutputBias;
        c.network = two;
        c.tasks.push_back(task(
            "ch3.only-first",
            [](const Scenario& s, const LessonObservation&) {
                return outputWeightsAre(s, 1.0, 0.0);
            },
            [](Scenario& s) { setOutputWeights(s, 1.0, 0.0); }));
        c.tasks.push_back(task(
            "ch3.only-second",
            [](const Scenario& s, const LessonObservation&) {
                return outputWeightsAre(s, 0.0, 1.0);
            },
            [](Scenario& s) { setOutputWeights(s, 0.0, 1.0); }));
        c.tasks.push_back(task(
            "ch3.move-second",
            [](const Scenario& s, const LessonObservation&) { return stepAt(s, 1, 0.0); },
            [](Scenario& s) { setStepPoint(s.network, 1, 0.0); }));
        // The output neuron's own bias c lifts the whole sum.
        c.tasks.push_back(task(
            "ch3.lift",
            [](const Scenario& s, const LessonObservation&) {
                return near(s.network.c, 0.5, kWeightTolerance);
            },
            [](Scenario& s) { s.network.c = 0.5; }));
        chapters.push_back(c);
    }
    // 4. Superposition: add, invert, scale.
    {
        LessonChapter c;
        c.id = "superposition";
        c.controls = kLessonOutputWeights | kLessonPredict;
        c.network = two;
        c.network.v << 1.0, 0.0;
        const std::pair<const char*, std::pair<double, double>> goals[] = {
            {"ch4.add", {1.0, 1.0}},
            {"ch4.invert-second", {1.0, -1.0}},
            {"ch4.invert-first", {-1.0, 1.0}},
            {"ch4.scale", {0.5, 0.5}}};
        for (const auto& [id, v] : goals)
            c.tasks.push_back(task(
                id,
                // Capture by a named copy: clang refuses to capture a structured binding.
                [goal = v](const Scenario& s, const LessonObservation&) {
                    return outputWeightsAre(s, goal.first, goal.second);
                },
                [goal = v](Scenario& s) { setOutputWeights(s, goal.first, goal.second); }));
        chapters.push_back(c);
    }
    // 5. Exercise: predict (1.5, −0.5), then reveal.
    {
        LessonChapter c;
        c.id = "exercise";
        c.controls =
            kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights | kLessonGuess;
        c.locked = true;
        c.network = networkPreset(NetworkPreset::Exercise);
        c.tasks.push_back(task("ch5.sketch", [](const Scenario&, const LessonObservation& o) {
            return o.guessDrawn;
        }));
        c.tasks.push_back(task(
            "ch5.reveal", [](const Scenario&, const LessonObservation& o) { return o.revealed; }));
        c.tasks.push_back(task("ch5.good-guess", [](const Scenario&, const LessonObservation& o) {
            return o.revealed && o.guessScore && *o.guessScore >= 80;
        }));
        chapters.push_back(c);
    }
    // 6. Many neurons: bumps, and the universal approximation theorem.
    {
        LessonChapter c;
        c.id = "universal";
        c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                     kLessonOutputBias | kLessonHiddenCount | kLessonStepPoints |
                     kLessonAddNeurons | kLessonWorstError;
        c.network = two;
        c.target.preset = TargetPreset::Gaussian;
        c.tasks.push_back(task(
            "ch6.bump",
            [](const Scenario& s, const LessonObservation&) {
                return isBump(evaluateOutput(s.network, checkGrid(s)));
            },
            [](Scenario& s) {
                s.network.resize(std::max(2, s.network.hidden()));
                s.network.v.setZero();
                s.network.c = 0.0;
                setOutputWeights(s, 1.0, -1.0);
            }));
        c.tasks.push_back(task(
            "ch6.approximate",
            [](const Scenario& s, const LessonObservation&) {
                const auto l = scenarioLoss(s);
                return s.network.hidden() <= 4 && l && *l <= 0.015;
            },
            [](Scenario& s) {
                // Two bumps stacked: a wide one for the shoulders, a narrow one for the peak.
                Network n(4, {ActivationKind::Step, 10.0});
                const double points[] = {-0.5, -0.25, 0.25, 0.5};
                for (int j = 0; j < 4; ++j) {
                    n.w[j] = 4.0;
                    n.b[j] = -4.0 * points[j];
                }
                const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
                const OutputFit fit =
                    fitOutputLayer(n, x, sampleTarget(s.target, x, s.domain.lo, s.domain.hi));
                n.v = fit.v;
                n.c = fit.c;
                s.network = n;
            }));
        c.tasks.push_back(task(
            "ch6.many",
            [](const Scenario& s, const LessonObservation&) {
                const auto l = scenarioLoss(s);
                return s.network.hidden() >= 12 && l && *l <= 0.005;
            },
            [](Scenario& s) { s.network = spreadStepNetwork(12, s); }));
        // "As close as you want", made concrete: every grid point within ε.
        c.tasks.push_back(task(
            "ch6.epsilon",
            [](const Scenario& s, const LessonObservation&) {
                const auto e = scenarioWorstError(s);
                return s.network.hidden() <= kEpsilonNeurons && e && *e <= kEpsilonGoal;
            },
            [](Scenario& s) { s.network = levelStepNetwork(s, kEpsilonNeurons / 2); }));
        chapters.push_back(c);
    }
    // 7. Gradient descent: the loss, the gradient uphill, steps against it, the learning rate.
    {
        LessonChapter c;
        c.id = "descent";
        c.controls = kLessonAll &
                     ~(kLessonGuess | kLessonAddNeurons | kLessonGradient | kLessonPresets |
                       kLessonStepPoints | kLessonWalkthrough | kLessonPredict | kLessonWorstError);
        std::mt19937_64 rng(7);
        c.network = randomNetwork(8, {ActivationKind::Sigmoid, 2.0}, -1.0, 1.0, rng);
        c.tasks.push_back(task(
            "ch7.draw",
            [](const Scenario& s, const LessonObservation&) { return !s.target.empty(); },
            [](Scenario& s) { s.target.preset = TargetPreset::Sine; }));
        c.tasks.push_back(task(
            "ch7.diverge", [](const Scenario&, const LessonObservation& o) { return o.diverged; }));
        c.tasks.push_back(task("ch7.fast", [](const Scenario&, const LessonObservation& o) {
            return o.goalReachedAtStep && *o.goalReachedAtStep <= kDescentFastSteps;
        }));
        c.tasks.push_back(task("ch7.train", [](const Scenario& s, const LessonObservation&) {
            const auto u = unexplainedFraction(s);
            return u && *u <= 0.05;
        }));
        // A fit a class can watch: Adam with η = 0.05 at 100 steps a frame fitted the sine within
        // a frame and, near the bottom, kept overshooting (the loss a comb of spikes, the app's
        // own "try a smaller η" within a second). With η = 0.0003 the sine takes about 2 500
        // steps and the loss settles (no spike in 12 000 steps on any preset target); 10 steps
        // a frame spread the fit over about four seconds (tests/ui test_FirstClass.cpp), and a
        // learner trying a rate that crawls still sees 2 000 steps go by in a few seconds.
        OptimizerSettings calm;
        calm.kind = OptimizerKind::Adam;
        calm.learningRate = 0.0003;
        c.optimizer = calm;
        c.stepsPerFrame = 10;
        chapters.push_back(c);
    }
    // 8. Backpropagation: the chain rule, backwards, one sample at a time.
    {
        LessonChapter c;
        c.id = "backprop";
        c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                     kLessonOutputBias | kLessonWalkthrough;
        // Two ReLU neurons whose ramps start inside the domain, so that left of both no slope
        // gets through (g′ = 0 there) and right of them the arithmetic stays short (g′ = 1).
        c.network = Network(2, {ActivationKind::ReLU, 10.0});
        c.network.w << 2.0, 1.5;
        c.network.b << 0.6, -0.3; // ramps from x = −0.3 and x = 0.2
        c.network.v << 1.0, -0.8;
        c.network.c = 0.1;
        c.target.preset = TargetPreset::Sine;
        c.tasks.push_back(task("ch8.predict", [](const Scenario&, const LessonObservation& o) {
            return o.predictedSign && o.revealedSign && *o.predictedSign == *o.revealedSign;
        }));
        c.tasks.push_back(task("ch8.backward", [](const Scenario&, const LessonObservation& o) {
            return o.walkedBackward;
        }));
        c.tasks.push_back(task("ch8.no-flow", [](const Scenario&, const LessonObservation& o) {
            return o.sawNoFlow;
        }));
        chapters.push_back(c);
    }
    // 9. Why steps cannot learn, and what sigmoids change.
    {
        LessonChapter c;
        c.id = "smooth";
        c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                     kLessonOutputBias | kLessonActivation | kLessonSteepness | kLessonTraining |
                     kLessonGradient;
        std::mt19937_64 rng(8);
        c.network = randomNetwork(6, {ActivationKind::Step, 10.0}, -1.0, 1.0, rng);
        c.target.preset = TargetPreset::Sine;
        auto sigmoidWith = [](double k) {
            return [k](Scenario& s) { s.network.activation = {ActivationKind::Sigmoid, k}; };
        };
        auto isSigmoid = [](const Scenario& s) {
            return s.network.activation.kind == ActivationKind::Sigmoid;
        };
        c.tasks.push_back(task(
            "ch9.sigmoid",
            [isSigmoid](const Scenario& s, const LessonObservation&) { return isSigmoid(s); },
            sigmoidWith(10.0)));
        c.tasks.push_back(task(
            "ch9.steep",
            [isSigmoid](const Scenario& s, const LessonObservation&) {
                return isSigmoid(s) && s.network.activation.steepness >= 30.0;
            },
            sigmoidWith(40.0)));
        c.tasks.push_back(task(
            "ch9.gentle",
            [isSigmoid](const Scenario& s, const LessonObservation&) {
                return isSigmoid(s) && s.network.activation.steepness <= 2.0;
            },
            sigmoidWith(1.0)));
        chapters.push_back(c);
    }
    // Past the one-layer network: depth, then two inputs (core/lesson/ChaptersBeyond.cpp).
    chapters.push_back(lessonchapters::depthChapter());
    chapters.push_back(lessonchapters::towersChapter());
    return chapters;
}

} // namespace

const std::vector<LessonChapter>& lessonChapters() {
    static const std::vector<LessonChapter> chapters = buildChapters();
    return chapters;
}

int lessonChapterCount() {
    return static_cast<int>(lessonChapters().size());
}

const LessonTask* findLessonTask(const std::string& id) {
    for (const LessonChapter& c : lessonChapters())
        for (const LessonTask& t : c.tasks)
            if (t.id == id) return &t;
    return nullptr;
}

void setUpChapter(Scenario& s, int index) {
    if (index < 0 || index >= lessonChapterCount()) return;
    const LessonChapter& c = lessonChapters()[index];
    s.network = c.network;
    s.layered = c.layered;
    s.surface = c.surface;
    s.target = c.target;
    if (c.optimizer) s.training.optimizer = *c.optimizer;
}

std::vector<std::string> passingTasks(const Scenario& s, int index, const LessonObservation& o) {
    std::vector<std::string> ids;
    if (index < 0 || index >= lessonChapterCount() || s.network.hidden() < 1) return ids;
    for (const LessonTask& t : lessonChapters()[index].tasks)
        if (t.check(s, o)) ids.push_back(t.id);
    return ids;
}

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

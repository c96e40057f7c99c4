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
    // 12. Too many neurons: a curve through every noisy training point, and what helps.
    chapters.push_back(overfitChapter());
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

LessonNetworkKind networkKindOf(const Scenario& s) {
    if (!s.layered) return LessonNetworkKind::Lesson;
    return s.layered->inputs == 2 ? LessonNetworkKind::Plane : LessonNetworkKind::Deep;
}

LessonNetworkKind networkKindOf(const LessonChapter& c) {
    if (c.surface || (c.layered && c.layered->inputs == 2)) return LessonNetworkKind::Plane;
    return c.layered ? LessonNetworkKind::Deep : LessonNetworkKind::Lesson;
}

int firstChapterFor(LessonNetworkKind kind) {
    const std::vector<LessonChapter>& all = lessonChapters();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (networkKindOf(all[i]) == kind) return static_cast<int>(i);
    return 0;
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
    if (c.weightDecay) {
        s.training.weightDecay = *c.weightDecay;
        s.training.earlyStopping = false;
    }
}

std::vector<std::string> passingTasks(const Scenario& s, int index, const LessonObservation& o) {
    std::vector<std::string> ids;
    if (index < 0 || index >= lessonChapterCount() || s.network.hidden() < 1) return ids;
    for (const LessonTask& t : lessonChapters()[index].tasks)
        if (t.check(s, o)) ids.push_back(t.id);
    return ids;
}

} // namespace stepwise

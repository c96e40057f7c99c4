// Lesson: the guided lesson's chapters and the checks of its "try this" tasks, as pure functions
// of the scenario. No words live here: the screen text of every chapter and task is looked up by
// id in the ui layer, so it can be translated.
//
// The chapters follow the lesson's argument:
//   1 neuron     y = g(w·x + b·1): the bias is the weight on an input that is always 1
//   2 graph      a step neuron is the graph of g(w·x + b); it steps at x = −b/w, facing up
//                when w > 0 and down when w < 0
//   3 network    two hidden neurons feed an output neuron: y = w11·n1(x) + w21·n2(x) + c
//   4 superpose  (1, 1) adds the two steps, (1, −1) and (−1, 1) invert one, a weight scales
//   5 exercise   predict (w11, w21) = (1.5, −0.5), then reveal and score the guess
//   6 universal  two steps make a bump; enough bumps trace any continuous curve
//   6 universal  … and the worst-case distance max|y − t| can be brought under any ε
//   7 descent    the loss, the gradient that points uphill, steps against it; the learning
//                rate: too small crawls, too large diverges
//   8 backprop   the chain rule, backwards: one sample walked through the network
//                (core/lesson/Walkthrough.h), then the mean over the batch and one step
//   9 smooth     the step's true slope is zero, so no gradient reaches the hidden layer; the
//                sigmoid σ(k·z) is a step you can differentiate, and tends to it as k grows
//  10 overfit    too many neurons for a few noisy points: the curve threads every training
//                point, the training loss falls to about 0 and the test loss stays high; fewer
//                neurons, or weight decay (training descends L + λ·Σ(w_j² + v_j²)), do better
//
// Scoring a guess (scoreGuess), level by level: the sketched stroke is turned into one value per
// grid sample by the target rule (sampleTarget). The truth (a step network's output) is cut into
// its levels, the runs of samples where it is constant; for each level k,
//   r_k  = sqrt(mean((guess − truth)²)) over the level's covered samples, leaving out 2 % of the
//          domain's width either side of each jump (a hand-drawn jump is never exactly vertical),
//   d_k  = the distance to the nearest neighbouring level (at least a tenth of the truth's
//          height): how far off a guess may be before it is nearer another level,
//   s_k  = 1 / (1 + (r_k / d_k)²),   0 for a level the stroke does not reach,
// and score = round(100 · coverage · min_k s_k), coverage the covered fraction of the domain.
// The worst level decides: s_k ≥ 0.8 exactly when r_k ≤ d_k / 2, so a guess passes (80) only when
// every level is nearer its own value than half-way to the next (issue 14 §3: guesses that ignored
// w21, (0, 1.5, 1.5), or put neuron 2's drop at x = 0 scored 83). A truth that is not a few flat
// levels (more than 16 runs: a smooth curve) is one level with d = max(max − min, 0.5).
#pragma once

#include "core/scenario/Scenario.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stepwise {

// What a chapter shows. Rows and boxes of the parameter panel, the training tab, drawing.
enum LessonControl : unsigned {
    kLessonHiddenWeights = 1u << 0, // w1, w2, …
    kLessonHiddenBiases = 1u << 1,  // b1, b2, …
    kLessonOutputWeights = 1u << 2, // w11, w21, …
    kLessonOutputBias = 1u << 3,    // c
    kLessonActivation = 1u << 4,
    kLessonSteepness = 1u << 5,
    kLessonHiddenCount = 1u << 6,
    kLessonStepPoints = 1u << 7, // the "place steps by position" toggle
    kLessonPresets = 1u << 8,
    kLessonTraining = 1u << 9,
    kLessonDraw = 1u << 10,        // drawing and erasing the target
    kLessonGuess = 1u << 11,       // sketching a guess (the exercise)
    kLessonAddNeurons = 1u << 12,  // the "add a neuron" experiment of chapter 6
    kLessonGradient = 1u << 13,    // the hidden-layer slope readout of chapter 9
    kLessonWalkthrough = 1u << 14, // the backprop walkthrough and the sign prediction (chapter 8)
    kLessonPredict = 1u << 15,     // "predict first": the sum hidden until revealed (chapter 4)
    kLessonWorstError = 1u << 16,  // the worst-case distance and its ε band (chapter 6)
    kLessonAll = (1u << 17) - 1,
    // Not a control, so not in kLessonAll (free mode leaves it out): the diagram draws the input
    // that is always 1, whose weight is the bias (chapter 1).
    kLessonBiasInput = 1u << 17,
};

// What the window has seen happen that is not in the scenario (the exercise's guess).
struct LessonObservation {
    bool guessDrawn = false;
    bool revealed = false;
    std::optional<int> guessScore; // 0..100, once revealed
    // Training (chapter 7): a run was stopped because it diverged; the step count of the current
    // run when it first got within the chapter's goal (kDescentGoal of the target's spread).
    bool diverged = false;
    std::optional<long long> goalReachedAtStep;
    // The walkthrough (chapter 8): the learner's prediction of the sign of ∂L/∂w11 (+1 or −1) for
    // the sample being walked, and the sign the walk showed once it got there; a walk that went
    // through a whole backward pass; a walk in which nothing reached the hidden layer.
    std::optional<int> predictedSign;
    std::optional<int> revealedSign;
    bool walkedBackward = false;
    bool sawNoFlow = false;
};

struct LessonTask {
    std::string id; // "ch2.place-step"
    std::function<bool(const Scenario&, const LessonObservation&)> check;
    // Puts the scenario in a state that passes the check ("show me"); empty when the task is
    // an action in the window (sketching, training).
    std::function<void(Scenario&)> solve;
};

struct LessonChapter {
    std::string id; // "neuron", "graph", …
    unsigned controls = 0;
    bool locked = false; // the rows shown are read-only (the exercise shows, but asks)
    Network network;     // the starting network
    // A chapter about depth starts with a layered network (core/deep) instead; it is then the
    // scenario's network. Every other chapter clears the layered network.
    std::optional<LayeredNetwork> layered;
    // A chapter of two inputs starts with a target over the plane; every other clears it.
    std::optional<TargetSurface> surface;
    TargetCurve target; // the starting target (often none)
    std::vector<LessonTask> tasks;
    // A chapter that trains sets its optimizer and its pace (training steps per displayed
    // frame), chosen so that a class watches the fit happen over several seconds without the
    // loss spiking; chapters that do not train leave both as they are.
    std::optional<OptimizerSettings> optimizer;
    int stepsPerFrame = 0; // 0: the window's pace as it is
    // A chapter about overfitting starts without weight decay and early stopping (the learner
    // turns weight decay on as a task): the λ it starts with, and early stopping then off.
    std::optional<double> weightDecay;
};

const std::vector<LessonChapter>& lessonChapters();
int lessonChapterCount();
const LessonTask* findLessonTask(const std::string& id);

// The three kinds of network the chapters are written for: the lesson's (one input, one hidden
// layer), a deeper one of one input, and one of two inputs (a surface over the plane).
enum class LessonNetworkKind { Lesson, Deep, Plane };
LessonNetworkKind networkKindOf(const Scenario& s);
LessonNetworkKind networkKindOf(const LessonChapter& c);
// The first chapter written for networks of this kind.
int firstChapterFor(LessonNetworkKind kind);

// Puts chapter `index`'s starting network (its layered one, or none) and target (its surface
// over the plane, or none) into s, its optimizer when it has one, and its weight decay (with
// early stopping off) when it has one (the seed and the other training settings, the domain and
// the lesson state are left as they are).
void setUpChapter(Scenario& s, int index);

// The ids of the tasks of chapter `index` whose check passes now.
std::vector<std::string> passingTasks(const Scenario& s, int index, const LessonObservation& o);

// The goal of chapter 7's "fast" task: the loss at most this fraction of the target's spread
// (its variance), within kDescentFastSteps steps of one run.
inline constexpr double kDescentGoal = 0.1;
inline constexpr long long kDescentFastSteps = 2000;
// Chapter 6's ε task: every grid point within this distance, with at most that many neurons.
inline constexpr double kEpsilonGoal = 0.15;
inline constexpr int kEpsilonNeurons = 6;

// Chapter 12 (overfitting), on its 24 points of 0.7·sin(2.5x) with noise, half of them held out:
//   ch12.overfit  training loss ≤ test loss / kOverfitRatio (the curve fits the noise), with at
//                 least kOverfitManyNeurons neurons
//   ch12.few      test loss < kOverfitTestGoal with at most kOverfitFewNeurons neurons
//   ch12.decay    test loss < kOverfitTestGoal with weight decay on, at least kOverfitManyNeurons
//                 neurons, and Σ_j (w_j² + v_j²) < kOverfitDecayedWeights: the weights have shrunk
//                 as decay shrinks them (the chapter starts near 400; 1 500 steps at λ = 10⁻³
//                 leave about 6, and 3·10⁻⁴ about 30), so the task cannot tick on a few-neuron
//                 fit given silent neurons (output weight 0) with their large hidden weights
// The noise alone gives the true curve a test loss of about 0.031 on these points.
inline constexpr double kOverfitRatio = 4.0;
inline constexpr double kOverfitTestGoal = 0.04;
inline constexpr int kOverfitFewNeurons = 6;
inline constexpr int kOverfitManyNeurons = 12;
inline constexpr double kOverfitDecayedWeights = 50.0;

// The mean squared error on the training points and on the test points (core/data/DataSet.h),
// or nullopt when the scenario has no test points (or none to learn from).
struct SplitLosses {
    double train = 0.0, test = 0.0;
};
std::optional<SplitLosses> splitLosses(const Scenario& s);

// The fraction of the target's spread the network leaves unexplained, loss / variance (the
// variance floored at 10⁻³), or nullopt without a target.
std::optional<double> unexplainedFraction(const Scenario& s);

// What the lesson learns from the walkthrough when it shows steps[index]: fills the
// observation's revealedSign (once the walk reaches ∂L/∂v of neuron 1), walkedBackward (once it
// reaches the last backward step) and sawNoFlow (once every hidden neuron's δ has been shown and
// each stops the flow).
struct WalkStep;
void observeWalk(const std::vector<WalkStep>& steps, int index, LessonObservation& o);

// Tolerances of the checks.
inline constexpr double kStepTolerance = 0.05;   // |step point − goal|
inline constexpr double kWeightTolerance = 0.05; // |w11 − goal|, |w21 − goal|

// The exercise's score of a sketched guess against the true output on the grid x of [lo, hi].
struct GuessLevel {
    double from = 0.0, to = 0.0; // the level's x extent (first and last sample)
    double value = 0.0;          // the truth there
    double error = 0.0;          // r_k (0 when not reached)
    bool reached = false;        // the stroke covers some of its judged samples
    int score = 0;               // round(100 · s_k)
};
struct GuessScore {
    int score = 0; // 0..100
    double coverage = 0.0;
    std::vector<GuessLevel> levels; // left to right; levels too narrow to judge are left out
};
GuessScore scoreGuessByLevel(const Stroke& guess, const Eigen::Ref<const Eigen::ArrayXd>& x,
                             const Eigen::Ref<const Eigen::ArrayXd>& truth, double lo, double hi);
int scoreGuess(const Stroke& guess, const Eigen::Ref<const Eigen::ArrayXd>& x,
               const Eigen::Ref<const Eigen::ArrayXd>& truth, double lo, double hi);

// The loss (mean squared error) of the scenario's network against its target on the domain
// grid, or nullopt without a target.
std::optional<double> scenarioLoss(const Scenario& s);
// Beside it, the worst-case error max_i |y(x_i) − t(x_i)| on the same grid (the readout of
// "every point within ε"), or nullopt without a target.
std::optional<double> scenarioWorstError(const Scenario& s);

// Whether y (on an evenly spaced grid) is a bump: it starts and ends at about the same level
// and rises at least 0.5 above it on one stretch strictly inside the domain.
bool isBump(const Eigen::Ref<const Eigen::ArrayXd>& y);

// The "add neurons" experiment: k step neurons, and the best output layer for the target
// (least squares). Each new neuron puts its step in the middle of the widest gap left by the
// others (the base-2 van der Corput points lo + u·(hi − lo), u = ½, ¼, ¾, ⅛, ⅝, …), so the
// steps of k neurons are among those of k + 1 and the error can only shrink as k grows.
double gapFillingPoint(int j); // u for neuron j (0-based), in (0, 1)
Network spreadStepNetwork(int k, const Scenario& s);
// Its loss for k = 1 … maxNeurons: shrinks as neurons are added.
std::vector<double> approximationErrors(const Scenario& s, int maxNeurons);
// 2·levels step neurons that trace a target with one peak in levels + 1 flat bands, no grid
// point further than half a band from the target (chapter 6's ε task's "show me").
Network levelStepNetwork(const Scenario& s, int levels);

// "Add a neuron" to the learner's own network, never raising the loss (core/network/Growth.h):
// one more neuron, with output weight 0 (the output and the loss exactly unchanged), its switching
// point where the target's residual says it helps most (the widest gap without a target).
Network addNeuronWhereItHelps(const Scenario& s);
// The same, then the best output layer for the new hidden layer (least squares), kept only when
// its loss is lower: the loss falls or stays, never rises.
Network addNeuronAndFit(const Scenario& s);

// The size of the exact gradient (no surrogate) reaching the hidden layer,
// sqrt(Σ_j (∂L/∂w_j)² + (∂L/∂b_j)²): 0 for a step network, whatever the target.
double hiddenGradientNorm(const Scenario& s);

} // namespace stepwise

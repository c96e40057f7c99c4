// stepwise-bench: speed figures, one line per figure ("name key=value …"). Not a test.
//
//   stepwise-bench [--quick] [--filter WORD] [--repeat N] [--steps S]
//
// train      the app's Trainer on the standard workload: 1 → H sigmoid (k = 1) → 1 linear, mean
//            squared error, full-batch SGD at η = 0.1, N points evenly spaced on [−1, 1], target
//            sin(3x), from a fixed random network (seed 7); run() is called in chunks of about
//            6 ms, as the app's training thread calls it
// reference  a tight hand-written Eigen loop on the same workload from the same weights
// ratio      train steps/s over reference steps/s, and how far apart their final losses are
// landscape  computeLandscape over a 200×200 grid: two output weights (closed form) and w1, b1
//            of one hidden neuron (point by point); the median of several runs
//
// Both trainers take the same number of steps, 16 to warm up and then enough for the faster to run
// at least one second (0.2 s with --quick), so their final losses must agree. --repeat N measures
// each figure N times and keeps the best (the machine is shared). --steps S times exactly S steps
// after the warm-up instead (to compare final losses with another implementation).
#include "ReferenceTrainer.h"

#include "core/LossLandscape.h"
#include "core/Presets.h"
#include "core/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace stepwise;
using Clock = std::chrono::steady_clock;

struct Options {
    bool quick = false;
    std::string filter;
    int repeat = 1;
    long steps = 0; // timed steps per trainer; 0 = calibrate for the target time
};

Options options;

bool wanted(const char* name) {
    return options.filter.empty() || std::string(name).find(options.filter) != std::string::npos;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Workload {
    int hidden = 0, samples = 0;
    Network net;
    Eigen::ArrayXd x, t;
};

Workload workload(int hidden, int samples) {
    Workload w;
    w.hidden = hidden;
    w.samples = samples;
    std::mt19937_64 rng(7);
    w.net = randomNetwork(hidden, {ActivationKind::Sigmoid, 1.0}, -1.0, 1.0, rng);
    w.x = grid(-1.0, 1.0, samples);
    w.t = (3.0 * w.x).sin();
    return w;
}

TrainSettings sgd() {
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.1;
    return s;
}

struct TimedRun {
    long steps = 0;
    double seconds = 0.0, finalLoss = 0.0;
};
constexpr long kWarmup = 16;

// The app's trainer, driven the way the app's training thread drives it: run() in chunks sized
// to take about 6 ms each, starting from 16 steps. Times `steps` steps after `warmup`, or (when
// minSeconds > 0) as many as fit in minSeconds.
TimedRun runOurs(const Workload& w, long warmup, long steps, double minSeconds) {
    Trainer trainer(w.net, w.x, w.t, sgd(), std::mt19937_64(1));
    TrainReport report = trainer.run(warmup);
    TimedRun r;
    long chunk = 16;
    const auto start = Clock::now();
    while (minSeconds > 0 ? secondsSince(start) < minSeconds : r.steps < steps) {
        const long n = minSeconds > 0 ? chunk : std::min(chunk, steps - r.steps);
        const auto t0 = Clock::now();
        report = trainer.run(n);
        const double ms = std::max(1000.0 * secondsSince(t0), 0.01);
        chunk = std::clamp<long>(static_cast<long>(n * 6.0 / ms), 1, 1 << 20);
        r.steps += n;
        if (report.diverged) break;
    }
    r.seconds = secondsSince(start);
    r.finalLoss = report.loss;
    return r;
}

TimedRun runReference(const Workload& w, long warmup, long steps, double minSeconds) {
    bench::ReferenceTrainer ref(w.net, w.x, w.t, 0.1);
    for (long i = 0; i < warmup; ++i)
        ref.step();
    TimedRun r;
    const auto start = Clock::now();
    while (minSeconds > 0 ? secondsSince(start) < minSeconds : r.steps < steps) {
        ref.step();
        ++r.steps;
    }
    r.seconds = secondsSince(start);
    r.finalLoss = ref.loss();
    return r;
}

void trainFigures(int hidden, int samples) {
    const bool ours = wanted("train") || wanted("ratio");
    const bool reference = wanted("reference") || wanted("ratio");
    if (!ours && !reference) return;
    const Workload w = workload(hidden, samples);
    const double target = options.quick ? 0.2 : 1.0;
    // Calibrate (this also warms up): how many steps make `target` seconds for the faster one.
    double fastest = 0.0;
    if (options.steps == 0 && ours) {
        const TimedRun c = runOurs(w, 0, 0, 0.1 * target);
        fastest = std::max(fastest, c.steps / c.seconds);
    }
    if (options.steps == 0 && reference) {
        const TimedRun c = runReference(w, 0, 0, 0.1 * target);
        fastest = std::max(fastest, c.steps / c.seconds);
    }
    const long steps =
        options.steps > 0 ? options.steps
                          : std::max(kWarmup, static_cast<long>(std::ceil(fastest * target * 1.1)));

    double bestOurs = 0.0, bestRef = 0.0, oursLoss = 0.0, refLoss = 0.0;
    for (int rep = 0; rep < options.repeat; ++rep) {
        if (ours) {
            const TimedRun r = runOurs(w, kWarmup, steps, 0.0);
            bestOurs = std::max(bestOurs, r.steps / r.seconds);
            oursLoss = r.finalLoss;
        }
        if (reference) {
            const TimedRun r = runReference(w, kWarmup, steps, 0.0);
            bestRef = std::max(bestRef, r.steps / r.seconds);
            refLoss = r.finalLoss;
        }
    }
    const long total = kWarmup + steps;
    if (ours && wanted("train"))
        std::printf("train hidden=%d samples=%d steps_per_s=%.0f final_loss=%.15g steps=%ld\n",
                    hidden, samples, bestOurs, oursLoss, total);
    if (reference && wanted("reference"))
        std::printf("reference hidden=%d samples=%d steps_per_s=%.0f final_loss=%.15g steps=%ld\n",
                    hidden, samples, bestRef, refLoss, total);
    if (ours && reference && wanted("ratio"))
        std::printf("ratio hidden=%d samples=%d ours_over_reference=%.3f final_loss_diff=%.3g\n",
                    hidden, samples, bestOurs / bestRef, std::abs(oursLoss - refLoss));
    std::fflush(stdout);
}

void landscapeFigure(const char* params, ParamId p, ParamId q, int runs) {
    if (!wanted("landscape")) return;
    const Workload w = workload(16, 512);
    const LandscapeAxes axes = defaultAxes(w.net, p, q, 200);
    std::vector<double> ms;
    double checksum = 0.0;
    computeLandscape(w.net, w.x, w.t, axes); // warm-up
    for (int rep = 0; rep < runs * options.repeat; ++rep) {
        const auto start = Clock::now();
        const Landscape l = computeLandscape(w.net, w.x, w.t, axes);
        ms.push_back(1000.0 * secondsSince(start));
        checksum = l.loss.sum();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("landscape params=%s hidden=16 samples=512 grid=200 ms=%.3f min_ms=%.3f runs=%zu "
                "sum=%.10g\n",
                params, ms[ms.size() / 2], ms.front(), ms.size(), checksum);
    std::fflush(stdout);
}

int usage(const char* argv0) {
    std::fprintf(stderr, "usage: %s [--quick] [--filter WORD] [--repeat N] [--steps S]\n", argv0);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            options.quick = true;
        } else if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc) {
            options.filter = argv[++i];
        } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            options.repeat = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--steps") == 0 && i + 1 < argc) {
            options.steps = std::max(1L, std::atol(argv[++i]));
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            usage(argv[0]);
            return 0;
        } else {
            return usage(argv[0]);
        }
    }
    for (const auto& [h, n] : {std::pair{2, 256}, {16, 512}, {64, 1024}, {256, 4096}})
        trainFigures(h, n);
    const int runs = options.quick ? 3 : 9;
    landscapeFigure("output", {ParamKind::OutputWeight, 0}, {ParamKind::OutputWeight, 1}, 5 * runs);
    landscapeFigure("hidden", {ParamKind::HiddenWeight, 0}, {ParamKind::HiddenBias, 0}, runs);
    return 0;
}

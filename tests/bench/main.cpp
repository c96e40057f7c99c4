// stepwise-bench: speed figures, one line per figure ("name key=value …"). Not a test.
//
//   stepwise-bench [--quick] [--filter WORD] [--repeat N] [--steps S]
//
// train      the app's Trainer on the standard workload: 1 → H sigmoid (k = 1) → 1 linear, mean
//            squared error, full-batch SGD at η = 0.1, N points evenly spaced on [−1, 1], target
//            sin(3x), from a fixed random network (seed 7); run() is called in chunks of about
//            6 ms, as the app's training thread calls it
//            with each kernel set this CPU runs (kernels=NAME; the set the default picks comes
//            first, then, for sizes where it uses several cores, the same set on one thread)
// reference  a tight hand-written Eigen loop on the same workload from the same weights, built
//            with the default flags (build=default) and with -march=native (build=native, the
//            separate program stepwise-bench-native, run as a child process)
// ratio      the default's train steps/s over reference steps/s (and over the native reference),
//            and how far apart their final losses are
// train deep, train deep-reference, ratio deep
//            the layered engine (core/deep) against a plain Eigen version of the same network,
//            built with the default flags and with -march=native (DeepBench.cpp)
// landscape  computeLandscape over a 200×200 grid: two output weights (closed form) and w1, b1
//            of one hidden neuron (point by point); the median of several runs
//
// Both trainers take the same number of steps, 16 to warm up and then enough for the faster to run
// at least one second (0.2 s with --quick), so their final losses must agree. --repeat N measures
// each figure N times and keeps the best (the machine is shared). --steps S times exactly S steps
// after the warm-up instead (to compare final losses with another implementation).
#include "ReferenceTrainer.h"
#include "Workload.h"

#include "core/landscape/LossLandscape.h"
#include "core/network/KernelSet.h"
#include "core/scenario/Presets.h"
#include "core/training/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "DeepBench.h"
#include "UiBench.h"

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

using bench::Workload;
using bench::workload;

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
    bench::ReferenceTrainer ref(bench::referenceStart(w.net), w.x, w.t, 0.1);
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

// The native reference (stepwise-bench-native, built with -march=native) on the same workload and
// step count, run as a child process; 0 when it is not built or fails.
TimedRun runNative(const Workload& w, long steps) {
    TimedRun r;
#ifdef STEPWISE_BENCH_NATIVE
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("stepwise-bench-" + std::to_string(std::random_device{}()) + ".txt"))
                                 .string();
    if (!bench::writeWorkload(w, path.c_str())) return r;
    const std::string command =
        std::string("\"") + STEPWISE_BENCH_NATIVE + "\" \"" + path + "\" " + std::to_string(steps);
    if (FILE* child = popen(command.c_str(), "r")) {
        char line[512] = {};
        if (std::fgets(line, sizeof line, child)) {
            const char* rate = std::strstr(line, "steps_per_s=");
            const char* loss = std::strstr(line, "final_loss=");
            if (rate && loss && std::atof(rate + 12) > 0) {
                r.steps = steps;
                r.seconds = steps / std::atof(rate + 12);
                r.finalLoss = std::atof(loss + 11);
            }
        }
        pclose(child);
    }
    std::remove(path.c_str());
#else
    (void)w;
    (void)steps;
#endif
    return r;
}

// The kernel sets to time, the one the default picks first.
std::vector<std::string> kernelSetsToTime() {
    std::vector<std::string> sets{activeKernelSet()};
    for (const std::string& s : availableKernelSets())
        if (s != sets.front()) sets.push_back(s);
    return sets;
}

void trainFigures(int hidden, int samples) {
    const bool ours = wanted("train") || wanted("ratio");
    const bool reference = wanted("reference") || wanted("ratio");
    if (!ours && !reference) return;
    const Workload w = workload(hidden, samples);
    const double target = options.quick ? 0.2 : 1.0;
    const std::string defaultSet = activeKernelSet();
    // The default set on every core, then each set on one core where the default uses several.
    struct Variant {
        std::string set;
        int threads = 0; // 0 = the default
        double best = 0.0, loss = 0.0;
    };
    std::vector<Variant> variants;
    for (const std::string& set : kernelSetsToTime())
        variants.push_back({set, 0});
    const bool shared = GradientKernel::threadsFor(hidden, samples) > 1;
    if (shared) variants.insert(variants.begin() + 1, Variant{defaultSet, 1});
    auto use = [&](const Variant& v) {
        setKernelSet(v.set);
        setKernelThreads(v.threads);
    };
    // Calibrate (this also warms up): how many steps make `target` seconds for the fastest one.
    double fastest = 0.0;
    if (options.steps == 0 && ours) {
        use(variants.front());
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

    double bestRef = 0.0, refLoss = 0.0, bestNative = 0.0, nativeLoss = 0.0;
    for (int rep = 0; rep < options.repeat; ++rep) {
        if (ours)
            for (Variant& v : variants) {
                use(v);
                const TimedRun r = runOurs(w, kWarmup, steps, 0.0);
                v.best = std::max(v.best, r.steps / r.seconds);
                v.loss = r.finalLoss;
            }
        use(variants.front());
        if (reference) {
            const TimedRun r = runReference(w, kWarmup, steps, 0.0);
            bestRef = std::max(bestRef, r.steps / r.seconds);
            refLoss = r.finalLoss;
            const TimedRun n = runNative(w, steps);
            if (n.steps > 0) {
                bestNative = std::max(bestNative, n.steps / n.seconds);
                nativeLoss = n.finalLoss;
            }
        }
    }
    const long total = kWarmup + steps;
    if (ours && wanted("train"))
        for (const Variant& v : variants)
            std::printf("train hidden=%d samples=%d kernels=%s threads=%d steps_per_s=%.0f "
                        "final_loss=%.15g steps=%ld\n",
                        hidden, samples, v.set.c_str(),
                        v.threads > 0 ? v.threads : GradientKernel::threadsFor(hidden, samples),
                        v.best, v.loss, total);
    if (reference && wanted("reference")) {
        std::printf(
            "reference hidden=%d samples=%d build=default steps_per_s=%.0f final_loss=%.15g "
            "steps=%ld\n",
            hidden, samples, bestRef, refLoss, total);
        if (bestNative > 0)
            std::printf("reference hidden=%d samples=%d build=native steps_per_s=%.0f "
                        "final_loss=%.15g steps=%ld\n",
                        hidden, samples, bestNative, nativeLoss, total);
    }
    if (ours && reference && wanted("ratio")) {
        const Variant& d = variants.front();
        std::printf("ratio hidden=%d samples=%d kernels=%s ours_over_reference=%.3f "
                    "final_loss_diff=%.3g",
                    hidden, samples, d.set.c_str(), d.best / bestRef, std::abs(d.loss - refLoss));
        if (bestNative > 0)
            std::printf(" ours_over_native=%.3f native_loss_diff=%.3g", d.best / bestNative,
                        std::abs(d.loss - nativeLoss));
        std::printf("\n");
    }
    setKernelSet(defaultSet);
    setKernelThreads(0);
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
    stepwise::bench::deepFigures(options.quick, options.filter, options.repeat, options.steps);
    const int runs = options.quick ? 3 : 9;
    landscapeFigure("output", {ParamKind::OutputWeight, 0}, {ParamKind::OutputWeight, 1}, 5 * runs);
    landscapeFigure("hidden", {ParamKind::HiddenWeight, 0}, {ParamKind::HiddenBias, 0}, runs);
    stepwise::bench::uiFigures(options.quick, options.filter);
    return 0;
}

// DeepBench: the layered engine against a plain hand-written Eigen version of the same network.
//
// train deep            LayeredTrainer, full-batch SGD at η = 0.1 on DeepWorkload (sigmoid layers,
//                       the data of the train lines), run() in chunks of about 6 ms as the app's
//                       training thread calls it, on the given number of threads
// train deep-reference  DeepReference on the same workload from the same weights: build=default
//                       (in this program) and build=native (stepwise-bench-deep-native, built
//                       with -march=native, run as a child process); always one thread
// ratio deep            ours over each reference (ours on one thread over the reference on one;
//                       for threads=2, ours on two threads over the one-thread reference), and
//                       how far apart the final losses are after the same steps; for one thread
//                       also by processor time (ours_over_native_cpu_time), which a machine busy
//                       with other work disturbs less than the wall clock
#include "DeepBench.h"

#include "DeepReference.h"
#include "DeepWorkload.h"

#include "core/deep/LayeredTrainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>

namespace stepwise::bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr long kWarmup = 16;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Wall-clock seconds, and the processor time of the process (on a machine shared with other
// work, the one-thread figures compare more fairly by it).
struct Timed {
    long steps = 0;
    double seconds = 0.0, cpuSeconds = 0.0, finalLoss = 0.0;
    double rate() const { return seconds > 0 ? steps / seconds : 0.0; }
    double cpuRate() const { return cpuSeconds > 0 ? steps / cpuSeconds : 0.0; }
};

double cpuSince(std::clock_t start) {
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

LayeredTrainSettings sgd(int threads) {
    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.1;
    s.threads = threads;
    return s;
}

// Times `steps` steps after the warm-up, or (minSeconds > 0) as many as fit in minSeconds.
Timed runOurs(const DeepWorkload& w, int threads, long steps, double minSeconds) {
    LayeredTrainer trainer(w.net, w.x.matrix().transpose(), w.t, sgd(threads), std::mt19937_64(1));
    TrainReport report = trainer.run(kWarmup);
    Timed r;
    long chunk = 16;
    const auto start = Clock::now();
    const std::clock_t cpu = std::clock();
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
    r.cpuSeconds = cpuSince(cpu);
    r.finalLoss = report.loss;
    return r;
}

Timed runReference(const DeepWorkload& w, long steps) {
    DeepReference ref(deepReferenceStart(w.net), w.x.matrix().transpose(), w.t.matrix().transpose(),
                      0.1);
    for (long i = 0; i < kWarmup; ++i)
        ref.step();
    Timed r;
    const auto start = Clock::now();
    const std::clock_t cpu = std::clock();
    for (; r.steps < steps; ++r.steps)
        ref.step();
    r.seconds = secondsSince(start);
    r.cpuSeconds = cpuSince(cpu);
    r.finalLoss = ref.loss();
    return r;
}

// stepwise-bench-deep-native on the same workload and steps; nothing when it is not built.
Timed runNative(const DeepWorkload& w, long steps) {
    Timed r;
#ifdef STEPWISE_BENCH_DEEP_NATIVE
    const std::string path =
        (std::filesystem::temp_directory_path() /
         ("stepwise-bench-deep-" + std::to_string(std::random_device{}()) + ".txt"))
            .string();
    if (!writeDeepWorkload(w, path.c_str())) return r;
    const std::string command = std::string("\"") + STEPWISE_BENCH_DEEP_NATIVE + "\" \"" + path +
                                "\" " + std::to_string(steps);
    if (FILE* child = popen(command.c_str(), "r")) {
        char line[512] = {};
        if (std::fgets(line, sizeof line, child)) {
            const char* rate = std::strstr(line, "steps_per_s=");
            const char* loss = std::strstr(line, "final_loss=");
            const char* cpu = std::strstr(line, "cpu_s=");
            if (rate && loss && std::atof(rate + 12) > 0) {
                r.steps = steps;
                r.seconds = steps / std::atof(rate + 12);
                r.finalLoss = std::atof(loss + 11);
                if (cpu) r.cpuSeconds = std::atof(cpu + 6);
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

} // namespace

void deepFigures(bool quick, const std::string& filter, int repeat, long fixedSteps) {
    auto wanted = [&](const char* name) {
        return filter.empty() || std::string(name).find(filter) != std::string::npos;
    };
    const bool ours = wanted("train deep ") || wanted("ratio deep");
    const bool reference = wanted("train deep-reference") || wanted("ratio deep");
    if (!ours && !reference) return;
    struct Figure {
        std::vector<int> widths;
        int samples, threads;
    };
    const Figure figures[] = {{{16, 16}, 512, 1}, {{64, 64}, 4096, 1}, {{64, 64}, 4096, 2}};
    const double target = quick ? 0.2 : 1.0;
    for (const Figure& f : figures) {
        const DeepWorkload w = deepWorkload(f.widths, f.samples);
        const std::string name = widthsName(f.widths);
        // Calibrate: steps for `target` seconds of the faster of ours and the default reference.
        long steps = fixedSteps;
        if (steps == 0) {
            const Timed c = runOurs(w, f.threads, 0, 0.1 * target);
            const Timed r = runReference(w, std::max(4L, c.steps / 4));
            steps = std::max(
                kWarmup, static_cast<long>(std::ceil(std::max(c.rate(), r.rate()) * target * 1.1)));
        }
        double best = 0.0, bestRef = 0.0, bestNative = 0.0;
        double bestCpu = 0.0, bestNativeCpu = 0.0;
        double loss = 0.0, refLoss = 0.0, nativeLoss = 0.0;
        for (int rep = 0; rep < repeat; ++rep) {
            if (ours) {
                const Timed r = runOurs(w, f.threads, steps, 0.0);
                best = std::max(best, r.rate());
                bestCpu = std::max(bestCpu, r.cpuRate());
                loss = r.finalLoss;
            }
            if (reference && f.threads == 1) {
                const Timed r = runReference(w, steps);
                bestRef = std::max(bestRef, r.rate());
                refLoss = r.finalLoss;
                const Timed n = runNative(w, steps);
                if (n.steps > 0) {
                    bestNative = std::max(bestNative, n.rate());
                    bestNativeCpu = std::max(bestNativeCpu, n.cpuRate());
                    nativeLoss = n.finalLoss;
                }
            }
        }
        if (reference && f.threads > 1) { // the one-thread reference of the same size
            const Timed r = runReference(w, steps);
            bestRef = r.rate();
            refLoss = r.finalLoss;
            const Timed n = runNative(w, steps);
            bestNative = n.rate();
            bestNativeCpu = n.cpuRate();
            nativeLoss = n.finalLoss;
        }
        const long total = kWarmup + steps;
        if (ours && wanted("train deep "))
            std::printf("train deep layers=%s samples=%d threads=%d steps_per_s=%.0f\n",
                        name.c_str(), f.samples, f.threads, best);
        if (reference && f.threads == 1 && wanted("train deep-reference")) {
            std::printf("train deep-reference layers=%s samples=%d threads=1 build=default "
                        "steps_per_s=%.0f final_loss=%.15g steps=%ld\n",
                        name.c_str(), f.samples, bestRef, refLoss, total);
            if (bestNative > 0)
                std::printf("train deep-reference layers=%s samples=%d threads=1 build=native "
                            "steps_per_s=%.0f final_loss=%.15g steps=%ld\n",
                            name.c_str(), f.samples, bestNative, nativeLoss, total);
        }
        if (ours && reference && wanted("ratio deep")) {
            std::printf("ratio deep layers=%s samples=%d threads=%d ours_over_default=%.3f "
                        "final_loss_diff=%.3g",
                        name.c_str(), f.samples, f.threads, best / bestRef,
                        std::abs(loss - refLoss));
            if (bestNative > 0)
                std::printf(" ours_over_native=%.3f native_loss_diff=%.3g", best / bestNative,
                            std::abs(loss - nativeLoss));
            if (f.threads == 1 && bestNativeCpu > 0)
                std::printf(" ours_over_native_cpu_time=%.3f", bestCpu / bestNativeCpu);
            std::printf("\n");
        }
        std::fflush(stdout);
    }
}

} // namespace stepwise::bench

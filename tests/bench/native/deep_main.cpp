// stepwise-bench-deep-native: the DeepReference built with -march=native, the yardstick the
// layered engine (built for any x86-64, kernels chosen at run time) is measured against.
// stepwise-bench writes the workload to a file (DeepWorkload.h) and runs it; it links nothing of
// core, and is never part of the app.
//
//   stepwise-bench-deep-native WORKLOAD_FILE STEPS
//
// Times STEPS steps after 16 warm-up steps and prints
//   train deep-reference layers=… samples=N threads=1 build=native steps_per_s=X final_loss=L
//   steps=16+STEPS cpu_s=T   (T: the processor time of the timed steps)
#include "../DeepReference.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace {

bool readNumbers(FILE* f, double* out, long n) {
    char word[64];
    for (long i = 0; i < n; ++i) {
        if (std::fscanf(f, "%63s", word) != 1) return false;
        out[i] = std::strtod(word, nullptr);
    }
    return true;
}

bool read(FILE* f, stepwise::bench::DeepReferenceStart& start, Eigen::RowVectorXd& x,
          Eigen::RowVectorXd& t, std::string& widths) {
    int depth = 0, samples = 0;
    char k[64], c[64];
    if (std::fscanf(f, "%d %d %63s %63s", &depth, &samples, k, c) != 4 || depth < 1 || depth > 3 ||
        samples < 1 || samples > 1 << 24)
        return false;
    start.k = std::strtod(k, nullptr);
    start.c = std::strtod(c, nullptr);
    std::vector<int> n(static_cast<std::size_t>(depth));
    for (int& w : n)
        if (std::fscanf(f, "%d", &w) != 1 || w < 1 || w > 64) return false;
    long fanIn = 1;
    for (int w : n) {
        start.w.emplace_back(w, fanIn);
        start.b.emplace_back(w);
        if (!readNumbers(f, start.w.back().data(), start.w.back().size()) ||
            !readNumbers(f, start.b.back().data(), w))
            return false;
        fanIn = w;
        if (!widths.empty()) widths += ',';
        widths += std::to_string(w);
    }
    start.v.resize(fanIn);
    x.resize(samples);
    t.resize(samples);
    return readNumbers(f, start.v.data(), fanIn) && readNumbers(f, x.data(), samples) &&
           readNumbers(f, t.data(), samples);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s WORKLOAD_FILE STEPS\n", argv[0]);
        return 2;
    }
    const long steps = std::max(1L, std::atol(argv[2]));
    FILE* f = std::fopen(argv[1], "r");
    if (!f) return 1;
    stepwise::bench::DeepReferenceStart start;
    Eigen::RowVectorXd x, t;
    std::string widths;
    const bool ok = read(f, start, x, t, widths);
    std::fclose(f);
    if (!ok) {
        std::fprintf(stderr, "%s: cannot read the workload\n", argv[1]);
        return 1;
    }
    const long samples = x.size();
    stepwise::bench::DeepReference ref(std::move(start), std::move(x), std::move(t), 0.1);
    constexpr long kWarmup = 16;
    for (long i = 0; i < kWarmup; ++i)
        ref.step();
    const auto begin = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    for (long i = 0; i < steps; ++i)
        ref.step();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    const double cpuSeconds = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::printf("train deep-reference layers=%s samples=%ld threads=1 build=native "
                "steps_per_s=%.0f final_loss=%.15g steps=%ld cpu_s=%.6f\n",
                widths.c_str(), samples, steps / seconds, ref.loss(), kWarmup + steps, cpuSeconds);
    return 0;
}

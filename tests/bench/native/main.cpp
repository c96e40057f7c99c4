// stepwise-bench-native: the ReferenceTrainer built with -march=native, the yardstick the product
// (built for any x86-64, kernels chosen at run time) is measured against. stepwise-bench writes the
// workload to a file and runs it; it links nothing of core, and is never part of the app.
//
//   stepwise-bench-native WORKLOAD_FILE STEPS
//
// Times STEPS steps after 16 warm-up steps and prints
//   reference hidden=H samples=N build=native steps_per_s=X final_loss=L steps=16+STEPS
#include "../ReferenceTrainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

bool readArray(FILE* f, Eigen::ArrayXd& a, long n) {
    a.resize(n);
    char word[64];
    for (long i = 0; i < n; ++i) {
        if (std::fscanf(f, "%63s", word) != 1) return false;
        a[i] = std::strtod(word, nullptr);
    }
    return true;
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
    int hidden = 0, samples = 0;
    char k[64], c[64];
    stepwise::bench::ReferenceStart start;
    Eigen::ArrayXd x, t;
    const bool ok = std::fscanf(f, "%d %d %63s %63s", &hidden, &samples, k, c) == 4 && hidden > 0 &&
                    samples > 0 && readArray(f, start.w, hidden) && readArray(f, start.b, hidden) &&
                    readArray(f, start.v, hidden) && readArray(f, x, samples) &&
                    readArray(f, t, samples);
    std::fclose(f);
    if (!ok) {
        std::fprintf(stderr, "%s: cannot read the workload\n", argv[1]);
        return 1;
    }
    start.k = std::strtod(k, nullptr);
    start.c = std::strtod(c, nullptr);
    stepwise::bench::ReferenceTrainer ref(start, x, t, 0.1);
    constexpr long kWarmup = 16;
    for (long i = 0; i < kWarmup; ++i)
        ref.step();
    const auto begin = std::chrono::steady_clock::now();
    for (long i = 0; i < steps; ++i)
        ref.step();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::printf("reference hidden=%d samples=%d build=native steps_per_s=%.0f final_loss=%.15g "
                "steps=%ld\n",
                hidden, samples, steps / seconds, ref.loss(), kWarmup + steps);
    return 0;
}

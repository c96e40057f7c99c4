// Workload: the standard training workload of stepwise-bench (docs/performance.md): 1 → H sigmoid
// (k = 1) → 1 linear from randomNetwork(H, σ, −1, 1) with seed 7, N points evenly spaced on
// [−1, 1], target sin(3x). stepwise-bench-native reads it from a file (writeWorkload) rather than
// linking core, so that no Eigen object crosses from code built for one CPU to code built for any.
#pragma once

#include "ReferenceTrainer.h"

#include "core/network/Network.h"
#include "core/scenario/Presets.h"

#include <cstdio>
#include <random>

namespace stepwise::bench {

struct Workload {
    int hidden = 0, samples = 0;
    Network net;
    Eigen::ArrayXd x, t;
};

inline Workload workload(int hidden, int samples) {
    Workload w;
    w.hidden = hidden;
    w.samples = samples;
    std::mt19937_64 rng(7);
    w.net = randomNetwork(hidden, {ActivationKind::Sigmoid, 1.0}, -1.0, 1.0, rng);
    w.x = grid(-1.0, 1.0, samples);
    w.t = (3.0 * w.x).sin();
    return w;
}

inline ReferenceStart referenceStart(const Network& net) {
    return {net.w.array(), net.b.array(), net.v.array(), net.c, net.activation.steepness};
}

// "H N k c", then w, b, v (H each), x, t (N each), every number exact (hex floats, %a).
inline bool writeWorkload(const Workload& w, const char* path) {
    FILE* f = std::fopen(path, "w");
    if (!f) return false;
    std::fprintf(f, "%d %d %a %a\n", w.hidden, w.samples, w.net.activation.steepness, w.net.c);
    for (const Eigen::VectorXd* p : {&w.net.w, &w.net.b, &w.net.v})
        for (double d : *p)
            std::fprintf(f, "%a\n", d);
    for (const Eigen::ArrayXd* p : {&w.x, &w.t})
        for (double d : *p)
            std::fprintf(f, "%a\n", d);
    return std::fclose(f) == 0;
}

} // namespace stepwise::bench

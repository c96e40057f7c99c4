// DeepWorkload: the layered engine's benchmark workload: 1 → n_1 → … → n_L → 1 with sigmoid
// (k = 1) layers from randomLayeredNetwork(…, −1, 1) with seed 7, trained by full-batch SGD at
// η = 0.1 on the data of the train lines (Workload.h: N points evenly spaced on [−1, 1], target
// sin(3x)). stepwise-bench-deep-native reads it from a file (writeDeepWorkload), as
// stepwise-bench-native reads the one-layer workload.
#pragma once

#include "DeepReference.h"

#include "core/deep/RandomLayered.h"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace stepwise::bench {

struct DeepWorkload {
    std::vector<int> widths;
    int samples = 0;
    LayeredNetwork net;
    Eigen::ArrayXd x, t;
};

inline DeepWorkload deepWorkload(const std::vector<int>& widths, int samples) {
    DeepWorkload w;
    w.widths = widths;
    w.samples = samples;
    std::vector<LayerShape> shape;
    for (int n : widths)
        shape.push_back({n, {ActivationKind::Sigmoid, 1.0}});
    std::mt19937_64 rng(7);
    w.net = randomLayeredNetwork(1, shape, -1.0, 1.0, rng);
    w.x = grid(-1.0, 1.0, samples);
    w.t = (3.0 * w.x).sin();
    return w;
}

// "16,16": the widths as the figure lines write them.
inline std::string widthsName(const std::vector<int>& widths) {
    std::string s;
    for (int n : widths) {
        if (!s.empty()) s += ',';
        s += std::to_string(n);
    }
    return s;
}

inline DeepReferenceStart deepReferenceStart(const LayeredNetwork& net) {
    DeepReferenceStart s;
    for (const Layer& l : net.layers) {
        s.w.push_back(l.w);
        s.b.push_back(l.b);
    }
    s.v = net.v;
    s.c = net.c;
    s.k = net.layers.front().activation.steepness;
    return s;
}

// "L N k c", the L widths, then each W_l (column-major) and b_l, v, x, t: every number exact
// (hex floats, %a).
inline bool writeDeepWorkload(const DeepWorkload& w, const char* path) {
    FILE* f = std::fopen(path, "w");
    if (!f) return false;
    std::fprintf(f, "%d %d %a %a\n", w.net.depth(), w.samples,
                 w.net.layers.front().activation.steepness, w.net.c);
    for (const Layer& l : w.net.layers)
        std::fprintf(f, "%d\n", l.width());
    auto put = [&](const double* p, Eigen::Index n) {
        for (Eigen::Index i = 0; i < n; ++i)
            std::fprintf(f, "%a\n", p[i]);
    };
    for (const Layer& l : w.net.layers) {
        put(l.w.data(), l.w.size());
        put(l.b.data(), l.b.size());
    }
    put(w.net.v.data(), w.net.v.size());
    put(w.x.data(), w.x.size());
    put(w.t.data(), w.t.size());
    return std::fclose(f) == 0;
}

} // namespace stepwise::bench

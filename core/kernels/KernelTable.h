// KernelTable: the hot loops of training, graph evaluation and the landscape, as plain function
// pointers over plain arrays. core/kernels/Kernels.cpp is compiled once per instruction set
// (baseline x86-64, AVX2+FMA, AVX-512), each copy sealed in an object of its own whose only global
// symbol is its table (see cmake/KernelDispatch.cmake); core/network/KernelSet.cpp picks one at
// start-up.
//
// Nothing but doubles, longs and pointers crosses this boundary: an Eigen object built by code of
// one instruction set must never be handed to another (their alignment assumptions differ), so
// the kernels only wrap the caller's memory in unaligned Eigen::Maps.
//
// A batch of n samples is cut into chunks of kChunk samples (the last one may be shorter). A
// chunk is computed from start to end by one thread, and the per-chunk sums are added up in chunk
// order, so the result depends on n alone, never on how many threads shared the chunks.
#pragma once

#include "core/network/ActivationTable.h"

namespace stepwise::kernels {

inline constexpr long kChunk = 256; // a multiple of 8 (one AVX-512 register of doubles)

inline long chunkCount(long n) {
    return (n + kChunk - 1) / kChunk;
}

struct NetView {
    long hidden = 0;
    const double *w = nullptr, *b = nullptr, *v = nullptr;
    double c = 0.0;
    int activation = static_cast<int>(ActivationKind::Sigmoid); // an ActivationKind
    double steepness = 1.0;
};

// One full-batch loss and gradient, L = (1/n) Σ e², e = y − t (see core/network/Backprop.h).
struct GradientJob {
    NetView net;
    const double *x = nullptr, *t = nullptr;
    long n = 0;
    // n×H activations, chunk by chunk: chunk c (samples i0 … i0+len−1) occupies a + i0·H, neuron
    // j's column at a + i0·H + j·len. nullptr: forward() keeps them only while it needs them.
    double* a = nullptr;
    double* e = nullptr;             // n errors y − t
    double* chunkLoss = nullptr;     // per chunk: Σ e² over its samples
    double* chunkGradient = nullptr; // per chunk: its 3H+1 terms of ∂L/∂θ (packParams layout)
    bool surrogate = false;          // step activation: use σ'(k·z) with this k
    double surrogateSteepness = 10.0;
};

// The general layered network (core/deep/LayeredNetwork.h) as the deep kernels take it. Samples
// are columns: x is d×n, and layer l's sums z and activations a are width×n, column-major, so
// chunk c is the block of columns i0 … i0+len−1 of each (its own chunk size, see DeepJob::chunk).
// The maths is written out in core/deep/LayeredGradient.h.
inline constexpr int kMaxDeepLayers = 3;

struct DeepLayer {
    long width = 0, fanIn = 0;
    const double* w = nullptr;                                  // width×fanIn, column-major
    const double* b = nullptr;                                  // width
    int activation = static_cast<int>(ActivationKind::Sigmoid); // an ActivationKind
    double steepness = 1.0;
    double* z = nullptr;     // width×n sums; backward() overwrites a chunk's with its δ
    double* a = nullptr;     // width×n activations
    bool learns = true;      // false: its terms of ∂L/∂θ are left 0 (and not computed)
    long gradientOffset = 0; // ∂L/∂W (column-major), then ∂L/∂b, from here in the flat layout
};

struct DeepJob {
    long chunk = kChunk; // samples per chunk (a multiple of 8); chunk c starts at sample c·chunk
    int layers = 0;      // hidden layers, input side first
    DeepLayer layer[kMaxDeepLayers];
    long inputs = 1;
    const double *x = nullptr, *t = nullptr;
    long n = 0;
    const double* v = nullptr; // output weights (width of the last layer)
    double c = 0.0;
    bool outputLearns = true;
    long outputOffset = 0;           // ∂L/∂v, then ∂L/∂c, from here
    long params = 0;                 // the length of the flat layout
    double* e = nullptr;             // n errors y − t
    double* chunkLoss = nullptr;     // per chunk: Σ e² over its samples
    double* chunkGradient = nullptr; // per chunk: its terms of ∂L/∂θ (params each)
    double* scratch = nullptr;       // per chunk: scratchRows × chunk
    long scratchRows = 0;            // the widest layer
    bool surrogate = false;          // step layers: use σ'(k·z) with this k
    double surrogateSteepness = 10.0;
};

struct Table {
    const char* name;
    // Fills chunk c of a and e, and chunkLoss[c].
    void (*forward)(const GradientJob& job, long c);
    // From chunk c of a and e, fills chunkGradient[c·(3H+1) …].
    void (*backward)(const GradientJob& job, long c);
    // The graph: z, a and contribution are n×H column-major (column j at j·n), output has n.
    void (*evaluate)(const NetView& net, const double* x, long n, double* z, double* a,
                     double* contribution, double* output);
    // The landscape's point-by-point path: mean over i of (base_i + v·g(w·x_i + b))².
    double (*unitLoss)(const double* x, const double* base, long n, int activation,
                       double steepness, double w, double b, double v);
    // The layered network: fills chunk c of every layer's z and a, of e, and chunkLoss[c].
    void (*deepForward)(const DeepJob& job, long c);
    // From chunk c of z, a and e (after deepForward), fills chunkGradient[c·params …].
    void (*deepBackward)(const DeepJob& job, long c);
};

} // namespace stepwise::kernels

// One table per compiled instruction set (the names are C names: they are the variants' only
// global symbols, kept by objcopy --keep-global-symbol).
extern "C" {
extern const stepwise::kernels::Table stepwise_kernels_baseline;
extern const stepwise::kernels::Table stepwise_kernels_avx2;
extern const stepwise::kernels::Table stepwise_kernels_avx512;
}

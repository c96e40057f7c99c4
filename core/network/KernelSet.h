// KernelSet: which compiled copy of the hot loops runs (baseline x86-64, AVX2+FMA or AVX-512), and
// on how many threads.
//
// The build compiles core/kernels/Kernels.cpp once per instruction set (CMake option
// STEPWISE_KERNEL_DISPATCH; only the baseline elsewhere). At first use the fastest set this CPU
// supports is chosen, unless the environment variable STEPWISE_KERNELS=baseline|avx2|avx512 pins
// one. All sets compute the same maths; results agree to rounding (FMA rounds once where the
// baseline rounds twice), and within one set they never depend on the thread count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stepwise {

namespace kernels {
struct Table;
}

// The set in use: "baseline", "avx2" or "avx512".
const char* activeKernelSet();
// The sets built into this program that this CPU can run, slowest first.
std::vector<std::string> availableKernelSets();
// The sets built into this program, slowest first.
std::vector<std::string> compiledKernelSets();
// Pins a set; false (and why, in plain words) when it is not built in or this CPU lacks it.
bool setKernelSet(std::string_view name, std::string* why = nullptr);

// Threads the kernels may use for large batches (caller included): 0 = one per core up to 4 (the
// default), 1 = never more than the caller. Results do not depend on it.
void setKernelThreads(int threads);
int kernelThreads();

namespace kernels {
const Table& active();
}

} // namespace stepwise

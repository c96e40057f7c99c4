// DeepKernels: the layered network's forward and backward pass over one chunk of samples, for the
// kernel table of each instruction set (core/kernels/DeepKernels.cpp, compiled once per set like
// Kernels.cpp and sealed in the same object).
#pragma once

#include "core/kernels/KernelTable.h"

#ifndef STEPWISE_KERNEL_NS
#define STEPWISE_KERNEL_NS baseline
#endif

namespace stepwise::kernels::STEPWISE_KERNEL_NS {

void deepForward(const DeepJob& job, long c);
void deepBackward(const DeepJob& job, long c);

} // namespace stepwise::kernels::STEPWISE_KERNEL_NS

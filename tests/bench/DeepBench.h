// DeepBench: stepwise-bench's figures for the layered engine (core/deep), see DeepBench.cpp.
#pragma once

#include <string>

namespace stepwise::bench {

// Prints the train deep, train deep-reference and ratio deep lines the filter wants.
void deepFigures(bool quick, const std::string& filter, int repeat, long steps);

} // namespace stepwise::bench

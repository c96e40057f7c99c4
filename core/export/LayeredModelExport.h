// LayeredModelExport: a layered network (core/deep) taken away, as ModelExport does for the
// lesson's network — JSON (the shape, every matrix, the formula), a Python function (NumPy only)
// and a C function (<math.h> only). Each computes the layers as core/deep/LayeredNetwork.h
// writes them:
//
//   a_0 = x;   z_l = W_l·a_{l−1} + b_l,   a_l = g_l(z_l)   for l = 1 … L;   y = v·a_L + c
//
// with each layer's activation as ModelExport writes it (H(0) = 1 for the step). Numbers are the
// shortest decimals that read back to the same doubles; the sums run in index order, so the
// results agree with the core's Eigen products to rounding (far below 1e-12 on these scales).
//
// One input: Python's predict(x) takes a float or an array of N floats; C's is
// double stepwise_predict(double x). d > 1 inputs: predict(x) takes d floats or an N×d array;
// C's is double stepwise_predict(const double* x) reading x[0] … x[d−1].
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "core/export/ModelExport.h"

#include <filesystem>
#include <string>

namespace stepwise {

std::string layeredModelFormula(const LayeredNetwork& net);
std::string layeredModelJson(const LayeredNetwork& net, const ModelNotes& notes = {});
std::string layeredModelPython(const LayeredNetwork& net, const ModelNotes& notes = {});
std::string layeredModelC(const LayeredNetwork& net, const ModelNotes& notes = {});

// Writes the model in the form its extension names (.json, .py, .c), atomically; false and
// *error on an unknown extension, a network networkProblem() rejects or non-finite weights, or
// the disk.
bool writeLayeredModelFile(const std::filesystem::path& path, const LayeredNetwork& net,
                           const ModelNotes& notes, std::string* error);

} // namespace stepwise

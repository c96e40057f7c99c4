// ModelExport: the trained network taken away — as JSON (weights, activation, formula), as a
// self-contained Python function (NumPy only) and as a self-contained C function (<math.h> only).
//
// Every exported form computes exactly what the core's forward pass (core/kernels/Kernels.cpp,
// evaluate()) computes, in the same order of operations:
//
//   y = 0
//   for j = 1 … H:  z_j = x·w_j + b_j;  y = y + g(z_j)·v_j
//   y = y + c
//
// with g written as the core writes it (core/network/Activation.h):
//
//   step      g(z) = 1 if z >= 0, else 0   (H(0) = 1: a neuron fires exactly at its threshold)
//   sigmoid   g(z) = 1 / (1 + exp((−k)·z))
//   tanh      g(z) = tanh(z)
//   relu      g(z) = z if z > 0, else 0
//   identity  g(z) = z
//
// Numbers are written with the shortest decimal that reads back as the same double (at most 17
// significant digits), so the files hold the network's exact parameters. The remaining
// difference to the core is the last bit or two of exp and tanh from another maths library, and
// whether a compiler fuses x·w + b into one rounding: far below 1e-12 on the lesson's scales.
#pragma once

#include "core/network/Network.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace stepwise {

enum class ModelFormat { Json, Python, C };

// By the file name's extension: .json, .py or .c (any case). None for anything else.
std::optional<ModelFormat> modelFormatFor(const std::filesystem::path& path);

// What the files say about where the network came from (optional; empty fields are left out).
struct ModelNotes {
    std::string source;                       // e.g. the scenario file's name
    std::optional<double> domainLo, domainHi; // the x range it was trained on
    std::optional<long> steps;                // training steps taken
};

// The formula as one line of text, for example
// "y(x) = sum_j v_j * g(w_j * x + b_j) + c,  g(z) = 1 / (1 + exp(-k * z)),  k = 3".
std::string modelFormula(const Network& net);

// The three forms. The network's parameters must be finite (allFinite); the writers check.
std::string modelJson(const Network& net, const ModelNotes& notes = {});
std::string modelPython(const Network& net, const ModelNotes& notes = {});
std::string modelC(const Network& net, const ModelNotes& notes = {});
std::string modelText(const Network& net, ModelFormat format, const ModelNotes& notes = {});

// Writes the model in the form its extension names, atomically. On failure returns false and
// *error (if given) says why in one line (an unknown extension, non-finite weights, the disk).
bool writeModelFile(const std::filesystem::path& path, const Network& net, const ModelNotes& notes,
                    std::string* error);

// A double as the shortest decimal that reads back to the same bits, always with a '.' or an
// exponent so that C and Python read it as floating point ("1.0", "-0.0", "2.5e-07").
std::string roundTripNumber(double value);

} // namespace stepwise

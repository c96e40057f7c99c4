#include "core/export/ModelExport.h"

#include "core/scenario/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <vector>

namespace stepwise {

namespace {

std::string activationFormula(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "g(z) = 1 if z >= 0, else 0";
    case ActivationKind::Sigmoid:
        return "g(z) = 1 / (1 + exp(-k * z)),  k = " + roundTripNumber(g.steepness);
    case ActivationKind::Tanh:
        return "g(z) = tanh(z)";
    case ActivationKind::ReLU:
        return "g(z) = z if z > 0, else 0";
    case ActivationKind::Identity:
        return "g(z) = z";
    }
    return {};
}

// The comment lines every form starts with: where the network came from and its formula.
std::vector<std::string> aboutLines(const Network& net, const ModelNotes& notes) {
    std::vector<std::string> lines;
    std::string from;
    if (!notes.source.empty()) from += "From " + notes.source;
    if (notes.steps)
        from += (from.empty() ? "After " : ", after ") + std::to_string(*notes.steps) +
                " training step(s)";
    if (notes.domainLo && notes.domainHi)
        from += (from.empty() ? "Trained on " : ", trained on ") + std::string("x in [") +
                roundTripNumber(*notes.domainLo) + ", " + roundTripNumber(*notes.domainHi) + "]";
    if (!from.empty()) lines.push_back(from + ".");
    lines.push_back(std::to_string(net.hidden()) + " hidden neuron(s), activation " +
                    std::string(activationName(net.activation.kind)) + ":");
    lines.push_back("  y(x) = sum over j of v_j * g(w_j * x + b_j) + c");
    lines.push_back("  " + activationFormula(net.activation));
    return lines;
}

// "a, b, c" with a line break after every `perLine` numbers, each new line starting `indent`.
std::string numberList(const Eigen::VectorXd& values, const std::string& indent, int perLine = 4) {
    std::string out;
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        if (i > 0) out += (i % perLine == 0) ? ",\n" + indent : ", ";
        out += roundTripNumber(values[i]);
    }
    return out;
}

std::string pythonActivation(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "    return np.where(z >= 0.0, 1.0, 0.0)\n";
    case ActivationKind::Sigmoid:
        return "    return 1.0 / (1.0 + np.exp(-STEEPNESS * z))\n";
    case ActivationKind::Tanh:
        return "    return np.tanh(z)\n";
    case ActivationKind::ReLU:
        return "    return np.where(z > 0.0, z, 0.0)\n";
    case ActivationKind::Identity:
        return "    return z\n";
    }
    return {};
}

std::string cActivation(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "    return z >= 0.0 ? 1.0 : 0.0;\n";
    case ActivationKind::Sigmoid:
        return "    return 1.0 / (1.0 + exp(-stepwise_k * z));\n";
    case ActivationKind::Tanh:
        return "    return tanh(z);\n";
    case ActivationKind::ReLU:
        return "    return z > 0.0 ? z : 0.0;\n";
    case ActivationKind::Identity:
        return "    return z;\n";
    }
    return {};
}

} // namespace

std::string roundTripNumber(double value) {
    std::array<char, 64> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    std::string s(buf.data(), ec == std::errc() ? end : buf.data());
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0"; // 'n': nan and inf stay as is
    return s;
}

std::optional<ModelFormat> modelFormatFor(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext == ".json") return ModelFormat::Json;
    if (ext == ".py") return ModelFormat::Python;
    if (ext == ".c") return ModelFormat::C;
    return std::nullopt;
}

std::string modelFormula(const Network& net) {
    return "y(x) = sum over j of v_j * g(w_j * x + b_j) + c,  " + activationFormula(net.activation);
}

std::string modelJson(const Network& net, const ModelNotes& notes) {
    nlohmann::ordered_json j;
    j["format"] = "stepwise-model";
    j["version"] = 1;
    j["formula"] = modelFormula(net);
    j["activation"] = std::string(activationName(net.activation.kind));
    j["steepness"] = net.activation.steepness;
    j["hidden"] = net.hidden();
    auto list = [](const Eigen::VectorXd& v) { return std::vector<double>(v.begin(), v.end()); };
    j["w"] = list(net.w);
    j["b"] = list(net.b);
    j["v"] = list(net.v);
    j["c"] = net.c;
    nlohmann::ordered_json params; // the same numbers under the names the window shows
    for (int i = 0; i < paramCount(net.hidden()); ++i) {
        const ParamId id = paramAt(i, net.hidden());
        params[paramName(id, net.hidden())] = param(net, id);
    }
    j["parameters"] = params;
    if (!notes.source.empty()) j["source"] = notes.source;
    if (notes.domainLo && notes.domainHi) j["domain"] = {*notes.domainLo, *notes.domainHi};
    if (notes.steps) j["steps"] = *notes.steps;
    return j.dump(2) + "\n";
}

std::string modelPython(const Network& net, const ModelNotes& notes) {
    std::ostringstream o;
    o << "\"\"\"A network trained in Stepwise, as a Python function: predict(x).\n\n";
    for (const std::string& line : aboutLines(net, notes))
        o << line << "\n";
    o << "\npredict(0.5) gives a float; predict(numpy.linspace(-1, 1, 5)) an array of the same\n"
         "shape. Needs only NumPy. Run as a script, it prints predict(x) for each x given.\n"
         "\"\"\"\n\n"
         "import numpy as np\n\n"
      << "ACTIVATION = \"" << activationName(net.activation.kind) << "\"\n"
      << "STEEPNESS = " << roundTripNumber(net.activation.steepness)
      << "  # k, used by the sigmoid only\n"
      << "# hidden weights w_j\nW = np.array([\n    " << numberList(net.w, "    ") << ",\n])\n"
      << "# hidden biases b_j\nB = np.array([\n    " << numberList(net.b, "    ") << ",\n])\n"
      << "# output weights v_j (w11, w21, ... in Stepwise)\nV = np.array([\n    "
      << numberList(net.v, "    ") << ",\n])\n"
      << "C = " << roundTripNumber(net.c) << "  # output bias c\n\n\n"
      << "def g(z):\n"
      << "    \"\"\"The activation: " << activationFormula(net.activation) << ".\"\"\"\n"
      << pythonActivation(net.activation) << "\n\n"
      << "def predict(x):\n"
         "    \"\"\"The network's output y(x), for a float or a NumPy array of floats.\"\"\"\n"
         "    x = np.asarray(x, dtype=np.float64)\n"
         "    y = np.zeros(x.shape)\n"
         "    with np.errstate(over=\"ignore\"):  # exp overflows to inf far out: g is 0 there\n"
         "        for w, b, v in zip(W, B, V):\n"
         "            y = y + g(x * w + b) * v\n"
         "    y = y + C\n"
         "    return float(y) if y.ndim == 0 else y\n\n\n"
         "if __name__ == \"__main__\":\n"
         "    import sys\n\n"
         "    for arg in sys.argv[1:]:\n"
         "        print(repr(predict(float(arg))))\n";
    return o.str();
}

std::string modelC(const Network& net, const ModelNotes& notes) {
    std::ostringstream o;
    o << "/* A network trained in Stepwise, as a C function: double stepwise_predict(double x).\n"
         " *\n";
    for (const std::string& line : aboutLines(net, notes))
        o << " * " << line << "\n";
    o << " *\n"
         " * Needs only <math.h> (C89 or later). Compile it with your program, for example\n"
         " *   cc -O2 -o myprogram myprogram.c model.c -lm\n"
         " * and declare it where you call it:  double stepwise_predict(double x);\n"
         " */\n"
         "#include <math.h>\n\n"
      << "#define STEPWISE_HIDDEN " << net.hidden() << "\n\n"
      << "/* hidden weights w_j */\nstatic const double stepwise_w[STEPWISE_HIDDEN] = {\n    "
      << numberList(net.w, "    ") << "};\n"
      << "/* hidden biases b_j */\nstatic const double stepwise_b[STEPWISE_HIDDEN] = {\n    "
      << numberList(net.b, "    ") << "};\n"
      << "/* output weights v_j (w11, w21, ... in Stepwise) */\n"
      << "static const double stepwise_v[STEPWISE_HIDDEN] = {\n    " << numberList(net.v, "    ")
      << "};\n"
      << "static const double stepwise_c = " << roundTripNumber(net.c) << "; /* output bias c */\n";
    if (net.activation.kind == ActivationKind::Sigmoid)
        o << "static const double stepwise_k = " << roundTripNumber(net.activation.steepness)
          << "; /* steepness k */\n";
    o << "\n/* The activation: " << activationFormula(net.activation) << ". */\n"
      << "static double stepwise_g(double z)\n{\n"
      << cActivation(net.activation) << "}\n\n"
      << "double stepwise_predict(double x);\n\n"
         "double stepwise_predict(double x)\n"
         "{\n"
         "    double y = 0.0;\n"
         "    int j;\n"
         "    for (j = 0; j < STEPWISE_HIDDEN; ++j)\n"
         "        y += stepwise_g(x * stepwise_w[j] + stepwise_b[j]) * stepwise_v[j];\n"
         "    return y + stepwise_c;\n"
         "}\n";
    return o.str();
}

std::string modelText(const Network& net, ModelFormat format, const ModelNotes& notes) {
    switch (format) {
    case ModelFormat::Json:
        return modelJson(net, notes);
    case ModelFormat::Python:
        return modelPython(net, notes);
    case ModelFormat::C:
        return modelC(net, notes);
    }
    return {};
}

bool writeModelFile(const std::filesystem::path& path, const Network& net, const ModelNotes& notes,
                    std::string* error) {
    const std::optional<ModelFormat> format = modelFormatFor(path);
    if (!format) {
        if (error) *error = "the model's name must end in .json, .py or .c";
        return false;
    }
    if (net.hidden() < 1 || !allFinite(net) || !std::isfinite(net.activation.steepness)) {
        if (error) *error = "the network has no finite weights to export";
        return false;
    }
    return writeFileAtomically(path, modelText(net, *format, notes), error);
}

} // namespace stepwise

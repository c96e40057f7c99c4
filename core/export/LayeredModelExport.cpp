#include "core/export/LayeredModelExport.h"

#include "core/scenario/ScenarioFile.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace stepwise {

namespace {

std::string numbers(const double* values, Eigen::Index n) {
    std::string out;
    for (Eigen::Index i = 0; i < n; ++i)
        out += (i > 0 ? ", " : "") + roundTripNumber(values[i]);
    return out;
}

std::vector<std::vector<double>> rows(const Eigen::MatrixXd& m) {
    std::vector<std::vector<double>> out(static_cast<std::size_t>(m.rows()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            out[static_cast<std::size_t>(r)].push_back(m(r, c));
    return out;
}

std::string gFormula(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "1 if z >= 0, else 0";
    case ActivationKind::Sigmoid:
        return "1 / (1 + exp(-k * z)), k = " + roundTripNumber(g.steepness);
    case ActivationKind::Tanh:
        return "tanh(z)";
    case ActivationKind::ReLU:
        return "z if z > 0, else 0";
    case ActivationKind::Identity:
        return "z";
    }
    return {};
}

std::string pythonG(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "np.where(z >= 0.0, 1.0, 0.0)";
    case ActivationKind::Sigmoid:
        return "1.0 / (1.0 + np.exp(-(" + roundTripNumber(g.steepness) + ") * z))";
    case ActivationKind::Tanh:
        return "np.tanh(z)";
    case ActivationKind::ReLU:
        return "np.where(z > 0.0, z, 0.0)";
    case ActivationKind::Identity:
        return "z";
    }
    return "z";
}

std::string cG(const Activation& g) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "z >= 0.0 ? 1.0 : 0.0";
    case ActivationKind::Sigmoid:
        return "1.0 / (1.0 + exp(-(" + roundTripNumber(g.steepness) + ") * z))";
    case ActivationKind::Tanh:
        return "tanh(z)";
    case ActivationKind::ReLU:
        return "z > 0.0 ? z : 0.0";
    case ActivationKind::Identity:
        return "z";
    }
    return "z";
}

std::vector<std::string> about(const LayeredNetwork& net, const ModelNotes& notes) {
    std::vector<std::string> lines;
    if (!notes.source.empty()) lines.push_back("From " + notes.source + ".");
    if (notes.steps)
        lines.push_back("After " + std::to_string(*notes.steps) + " training step(s).");
    lines.push_back(std::to_string(net.inputs) + " input(s), " + std::to_string(net.depth()) +
                    " hidden layer(s):");
    lines.push_back("  " + layeredModelFormula(net));
    for (int l = 0; l < net.depth(); ++l)
        lines.push_back("  layer " + std::to_string(l + 1) + ": " +
                        std::to_string(net.layers[l].width()) +
                        " neuron(s), g(z) = " + gFormula(net.layers[l].activation));
    return lines;
}

} // namespace

std::string layeredModelFormula(const LayeredNetwork&) {
    return "a_0 = x; a_l = g_l(W_l a_(l-1) + b_l) for each hidden layer l; y = v . a_L + c";
}

std::string layeredModelJson(const LayeredNetwork& net, const ModelNotes& notes) {
    nlohmann::ordered_json j;
    j["format"] = "stepwise-layered-model";
    j["version"] = 1;
    j["formula"] = layeredModelFormula(net);
    j["inputs"] = net.inputs;
    nlohmann::ordered_json layers = nlohmann::ordered_json::array();
    for (const Layer& layer : net.layers) {
        nlohmann::ordered_json l;
        l["neurons"] = layer.width();
        l["activation"] = std::string(activationName(layer.activation.kind));
        l["steepness"] = layer.activation.steepness;
        l["W"] = rows(layer.w);
        l["b"] = std::vector<double>(layer.b.begin(), layer.b.end());
        layers.push_back(l);
    }
    j["layers"] = layers;
    j["v"] = std::vector<double>(net.v.begin(), net.v.end());
    j["c"] = net.c;
    if (!notes.source.empty()) j["source"] = notes.source;
    if (notes.domainLo && notes.domainHi) j["domain"] = {*notes.domainLo, *notes.domainHi};
    if (notes.steps) j["steps"] = *notes.steps;
    return j.dump(2) + "\n";
}

std::string layeredModelPython(const LayeredNetwork& net, const ModelNotes& notes) {
    std::ostringstream o;
    o << "\"\"\"A layered network trained in Stepwise, as a Python function: predict(x).\n\n";
    for (const std::string& line : about(net, notes))
        o << line << "\n";
    o << "\nNeeds only NumPy. "
      << (net.inputs == 1
              ? "predict(0.5) gives a float; predict(an array of N floats) N values."
              : "predict(x) takes " + std::to_string(net.inputs) + " floats, or an N x " +
                    std::to_string(net.inputs) + " array for N outputs.")
      << "\n\"\"\"\n\nimport numpy as np\n\n";
    for (int l = 0; l < net.depth(); ++l) {
        const Layer& layer = net.layers[l];
        o << "W" << l + 1 << " = np.array([\n";
        for (Eigen::Index r = 0; r < layer.w.rows(); ++r) {
            const Eigen::RowVectorXd row = layer.w.row(r);
            o << "    [" << numbers(row.data(), row.size()) << "],\n";
        }
        o << "])\nB" << l + 1 << " = np.array([" << numbers(layer.b.data(), layer.b.size())
          << "])\n\n\ndef g" << l + 1 << "(z):\n    \"\"\"Layer " << l + 1
          << "'s activation: " << gFormula(layer.activation) << ".\"\"\"\n    return "
          << pythonG(layer.activation) << "\n\n\n";
    }
    o << "V = np.array([" << numbers(net.v.data(), net.v.size()) << "])\n"
      << "C = " << roundTripNumber(net.c) << "\n\n\n"
      << "def predict(x):\n"
      << "    \"\"\"The network's output for one sample or for N samples.\"\"\"\n"
      << "    x = np.asarray(x, dtype=np.float64)\n"
      << "    one = x.ndim == " << (net.inputs == 1 ? "0" : "1") << "\n"
      << "    a = x.reshape(-1, " << net.inputs << ").T  # inputs x N\n"
      << "    with np.errstate(over=\"ignore\"):  # exp overflows to inf far out: g is 0 there\n";
    for (int l = 0; l < net.depth(); ++l)
        o << "        z = W" << l + 1 << " @ a + B" << l + 1 << "[:, None]\n"
          << "        a = g" << l + 1 << "(z)\n";
    o << "    y = V @ a + C\n"
      << "    return float(y[0]) if one else y\n\n\n"
      << "if __name__ == \"__main__\":\n"
      << "    import sys\n\n"
      << "    values = [float(v) for v in sys.argv[1:]]\n"
      << "    for i in range(0, len(values), " << net.inputs << "):\n"
      << "        print(repr(predict(values[i] if " << net.inputs << " == 1 else values[i:i + "
      << net.inputs << "])))\n";
    return o.str();
}

std::string layeredModelC(const LayeredNetwork& net, const ModelNotes& notes) {
    std::ostringstream o;
    o << "/* A layered network trained in Stepwise, as a C function: stepwise_predict.\n *\n";
    for (const std::string& line : about(net, notes))
        o << " * " << line << "\n";
    o << " *\n * Needs only <math.h> (C89 or later): cc -O2 -o prog prog.c model.c -lm\n */\n"
      << "#include <math.h>\n\n";
    for (int l = 0; l < net.depth(); ++l) {
        const Layer& layer = net.layers[l];
        o << "/* layer " << l + 1 << ": W is " << layer.w.rows() << " x " << layer.w.cols()
          << ", row by row */\nstatic const double stepwise_w" << l + 1 << "[" << layer.w.size()
          << "] = {\n";
        for (Eigen::Index r = 0; r < layer.w.rows(); ++r) {
            const Eigen::RowVectorXd row = layer.w.row(r);
            o << "    " << numbers(row.data(), row.size()) << ",\n";
        }
        o << "};\nstatic const double stepwise_b" << l + 1 << "[" << layer.b.size() << "] = {"
          << numbers(layer.b.data(), layer.b.size()) << "};\n"
          << "static double stepwise_g" << l + 1 << "(double z)\n{\n    return "
          << cG(layer.activation) << ";\n}\n\n";
    }
    o << "static const double stepwise_v[" << net.v.size() << "] = {"
      << numbers(net.v.data(), net.v.size()) << "};\n"
      << "static const double stepwise_c = " << roundTripNumber(net.c) << ";\n\n";
    const std::string param = net.inputs == 1 ? "double x" : "const double* x";
    o << "double stepwise_predict(" << param << ");\n\n"
      << "double stepwise_predict(" << param << ")\n{\n";
    int widest = net.inputs;
    for (const Layer& layer : net.layers)
        widest = std::max(widest, layer.width());
    o << "    double in[" << widest << "], out[" << widest << "], y;\n    int i, j;\n";
    if (net.inputs == 1)
        o << "    in[0] = x;\n";
    else
        o << "    for (i = 0; i < " << net.inputs << "; ++i)\n        in[i] = x[i];\n";
    int fanIn = net.inputs;
    for (int l = 0; l < net.depth(); ++l) {
        const int width = net.layers[l].width();
        o << "    for (j = 0; j < " << width << "; ++j) {\n"
          << "        double z = 0.0;\n"
          << "        for (i = 0; i < " << fanIn << "; ++i)\n"
          << "            z += stepwise_w" << l + 1 << "[j * " << fanIn << " + i] * in[i];\n"
          << "        out[j] = stepwise_g" << l + 1 << "(z + stepwise_b" << l + 1 << "[j]);\n"
          << "    }\n"
          << "    for (j = 0; j < " << width << "; ++j)\n        in[j] = out[j];\n";
        fanIn = width;
    }
    o << "    y = 0.0;\n    for (j = 0; j < " << fanIn << "; ++j)\n"
      << "        y += stepwise_v[j] * in[j];\n    return y + stepwise_c;\n}\n";
    return o.str();
}

bool writeLayeredModelFile(const std::filesystem::path& path, const LayeredNetwork& net,
                           const ModelNotes& notes, std::string* error) {
    const std::optional<ModelFormat> format = modelFormatFor(path);
    if (!format) {
        if (error) *error = "the model's name must end in .json, .py or .c";
        return false;
    }
    if (const auto problem = networkProblem(net)) {
        if (error) *error = *problem;
        return false;
    }
    if (!allFinite(net)) {
        if (error) *error = "the network has no finite weights to export";
        return false;
    }
    const std::string text = *format == ModelFormat::Json     ? layeredModelJson(net, notes)
                             : *format == ModelFormat::Python ? layeredModelPython(net, notes)
                                                              : layeredModelC(net, notes);
    return writeFileAtomically(path, text, error);
}

} // namespace stepwise

// ModelExport: the C and Python files, compiled and run for real, give the core's numbers to
// 1e-12 for every activation (and the step's H(0) = 1 exactly); the JSON reads back to the same
// bits; every number round-trips.
#include "core/deep/RandomLayered.h"
#include "core/export/LayeredModelExport.h"
#include "core/export/ModelExport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

using namespace stepwise;
namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 1e-12;

const ActivationKind kEveryActivation[] = {ActivationKind::Step, ActivationKind::Sigmoid,
                                           ActivationKind::Tanh, ActivationKind::ReLU,
                                           ActivationKind::Identity};

// A network with random weights of the sizes the lesson uses.
Network networkToExport(ActivationKind kind, int hidden, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Network net(hidden, {kind, 3.7});
    for (int j = 0; j < hidden; ++j) {
        net.w[j] = 4.0 * u(rng);
        net.b[j] = 3.0 * u(rng);
        net.v[j] = 2.0 * u(rng);
    }
    net.c = u(rng);
    return net;
}

// Many x: random ones, a grid, zero, far out (where exp overflows), and for the continuous
// activations each neuron's step point −b/w (for the step itself, where x·w + b rounds to a
// few ulps of 0, the core's sign depends on whether its kernel fuses the multiply-add; the
// exact-zero case has its own test below).
std::vector<double> manyX(const Network& net, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-6.0, 6.0);
    std::vector<double> xs;
    for (int i = 0; i < 400; ++i)
        xs.push_back(u(rng));
    for (int i = 0; i <= 100; ++i)
        xs.push_back(-5.0 + 0.1 * i);
    for (double x : {0.0, -0.0, 1e-300, 1000.0, -1000.0, 1e6, -1e6})
        xs.push_back(x);
    if (net.activation.kind != ActivationKind::Step)
        for (int j = 0; j < net.hidden(); ++j)
            xs.push_back(-net.b[j] / net.w[j]);
    return xs;
}

const ModelNotes kNotes{"test", -5.0, 5.0, 100};

std::vector<double> coreOutput(const Network& net, const std::vector<double>& xs) {
    const Eigen::ArrayXd y =
        evaluateOutput(net, Eigen::Map<const Eigen::ArrayXd>(xs.data(), Eigen::Index(xs.size())));
    return {y.begin(), y.end()};
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        static int counter = 0;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() /
               ("stepwise-model-" + std::to_string(now) + "-" + std::to_string(++counter));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path operator/(const std::string& name) const { return path / name; }
};

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
}

std::string readText(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string shellQuoted(const fs::path& p) {
    std::string s(1, '"'); // built piece by piece: GCC 12 warns falsely about "\"" + s + "\""
    s += p.string();
    s += '"';
    return s;
}

// Every program of these names on PATH, in PATH's order (or a name given as an absolute path).
std::vector<std::string> findPrograms(const std::vector<std::string>& names) {
    std::vector<std::string> found;
    const char* pathEnv = std::getenv("PATH");
#ifdef _WIN32
    const char separator = ';';
    const std::vector<std::string> suffixes = {".exe", ""};
#else
    const char separator = ':';
    const std::vector<std::string> suffixes = {""};
#endif
    for (const std::string& name : names) {
        if (name.empty()) continue;
        if (fs::path(name).is_absolute() && fs::exists(name)) found.push_back(name);
        std::stringstream dirs(pathEnv ? pathEnv : "");
        std::string dir;
        while (std::getline(dirs, dir, separator))
            for (const std::string& suffix : suffixes)
                if (!dir.empty() && fs::is_regular_file(fs::path(dir) / (name + suffix)))
                    found.push_back((fs::path(dir) / (name + suffix)).string());
    }
    return found;
}

std::string findCCompiler() {
    const char* cc = std::getenv("CC");
    const std::vector<std::string> found = findPrograms({cc ? cc : "", "cc", "gcc", "clang"});
    return found.empty() ? std::string() : found.front();
}

// Runs a command with its output sent to a file; returns its exit status and the output.
int runCommand(const std::string& command, const fs::path& log, std::string* output) {
    const int status = std::system((command + " > " + shellQuoted(log) + " 2>&1").c_str());
    *output = readText(log);
    return status;
}

std::vector<double> parseNumbers(const std::string& text) {
    std::vector<double> out;
    std::istringstream in(text);
    std::string token;
    while (in >> token)
        out.push_back(std::strtod(token.c_str(), nullptr));
    return out;
}

std::string numbersText(const std::vector<double>& xs) {
    std::string s;
    for (double x : xs)
        s += roundTripNumber(x) + "\n";
    return s;
}

void expectAgrees(const std::vector<double>& xs, const std::vector<double>& core,
                  const std::vector<double>& exported, const std::string& what) {
    ASSERT_EQ(exported.size(), core.size()) << what;
    for (std::size_t i = 0; i < xs.size(); ++i)
        EXPECT_LE(std::abs(exported[i] - core[i]), kTolerance * std::max(1.0, std::abs(core[i])))
            << what << " at x = " << roundTripNumber(xs[i]) << ": core " << roundTripNumber(core[i])
            << ", exported " << roundTripNumber(exported[i]);
}

// Compiles model.c with a small driver that prints stepwise_predict(x) for each x it reads.
// Returns the outputs, or fails the test with the compiler's messages.
std::vector<double> runC(const std::string& compiler, const ScratchDir& dir,
                         const std::string& model, const std::vector<double>& xs) {
    writeText(dir / "model.c", model);
    writeText(dir / "driver.c", "#include <stdio.h>\n"
                                "double stepwise_predict(double x);\n"
                                "int main(int argc, char **argv)\n{\n"
                                "    double x;\n"
                                "    FILE *in = argc > 1 ? fopen(argv[1], \"r\") : NULL;\n"
                                "    if (!in) return 1;\n"
                                "    while (fscanf(in, \"%lf\", &x) == 1)\n"
                                "        printf(\"%.17g\\n\", stepwise_predict(x));\n"
                                "    fclose(in);\n"
                                "    return 0;\n}\n");
    writeText(dir / "x.txt", numbersText(xs));
    const fs::path program = dir / "predict";
    std::string log;
    const int built =
        runCommand(shellQuoted(compiler) + " -std=c99 -O2 -Wall -Wextra -pedantic " +
                       "-Werror -o " + shellQuoted(program) + " " + shellQuoted(dir / "driver.c") +
                       " " + shellQuoted(dir / "model.c") + " -lm",
                   dir / "build.log", &log);
    EXPECT_EQ(built, 0) << "the exported C did not compile cleanly:\n" << log;
    if (built != 0) return {};
    std::string out;
    EXPECT_EQ(
        runCommand(shellQuoted(program) + " " + shellQuoted(dir / "x.txt"), dir / "run.log", &out),
        0)
        << out;
    return parseNumbers(out);
}

// The first Python 3 on PATH that has NumPy (a version manager's python3 may come before the
// system's), or empty.
std::string findPythonWithNumpy() {
    for (const std::string& python : findPrograms({"python3", "python"})) {
        ScratchDir dir;
        std::string out;
        if (runCommand(shellQuoted(python) +
                           " -c \"import sys, numpy; sys.exit(sys.version_info[0] < 3)\"",
                       dir / "probe.log", &out) == 0)
            return python;
    }
    return {};
}

// Runs model.py on the x: once on the whole array, once on each float. Each output line holds
// the array's value, the float's value and the type the float call returned.
std::vector<std::string> runPython(const std::string& python, const ScratchDir& dir,
                                   const std::string& model, const std::vector<double>& xs) {
    writeText(dir / "model.py", model);
    writeText(dir / "x.txt", numbersText(xs));
    writeText(dir / "driver.py", "import sys\n"
                                 "import numpy as np\n"
                                 "sys.path.insert(0, sys.argv[1])\n"
                                 "import model\n"
                                 "with open(sys.argv[2]) as f:\n"
                                 "    xs = np.array([float(t) for t in f.read().split()])\n"
                                 "ys = model.predict(xs)\n"
                                 "assert ys.shape == xs.shape\n"
                                 "for x, y in zip(xs, ys):\n"
                                 "    one = model.predict(float(x))\n"
                                 "    print(repr(float(y)), repr(one), type(one).__name__)\n");
    std::string out;
    EXPECT_EQ(runCommand(shellQuoted(python) + " -W error " + shellQuoted(dir / "driver.py") + " " +
                             shellQuoted(dir.path) + " " + shellQuoted(dir / "x.txt"),
                         dir / "run.log", &out),
              0)
        << out;
    std::vector<std::string> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& line : lines)
        s += line + "\n";
    return s;
}

void expectPythonAgrees(const std::string& python, const std::string& model,
                        const std::vector<double>& xs, const std::vector<double>& core,
                        const std::string& what) {
    ScratchDir dir;
    const std::vector<std::string> lines = runPython(python, dir, model, xs);
    std::vector<double> asArray, asFloat;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        std::string a, f, type;
        in >> a >> f >> type;
        EXPECT_EQ(type, "float") << what << ": predict(float) must give a float";
        asArray.push_back(std::strtod(a.c_str(), nullptr));
        asFloat.push_back(std::strtod(f.c_str(), nullptr));
    }
    EXPECT_EQ(lines.size(), xs.size()) << joined(lines);
    expectAgrees(xs, core, asArray, what + " (array)");
    expectAgrees(xs, core, asFloat, what + " (float)");
}

// A step network whose sums are exact: at x = 0.5 neurons 1 and 2 sit exactly on their
// thresholds (z = 0), at x = 0 neuron 3 does.
Network thresholdNetwork() {
    Network net(3, {ActivationKind::Step, 1.0});
    net.w << 2.0, -0.5, 4.0;
    net.b << -1.0, 0.25, 0.0;
    net.v << 1.0, 2.0, 4.0;
    net.c = 0.5;
    return net;
}

} // namespace

TEST(ModelExport, RoundTripNumberReadsBackToTheSameBits) {
    std::mt19937_64 rng(7);
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, 1e300, 5e-324, 123456789.0};
    for (int i = 0; i < 2000; ++i) {
        double d;
        const std::uint64_t bits = rng();
        std::memcpy(&d, &bits, sizeof d);
        if (std::isfinite(d)) values.push_back(d);
    }
    for (double v : values) {
        const std::string s = roundTripNumber(v);
        EXPECT_NE(s.find_first_of(".e"), std::string::npos) << s << " would read as an integer";
        const double back = std::strtod(s.c_str(), nullptr);
        EXPECT_EQ(std::memcmp(&back, &v, sizeof v), 0) << s;
    }
    EXPECT_EQ(roundTripNumber(1.0), "1.0");
    EXPECT_EQ(roundTripNumber(-0.0), "-0.0");
}

TEST(ModelExport, FormatFromTheExtension) {
    EXPECT_EQ(modelFormatFor("a/model.json"), ModelFormat::Json);
    EXPECT_EQ(modelFormatFor("model.PY"), ModelFormat::Python);
    EXPECT_EQ(modelFormatFor("model.c"), ModelFormat::C);
    EXPECT_EQ(modelFormatFor("model.cpp"), std::nullopt);
    EXPECT_EQ(modelFormatFor("model"), std::nullopt);
}

TEST(ModelExport, JsonReadsBackToTheSameNumbers) {
    for (ActivationKind kind : kEveryActivation) {
        const Network net = networkToExport(kind, 6, 11);
        const auto j = nlohmann::json::parse(modelJson(net, {"sine.stepwise", -3.0, 3.0, 500}));
        const std::string what(activationName(kind));
        EXPECT_EQ(j["format"], "stepwise-model") << what;
        EXPECT_EQ(j["version"], 1) << what;
        EXPECT_EQ(j["activation"], what);
        EXPECT_EQ(j["steepness"].get<double>(), net.activation.steepness) << what;
        EXPECT_EQ(j["hidden"].get<int>(), 6) << what;
        ASSERT_EQ(j["w"].size(), 6u) << what;
        for (int i = 0; i < 6; ++i) {
            EXPECT_EQ(j["w"][i].get<double>(), net.w[i]) << what;
            EXPECT_EQ(j["b"][i].get<double>(), net.b[i]) << what;
            EXPECT_EQ(j["v"][i].get<double>(), net.v[i]) << what;
        }
        EXPECT_EQ(j["c"].get<double>(), net.c) << what;
        EXPECT_EQ(j["parameters"].size(), static_cast<std::size_t>(paramCount(6))) << what;
        EXPECT_EQ(j["parameters"]["w21"].get<double>(), net.v[1]) << what;
        EXPECT_EQ(j["formula"].get<std::string>(), modelFormula(net)) << what;
        EXPECT_EQ(j["source"], "sine.stepwise");
        EXPECT_EQ(j["domain"][1].get<double>(), 3.0);
        EXPECT_EQ(j["steps"].get<long>(), 500);
    }
}

TEST(ModelExport, FormulaNamesTheActivation) {
    EXPECT_NE(modelFormula(networkToExport(ActivationKind::Sigmoid, 2, 1)).find("exp(-k * z)"),
              std::string::npos);
    EXPECT_NE(modelFormula(networkToExport(ActivationKind::Sigmoid, 2, 1)).find("k = 3.7"),
              std::string::npos);
    EXPECT_NE(modelFormula(networkToExport(ActivationKind::Step, 2, 1)).find("1 if z >= 0"),
              std::string::npos);
    EXPECT_NE(modelFormula(networkToExport(ActivationKind::Tanh, 2, 1)).find("tanh(z)"),
              std::string::npos);
}

TEST(ModelExport, WriteRefusesAnUnknownExtensionAndNonFiniteWeights) {
    ScratchDir dir;
    std::string error;
    Network net = networkToExport(ActivationKind::Tanh, 3, 2);
    EXPECT_FALSE(writeModelFile(dir / "model.txt", net, {}, &error));
    EXPECT_NE(error.find(".json, .py or .c"), std::string::npos) << error;
    EXPECT_FALSE(fs::exists(dir / "model.txt"));
    net.v[1] = std::nan("");
    EXPECT_FALSE(writeModelFile(dir / "model.c", net, {}, &error));
    EXPECT_FALSE(fs::exists(dir / "model.c"));
    net.v[1] = 0.5;
    EXPECT_TRUE(writeModelFile(dir / "model.c", net, {}, &error)) << error;
    EXPECT_EQ(readText(dir / "model.c"), modelC(net));
}

TEST(ModelExport, CompiledCGivesTheCoresNumbersForEveryActivation) {
    const std::string compiler = findCCompiler();
    if (compiler.empty()) GTEST_SKIP() << "no C compiler (cc, gcc or clang) on PATH";
    for (ActivationKind kind : kEveryActivation) {
        const Network net = networkToExport(kind, 7, 3 + static_cast<int>(kind));
        const std::vector<double> xs = manyX(net, 5);
        ScratchDir dir;
        expectAgrees(xs, coreOutput(net, xs), runC(compiler, dir, modelC(net, kNotes), xs),
                     "C, " + std::string(activationName(kind)));
    }
}

TEST(ModelExport, CompiledCStepFiresAtItsThreshold) {
    const std::string compiler = findCCompiler();
    if (compiler.empty()) GTEST_SKIP() << "no C compiler (cc, gcc or clang) on PATH";
    const Network net = thresholdNetwork();
    const std::vector<double> xs = {0.5, 0.0, -0.0, 0.4999999999999999, 0.5000000000000001};
    const std::vector<double> core = coreOutput(net, xs);
    // By hand: at x = 0.5 neurons 1 and 2 are at z = 0 and fire (H(0) = 1), neuron 3 (z = 2)
    // fires: 1 + 2 + 4 + 0.5. At x = 0: neuron 3 at z = 0 fires, neuron 2 (z = 0.25) fires.
    EXPECT_EQ(core[0], 7.5);
    EXPECT_EQ(core[1], 6.5);
    ScratchDir dir;
    const std::vector<double> c = runC(compiler, dir, modelC(net, kNotes), xs);
    ASSERT_EQ(c.size(), xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        EXPECT_EQ(c[i], core[i]) << "x = " << roundTripNumber(xs[i]);
}

TEST(ModelExport, PythonGivesTheCoresNumbersForEveryActivation) {
    const std::string python = findPythonWithNumpy();
    if (python.empty()) GTEST_SKIP() << "no python3 with NumPy on PATH";
    for (ActivationKind kind : kEveryActivation) {
        const Network net = networkToExport(kind, 7, 3 + static_cast<int>(kind));
        expectPythonAgrees(python, modelPython(net, kNotes), manyX(net, 5),
                           coreOutput(net, manyX(net, 5)),
                           "Python, " + std::string(activationName(kind)));
    }
}

TEST(ModelExport, PythonStepFiresAtItsThreshold) {
    const std::string python = findPythonWithNumpy();
    if (python.empty()) GTEST_SKIP() << "no python3 with NumPy on PATH";
    const Network net = thresholdNetwork();
    const std::vector<double> xs = {0.5, 0.0, -0.0, 0.4999999999999999, 0.5000000000000001};
    const std::vector<double> core = coreOutput(net, xs);
    EXPECT_EQ(core[0], 7.5);
    EXPECT_EQ(core[1], 6.5);
    ScratchDir dir;
    const std::vector<std::string> lines = runPython(python, dir, modelPython(net, kNotes), xs);
    ASSERT_EQ(lines.size(), xs.size()) << joined(lines);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        std::istringstream in(lines[i]);
        std::string a, f;
        in >> a >> f;
        EXPECT_EQ(std::strtod(a.c_str(), nullptr), core[i]) << "x = " << roundTripNumber(xs[i]);
        EXPECT_EQ(std::strtod(f.c_str(), nullptr), core[i]) << "x = " << roundTripNumber(xs[i]);
    }
}

// ---- layered networks (core/export/LayeredModelExport.h) ---------------------------------------

namespace {

LayeredNetwork layeredFor(int seed, int inputs = 1) {
    std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
    LayeredNetwork net = randomLayeredNetwork(inputs,
                                              {{5, {ActivationKind::Sigmoid, 3.0}},
                                               {4, {ActivationKind::Tanh, 1.0}},
                                               {3, {ActivationKind::ReLU, 1.0}}},
                                              -2.0, 2.0, rng);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (Eigen::Index j = 0; j < net.v.size(); ++j)
        net.v[j] = u(rng);
    net.c = 0.25;
    return net;
}

std::vector<double> layeredCore(const LayeredNetwork& net, const std::vector<double>& xs) {
    Eigen::MatrixXd x(1, static_cast<Eigen::Index>(xs.size()));
    for (std::size_t i = 0; i < xs.size(); ++i)
        x(0, static_cast<Eigen::Index>(i)) = xs[i];
    const Eigen::ArrayXd y = evaluateOutput(net, x);
    return {y.begin(), y.end()};
}

std::vector<double> someX() {
    std::vector<double> xs;
    for (int i = 0; i <= 40; ++i)
        xs.push_back(-2.5 + 5.0 * i / 40);
    return xs;
}

} // namespace

TEST(LayeredModelExport, JsonHoldsTheShapeAndEveryNumber) {
    const LayeredNetwork net = layeredFor(3);
    const nlohmann::json j = nlohmann::json::parse(layeredModelJson(net, kNotes));
    EXPECT_EQ(j["format"], "stepwise-layered-model");
    EXPECT_EQ(j["inputs"], 1);
    ASSERT_EQ(j["layers"].size(), 3u);
    for (int l = 0; l < 3; ++l) {
        const Layer& layer = net.layers[l];
        EXPECT_EQ(j["layers"][l]["neurons"], layer.width());
        EXPECT_EQ(j["layers"][l]["activation"], std::string(activationName(layer.activation.kind)));
        for (Eigen::Index r = 0; r < layer.w.rows(); ++r)
            for (Eigen::Index c = 0; c < layer.w.cols(); ++c)
                EXPECT_EQ(j["layers"][l]["W"][r][c].get<double>(), layer.w(r, c));
        for (Eigen::Index r = 0; r < layer.b.size(); ++r)
            EXPECT_EQ(j["layers"][l]["b"][r].get<double>(), layer.b[r]);
    }
    for (Eigen::Index r = 0; r < net.v.size(); ++r)
        EXPECT_EQ(j["v"][r].get<double>(), net.v[r]);
    EXPECT_EQ(j["c"].get<double>(), net.c);
    EXPECT_EQ(j["steps"], 100);
}

TEST(LayeredModelExport, CompiledCGivesTheCoresNumbers) {
    const std::string compiler = findCCompiler();
    if (compiler.empty()) GTEST_SKIP() << "no C compiler (cc, gcc or clang) on PATH";
    for (int seed : {1, 2}) {
        const LayeredNetwork net = layeredFor(seed);
        ScratchDir dir;
        const std::vector<double> xs = someX();
        expectAgrees(xs, layeredCore(net, xs), runC(compiler, dir, layeredModelC(net, kNotes), xs),
                     "layered C, seed " + std::to_string(seed));
    }
}

TEST(LayeredModelExport, PythonGivesTheCoresNumbers) {
    const std::string python = findPythonWithNumpy();
    if (python.empty()) GTEST_SKIP() << "no python3 with NumPy on PATH";
    const LayeredNetwork net = layeredFor(5);
    const std::vector<double> xs = someX();
    expectPythonAgrees(python, layeredModelPython(net, kNotes), xs, layeredCore(net, xs),
                       "layered Python");
}

TEST(LayeredModelExport, WriteRefusesAnUnknownExtensionAndNonFiniteWeights) {
    ScratchDir dir;
    LayeredNetwork net = layeredFor(7);
    std::string error;
    EXPECT_FALSE(writeLayeredModelFile(dir / "model.txt", net, kNotes, &error));
    EXPECT_NE(error.find(".json, .py or .c"), std::string::npos) << error;
    net.layers[1].w(0, 0) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(writeLayeredModelFile(dir / "model.json", net, kNotes, &error));
    EXPECT_FALSE(fs::exists(dir / "model.json"));
    net = layeredFor(7);
    ASSERT_TRUE(writeLayeredModelFile(dir / "model.json", net, kNotes, &error)) << error;
    EXPECT_TRUE(fs::exists(dir / "model.json"));
}

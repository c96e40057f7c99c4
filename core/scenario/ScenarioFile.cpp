// readScenario and formatError: reading a scenario file that trusts nothing (the checks are listed
// in core/scenario/ScenarioFile.h).
#include "core/scenario/ScenarioFile.h"
#include "core/scenario/ScenarioFields.h"
#include "core/scenario/ScenarioSyntax.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace stepwise {

namespace {

using json = nlohmann::json;
using namespace scenario_detail;

// ---------------------------------------------------------------------------------------------
// Sections

void readNetwork(const json& j, Network& net) {
    const std::string path = "network";
    expectObject(j, path);
    Activation g;
    ifPresent(j, path, "activation", [&](const json& v, const std::string& f) {
        g.kind = readName<ActivationKind>(v, f, "an activation", kActivationCount,
                                          activationFromName, activationName);
    });
    ifPresent(j, path, "steepness", [&](const json& v, const std::string& f) {
        g.steepness = readNumber(v, f, 0.0, kMaxSteepness, true);
    });

    const json& hidden = required(j, path, "hidden", "the hidden neurons");
    const std::string hpath = child(path, "hidden");
    expectArray(hidden, hpath);
    if (hidden.size() < static_cast<std::size_t>(kMinHidden) ||
        hidden.size() > static_cast<std::size_t>(kMaxHidden))
        fail(hpath, "must hold between " + std::to_string(kMinHidden) + " and " +
                        std::to_string(kMaxHidden) + " neurons, not " +
                        std::to_string(hidden.size()));
    net = Network(static_cast<int>(hidden.size()), g);
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        const json& n = hidden[i];
        const std::string npath = item(hpath, i);
        expectObject(n, npath);
        const auto param = [&](std::string_view key, std::string_view what) {
            return readNumber(required(n, npath, key, what), child(npath, key), -kMaxParamMagnitude,
                              kMaxParamMagnitude);
        };
        const auto k = static_cast<Eigen::Index>(i);
        net.w[k] = param("w", "the neuron's weight");
        net.b[k] = param("b", "the neuron's bias");
        net.v[k] = param("v", "the neuron's output weight");
    }
    ifPresent(j, path, "c", [&](const json& v, const std::string& f) {
        net.c = readNumber(v, f, -kMaxParamMagnitude, kMaxParamMagnitude);
    });
}

// Version 3: a layered network. Every count is checked against its limit before anything of
// that size is made.
void readLayered(const json& j, LayeredNetwork& net) {
    const std::string path = "network";
    expectObject(j, path);
    int inputs = 1;
    ifPresent(j, path, "inputs", [&](const json& v, const std::string& f) {
        inputs = static_cast<int>(readInteger(v, f, kMinInputs, kMaxInputs));
    });
    const json& layers = required(j, path, "layers", "the hidden layers");
    const std::string lpath = child(path, "layers");
    expectArray(layers, lpath);
    if (layers.size() < static_cast<std::size_t>(kMinLayers) ||
        layers.size() > static_cast<std::size_t>(kMaxLayers))
        fail(lpath, "must hold between " + std::to_string(kMinLayers) + " and " +
                        std::to_string(kMaxLayers) + " hidden layers, not " +
                        std::to_string(layers.size()));
    net = LayeredNetwork{};
    net.inputs = inputs;
    long fanIn = inputs;
    const auto param = [&](const json& v, const std::string& f) {
        return readNumber(v, f, -kMaxParamMagnitude, kMaxParamMagnitude);
    };
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const json& layer = layers[l];
        const std::string path_l = item(lpath, l);
        expectObject(layer, path_l);
        Activation g;
        ifPresent(layer, path_l, "activation", [&](const json& v, const std::string& f) {
            g.kind = readName<ActivationKind>(v, f, "an activation", 5, activationFromName,
                                              activationName);
        });
        ifPresent(layer, path_l, "steepness", [&](const json& v, const std::string& f) {
            g.steepness = readNumber(v, f, 0.0, kMaxSteepness, true);
        });
        const json& neurons = required(layer, path_l, "neurons", "the layer's neurons");
        const std::string npath = child(path_l, "neurons");
        expectArray(neurons, npath);
        if (neurons.size() < static_cast<std::size_t>(kMinWidth) ||
            neurons.size() > static_cast<std::size_t>(kMaxWidth))
            fail(npath, "must hold between " + std::to_string(kMinWidth) + " and " +
                            std::to_string(kMaxWidth) + " neurons, not " +
                            std::to_string(neurons.size()));
        const auto width = static_cast<Eigen::Index>(neurons.size());
        Layer made{g, Eigen::MatrixXd::Zero(width, fanIn), Eigen::VectorXd::Zero(width)};
        for (std::size_t k = 0; k < neurons.size(); ++k) {
            const json& n = neurons[k];
            const std::string path_n = item(npath, k);
            expectObject(n, path_n);
            const json& w = required(n, path_n, "w", "the neuron's weights");
            const std::string wpath = child(path_n, "w");
            expectArray(w, wpath);
            if (w.size() != static_cast<std::size_t>(fanIn))
                fail(wpath, "must hold " + std::to_string(fanIn) + " weights (one per " +
                                (l == 0 ? "input" : "neuron of the layer before") + "), not " +
                                std::to_string(w.size()));
            for (std::size_t i = 0; i < w.size(); ++i)
                made.w(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i)) =
                    param(w[i], item(wpath, i));
            made.b[static_cast<Eigen::Index>(k)] =
                param(required(n, path_n, "b", "the neuron's bias"), child(path_n, "b"));
        }
        net.layers.push_back(std::move(made));
        fanIn = width;
    }
    const json& output = required(j, path, "output", "the output neuron");
    const std::string opath = child(path, "output");
    expectObject(output, opath);
    const json& v = required(output, opath, "v", "the output weights");
    const std::string vpath = child(opath, "v");
    expectArray(v, vpath);
    if (v.size() != static_cast<std::size_t>(fanIn))
        fail(vpath, "must hold " + std::to_string(fanIn) +
                        " weights (one per neuron of the last hidden layer), not " +
                        std::to_string(v.size()));
    net.v.resize(fanIn);
    for (std::size_t i = 0; i < v.size(); ++i)
        net.v[static_cast<Eigen::Index>(i)] = param(v[i], item(vpath, i));
    ifPresent(output, opath, "c",
              [&](const json& c, const std::string& f) { net.c = param(c, f); });
}

void readDomain(const json& j, Domain& d) {
    const std::string path = "domain";
    expectObject(j, path);
    ifPresent(j, path, "lo", [&](const json& v, const std::string& f) {
        d.lo = readNumber(v, f, -kMaxCoordinate, kMaxCoordinate);
    });
    ifPresent(j, path, "hi", [&](const json& v, const std::string& f) {
        d.hi = readNumber(v, f, -kMaxCoordinate, kMaxCoordinate);
    });
    if (!(d.hi - d.lo >= kMinDomainWidth))
        fail(child(path, "hi"), "must be greater than domain.lo (" + num(d.lo) + ") by at least " +
                                    num(kMinDomainWidth) + ", not " + num(d.hi));
    ifPresent(j, path, "samples", [&](const json& v, const std::string& f) {
        d.samples = static_cast<int>(readInteger(v, f, kMinSamples, kMaxSamples));
    });
}

// A list of points [x, y] at `field`, each coordinate within ±kMaxPointCoordinate; `total` counts
// the points of every list read so far against kMaxTotalStrokePoints.
void readPoints(const json& points, const std::string& ppath, std::size_t maxCount, long& total,
                std::vector<TargetPoint>& out) {
    expectArray(points, ppath);
    if (points.size() > maxCount)
        fail(ppath, "must hold at most " + std::to_string(maxCount) + " points, not " +
                        std::to_string(points.size()));
    total += static_cast<long>(points.size());
    if (total > kMaxTotalStrokePoints)
        fail(ppath, "the strokes and points hold more than " +
                        std::to_string(kMaxTotalStrokePoints) + " points in all");
    out.reserve(points.size());
    for (std::size_t k = 0; k < points.size(); ++k) {
        const json& p = points[k];
        const std::string pfield = item(ppath, k);
        if (!p.is_array() || p.size() != 2)
            fail(pfield, "must be a point [x, y], not " +
                             (p.is_array() ? "a list of " + std::to_string(p.size()) + " values"
                                           : typeName(p)));
        out.push_back(
            {readNumber(p[0], item(pfield, 0), -kMaxPointCoordinate, kMaxPointCoordinate),
             readNumber(p[1], item(pfield, 1), -kMaxPointCoordinate, kMaxPointCoordinate)});
    }
}

void readTarget(const json& j, TargetCurve& t, int version) {
    const std::string path = "target";
    expectObject(j, path);
    ifPresent(j, path, "preset", [&](const json& v, const std::string& f) {
        if (v.is_null())
            t.preset.reset();
        else
            t.preset = readName<TargetPreset>(v, f, "a target preset", kTargetPresetCount,
                                              targetPresetFromName, targetPresetName);
    });
    ifPresent(j, path, "noiseSeed",
              [&](const json& v, const std::string& f) { t.noiseSeed = readUint64(v, f); });
    ifPresent(j, path, "smoothing", [&](const json& v, const std::string& f) {
        t.smoothing = static_cast<int>(readInteger(v, f, 0, kMaxSmoothing));
    });
    long total = 0;
    ifPresent(j, path, "strokes", [&](const json& strokes, const std::string& spath) {
        expectArray(strokes, spath);
        if (strokes.size() > static_cast<std::size_t>(kMaxStrokes))
            fail(spath, "must hold at most " + std::to_string(kMaxStrokes) + " strokes, not " +
                            std::to_string(strokes.size()));
        t.strokes.reserve(strokes.size());
        for (std::size_t i = 0; i < strokes.size(); ++i) {
            const json& s = strokes[i];
            const std::string stpath = item(spath, i);
            expectObject(s, stpath);
            Stroke stroke;
            ifPresent(s, stpath, "erase",
                      [&](const json& v, const std::string& f) { stroke.erase = readBool(v, f); });
            const json& points = required(s, stpath, "points", "the points of the stroke");
            readPoints(points, child(stpath, "points"), static_cast<std::size_t>(kMaxStrokePoints),
                       total, stroke.points);
            t.strokes.push_back(std::move(stroke));
        }
    });
    if (version < 2) return; // the fields below came with version 2; version 1 ignored them
    ifPresent(j, path, "points", [&](const json& v, const std::string& f) {
        readPoints(v, f, static_cast<std::size_t>(kMaxTotalStrokePoints), total, t.points);
    });
    ifPresent(j, path, "noise", [&](const json& n, const std::string& npath) {
        expectObject(n, npath);
        ifPresent(n, npath, "sd", [&](const json& v, const std::string& f) {
            t.noise.sd = readNumber(v, f, 0.0, kMaxNoiseSd);
        });
        ifPresent(n, npath, "seed",
                  [&](const json& v, const std::string& f) { t.noise.seed = readUint64(v, f); });
    });
    ifPresent(j, path, "split", [&](const json& n, const std::string& spath) {
        expectObject(n, spath);
        ifPresent(n, spath, "testFraction", [&](const json& v, const std::string& f) {
            t.split.fraction = readNumber(v, f, 0.0, kMaxTestFraction);
        });
        ifPresent(n, spath, "seed",
                  [&](const json& v, const std::string& f) { t.split.seed = readUint64(v, f); });
    });
}

// Version 3: the target over the plane, for a network of two inputs
// (core/scenario/TargetSurface.h).
void readSurface(const json& j, TargetSurface& t) {
    const std::string path = "targetSurface";
    expectObject(j, path);
    ifPresent(j, path, "preset", [&](const json& v, const std::string& f) {
        if (v.is_null())
            t.preset.reset();
        else
            t.preset = readName<SurfacePreset>(v, f, "a surface preset", kSurfacePresetCount,
                                               surfacePresetFromName, surfacePresetName);
    });
    ifPresent(j, path, "noiseSeed",
              [&](const json& v, const std::string& f) { t.noiseSeed = readUint64(v, f); });
    long total = 0;
    ifPresent(j, path, "strokes", [&](const json& strokes, const std::string& spath) {
        expectArray(strokes, spath);
        if (strokes.size() > static_cast<std::size_t>(kMaxBrushStrokes))
            fail(spath, "must hold at most " + std::to_string(kMaxBrushStrokes) + " strokes, not " +
                            std::to_string(strokes.size()));
        t.strokes.reserve(strokes.size());
        for (std::size_t i = 0; i < strokes.size(); ++i) {
            const json& s = strokes[i];
            const std::string stpath = item(spath, i);
            expectObject(s, stpath);
            BrushStroke stroke;
            ifPresent(s, stpath, "radius", [&](const json& v, const std::string& f) {
                stroke.radius = readNumber(v, f, 1e-9, kMaxPointCoordinate);
            });
            ifPresent(s, stpath, "strength", [&](const json& v, const std::string& f) {
                stroke.strength = readNumber(v, f, -kMaxBrushStrength, kMaxBrushStrength);
            });
            ifPresent(s, stpath, "erase",
                      [&](const json& v, const std::string& f) { stroke.erase = readBool(v, f); });
            std::vector<TargetPoint> points;
            readPoints(required(s, stpath, "points", "the points of the stroke"),
                       child(stpath, "points"), static_cast<std::size_t>(kMaxStrokePoints), total,
                       points);
            for (const TargetPoint& p : points)
                stroke.points.push_back({p.x, p.y});
            t.strokes.push_back(std::move(stroke));
        }
    });
}

void readTraining(const json& j, TrainSettings& s, int version) {
    const std::string path = "training";
    expectObject(j, path);
    OptimizerSettings& o = s.optimizer;
    ifPresent(j, path, "optimizer", [&](const json& v, const std::string& f) {
        o.kind = readName<OptimizerKind>(v, f, "an optimizer", 3, optimizerFromName, optimizerName);
    });
    ifPresent(j, path, "learningRate", [&](const json& v, const std::string& f) {
        o.learningRate = readNumber(v, f, 0.0, kMaxLearningRate, true);
    });
    // Below 1: at 1 the momentum never decays and Adam's bias correction divides by zero.
    const double belowOne = std::nextafter(1.0, 0.0);
    ifPresent(j, path, "momentum", [&](const json& v, const std::string& f) {
        o.momentum = readNumber(v, f, 0.0, belowOne);
    });
    ifPresent(j, path, "beta1", [&](const json& v, const std::string& f) {
        o.beta1 = readNumber(v, f, 0.0, belowOne);
    });
    ifPresent(j, path, "beta2", [&](const json& v, const std::string& f) {
        o.beta2 = readNumber(v, f, 0.0, belowOne);
    });
    ifPresent(j, path, "epsilon", [&](const json& v, const std::string& f) {
        o.epsilon = readNumber(v, f, 0.0, 1.0, true);
    });
    ifPresent(j, path, "batchSize", [&](const json& v, const std::string& f) {
        s.batchSize = static_cast<int>(readInteger(v, f, 0, kMaxSamples));
    });
    ifPresent(j, path, "layers", [&](const json& v, const std::string& f) {
        s.layers = readName<LearningLayers>(v, f, "a choice of learning layers", 2,
                                            learningLayersFromName, learningLayersName);
    });
    ifPresent(j, path, "stepTraining", [&](const json& v, const std::string& f) {
        s.stepTraining = readName<StepTraining>(v, f, "a way to train steps", 2,
                                                stepTrainingFromName, stepTrainingName);
    });
    ifPresent(j, path, "surrogateSteepness", [&](const json& v, const std::string& f) {
        s.surrogateSteepness = readNumber(v, f, 0.0, kMaxSteepness, true);
    });
    ifPresent(j, path, "annealStart", [&](const json& v, const std::string& f) {
        s.annealStart = readNumber(v, f, 0.0, kMaxSteepness, true);
    });
    ifPresent(j, path, "annealEnd", [&](const json& v, const std::string& f) {
        s.annealEnd = readNumber(v, f, 0.0, kMaxSteepness, true);
    });
    ifPresent(j, path, "annealSteps", [&](const json& v, const std::string& f) {
        s.annealSteps = static_cast<long>(readInteger(v, f, 1, kMaxAnnealSteps));
    });
    ifPresent(j, path, "stopLoss", [&](const json& v, const std::string& f) {
        s.stopLoss = readNumber(v, f, 0.0, std::numeric_limits<double>::max());
    });
    ifPresent(j, path, "seed",
              [&](const json& v, const std::string& f) { s.seed = readUint64(v, f); });
    if (version < 2) return; // the fields below came with version 2
    ifPresent(j, path, "weightDecay", [&](const json& v, const std::string& f) {
        s.weightDecay = readNumber(v, f, 0.0, kMaxWeightDecay);
    });
    ifPresent(j, path, "earlyStopping",
              [&](const json& v, const std::string& f) { s.earlyStopping = readBool(v, f); });
    ifPresent(j, path, "patience", [&](const json& v, const std::string& f) {
        s.patience = static_cast<long>(readInteger(v, f, 0, kMaxPatience));
    });
}

void readView(const json& j, ViewRect& r) {
    const std::string path = "view";
    expectObject(j, path);
    const auto coord = [&](std::string_view key, double& out) {
        ifPresent(j, path, key, [&](const json& v, const std::string& f) {
            out = readNumber(v, f, -kMaxViewCoordinate, kMaxViewCoordinate);
        });
    };
    coord("xLo", r.xLo);
    coord("xHi", r.xHi);
    coord("yLo", r.yLo);
    coord("yHi", r.yHi);
    if (!(r.xLo < r.xHi))
        fail(child(path, "xHi"),
             "must be greater than view.xLo (" + num(r.xLo) + "), not " + num(r.xHi));
    if (!(r.yLo < r.yHi))
        fail(child(path, "yHi"),
             "must be greater than view.yLo (" + num(r.yLo) + "), not " + num(r.yHi));
}

void readLesson(const json& j, LessonState& l) {
    const std::string path = "lesson";
    expectObject(j, path);
    ifPresent(j, path, "chapter", [&](const json& v, const std::string& f) {
        l.chapter = static_cast<int>(readInteger(v, f, 0, kMaxLessonChapter));
    });
    ifPresent(j, path, "tasksDone", [&](const json& tasks, const std::string& tpath) {
        expectArray(tasks, tpath);
        if (tasks.size() > static_cast<std::size_t>(kMaxTasksDone))
            fail(tpath, "must hold at most " + std::to_string(kMaxTasksDone) + " tasks, not " +
                            std::to_string(tasks.size()));
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            const std::string f = item(tpath, i);
            const std::string& id = readString(tasks[i], f);
            if (id.empty() || id.size() > static_cast<std::size_t>(kMaxTaskIdLength))
                fail(f, "a task id must be 1 to " + std::to_string(kMaxTaskIdLength) +
                            " characters long, not " + std::to_string(id.size()));
            for (unsigned char ch : id)
                if (ch <= 0x20 || ch >= 0x7f)
                    fail(f, "a task id may hold only letters, digits and punctuation, not " +
                                inQuotes(id));
            l.tasksDone.insert(id);
        }
    });
    ifPresent(j, path, "freeMode",
              [&](const json& v, const std::string& f) { l.freeMode = readBool(v, f); });
}

// The version field: a whole number, and one of the versions this code reads.
int readVersion(const json& root) {
    const json& v = required(root, "", "version", "the version of the file format");
    if (!v.is_number()) fail("version", "must be a whole number, not " + typeName(v));
    const double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d))
        fail("version", "must be a whole number, not " + num(d));
    const std::string text = v.is_number_float() ? num(d) : v.dump();
    if (d > kScenarioVersion)
        fail("version",
             "version " + text + " is newer than this Stepwise understands (it reads versions " +
                 std::to_string(kOldestScenarioVersion) + " to " +
                 std::to_string(kScenarioVersion) + "); open the file with a newer Stepwise");
    if (d < kOldestScenarioVersion)
        fail("version", "must be " + std::to_string(kOldestScenarioVersion) + " to " +
                            std::to_string(kScenarioVersion) + ", not " + text);
    return static_cast<int>(d);
}

Scenario readRoot(const json& root) {
    if (!root.is_object())
        fail("(file)", "a scenario is a JSON object {...}; this file holds " + typeName(root));
    const json& format = required(root, "", "format", "\"format\": \"stepwise-scenario\"");
    if (!format.is_string() || format.get_ref<const std::string&>() != kScenarioFormat)
        fail("format", "must be \"" + std::string(kScenarioFormat) + "\", not " +
                           (format.is_string() ? inQuotes(format.get_ref<const std::string&>())
                                               : typeName(format)) +
                           "; this is not a Stepwise scenario");
    const int version = readVersion(root);

    Scenario s;
    const json& network = required(root, "", "network", "the network");
    if (version <= 2) { // versions 1 and 2: the lesson's network
        readNetwork(network, s.network);
    } else {
        s.layered.emplace();
        readLayered(network, *s.layered);
        s.network = Network(kMinHidden); // unused; one neutral neuron rather than none
    }
    if (const json* j = member(root, "domain")) readDomain(*j, s.domain);
    if (const json* j = member(root, "target")) readTarget(*j, s.target, version);
    if (const json* j = member(root, "training")) readTraining(*j, s.training, version);
    if (const json* j = member(root, "targetSurface"); j && version >= 3) {
        s.surface.emplace();
        readSurface(*j, *s.surface);
        if (s.layered->inputs != 2)
            fail("targetSurface", "a target over the plane needs a network of two inputs; this "
                                  "one has " +
                                      std::to_string(s.layered->inputs));
    }
    if (const json* j = member(root, "view")) readView(*j, s.view);
    if (const json* j = member(root, "lesson")) readLesson(*j, s.lesson);
    return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

ScenarioResult readScenario(std::string_view bytes) {
    ScenarioResult result;
    try {
        if (bytes.empty()) fail("(file)", "the file is empty");
        if (bytes.size() > kMaxScenarioBytes)
            fail("(file)", "the file is " + std::to_string(bytes.size()) +
                               " bytes, more than the limit of " +
                               std::to_string(kMaxScenarioBytes) + " bytes (16 MiB)");
        if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                  (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
            fail("(file)", "the file is UTF-16 text; a scenario must be UTF-8");
        prescan(bytes);
        json root;
        try {
            root = json::parse(bytes.begin(), bytes.end());
        } catch (const json::parse_error& e) {
            failSyntax(bytes, e);
        } catch (const json::out_of_range& e) {
            failOverflow(bytes, e);
        }
        result.scenario = readRoot(root);
    } catch (const Failure& f) {
        result.scenario.reset();
        result.error = f.error;
    } catch (const std::bad_alloc&) {
        result.scenario.reset();
        result.error = {"(file)", "not enough memory to read the file"};
    } catch (const std::exception& e) {
        result.scenario.reset();
        result.error = {"(file)", "cannot be read: " + printable(e.what())};
    } catch (...) {
        result.scenario.reset();
        result.error = {"(file)", "cannot be read"};
    }
    return result;
}

std::string formatError(const std::string& file, const ScenarioError& error) {
    std::string line = file + ": " + error.field + ": " + error.problem;
    for (char& ch : line)
        if (ch == '\n' || ch == '\r') ch = ' ';
    return line;
}

} // namespace stepwise

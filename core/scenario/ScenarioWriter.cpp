// writeScenario: the scenario as pretty JSON (see core/scenario/ScenarioFile.h for the format's
// promises).
#include "core/scenario/ScenarioFile.h"

#include <nlohmann/json.hpp>

namespace stepwise {

namespace {

using ojson = nlohmann::ordered_json;

std::string scalar(const ojson& j) {
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// Pretty printing with short lists and objects of plain values kept on one line, so a neuron or
// a point takes one line. Recursion depth is that of the scenario layout (a handful of levels).
void print(const ojson& j, int indent, std::string& out) {
    if (!j.is_structured()) {
        out += scalar(j);
        return;
    }
    if (j.empty()) {
        out += j.is_object() ? "{}" : "[]";
        return;
    }
    bool flat = true;
    for (const auto& v : j)
        flat = flat && !v.is_structured();
    if (flat) {
        std::string line = j.is_object() ? "{" : "[";
        bool first = true;
        for (auto it = j.begin(); it != j.end(); ++it, first = false) {
            if (!first) line += ", ";
            if (j.is_object()) {
                line += scalar(ojson(it.key()));
                line += ": ";
            }
            line += scalar(*it);
        }
        line += j.is_object() ? "}" : "]";
        if (indent + line.size() <= 100) {
            out += line;
            return;
        }
    }
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    out += j.is_object() ? "{\n" : "[\n";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it, first = false) {
        if (!first) out += ",\n";
        out += pad;
        if (j.is_object()) {
            out += scalar(ojson(it.key()));
            out += ": ";
        }
        print(*it, indent + 2, out);
    }
    // Appended piece by piece: "\n" + std::string(…) trips GCC 12's false -Wrestrict (PR105329).
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
    out += j.is_object() ? '}' : ']';
}

// Version 1 (and 2): the lesson's network.
ojson networkJson(const Network& n) {
    ojson net;
    net["activation"] = activationName(n.activation.kind);
    net["steepness"] = n.activation.steepness;
    ojson hidden = ojson::array();
    for (Eigen::Index j = 0; j < n.w.size(); ++j) {
        ojson neuron;
        neuron["w"] = n.w[j];
        neuron["b"] = j < n.b.size() ? n.b[j] : 0.0;
        neuron["v"] = j < n.v.size() ? n.v[j] : 0.0;
        hidden.push_back(std::move(neuron));
    }
    net["hidden"] = std::move(hidden);
    net["c"] = n.c;
    return net;
}

// Version 3: a layered network, each neuron {"w": [its weights], "b": its bias}.
ojson layeredJson(const LayeredNetwork& n) {
    ojson net;
    net["inputs"] = n.inputs;
    ojson layers = ojson::array();
    for (const Layer& l : n.layers) {
        ojson layer;
        layer["activation"] = activationName(l.activation.kind);
        layer["steepness"] = l.activation.steepness;
        ojson neurons = ojson::array();
        for (Eigen::Index j = 0; j < l.w.rows(); ++j) {
            ojson w = ojson::array();
            for (Eigen::Index i = 0; i < l.w.cols(); ++i)
                w.push_back(l.w(j, i));
            neurons.push_back({{"w", std::move(w)}, {"b", j < l.b.size() ? l.b[j] : 0.0}});
        }
        layer["neurons"] = std::move(neurons);
        layers.push_back(std::move(layer));
    }
    net["layers"] = std::move(layers);
    ojson v = ojson::array();
    for (double x : n.v)
        v.push_back(x);
    net["output"] = {{"v", std::move(v)}, {"c", n.c}};
    return net;
}

// A layered network that is more than the lesson's: more than one input or hidden layer (one
// input and one hidden layer is the lesson's network, written as versions 1 and 2 write it).
bool needsLayers(const Scenario& s) {
    return s.layered && !toNetwork(*s.layered);
}

} // namespace

std::optional<ScenarioError> beyondTheLessonsNetwork(const Scenario& s) {
    if (!needsLayers(s)) return std::nullopt;
    return ScenarioError{"network.layers",
                         "this file holds a network of " + std::to_string(s.layered->inputs) +
                             " input(s) and " + std::to_string(s.layered->depth()) +
                             " hidden layer(s); this version of Stepwise trains and shows the "
                             "lesson's network of one input and one hidden layer only"};
}

int scenarioVersionFor(const Scenario& s) {
    if (needsLayers(s)) return 3;
    const TargetCurve& t = s.target;
    const TrainSettings& tr = s.training;
    const bool needs2 = !t.points.empty() || t.noise != TargetNoise{} || t.split != TestSplit{} ||
                        tr.weightDecay != 0.0 || tr.earlyStopping || tr.patience != 0;
    return needs2 ? 2 : kOldestScenarioVersion;
}

std::string writeScenario(const Scenario& s) {
    const int version = scenarioVersionFor(s);
    ojson root;
    root["format"] = kScenarioFormat;
    root["version"] = version;
    const std::optional<Network> one = s.layered ? toNetwork(*s.layered) : std::nullopt;
    root["network"] = version == 3 ? layeredJson(*s.layered) : networkJson(one ? *one : s.network);

    root["domain"] = {{"lo", s.domain.lo}, {"hi", s.domain.hi}, {"samples", s.domain.samples}};

    const TargetCurve& t = s.target;
    ojson target;
    target["preset"] = t.preset ? ojson(targetPresetName(*t.preset)) : ojson(nullptr);
    target["noiseSeed"] = t.noiseSeed;
    target["smoothing"] = t.smoothing;
    ojson strokes = ojson::array();
    for (const Stroke& stroke : t.strokes) {
        ojson points = ojson::array();
        for (const TargetPoint& p : stroke.points)
            points.push_back({p.x, p.y});
        strokes.push_back({{"erase", stroke.erase}, {"points", std::move(points)}});
    }
    target["strokes"] = std::move(strokes);
    if (version >= 2) {
        ojson points = ojson::array();
        for (const TargetPoint& p : t.points)
            points.push_back({p.x, p.y});
        target["points"] = std::move(points);
        target["noise"] = {{"sd", t.noise.sd}, {"seed", t.noise.seed}};
        target["split"] = {{"testFraction", t.split.fraction}, {"seed", t.split.seed}};
    }
    root["target"] = std::move(target);
    // Version 3 with a network of two inputs: the target over the plane.
    if (version == 3 && s.surface && s.layered->inputs == 2) {
        const TargetSurface& ts = *s.surface;
        ojson surface;
        surface["preset"] = ts.preset ? ojson(surfacePresetName(*ts.preset)) : ojson(nullptr);
        surface["noiseSeed"] = ts.noiseSeed;
        ojson brush = ojson::array();
        for (const BrushStroke& stroke : ts.strokes) {
            ojson points = ojson::array();
            for (const PlanePoint& p : stroke.points)
                points.push_back({p.x1, p.x2});
            brush.push_back({{"radius", stroke.radius},
                             {"strength", stroke.strength},
                             {"erase", stroke.erase},
                             {"points", std::move(points)}});
        }
        surface["strokes"] = std::move(brush);
        root["targetSurface"] = std::move(surface);
    }

    const TrainSettings& tr = s.training;
    ojson training;
    training["optimizer"] = optimizerName(tr.optimizer.kind);
    training["learningRate"] = tr.optimizer.learningRate;
    training["momentum"] = tr.optimizer.momentum;
    training["beta1"] = tr.optimizer.beta1;
    training["beta2"] = tr.optimizer.beta2;
    training["epsilon"] = tr.optimizer.epsilon;
    training["batchSize"] = tr.batchSize;
    training["layers"] = learningLayersName(tr.layers);
    training["stepTraining"] = stepTrainingName(tr.stepTraining);
    training["surrogateSteepness"] = tr.surrogateSteepness;
    training["annealStart"] = tr.annealStart;
    training["annealEnd"] = tr.annealEnd;
    training["annealSteps"] = tr.annealSteps;
    training["stopLoss"] = tr.stopLoss;
    training["seed"] = tr.seed;
    if (version >= 2) {
        training["weightDecay"] = tr.weightDecay;
        training["earlyStopping"] = tr.earlyStopping;
        training["patience"] = tr.patience;
    }
    root["training"] = std::move(training);

    root["view"] = {
        {"xLo", s.view.xLo}, {"xHi", s.view.xHi}, {"yLo", s.view.yLo}, {"yHi", s.view.yHi}};

    ojson tasks = ojson::array();
    for (const std::string& id : s.lesson.tasksDone)
        tasks.push_back(id);
    root["lesson"] = {{"chapter", s.lesson.chapter},
                      {"tasksDone", std::move(tasks)},
                      {"freeMode", s.lesson.freeMode}};

    std::string out;
    print(root, 0, out);
    out += '\n';
    return out;
}

} // namespace stepwise

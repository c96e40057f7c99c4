#include "ui/walkthrough/LayeredWalkCaption.h"

#include "core/deep/LayeredNames.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LayeredWalkCaption", text);
}

const QChar kMinus(0x2212);
const QString kDelta(QChar(0x03B4));

QString sup(int l) {
    return QStringLiteral("⁽") + QString::fromStdString(superscript(l)) + QStringLiteral("⁾");
}
QString sub(int j) {
    return QString::fromStdString(subscript(j));
}
QString factor(double v) {
    return v < 0 ? "(" + walkNumber(v) + ")" : walkNumber(v);
}
QString plus(double v) {
    return v < 0 ? QString(kMinus) + " " + walkNumber(-v) : "+ " + walkNumber(v);
}

// The first kListed numbers of a list, "(0.53, −0.21, …; 16 in all)".
QString listed(const std::vector<double>& v) {
    QStringList parts;
    const int n = static_cast<int>(v.size());
    for (int i = 0; i < std::min(n, kListed); ++i)
        parts << walkNumber(v[static_cast<std::size_t>(i)]);
    QString s = "(" + parts.join(", ");
    if (n > kListed) s += tr(", …; %1 in all").arg(n);
    return s + ")";
}

// The name of the value entering layer l (0-based) from neuron or input i: xᵢ or a⁽ˡ⁾ᵢ.
QString inputName(const LayeredNetwork& net, int l, int i) {
    if (l == 0) return net.inputs == 1 ? QStringLiteral("x") : "x" + sub(i + 1);
    return "a" + sup(l) + sub(i + 1);
}

QString name(const LayeredNetwork& net, long index) {
    return QString::fromStdString(layeredParamName(net, index));
}

QString activationFormula(const Activation& g, const QString& z) {
    switch (g.kind) {
    case ActivationKind::Step:
        return "H(" + z + ")";
    case ActivationKind::Sigmoid:
        return "σ(" + walkNumber(g.steepness) + "·" + z + ")";
    case ActivationKind::Tanh:
        return "tanh(" + z + ")";
    case ActivationKind::ReLU:
        return "max(0, " + z + ")";
    case ActivationKind::Identity:
        return z;
    }
    return z;
}

// Up to four terms of a sum of products written out, then "+ …".
QString products(const std::vector<double>& ops, std::size_t from, std::size_t pairs) {
    QString s;
    const std::size_t shown = std::min<std::size_t>(pairs, 4);
    for (std::size_t k = 0; k < shown; ++k) {
        const double w = ops[from + 2 * k], a = ops[from + 2 * k + 1];
        s += (k == 0 ? QString() : QStringLiteral(" + ")) + factor(w) + " × " + factor(a);
    }
    if (pairs > shown) s += tr(" + … (%1 terms)").arg(pairs);
    return s;
}

// What the walk says about a layer's slope: a step's, honestly.
QString slopeNote(const Activation& g, int layer, const LayeredWalkContext& c) {
    if (g.kind == ActivationKind::Step) {
        if (c.surrogate)
            return tr(" Layer %1 is a step: its true slope is 0 wherever it has one (everywhere "
                      "but the jump), so the exact gradient stops there. Like training, the walk "
                      "borrows the slope of the steep sigmoid σ(k·z), k = %2: a stand-in, not the "
                      "gradient of L.")
                .arg(layer + 1)
                .arg(walkNumber(c.surrogateSteepness));
        return tr(" Layer %1 is a step: its slope is 0 wherever it has one, so nothing flows back "
                  "past it.")
            .arg(layer + 1);
    }
    if (g.kind == ActivationKind::ReLU)
        return tr(" A ReLU neuron whose sum is below 0 has slope 0 and passes nothing back.");
    return {};
}

WalkText forwardText(const LayeredWalkStep& s, const LayeredWalkContext& c) {
    const LayeredNetwork& net = *c.net;
    const int l = s.layer;
    const Layer& layer = net.layers[static_cast<std::size_t>(l)];
    WalkText t;
    if (s.neuron < 0) {
        const QString in = l == 0 ? QStringLiteral("x") : "a" + sup(l);
        t.formula =
            QString("z%1 = W%1·%2 + b%1 = %3;   a%1 = %4 = %5")
                .arg(sup(l + 1), in, listed(s.values),
                     activationFormula(layer.activation, "z" + sup(l + 1)), listed(s.second));
        t.meaning = tr("Layer %1, all %2 neurons at once: each adds up the values coming in, each "
                       "times its weight, plus its bias, and applies the layer's activation.")
                        .arg(l + 1)
                        .arg(layer.width());
        if (layer.width() > kLayeredWalkOpenWidth)
            t.meaning += tr(" Press O to go through them one by one.");
        t.label = {};
        return t;
    }
    const int j = s.neuron;
    const std::size_t fanIn = layer.w.cols();
    const QString zj = "z" + sup(l + 1) + sub(j + 1), aj = "a" + sup(l + 1) + sub(j + 1);
    QString symbolic;
    for (std::size_t i = 0; i < std::min<std::size_t>(fanIn, 3); ++i)
        symbolic += (i ? QStringLiteral(" + ") : QString()) +
                    name(net, layerOffset(net, l) + static_cast<long>(i) * layer.width() + j) +
                    "·" + inputName(net, l, static_cast<int>(i));
    if (fanIn > 3) symbolic += QStringLiteral(" + …");
    const QString bias = name(net, layerOffset(net, l) + layer.w.size() + j);
    t.formula = QString("%1 = %2 + %3 = %4 %5 = %6;   %7 = %8 = %9")
                    .arg(zj, symbolic, bias, products(s.operands, 1, fanIn),
                         plus(s.operands.back()), walkNumber(s.operands.front()), aj,
                         activationFormula(layer.activation, walkNumber(s.operands.front())),
                         walkNumber(s.value));
    t.meaning = tr("Neuron %1 of layer %2: its weighted inputs plus its bias give the sum %3, and "
                   "its activation turns that into the value %4 it passes on.")
                    .arg(j + 1)
                    .arg(l + 1)
                    .arg(zj, aj);
    t.label = "a = " + walkNumber(s.value);
    return t;
}

WalkText deltaText(const LayeredWalkStep& s, const LayeredWalkContext& c) {
    const LayeredNetwork& net = *c.net;
    const int l = s.layer;
    const bool last = l == net.depth() - 1;
    const Layer& layer = net.layers[static_cast<std::size_t>(l)];
    WalkText t;
    const QString d = kDelta + sup(l + 1);
    if (s.neuron < 0) {
        const QString back =
            last ? QStringLiteral("∂L/∂y · v") : "W" + sup(l + 2) + "ᵀ·" + kDelta + sup(l + 2);
        t.formula = QString("g′(z%1) = %2;   %3 = (%4) ⊙ g′(z%1) = %5")
                        .arg(sup(l + 1), listed(s.second), d, back, listed(s.values));
        t.meaning = tr("The error reaching each sum of layer %1: what flows back to a neuron "
                       "through its outgoing weights, times the slope of its activation at its "
                       "sum (the chain rule, one layer back).")
                        .arg(l + 1);
        t.meaning += slopeNote(layer.activation, l, c);
        if (s.flowStops)
            t.meaning += tr(" Every δ of this layer is 0: for this sample nothing flows back "
                            "past it.");
        return t;
    }
    const int j = s.neuron;
    const QString dj = d + sub(j + 1);
    const std::size_t pairs = (s.operands.size() - 2) / 2;
    QString symbolic;
    if (last)
        symbolic = name(net, layerOffset(net, net.depth()) + j) + "·∂L/∂y";
    else
        symbolic = "Σₖ w" + sup(l + 2) + sub(j + 1) + "ₖ·" + kDelta + sup(l + 2) + "ₖ";
    t.formula = QString("%1 = (%2) · g′(z%3%4) = (%5) × %6 = %7")
                    .arg(dj, symbolic, sup(l + 1), sub(j + 1), products(s.operands, 2, pairs),
                         factor(s.operands[1]), walkNumber(s.value));
    t.meaning = tr("Neuron %1 of layer %2: the error flowing back to it along its outgoing "
                   "weights, times its activation's slope %3 at its sum.")
                    .arg(j + 1)
                    .arg(l + 1)
                    .arg(walkNumber(s.operands[1]));
    if (layer.activation.kind == ActivationKind::Step)
        t.meaning += slopeNote(layer.activation, l, c);
    if (s.flowStops) t.meaning += tr(" It is 0: nothing flows back past this neuron.");
    t.label = kDelta + " = " + walkNumber(s.value);
    return t;
}

WalkText gradientText(const LayeredWalkStep& s, const LayeredWalkContext& c) {
    const LayeredNetwork& net = *c.net;
    const int l = s.layer;
    const Layer& layer = net.layers[static_cast<std::size_t>(l)];
    WalkText t;
    const QString d = kDelta + sup(l + 1);
    if (s.neuron < 0) {
        // values: ∂L/∂W column by column, then ∂L/∂b.
        const long nw = layer.w.size();
        long largest = 0;
        for (long k = 1; k < nw; ++k)
            if (std::abs(s.values[static_cast<std::size_t>(k)]) >
                std::abs(s.values[static_cast<std::size_t>(largest)]))
                largest = k;
        const std::vector<double> db(s.values.begin() + nw, s.values.end());
        t.formula = QString("∂L/∂b%1 = %2 = %3;   ∂L/∂W%1 = %2·%4ᵀ: %5 × %6 numbers, the "
                            "largest ∂L/∂%7 = %8")
                        .arg(sup(l + 1), d, listed(db), l == 0 ? QStringLiteral("x") : "a" + sup(l))
                        .arg(layer.w.rows())
                        .arg(layer.w.cols())
                        .arg(name(net, layerOffset(net, l) + largest),
                             walkNumber(s.values[static_cast<std::size_t>(largest)]));
        t.meaning = tr("Each weight's share of the blame: the δ of the neuron it enters times the "
                       "value it carries in; each bias's is its neuron's δ. These are this "
                       "sample's terms; the batch adds up every sample's.");
        return t;
    }
    const int j = s.neuron;
    const std::size_t fanIn = layer.w.cols();
    QStringList parts;
    for (std::size_t i = 0; i < std::min<std::size_t>(fanIn, 3); ++i)
        parts << QString("∂L/∂%1 = %2 × %3 = %4")
                     .arg(name(net, layerOffset(net, l) + static_cast<long>(i) * layer.width() + j),
                          factor(s.operands[0]), factor(s.operands[1 + i]),
                          walkNumber(s.values[i]));
    if (fanIn > 3) parts << QStringLiteral("…");
    parts << QString("∂L/∂%1 = %2%3 = %4")
                 .arg(name(net, layerOffset(net, l) + layer.w.size() + j), d, sub(j + 1),
                      walkNumber(s.value));
    t.formula = parts.join(";   ");
    t.meaning = tr("Neuron %1 of layer %2: each weight coming in gets δ times the value it carries "
                   "(%3 of them), the bias gets δ itself.")
                    .arg(j + 1)
                    .arg(l + 1)
                    .arg(fanIn);
    t.label = "∂L/∂b = " + walkNumber(s.value);
    return t;
}

// "Layer 2" or "The output".
QString layerName(const LayeredNetwork& net, int l) {
    return l < net.depth() ? tr("Layer %1").arg(l + 1) : tr("The output");
}

// Up to kListed parameters of a layer: "name: text(k)".
template <class F> QString perParam(const LayeredNetwork& net, int l, std::size_t count, F text) {
    QStringList parts;
    const long from = layerOffset(net, l);
    for (std::size_t k = 0; k < std::min<std::size_t>(count, kListed); ++k)
        parts << name(net, from + static_cast<long>(k)) + ": " + text(k);
    if (count > static_cast<std::size_t>(kListed)) parts << tr("… (%1 in all)").arg(count);
    return parts.join(", ");
}

} // namespace

QString layeredWalkPhaseName(LayeredWalkPhase phase) {
    switch (phase) {
    case LayeredWalkPhase::Forward:
        return tr("Forward");
    case LayeredWalkPhase::Backward:
        return tr("Backward");
    case LayeredWalkPhase::Batch:
        return tr("The whole batch");
    }
    return {};
}

WalkText layeredWalkText(const LayeredWalkStep& s, const LayeredWalkContext& c) {
    WalkText t;
    if (!c.net || c.net->depth() == 0) return t;
    const LayeredNetwork& net = *c.net;
    const int depth = net.depth();
    switch (s.kind) {
    case LayeredWalkKind::Input: {
        const QString x = s.values.size() == 1 ? walkNumber(s.values[0]) : listed(s.values);
        t.formula = QString("x = %1,   t = %2").arg(x, walkNumber(s.value));
        t.meaning = s.values.size() == 1
                        ? tr("The sample enters: its input x and the target t the network should "
                             "answer there. Click the graph, or change the sample's number, to "
                             "walk another.")
                        : tr("The sample enters: a point (x₁, x₂) of the plane and the target t "
                             "the network should answer there. Click the map, or change the "
                             "sample's number, to walk another.");
        t.label = "t = " + walkNumber(s.value);
        return t;
    }
    case LayeredWalkKind::Forward:
        return forwardText(s, c);
    case LayeredWalkKind::Output: {
        const std::size_t pairs = (s.operands.size() - 1) / 2;
        t.formula = QString("y = Σⱼ vⱼ·a%1ⱼ + c = %2 %3 = %4")
                        .arg(sup(depth), products(s.operands, 0, pairs), plus(s.operands.back()),
                             walkNumber(s.value));
        t.meaning = tr("The output neuron is linear: the last layer's values, each times its "
                       "output weight, plus the output bias c. This is the network's answer y.");
        t.label = "y = " + walkNumber(s.value);
        return t;
    }
    case LayeredWalkKind::LossTerm:
        t.formula = QString("ℓ = (y %1 t)² = (%2 %3)² = %4")
                        .arg(QString(kMinus), walkNumber(s.operands[0]), plus(-s.operands[1]),
                             walkNumber(s.value));
        t.meaning = tr("The sample's squared error. The loss L is the mean of these over all %1 "
                       "samples.")
                        .arg(c.samples);
        t.label = "ℓ = " + walkNumber(s.value);
        return t;
    case LayeredWalkKind::DLdy:
        t.formula = QString("∂L/∂y = 2·(y %1 t)/N = 2 × (%2 %3) / %4 = %5")
                        .arg(QString(kMinus), walkNumber(s.operands[0]), plus(-s.operands[1]))
                        .arg(c.samples)
                        .arg(walkNumber(s.value));
        t.meaning = s.value > 0   ? tr("How fast L grows with this sample's output. Positive: the "
                                         "output is too high, and L falls if it goes down.")
                    : s.value < 0 ? tr("How fast L grows with this sample's output. Negative: "
                                       "the output is too low, and L falls if it goes up.")
                                  : tr("The output hits the target: nothing flows back from this "
                                       "sample.");
        t.label = "∂L/∂y = " + walkNumber(s.value);
        return t;
    case LayeredWalkKind::OutputGradient:
        if (s.neuron < 0) {
            t.formula = QString("∂L/∂vⱼ = ∂L/∂y · a%1ⱼ = %2;   ∂L/∂c = ∂L/∂y = %3")
                            .arg(sup(depth), listed(s.values), walkNumber(s.value));
            t.meaning = tr("Each output weight's share: ∂L/∂y times the value of the neuron it "
                           "comes from. The output bias gets ∂L/∂y itself.");
            return t;
        }
        t.formula =
            QString("∂L/∂%1 = ∂L/∂y · a%2%3 = %4 × %5 = %6")
                .arg(name(net, layerOffset(net, depth) + s.neuron), sup(depth), sub(s.neuron + 1),
                     factor(s.operands[0]), factor(s.operands[1]), walkNumber(s.value));
        t.meaning = tr("The weight from neuron %1 of the last layer to the output: ∂L/∂y times "
                       "that neuron's value.")
                        .arg(s.neuron + 1);
        t.label = "∂L/∂v = " + walkNumber(s.value);
        return t;
    case LayeredWalkKind::Delta:
        return deltaText(s, c);
    case LayeredWalkKind::Gradient:
        return gradientText(s, c);
    case LayeredWalkKind::BatchMean:
        t.formula = QString("∂L/∂θ = (1/N)·Σᵢ ∂ℓᵢ/∂θ, N = %1.   %2: %3")
                        .arg(c.samples)
                        .arg(layerName(net, s.layer),
                             perParam(net, s.layer, s.values.size(),
                                      [&](std::size_t k) { return walkNumber(s.values[k]); }));
        t.meaning = tr("Every sample's terms added up: the mean over the %1 samples of each "
                       "parameter's derivative. That is the gradient of L; it points uphill, "
                       "the way L grows fastest.")
                        .arg(c.samples);
        return t;
    case LayeredWalkKind::DescentStep:
        t.formula = QString("θ ← θ %1 η·∂L/∂θ, η = %2.   %3: %4")
                        .arg(QString(kMinus), walkNumber(s.value), layerName(net, s.layer),
                             perParam(net, s.layer, s.values.size(), [&](std::size_t k) {
                                 return walkNumber(s.second[k]) + " → " + walkNumber(s.values[k]);
                             }));
        t.meaning = tr("One step against the gradient, downhill. \"Take this step\" applies it "
                       "to the network (one undo step).");
        if (!c.optimizer.isEmpty())
            t.meaning += tr(" Training uses %1, which shapes its steps differently; this is plain "
                            "gradient descent.")
                             .arg(c.optimizer);
        return t;
    case LayeredWalkKind::LossAfter:
        t.formula = QString("L: %1 → %2").arg(walkNumber(s.operands[0]), walkNumber(s.value));
        t.meaning = s.value <= s.operands[0]
                        ? tr("The loss over the whole batch before and after the step: the step "
                             "went downhill.")
                        : tr("The loss over the whole batch rose. Along the true gradient a "
                             "short enough step always lowers L, so this one was too long (or, "
                             "where a step layer's slope was borrowed, not quite downhill). A "
                             "smaller learning rate takes a shorter step.");
        t.label = "L = " + walkNumber(s.value);
        return t;
    }
    return t;
}

} // namespace stepwise::ui

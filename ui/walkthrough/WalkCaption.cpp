#include "ui/walkthrough/WalkCaption.h"

#include <QCoreApplication>

#include <cmath>

namespace stepwise::ui {

namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("WalkCaption", text, nullptr, n);
}

const QChar kMinus(0x2212);

QString superscript(int n) {
    static const char16_t digits[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString s;
    if (n < 0) s += QChar(0x207B);
    for (const QChar c : QString::number(std::abs(n)))
        s += QChar(digits[c.digitValue()]);
    return s;
}

QString subscript(int n) {
    static const char16_t digits[] = u"₀₁₂₃₄₅₆₇₈₉";
    QString s;
    for (const QChar c : QString::number(n))
        s += QChar(digits[c.digitValue()]);
    return s;
}

// A factor of a product: a negative one in brackets.
QString factor(double v) {
    return v < 0 ? "(" + walkNumber(v) + ")" : walkNumber(v);
}

// "+ 2.00" or "− 2.00": a term added at the end of a sum.
QString plus(double v) {
    return v < 0 ? QString(kMinus) + " " + walkNumber(-v) : "+ " + walkNumber(v);
}

// The size of the network being walked: the screen names depend on it (paramName: the output
// weights are w11, w21, … up to nine neurons and v1, v2, … from ten on). Set by walkText for the
// call, so the small helpers below need not carry it.
thread_local int walkedHidden = 2;

QString name(ParamId id) {
    return QString::fromStdString(paramName(id, walkedHidden));
}

QString W(int j) {
    return name({ParamKind::HiddenWeight, j});
}
QString B(int j) {
    return name({ParamKind::HiddenBias, j});
}
QString V(int j) {
    return name({ParamKind::OutputWeight, j});
}

QString z(int j) {
    return "z" + subscript(j + 1);
}
QString a(int j) {
    return "a" + subscript(j + 1);
}
QString delta(int j) {
    return QString(QChar(0x03B4)) + subscript(j + 1);
}

QString d(const QString& of) {
    return "∂L/∂" + of;
}

bool hiddenParam(const std::optional<ParamId>& p) {
    return p && (p->kind == ParamKind::HiddenWeight || p->kind == ParamKind::HiddenBias);
}

QString op(const WalkStep& s, std::size_t i) {
    return i < s.operands.size() ? walkNumber(s.operands[i]) : QString();
}
double val(const WalkStep& s, std::size_t i) {
    return i < s.operands.size() ? s.operands[i] : 0.0;
}

WalkText activationText(const WalkStep& s, const WalkContext& c) {
    const int j = s.neuron;
    const Activation g = c.net ? c.net->activation : Activation{};
    WalkText t;
    t.label = a(j) + " = " + walkNumber(s.value);
    const QString zv = op(s, 0), av = walkNumber(s.value);
    switch (g.kind) {
    case ActivationKind::Step:
        t.formula = QString("%1 = H(%2) = H(%3) = %4").arg(a(j), z(j), zv, av);
        t.meaning = tr("A step answers 1 when its sum is 0 or more and 0 below it: neuron %1's "
                       "output %2.");
        break;
    case ActivationKind::Sigmoid:
        t.formula = QString("%1 = σ(k·%2) = σ(%3 × %4) = %5")
                        .arg(a(j), z(j), walkNumber(g.steepness), factor(val(s, 0)), av);
        t.meaning = tr("The sigmoid squeezes the sum between 0 and 1 (steepness k): neuron %1's "
                       "output %2.");
        break;
    case ActivationKind::Tanh:
        t.formula = QString("%1 = tanh(%2) = tanh(%3) = %4").arg(a(j), z(j), zv, av);
        t.meaning = tr("tanh squeezes the sum between −1 and 1: neuron %1's output %2.");
        break;
    case ActivationKind::ReLU:
        t.formula = QString("%1 = max(0, %2) = max(0, %3) = %4").arg(a(j), z(j), zv, av);
        t.meaning = tr("ReLU passes a positive sum on and turns a negative one into 0: neuron "
                       "%1's output %2.");
        break;
    case ActivationKind::Identity:
        t.formula = QString("%1 = %2 = %3").arg(a(j), z(j), av);
        t.meaning = tr("The identity passes the sum on unchanged: neuron %1's output %2.");
        break;
    }
    t.meaning = t.meaning.arg(j + 1).arg(a(j));
    return t;
}

WalkText slopeText(const WalkStep& s, const WalkContext& c) {
    const int j = s.neuron;
    const Activation g = c.net ? c.net->activation : Activation{};
    WalkText t;
    const QString sv = walkNumber(s.value);
    if (c.borrowedSlope) {
        t.formula =
            QString("g′(%1) = 0;   %2: d/dz σ(k·z) at %1 = %3, k = %4: %5")
                .arg(z(j), tr("borrowed slope"), op(s, 0), walkNumber(c.surrogateSteepness), sv);
        t.meaning = tr("The true slope of a step is 0 (it is flat on both sides of its jump, and "
                       "has no slope at the jump), so the exact chain rule carries nothing to %1 "
                       "and %2. Training borrows the slope of the steep sigmoid σ(k·z) instead: "
                       "a stand-in, not the gradient of L.")
                        .arg(W(j), B(j));
        t.label = tr("borrowed slope %1").arg(sv);
        return t;
    }
    switch (g.kind) {
    case ActivationKind::Step:
        t.formula = QString("g′(%1) = 0").arg(z(j));
        break;
    case ActivationKind::Sigmoid:
        t.formula = QString("g′(%1) = k·%2·(1 %3 %2) = %4 × %5 × (1 %3 %5) = %6")
                        .arg(z(j), a(j), QString(kMinus), walkNumber(g.steepness), op(s, 1), sv);
        break;
    case ActivationKind::Tanh:
        t.formula = QString("g′(%1) = 1 %2 %3² = 1 %2 %4² = %5")
                        .arg(z(j), QString(kMinus), a(j), factor(val(s, 1)), sv);
        break;
    case ActivationKind::ReLU:
        t.formula = QString("g′(%1) = %2 (%1 = %3 is %4 0)")
                        .arg(z(j), sv, op(s, 0), val(s, 0) > 0 ? ">" : "≤");
        break;
    case ActivationKind::Identity:
        t.formula = QString("g′(%1) = %2").arg(z(j), sv);
        break;
    }
    if (s.flowStops)
        t.meaning =
            g.kind == ActivationKind::Step
                ? tr("The true slope of a step is 0, so the flow stops here: nothing reaches "
                     "%1 and %2 from this sample.")
                      .arg(W(j), B(j))
                : tr("Neuron %1 is flat here (slope 0), so the flow stops: nothing reaches %2 and "
                     "%3 from this sample.")
                      .arg(j + 1)
                      .arg(W(j), B(j));
    else
        t.meaning = tr("How fast neuron %1's output %2 changes as its sum %3 changes: the next "
                       "link of the chain.")
                        .arg(j + 1)
                        .arg(a(j), z(j));
    t.label = s.flowStops ? tr("g′ = 0: stops") : "g′ = " + sv;
    return t;
}

} // namespace

QString walkNumber(double v) {
    if (v == 0.0) return QStringLiteral("0");
    if (!std::isfinite(v)) return std::isnan(v) ? QStringLiteral("NaN") : (v > 0 ? "∞" : "−∞");
    const double m = std::abs(v);
    QString s;
    if (m >= 0.1) {
        s = QString::number(m, 'f', 2);
    } else if (m >= 0.001) {
        // 3 significant digits: 0.0512, 0.00512 (0.1000 from 0.09999 is 0.100).
        const int e = static_cast<int>(std::floor(std::log10(m)));
        int decimals = 2 - e;
        s = QString::number(m, 'f', decimals);
        if (s.toDouble() >= std::pow(10.0, e + 1)) s = QString::number(m, 'f', decimals - 1);
    } else {
        int e = static_cast<int>(std::floor(std::log10(m)));
        double mant = m / std::pow(10.0, e);
        if (QString::number(mant, 'f', 2) == "10.00") {
            mant /= 10.0;
            ++e;
        }
        s = QString::number(mant, 'f', 2) + " × 10" + superscript(e);
    }
    return v < 0 ? QString(kMinus) + s : s;
}

QString walkPhaseName(WalkPhase phase) {
    switch (phase) {
    case WalkPhase::Forward:
        return tr("Forward");
    case WalkPhase::Backward:
        return tr("Backward");
    case WalkPhase::Batch:
        return tr("The whole batch");
    }
    return {};
}

WalkText walkText(const WalkStep& s, const WalkContext& c) {
    walkedHidden = c.net ? c.net->hidden() : 2;
    const int j = s.neuron;
    const QString v = walkNumber(s.value);
    const QString N = QString::number(c.samples);
    const bool borrowed = c.borrowedSlope;
    WalkText t;
    switch (s.kind) {
    case WalkKind::Input:
        t.formula = QString("x = %1     t = %2").arg(op(s, 0), op(s, 1));
        t.meaning = tr("The sample x = %1 enters the network at the input. Its target, the value "
                       "the network should give at this x, is t = %2.")
                        .arg(op(s, 0), op(s, 1));
        t.label = "x = " + v;
        break;
    case WalkKind::PreActivation:
        t.formula = QString("%1 = %2·x + %3 = %4 × %5 %6 = %7")
                        .arg(z(j), W(j), B(j), op(s, 0), factor(val(s, 1)), plus(val(s, 2)), v);
        t.meaning = tr("Neuron %1 weighs the input by %2 and adds its bias %3: its sum %4.")
                        .arg(j + 1)
                        .arg(W(j), B(j), z(j));
        t.label = z(j) + " = " + v;
        break;
    case WalkKind::Activation:
        t = activationText(s, c);
        break;
    case WalkKind::Output: {
        const int h = static_cast<int>(s.operands.size() / 2);
        QStringList names, numbers;
        const int shown = h <= 4 ? h : 2;
        for (int k = 0; k < shown; ++k) {
            names << V(k) + "·" + a(k);
            numbers << QString("%1 × %2").arg(factor(val(s, 2 * k)), factor(val(s, 2 * k + 1)));
        }
        if (shown < h) {
            names << "…" << V(h - 1) + "·" + a(h - 1);
            numbers << tr("… (%n more term(s))", h - shown);
        }
        t.formula = QString("y = %1 + c = %2 %3 = %4")
                        .arg(names.join(" + "), numbers.join(" + "), plus(s.operands.back()), v);
        t.meaning = tr("The output neuron adds up the hidden neurons' outputs, each weighted by "
                       "its output weight, and its bias c: the network's answer y at this x.");
        t.label = "y = " + v;
        break;
    }
    case WalkKind::LossTerm:
        t.formula = QString("ℓ = (y %1 t)² = (%2 %1 %3)² = %4")
                        .arg(QString(kMinus), op(s, 0), factor(val(s, 1)), v);
        t.meaning = tr("This sample's squared error. The loss L is the mean of these terms over "
                       "all N = %1 samples of the batch.")
                        .arg(N);
        t.label = "ℓ = " + v;
        break;
    case WalkKind::DLdy:
        t.formula = QString("∂L/∂y = 2·(y %1 t)/N = 2 × (%2 %1 %3) / %4 = %5")
                        .arg(QString(kMinus), op(s, 0), factor(val(s, 1)), N, v);
        t.meaning = (s.value > 0 ? tr("Backward: how fast L grows as this sample's y grows. It is "
                                      "positive: y is above its target, so a lower y lowers L.")
                     : s.value < 0 ? tr("Backward: how fast L grows as this sample's y grows. It "
                                        "is negative: y is below its target, so a higher y "
                                        "lowers L.")
                                   : tr("y equals its target: nothing flows back from this "
                                        "sample.")) +
                    " " + tr("The 1/N is there because L is a mean over the N samples.");
        t.label = "∂L/∂y = " + v;
        break;
    case WalkKind::DLdv:
        t.formula = QString("%1 = ∂L/∂y · %2 = %3 × %4 = %5")
                        .arg(d(V(j)), a(j), op(s, 0), factor(val(s, 1)), v);
        t.meaning = tr("The chain rule: y grows by %1 for each unit %2 grows, so L changes by "
                       "∂L/∂y times %1.")
                        .arg(a(j), V(j));
        t.label = d(V(j)) + " = " + v;
        break;
    case WalkKind::DLdc:
        t.formula = QString("∂L/∂c = ∂L/∂y = %1").arg(v);
        t.meaning = tr("c is added straight to y: y grows one for one with c, so ∂L/∂c is "
                       "∂L/∂y.");
        t.label = "∂L/∂c = " + v;
        break;
    case WalkKind::GPrime:
        t = slopeText(s, c);
        break;
    case WalkKind::Delta:
        t.formula = QString("%1 = ∂L/∂y · %2 · %3 = %4 × %5 × %6 = %7")
                        .arg(delta(j), V(j), borrowed ? tr("(borrowed slope)") : "g′(" + z(j) + ")",
                             op(s, 0), factor(val(s, 1)), factor(val(s, 2)), v);
        if (s.flowStops)
            t.meaning = tr("%1 = 0: nothing flows back past neuron %2 from this sample, so %3 and "
                           "%4 get nothing from it.")
                            .arg(delta(j))
                            .arg(j + 1)
                            .arg(W(j), B(j));
        else if (borrowed)
            t.meaning = tr("The error flows back along the edge %1 to neuron %2's sum. With the "
                           "borrowed slope %3 is not ∂L/∂%4 (that is 0 for a step): it is the "
                           "signal training sends back instead.")
                            .arg(V(j))
                            .arg(j + 1)
                            .arg(delta(j), z(j));
        else
            t.meaning = tr("The error flows back along the edge %1 to neuron %2's sum: %3 is "
                           "∂L/∂%4, the chain rule's product so far.")
                            .arg(V(j))
                            .arg(j + 1)
                            .arg(delta(j), z(j));
        t.label = delta(j) + (borrowed ? " " + tr("(borrowed)") : QString()) + " = " + v;
        break;
    case WalkKind::DLdw:
    case WalkKind::DLdb: {
        const bool w = s.kind == WalkKind::DLdw;
        const QString p = w ? W(j) : B(j);
        const QString tag = borrowed ? " " + tr("(borrowed slope)") : QString();
        t.formula = w ? QString("%1%2 = %3 · x = %4 × %5 = %6")
                            .arg(d(p), tag, delta(j), op(s, 0), factor(val(s, 1)), v)
                      : QString("%1%2 = %3 = %4").arg(d(p), tag, delta(j), v);
        t.meaning = w ? tr("%1 grows by x for each unit %2 grows, so the signal for %2 is %3 "
                           "times x.")
                            .arg(z(j), p, delta(j))
                      : tr("%1 grows one for one with %2, so the signal for %2 is %3 itself.")
                            .arg(z(j), p, delta(j));
        if (borrowed)
            t.meaning += " " + tr("With the borrowed slope this is what training uses for %1, not "
                                  "the true ∂L/∂%1, which is 0.")
                                   .arg(p);
        t.label = d(p) + (tag.isEmpty() ? QString() : " " + tr("(borrowed)")) + " = " + v;
        break;
    }
    case WalkKind::BatchMean: {
        const QString p = s.param ? name(*s.param) : QString();
        const QString tag = borrowed && hiddenParam(s.param) ? " " + tr("(borrowed slope)") : "";
        t.formula =
            QString("%1%2 = (1/N)·Σᵢ ∂ℓᵢ/∂%3 = %4 / %5 = %6").arg(d(p), tag, p, op(s, 0), N, v);
        t.meaning = tr("Every sample gives its own push; the gradient of L is their mean, as L "
                       "is the mean of the samples' terms.");
        const bool trueStep = c.net && c.net->activation.kind == ActivationKind::Step &&
                              !borrowed && hiddenParam(s.param);
        t.meaning +=
            " " + (trueStep ? tr("This is the exact gradient, so it is 0 for %1; the arrow beside "
                                 "its slider shows the way downhill with the borrowed slope that "
                                 "training uses.")
                            : tr("The gradient points uphill: the arrow beside the slider of %1 "
                                 "shows −∂L/∂%1, the way downhill."))
                      .arg(p);
        t.label = d(p) + (tag.isEmpty() ? QString() : " " + tr("(borrowed)")) + " = " + v;
        break;
    }
    case WalkKind::DescentStep: {
        const QString p = s.param ? name(*s.param) : QString();
        const QString tag = borrowed && hiddenParam(s.param) ? " " + tr("(borrowed slope)") : "";
        t.formula = QString("%1 ← %1 %2 η·∂L/∂%1%7 = %3 %2 %4 × %5 = %6")
                        .arg(p, QString(kMinus), op(s, 0), walkNumber(val(s, 1)), factor(val(s, 2)),
                             v, tag);
        t.meaning = tr("One step of gradient descent with learning rate η = %1: every parameter "
                       "moves a little downhill, against its gradient.")
                        .arg(op(s, 1));
        if (!c.optimizer.isEmpty())
            t.meaning += " " + tr("(Training itself uses %1, which sizes its steps its own "
                                  "way; this is the plain step.)")
                                   .arg(c.optimizer);
        t.label = p + " → " + v;
        break;
    }
    case WalkKind::LossAfter:
        t.formula = tr("L before the step = %1     L after = %2").arg(op(s, 0), v);
        t.meaning = s.value < val(s, 0)
                        ? tr("The loss went down. The dashed curve on the graph is the network "
                             "after the step; \"Take this step\" makes it yours (one undo step).")
                        : tr("The loss did not go down: the step overshot. A smaller learning "
                             "rate takes a shorter step.");
        t.label = "L = " + v;
        break;
    }
    return t;
}

} // namespace stepwise::ui

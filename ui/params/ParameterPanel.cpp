#include "ui/params/ParameterPanel.h"

#include "core/lesson/Lesson.h"

#include "core/scenario/Presets.h"
#include "ui/base/ActivationLabel.h"
#include "ui/base/Format.h"
#include "ui/document/Document.h"
#include "ui/params/ParamRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kMaxHiddenInUi = 64;

QString presetLabel(NetworkPreset p) {
    switch (p) {
    case NetworkPreset::OneNeuron:
        return QObject::tr("One neuron");
    case NetworkPreset::Added:
        return QObject::tr("Two neurons added (1, 1)");
    case NetworkPreset::InvertSecond:
        return QObject::tr("Neuron 2 inverted (1, −1)");
    case NetworkPreset::InvertFirst:
        return QObject::tr("Neuron 1 inverted (−1, 1)");
    case NetworkPreset::Exercise:
        return QObject::tr("The exercise (1.5, −0.5)");
    case NetworkPreset::Bump:
        return QObject::tr("A bump from two steps");
    }
    return {};
}

QString fmt(double v) {
    return formatFixed(v, 2);
}
QString signedTerm(double v) {
    const QString f = fmt(v); // the sign of the number shown: "+ 0.00", never "− 0.00"
    return f.startsWith('-') ? QStringLiteral(" − ") + f.mid(1) : QStringLiteral(" + ") + f;
}

// Slider ranges: wide enough for the lesson and typical training, the number box takes any value.
void rangeFor(ParamId id, double& lo, double& hi) {
    switch (id.kind) {
    case ParamKind::HiddenWeight:
    case ParamKind::HiddenBias:
        lo = -10;
        hi = 10;
        break;
    case ParamKind::OutputWeight:
    case ParamKind::OutputBias:
        lo = -3;
        hi = 3;
        break;
    }
}
} // namespace

ParameterPanel::ParameterPanel(Document* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), lessonControls_(kLessonAll) {
    setObjectName("parameterPanel");
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    auto* netBox = new QGroupBox(tr("Network"), this);
    netBox_ = netBox;
    auto* form = new QFormLayout(netBox);
    presets_ = new QComboBox(netBox);
    presets_->setObjectName("presetBox");
    presets_->setAccessibleName(tr("Lesson presets"));
    presets_->setAccessibleDescription(tr("Set the network to one of the lesson's examples"));
    presets_->addItem(tr("Choose a lesson example…"));
    for (int i = 0; i < kNetworkPresetCount; ++i)
        presets_->addItem(presetLabel(static_cast<NetworkPreset>(i)), i);
    form->addRow(tr("&Example"), presets_);

    activation_ = new QComboBox(netBox);
    activation_->setObjectName("activationBox");
    activation_->setAccessibleName(tr("Activation"));
    activation_->setAccessibleDescription(tr("The function each hidden neuron applies to its sum"));
    for (ActivationKind k : menuActivations())
        activation_->addItem(activationLabel(k), static_cast<int>(k));
    form->addRow(tr("&Activation"), activation_);

    steepness_ = new ParamRow("k", 0.5, 50.0, netBox);
    steepness_->setFormula(
        tr("Sigmoid steepness k: g(z) = σ(k·z). The larger k, the closer to a step."));
    form->addRow(tr("&Steepness"), steepness_);

    hidden_ = new QSpinBox(netBox);
    hidden_->setObjectName("hiddenBox");
    hidden_->setRange(kMinHidden, kMaxHiddenInUi);
    // A number typed takes effect when confirmed (Enter, or leaving the box): typing "12" must
    // not first make a network of 1 neuron (and lose the others' weights) on the way.
    hidden_->setKeyboardTracking(false);
    hidden_->setAccessibleName(tr("Hidden neurons"));
    hidden_->setAccessibleDescription(tr("How many neurons the hidden layer has"));
    form->addRow(tr("&Hidden neurons"), hidden_);

    byStepPoint_ = new QCheckBox(tr("Place &steps by position (x = −b/w)"), netBox);
    byStepPoint_->setObjectName("stepPointToggle");
    byStepPoint_->setAccessibleDescription(
        tr("Edit each step neuron by where its step sits instead of by its bias"));
    form->addRow(byStepPoint_);
    outer->addWidget(netBox);

    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setFocusPolicy(Qt::NoFocus);
    outer->addWidget(scroll_, 1);

    connect(presets_, &QComboBox::activated, this, [this](int index) {
        const QVariant data = presets_->itemData(index);
        if (!data.isValid()) return;
        const auto p = static_cast<NetworkPreset>(data.toInt());
        doc_->setNetwork(networkPreset(p), tr("Example: %1").arg(presetLabel(p)));
    });
    connect(activation_, &QComboBox::activated, this, [this](int index) {
        Activation g = doc_->network().activation;
        g.kind = static_cast<ActivationKind>(activation_->itemData(index).toInt());
        doc_->setActivation(g);
    });
    connect(steepness_, &ParamRow::edited, this, [this](double k) {
        if (!(k > 0.0)) return;
        Activation g = doc_->network().activation;
        g.steepness = k;
        doc_->setActivation(g);
    });
    connect(hidden_, &QSpinBox::valueChanged, this, [this](int n) {
        if (n != doc_->network().hidden()) doc_->setHiddenCount(n);
    });
    connect(byStepPoint_, &QCheckBox::toggled, this, [this](bool) { rebuildRows(); });
    connect(doc_, &Document::structureChanged, this, &ParameterPanel::rebuildRows);
    connect(doc_, &Document::refreshed, this, &ParameterPanel::syncValues);
    slowSync_.setSingleShot(true);
    slowSync_.setInterval(80);
    connect(&slowSync_, &QTimer::timeout, this, &ParameterPanel::syncArrowsAndFormulas);
    connect(doc_, &Document::selectionChanged, this, &ParameterPanel::focusSelection);
    rebuildRows();
}

ParamRow* ParameterPanel::row(ParamId id) const {
    const int h = doc_->network().hidden();
    if (!paramValid(id, h)) return nullptr;
    const int i = flatIndex(id, h);
    return i < static_cast<int>(rows_.size()) ? rows_[i] : nullptr;
}

ParamRow* ParameterPanel::stepPointRow(int neuron) const {
    return neuron >= 0 && neuron < static_cast<int>(stepRows_.size()) ? stepRows_[neuron] : nullptr;
}

void ParameterPanel::setStepPointMode(bool on) {
    byStepPoint_->setChecked(on);
}

void ParameterPanel::rebuildRows() {
    const Network& net = doc_->network();
    const int h = net.hidden();
    const bool stepMode = byStepPoint_->isChecked() && net.activation.kind == ActivationKind::Step;
    delete rowsHost_;
    rows_.assign(paramCount(h), nullptr);
    stepRows_.assign(h, nullptr);
    groups_.clear();
    rowsHost_ = new QWidget;
    auto* layout = new QVBoxLayout(rowsHost_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto makeRow = [&](ParamId id, QWidget* parent) {
        double lo, hi;
        rangeFor(id, lo, hi);
        auto* r = new ParamRow(QString::fromStdString(paramName(id, h)), lo, hi, parent);
        rows_[flatIndex(id, h)] = r;
        connect(r, &ParamRow::edited, this, [this, id](double v) { doc_->setParam(id, v); });
        connect(r, &ParamRow::grabbed, doc_, &Document::beginDrag);
        connect(r, &ParamRow::released, doc_, &Document::endDrag);
        return r;
    };
    for (int j = 0; j < h; ++j) {
        auto* g = new QGroupBox(tr("Neuron %1").arg(j + 1), rowsHost_);
        g->setObjectName(QString("neuronGroup%1").arg(j + 1));
        auto* gl = new QVBoxLayout(g);
        gl->setContentsMargins(6, 4, 6, 4);
        gl->setSpacing(2);
        gl->addWidget(makeRow({ParamKind::HiddenWeight, j}, g));
        ParamRow* bias = makeRow({ParamKind::HiddenBias, j}, g);
        gl->addWidget(bias);
        if (stepMode) {
            bias->setVisible(false);
            const QString name = QString("s%1").arg(j + 1);
            auto* s = new ParamRow(name, doc_->scenario().domain.lo, doc_->scenario().domain.hi, g);
            stepRows_[j] = s;
            connect(s, &ParamRow::edited, this, [this, j](double x) { doc_->setStepPoint(j, x); });
            connect(s, &ParamRow::grabbed, doc_, &Document::beginDrag);
            connect(s, &ParamRow::released, doc_, &Document::endDrag);
            gl->addWidget(s);
        }
        gl->addWidget(makeRow({ParamKind::OutputWeight, j}, g));
        layout->addWidget(g);
        groups_.push_back(g);
    }
    auto* outBox = new QGroupBox(tr("Output neuron"), rowsHost_);
    outBox->setObjectName("outputGroup");
    outputGroup_ = outBox;
    auto* ol = new QVBoxLayout(outBox);
    ol->setContentsMargins(6, 4, 6, 4);
    ol->addWidget(makeRow({ParamKind::OutputBias, 0}, outBox));
    layout->addWidget(outBox);
    layout->addStretch(1);
    scroll_->setWidget(rowsHost_);
    // The rows scroll up and down only: the panel is never narrower than a row plus the
    // scroll bar, so no sideways scroll bar appears when the rows outgrow the height.
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setMinimumWidth(rowsHost_->minimumSizeHint().width() +
                             scroll_->verticalScrollBar()->sizeHint().width());
    syncStructure();
    syncValues();
    applyLessonControls();
}

void ParameterPanel::applyLessonControls(unsigned controls, bool locked) {
    lessonControls_ = controls;
    lessonLocked_ = locked;
    applyLessonControls();
}

void ParameterPanel::applyLessonControls() {
    const unsigned c = lessonControls_;
    const bool locked = lessonLocked_;
    if (!(c & kLessonStepPoints) && byStepPoint_->isChecked()) {
        setStepPointMode(false); // rebuilds the rows, which apply the controls again
        return;
    }
    auto show = [locked](QWidget* w, bool on) {
        if (!w) return;
        w->setVisible(on);
        w->setEnabled(!locked);
    };
    const int h = static_cast<int>(groups_.size());
    for (int j = 0; j < h; ++j) {
        ParamRow* s = stepRows_[j];
        const bool w = c & kLessonHiddenWeights;
        const bool b = (c & kLessonHiddenBiases) && !s;
        const bool v = c & kLessonOutputWeights;
        show(row({ParamKind::HiddenWeight, j}), w);
        show(row({ParamKind::HiddenBias, j}), b);
        show(row({ParamKind::OutputWeight, j}), v);
        if (s) show(s, c & kLessonHiddenBiases);
        groups_[j]->setVisible(w || (c & kLessonHiddenBiases) || v);
    }
    show(row({ParamKind::OutputBias, 0}), c & kLessonOutputBias);
    if (outputGroup_) outputGroup_->setVisible(c & kLessonOutputBias);

    auto* form = qobject_cast<QFormLayout*>(netBox_->layout());
    const std::pair<QWidget*, unsigned> rows[] = {{presets_, kLessonPresets},
                                                  {activation_, kLessonActivation},
                                                  {steepness_, kLessonSteepness},
                                                  {hidden_, kLessonHiddenCount},
                                                  {byStepPoint_, kLessonStepPoints}};
    bool any = false;
    for (const auto& [w, flag] : rows) {
        form->setRowVisible(w, (c & flag) != 0);
        any = any || (c & flag);
    }
    netBox_->setVisible(any);
}

void ParameterPanel::syncStructure() {
    const Network& net = doc_->network();
    const QSignalBlocker b1(activation_), b2(hidden_);
    // Set only what differs: a spin box repaints on every setValue, even to the same number, and
    // this runs on every frame of a drag.
    const int kind = activation_->findData(static_cast<int>(net.activation.kind));
    if (activation_->currentIndex() != kind) activation_->setCurrentIndex(kind);
    if (hidden_->value() != net.hidden()) hidden_->setValue(net.hidden());
    steepness_->setValue(net.activation.steepness);
    steepness_->setEnabled(
        withActivation(net.activation.kind, [](auto g) { return g.hasSteepness; }));
    byStepPoint_->setEnabled(net.activation.kind == ActivationKind::Step);
}

QString ParameterPanel::formulaFor(ParamId id) const {
    const Network& net = doc_->network();
    const QString g = QString::fromLatin1(activationName(net.activation.kind).data());
    const QString gk = net.activation.kind == ActivationKind::Sigmoid
                           ? QString("σ(%1·(").arg(fmt(net.activation.steepness))
                           : g + "(";
    const QString close = net.activation.kind == ActivationKind::Sigmoid ? "))" : ")";
    if (id.kind == ParamKind::OutputBias) {
        QString s = "y(x) = ";
        for (int j = 0; j < net.hidden() && j < 4; ++j)
            s += (j ? " + " : "") + QString("%1·n%2(x)").arg(fmt(net.v[j])).arg(j + 1);
        if (net.hidden() > 4) s += " + …";
        return s + signedTerm(net.c);
    }
    const int j = id.neuron;
    const QString neuron = QString("n%1(x) = %2%3·x%4%5")
                               .arg(j + 1)
                               .arg(gk, fmt(net.w[j]), signedTerm(net.b[j]), close);
    if (id.kind == ParamKind::OutputWeight)
        return QString("%1·n%2(x), where %3")
            .arg(QString::fromStdString(paramName(id, net.hidden())) + " = " + fmt(net.v[j]))
            .arg(j + 1)
            .arg(neuron);
    if (const auto s = stepPoint(net, j); s && net.activation.kind == ActivationKind::Step)
        return neuron + "\n" + tr("The step sits at x = −b/w = %1").arg(fmt(*s));
    return neuron;
}

void ParameterPanel::syncValues() {
    const Network& net = doc_->network();
    const int h = net.hidden();
    if (static_cast<int>(rows_.size()) != paramCount(h)) {
        rebuildRows();
        return;
    }
    syncStructure();
    for (int i = 0; i < paramCount(h); ++i)
        rows_[i]->setValue(param(net, paramAt(i, h)));
    // The values follow every frame; the arrows and formula tooltips, which change for every
    // row at once, follow a live drag or training run at most ~12 times a second (and at once
    // otherwise), so they do not cost each frame a repaint of every row.
    if (doc_->live()) {
        if (!slowSync_.isActive()) slowSync_.start();
    } else {
        slowSync_.stop();
        syncArrowsAndFormulas();
    }
    for (int j = 0; j < h; ++j) {
        if (!stepRows_[j]) continue;
        const auto s = stepPoint(net, j);
        stepRows_[j]->setEnabled(s.has_value());
        if (s) stepRows_[j]->setValue(*s);
    }
}

void ParameterPanel::syncArrowsAndFormulas() {
    const Network& net = doc_->network();
    const int h = net.hidden();
    if (static_cast<int>(rows_.size()) != paramCount(h)) return;
    const Eigen::VectorXd& grad = doc_->gradient();
    const bool arrows = doc_->hasTarget();
    // A step network's hidden w and b get the slope training borrows (Document::gradient).
    const bool step = net.activation.kind == ActivationKind::Step;
    for (int i = 0; i < paramCount(h); ++i) {
        ParamRow* r = rows_[i];
        const ParamId id = paramAt(i, h);
        const bool hidden = id.kind == ParamKind::HiddenWeight || id.kind == ParamKind::HiddenBias;
        r->setFormula(formulaFor(id));
        r->setGradient(arrows ? -grad[i] : 0.0, step && hidden, arrows);
    }
    for (int j = 0; j < h; ++j)
        if (stepRows_[j]) stepRows_[j]->setFormula(formulaFor({ParamKind::HiddenBias, j}));
}

void ParameterPanel::focusSelection() {
    const auto sel = doc_->selection();
    const int h = doc_->network().hidden();
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const ParamId id = paramAt(i, h);
        const bool on =
            sel && (*sel == id || (sel->kind != ParamKind::OutputBias &&
                                   id.kind != ParamKind::OutputBias && sel->neuron == id.neuron));
        rows_[i]->setHighlighted(on);
    }
    if (!sel) return;
    ParamRow* r = row(*sel);
    if (sel->kind == ParamKind::HiddenBias && stepPointRow(sel->neuron))
        r = stepPointRow(sel->neuron);
    if (!r) return;
    scroll_->ensureWidgetVisible(r);
    r->slider()->setFocus(Qt::OtherFocusReason);
}

} // namespace stepwise::ui

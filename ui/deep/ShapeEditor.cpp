#include "ui/deep/ShapeEditor.h"

#include "ui/base/ActivationLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {

namespace {
// The activations a layer may take: the menus' and the identity (a linear layer).
std::vector<ActivationKind> layerActivations() {
    std::vector<ActivationKind> kinds = menuActivations();
    if (std::find(kinds.begin(), kinds.end(), ActivationKind::Identity) == kinds.end())
        kinds.push_back(ActivationKind::Identity);
    return kinds;
}
} // namespace

ShapeEditor::ShapeEditor(QWidget* parent) : QWidget(parent) {
    setObjectName("shapeEditor");
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    inputs_ = new QSpinBox(this);
    inputs_->setRange(kMinInputs, 2); // the window draws one input (a curve) or two (a surface)
    inputs_->setAccessibleName(tr("Inputs"));
    inputs_->setToolTip(tr("One input draws a curve over x; two draw a surface over the plane."));
    depth_ = new QSpinBox(this);
    depth_->setRange(kMinLayers, kMaxLayers);
    depth_->setAccessibleName(tr("Hidden layers"));
    form->addRow(tr("&Inputs:"), inputs_);
    form->addRow(tr("Hidden &layers:"), depth_);
    outer->addLayout(form);

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Neurons"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Activation"), this), 0, 2);
    grid->addWidget(new QLabel(tr("Steepness"), this), 0, 3);
    for (int l = 0; l < kMaxLayers; ++l) {
        Row r;
        r.label = new QLabel(tr("Layer %1").arg(l + 1), this);
        r.width = new QSpinBox(this);
        r.width->setRange(kMinWidth, kMaxWidth);
        r.width->setAccessibleName(tr("Neurons in layer %1").arg(l + 1));
        r.activation = new QComboBox(this);
        for (ActivationKind k : layerActivations())
            r.activation->addItem(activationLabel(k), static_cast<int>(k));
        r.activation->setAccessibleName(tr("Activation of layer %1").arg(l + 1));
        r.steepness = new QDoubleSpinBox(this);
        r.steepness->setRange(0.1, 100.0);
        r.steepness->setDecimals(1);
        r.steepness->setValue(1.0);
        r.steepness->setAccessibleName(tr("Steepness of layer %1's sigmoid").arg(l + 1));
        r.steepness->setToolTip(tr("k in σ(k·z): the larger, the closer the sigmoid to a step."));
        r.label->setBuddy(r.width);
        grid->addWidget(r.label, l + 1, 0);
        grid->addWidget(r.width, l + 1, 1);
        grid->addWidget(r.activation, l + 1, 2);
        grid->addWidget(r.steepness, l + 1, 3);
        connect(r.width, &QSpinBox::valueChanged, this, &ShapeEditor::refresh);
        connect(r.activation, &QComboBox::currentIndexChanged, this, &ShapeEditor::refresh);
        connect(r.steepness, &QDoubleSpinBox::valueChanged, this, &ShapeEditor::refresh);
        rows_.push_back(r);
    }
    outer->addLayout(grid);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    outer->addWidget(summary_);
    apply_ = new QPushButton(tr("&Apply shape"), this);
    apply_->setToolTip(tr("Builds the network of this shape, keeping the weights the old and the "
                          "new shape share (one undo step)."));
    outer->addWidget(apply_, 0, Qt::AlignRight);
    outer->addStretch(1);
    connect(inputs_, &QSpinBox::valueChanged, this, &ShapeEditor::refresh);
    connect(depth_, &QSpinBox::valueChanged, this, &ShapeEditor::refresh);
    connect(apply_, &QPushButton::clicked, this, &ShapeEditor::apply);
    setShape(1, {{8, {ActivationKind::Tanh, 1.0}}, {8, {ActivationKind::Tanh, 1.0}}});
}

void ShapeEditor::setShape(int inputs, const std::vector<LayerShape>& layers) {
    {
        const QSignalBlocker b1(inputs_), b2(depth_);
        inputs_->setValue(inputs);
        depth_->setValue(std::clamp(static_cast<int>(layers.size()), kMinLayers, kMaxLayers));
        for (std::size_t l = 0; l < rows_.size(); ++l) {
            // Rows past the depth keep a sensible shape for when layers are added: the last
            // layer's.
            const LayerShape s = l < layers.size() ? layers[l]
                                 : layers.empty()  ? LayerShape{8, {ActivationKind::Tanh, 1.0}}
                                                   : layers.back();
            const Row& r = rows_[l];
            const QSignalBlocker b3(r.width), b4(r.activation), b5(r.steepness);
            r.width->setValue(s.width);
            r.activation->setCurrentIndex(
                std::max(0, r.activation->findData(static_cast<int>(s.activation.kind))));
            r.steepness->setValue(s.activation.steepness);
        }
    }
    shownInputs_ = inputs_->value();
    shown_ = layers;
    refresh();
}

int ShapeEditor::inputs() const {
    return inputs_->value();
}

std::vector<LayerShape> ShapeEditor::layers() const {
    std::vector<LayerShape> s;
    for (int l = 0; l < depth_->value(); ++l) {
        const Row& r = rows_[static_cast<std::size_t>(l)];
        const auto kind = static_cast<ActivationKind>(r.activation->currentData().toInt());
        s.push_back({r.width->value(), {kind, r.steepness->value()}});
    }
    return s;
}

bool ShapeEditor::pending() const {
    return inputs() != shownInputs_ || layers() != shown_;
}

void ShapeEditor::setApplyButtonVisible(bool on) {
    apply_->setVisible(on);
}

QString ShapeEditor::summary() const {
    return summary_->text();
}

void ShapeEditor::refresh() {
    for (std::size_t l = 0; l < rows_.size(); ++l) {
        const Row& r = rows_[l];
        const bool shown = static_cast<int>(l) < depth_->value();
        r.label->setVisible(shown);
        r.width->setVisible(shown);
        r.activation->setVisible(shown);
        r.steepness->setVisible(shown);
        r.steepness->setEnabled(static_cast<ActivationKind>(r.activation->currentData().toInt()) ==
                                ActivationKind::Sigmoid);
    }
    const auto s = layers();
    // At least 4 (one input, one neuron: w, b, v, c), so always "parameters".
    QString text = tr("%1 parameters.").arg(paramCount(inputs(), s));
    if (inputs() == 1 && s.size() == 1)
        text += " " + tr("One input and one hidden layer: the lesson's network.");
    summary_->setText(text);
    apply_->setEnabled(pending());
}

void ShapeEditor::apply() {
    shownInputs_ = inputs();
    shown_ = layers();
    refresh();
    emit applied(shownInputs_, shown_);
}

ShapeDialog::ShapeDialog(int inputs, const std::vector<LayerShape>& layers, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Layers and inputs"));
    auto* box = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Give the network more hidden layers or a second input. The "
                                "weights the old and the new shape share are kept. When neurons "
                                "are only added, their outgoing weights start at 0, so the "
                                "output stays as it was until training moves them."),
                             this);
    intro->setWordWrap(true);
    box->addWidget(intro);
    editor_ = new ShapeEditor(this);
    editor_->setShape(inputs, layers);
    editor_->setApplyButtonVisible(false);
    box->addWidget(editor_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    box->addWidget(buttons);
}

} // namespace stepwise::ui

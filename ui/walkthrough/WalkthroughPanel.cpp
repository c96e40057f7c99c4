#include "ui/walkthrough/WalkthroughPanel.h"

#include "ui/base/Palette.h"
#include "ui/document/Document.h"
#include "ui/walkthrough/WalkthroughController.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stepwise::ui {

WalkthroughPanel::WalkthroughPanel(WalkthroughController* walk, Document* doc, QWidget* parent)
    : QWidget(parent), walk_(walk), doc_(doc) {
    setObjectName("walkthroughPanel");
    setAccessibleName(tr("Backpropagation walkthrough"));
    setFocusPolicy(Qt::StrongFocus); // the walk's keys work with the focus here
    setAutoFillBackground(true);

    title_ = new QLabel(tr("Backpropagation, one sample at a time"), this);
    position_ = new QLabel(this);
    position_->setObjectName("walkPosition");
    formula_ = new QLabel(this);
    formula_->setObjectName("walkFormula");
    formula_->setTextFormat(Qt::PlainText);
    formula_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formula_->setWordWrap(true);
    meaning_ = new QLabel(this);
    meaning_->setObjectName("walkMeaning");
    meaning_->setTextFormat(Qt::PlainText);
    meaning_->setWordWrap(true);

    xBox_ = new QDoubleSpinBox(this);
    xBox_->setObjectName("walkSample");
    xBox_->setDecimals(3);
    xBox_->setSingleStep(0.05);
    xBox_->setKeyboardTracking(false);
    xBox_->setAccessibleName(tr("The sample's x"));
    xBox_->setToolTip(tr("The sample walked through the network: type its x (the nearest sample "
                         "of the grid is taken), or click the graph."));
    indexBox_ = new QSpinBox(this);
    indexBox_->setObjectName("walkSampleIndex");
    indexBox_->setKeyboardTracking(false);
    indexBox_->setAccessibleName(tr("The sample's number"));
    indexBox_->setToolTip(tr("The sample walked through the network, by its number; or click the "
                             "graph (one input) or the map (two inputs) near it."));
    indexLabel_ = new QLabel(tr("Sample:"), this);
    pointLabel_ = new QLabel(this);
    pointLabel_->setObjectName("walkSamplePoint");
    neurons_ = new QCheckBox(tr("Each neuron (O)"), this);
    neurons_->setToolTip(tr("Go through this layer's neurons one by one, or see the whole layer "
                            "in one step (O)"));
    neurons_->setFocusPolicy(Qt::TabFocus);
    auto button = [this](const QString& text, const QString& tip) {
        auto* b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::TabFocus);
        return b;
    };
    home_ = button(tr("Start"), tr("Back to the first step (Home)"));
    back_ = button(tr("◀ Back"), tr("One step back (← or Page Up)"));
    next_ = button(tr("Next ▶"), tr("One step forward (→, Space or Page Down)"));
    end_ = button(tr("End"), tr("To the last step (End)"));
    skip_ = button(tr("Skip neurons"), tr("Over the other neurons' steps to the next part (N)"));
    play_ = button(tr("Play"), tr("Step forward by itself (P)"));
    play_->setCheckable(true);
    speed_ = new QSlider(Qt::Horizontal, this);
    speed_->setRange(1, WalkthroughController::kMaxSpeed);
    speed_->setValue(walk_->speed());
    speed_->setFixedWidth(90);
    speed_->setAccessibleName(tr("Autoplay speed"));
    speed_->setToolTip(tr("How fast autoplay steps"));
    neuron_ = new QComboBox(this);
    neuron_->setAccessibleName(tr("The neuron followed"));
    neuron_->setToolTip(tr("Follow one neuron's steps (or click a neuron in the diagram)"));
    borrow_ = new QCheckBox(tr("Borrowed slope, as training uses"), this);
    borrow_->setToolTip(tr("A step's true slope is 0, so the exact gradient never reaches its "
                           "weights. Training borrows the slope of the steep sigmoid instead. "
                           "Untick to see the true slope stop the flow."));
    borrow_->setChecked(walk_->borrowSlope());
    take_ = button(tr("Take this step"), tr("Apply θ ← θ − η·∂L/∂θ to the network (one undo "
                                            "step)"));
    close_ = button(tr("End the walk"), tr("Leave the walkthrough (Esc, or Ctrl+B)"));

    // Three rows, none wider than the window needs: what this is and where the walk stands;
    // the formula and its meaning; the sample and the moves; what to follow and the step.
    neuron_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    neuron_->setMinimumContentsLength(14);
    position_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* top = new QHBoxLayout;
    top->addWidget(title_);
    top->addSpacing(12);
    top->addWidget(position_, 1);
    top->addSpacing(8);
    top->addWidget(close_);
    auto* controls = new QHBoxLayout;
    xLabel_ = new QLabel(tr("Sample x:"), this);
    controls->addWidget(xLabel_);
    controls->addWidget(xBox_);
    controls->addWidget(indexLabel_);
    controls->addWidget(indexBox_);
    controls->addWidget(pointLabel_);
    controls->addSpacing(8);
    for (QPushButton* b : {home_, back_, next_, end_, skip_, play_})
        controls->addWidget(b);
    controls->addWidget(speed_);
    controls->addStretch(1);
    auto* options = new QHBoxLayout;
    options->addWidget(neuron_);
    options->addWidget(neurons_);
    options->addWidget(borrow_);
    options->addStretch(1);
    options->addWidget(take_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(formula_);
    layout->addWidget(meaning_);
    layout->addLayout(controls);
    layout->addLayout(options);

    connect(home_, &QPushButton::clicked, walk_, &WalkthroughController::restart);
    connect(back_, &QPushButton::clicked, walk_, &WalkthroughController::back);
    connect(next_, &QPushButton::clicked, walk_, &WalkthroughController::next);
    connect(end_, &QPushButton::clicked, walk_, &WalkthroughController::toEnd);
    connect(skip_, &QPushButton::clicked, walk_, &WalkthroughController::skipNeurons);
    connect(play_, &QPushButton::toggled, walk_, &WalkthroughController::setPlaying);
    connect(walk_, &WalkthroughController::playingChanged, this, [this](bool on) {
        const QSignalBlocker block(play_);
        play_->setChecked(on);
        play_->setText(on ? tr("Pause") : tr("Play"));
    });
    connect(speed_, &QSlider::valueChanged, walk_, &WalkthroughController::setSpeed);
    connect(neuron_, qOverload<int>(&QComboBox::activated), this,
            [this](int i) { walk_->follow(i == 0 ? std::nullopt : std::optional<int>(i - 1)); });
    connect(borrow_, &QCheckBox::toggled, walk_, &WalkthroughController::setBorrowSlope);
    connect(take_, &QPushButton::clicked, walk_, &WalkthroughController::takeStep);
    connect(close_, &QPushButton::clicked, walk_, &WalkthroughController::stop);
    connect(xBox_, &QDoubleSpinBox::editingFinished, this, [this] {
        setFocus(Qt::OtherFocusReason); // the arrows step the walk again
        walk_->setSample(xBox_->value());
    });
    connect(indexBox_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int i) {
        walk_->setSampleIndex(i - 1); // shown from 1
    });
    connect(neurons_, &QCheckBox::clicked, walk_, &WalkthroughController::toggleNeurons);
    connect(walk_, &WalkthroughController::changed, this, &WalkthroughPanel::refresh);
    applyFonts();
    refresh();
}

void WalkthroughPanel::setPresentationMode(bool on) {
    presentation_ = on;
    applyFonts();
}

void WalkthroughPanel::applyFonts() {
    QFont f = QApplication::font();
    if (presentation_) f.setPointSizeF(f.pointSizeF() * kPresentationFontScale);
    setFont(f);
    QFont big = f;
    big.setPointSizeF(f.pointSizeF() * 1.35);
    formula_->setFont(big);
    QFont meaning = f;
    meaning.setPointSizeF(f.pointSizeF() * 1.1);
    meaning_->setFont(meaning);
    QFont bold = f;
    bold.setBold(true);
    title_->setFont(bold);
}

QString WalkthroughPanel::formulaText() const {
    return formula_->text();
}
QString WalkthroughPanel::meaningText() const {
    return meaning_->text();
}
QString WalkthroughPanel::positionText() const {
    return position_->text();
}

void WalkthroughPanel::refresh() {
    if (!walk_->active()) return;
    formula_->setText(walk_->formula());
    meaning_->setText(walk_->meaning());
    position_->setText(walk_->position());
    const bool layered = walk_->layered();
    xLabel_->setVisible(!layered);
    xBox_->setVisible(!layered);
    neuron_->setVisible(!layered);
    indexLabel_->setVisible(layered);
    indexBox_->setVisible(layered);
    pointLabel_->setVisible(layered);
    neurons_->setVisible(layered);
    const int i = walk_->stepIndex();
    home_->setEnabled(i > 0);
    back_->setEnabled(i > 0);
    next_->setEnabled(i + 1 < walk_->stepCount());
    end_->setEnabled(i + 1 < walk_->stepCount());
    if (layered) {
        refreshLayered();
        return;
    }
    const Domain& d = doc_->scenario().domain;
    {
        const QSignalBlocker block(xBox_);
        xBox_->setRange(d.lo, d.hi);
        if (!xBox_->hasFocus()) xBox_->setValue(walk_->sampleX());
    }
    const int h = doc_->network().hidden();
    if (neuron_->count() != h + 1) {
        const QSignalBlocker block(neuron_);
        neuron_->clear();
        neuron_->addItem(tr("All neurons"));
        for (int j = 0; j < h; ++j)
            neuron_->addItem(tr("Neuron %1").arg(j + 1));
    }
    {
        const QSignalBlocker block(neuron_);
        neuron_->setCurrentIndex(walk_->followed() ? *walk_->followed() + 1 : 0);
    }
    borrow_->setVisible(doc_->network().activation.kind == ActivationKind::Step);
}

void WalkthroughPanel::refreshLayered() {
    {
        const QSignalBlocker block(indexBox_);
        indexBox_->setRange(1, std::max(1, walk_->sampleCount()));
        if (!indexBox_->hasFocus()) indexBox_->setValue(walk_->sampleIndex() + 1);
    }
    QStringList x;
    for (double v : walk_->sampleInputs())
        x << QString::number(v, 'g', 3);
    pointLabel_->setText(x.size() == 1 ? tr("x = %1").arg(x.front())
                                       : tr("(x₁, x₂) = (%1)").arg(x.join(", ")));
    const LayeredWalkStep* s = walk_->currentLayeredStep();
    const bool hasNeurons = s && s->layer >= 0 && s->kind != LayeredWalkKind::BatchMean &&
                            s->kind != LayeredWalkKind::DescentStep;
    {
        const QSignalBlocker block(neurons_);
        neurons_->setEnabled(hasNeurons);
        neurons_->setChecked(hasNeurons && walk_->neuronsOpen(s->layer));
    }
    bool step = false;
    for (const Layer& l : doc_->layered().layers)
        step = step || l.activation.kind == ActivationKind::Step;
    borrow_->setVisible(step);
}

} // namespace stepwise::ui

#include "ui/landscape/LandscapeView.h"

#include "ui/base/Format.h"
#include "ui/document/Document.h"
#include "ui/landscape/LandscapeComputer.h"
#include "ui/landscape/LandscapePlot.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise::ui {

namespace {

QString name(ParamId id, int hidden) {
    return QString::fromStdString(paramName(id, hidden));
}

QString num(double v) {
    return formatFixed(v, 2).replace('-', QChar(0x2212));
}

} // namespace

LandscapeView::LandscapeView(Document* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName("landscapeView");
    computer_ = new LandscapeComputer(this);

    pBox_ = new QComboBox(this);
    pBox_->setObjectName("landscapeP");
    pBox_->setAccessibleName(tr("Parameter across"));
    qBox_ = new QComboBox(this);
    qBox_->setObjectName("landscapeQ");
    qBox_->setAccessibleName(tr("Parameter up"));
    auto* across = new QLabel(tr("Acr&oss:"), this);
    across->setBuddy(pBox_);
    auto* up = new QLabel(tr("&Up:"), this);
    up->setBuddy(qBox_);
    auto* choose = new QHBoxLayout;
    choose->addWidget(across);
    choose->addWidget(pBox_, 1);
    choose->addSpacing(8);
    choose->addWidget(up);
    choose->addWidget(qBox_, 1);

    plot_ = new LandscapePlot(this);
    plot_->installEventFilter(this);

    recentre_ = new QPushButton(tr("Re-&centre"), this);
    recentre_->setToolTip(tr("Centre the map on the current weights"));
    jump_ = new QPushButton(tr("&Jump to the minimum"), this);
    jump_->setObjectName("landscapeJump");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(recentre_);
    buttons->addWidget(jump_);
    buttons->addStretch(1);

    info_ = new QLabel(this);
    info_->setObjectName("landscapeInfo");
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choose);
    layout->addWidget(plot_, 1);
    layout->addLayout(buttons);
    layout->addWidget(info_);
    layout->addWidget(hint_);

    coarse_.setSingleShot(true);
    coarse_.setInterval(30);
    refine_.setSingleShot(true);
    refine_.setInterval(300);
    connect(&coarse_, &QTimer::timeout, this, [this] {
        if (landscapeIsQuadratic(axes_.p, axes_.q)) { // cheap: go straight to the fine grid
            refine_.stop();
            submit(kFineGrid);
        } else {
            submit(kCoarseGrid);
        }
    });
    connect(&refine_, &QTimer::timeout, this, [this] { submit(kFineGrid); });
    connect(computer_, &LandscapeComputer::finished, this, &LandscapeView::onComputed);
    connect(pBox_, &QComboBox::currentIndexChanged, this, &LandscapeView::onBoxChanged);
    connect(qBox_, &QComboBox::currentIndexChanged, this, &LandscapeView::onBoxChanged);
    connect(recentre_, &QPushButton::clicked, this, &LandscapeView::recentre);
    connect(jump_, &QPushButton::clicked, this, &LandscapeView::jumpToMinimum);
    connect(doc_, &Document::refreshed, this, &LandscapeView::onRefreshed);
    connect(doc_, &Document::targetChanged, this, [this] { targetDirty_ = true; });
    connect(doc_, &Document::structureChanged, this, &LandscapeView::rebuildBoxes);
    connect(doc_, &Document::scenarioReplaced, this, &LandscapeView::rebuildBoxes);

    rebuildBoxes();
}

void LandscapeView::setTrail(TrailSource trail) {
    trail_ = std::move(trail);
}

void LandscapeView::onTrainingProgressed() {
    if (!isVisible()) return;
    drawOverlay();
    replot();
}

LandscapeView::~LandscapeView() = default;

void LandscapeView::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (stale_) onRefreshed();
}

// ---- choosing the parameters ----------------------------------------------------------------

void LandscapeView::rebuildBoxes() {
    const int h = doc_->network().hidden();
    std::vector<ParamId> ids;
    for (int j = 0; j < h; ++j) {
        ids.push_back({ParamKind::HiddenWeight, j});
        ids.push_back({ParamKind::HiddenBias, j});
        ids.push_back({ParamKind::OutputWeight, j});
    }
    ids.push_back({ParamKind::OutputBias, 0});
    rebuilding_ = true;
    for (QComboBox* box : {pBox_, qBox_}) {
        box->clear();
        for (ParamId id : ids)
            box->addItem(name(id, h), flatIndex(id, h));
    }
    rebuilding_ = false;
    ParamId p = axes_.p, q = axes_.q;
    if (!paramValid(p, h) || !paramValid(q, h) || p == q) {
        p = {ParamKind::OutputWeight, 0};
        q = h >= 2 ? ParamId{ParamKind::OutputWeight, 1} : ParamId{ParamKind::OutputBias, 0};
    }
    axes_.p = ParamId{ParamKind::HiddenWeight, -1}; // force setParams to apply
    setParams(p, q);
}

void LandscapeView::onBoxChanged() {
    if (rebuilding_ || pBox_->currentIndex() < 0 || qBox_->currentIndex() < 0) return;
    const int h = doc_->network().hidden();
    ParamId p = paramAt(pBox_->currentData().toInt(), h);
    ParamId q = paramAt(qBox_->currentData().toInt(), h);
    if (p == q) { // the same parameter twice has no surface: swap instead
        if (sender() == pBox_)
            q = axes_.p;
        else
            p = axes_.q;
    }
    setParams(p, q);
}

void LandscapeView::setParams(ParamId p, ParamId q) {
    const int h = doc_->network().hidden();
    if (!paramValid(p, h) || !paramValid(q, h) || p == q) return;
    if (p == axes_.p && q == axes_.q) return;
    axes_.p = p;
    axes_.q = q;
    rebuilding_ = true;
    pBox_->setCurrentIndex(pBox_->findData(flatIndex(p, h)));
    qBox_->setCurrentIndex(qBox_->findData(flatIndex(q, h)));
    rebuilding_ = false;
    plot_->setLabels(name(p, doc_->network().hidden()), name(q, doc_->network().hidden()));
    basis_.reset();
    axes_ = axesAround(doc_->network());
    shown_ = {};
    plot_->clearSurface();
    onRefreshed();
}

// ---- following the document -----------------------------------------------------------------

Network LandscapeView::basisOf(const Network& net) const {
    Network b = net;
    if (paramValid(axes_.p, b.hidden())) stepwise::setParam(b, axes_.p, 0.0);
    if (paramValid(axes_.q, b.hidden())) stepwise::setParam(b, axes_.q, 0.0);
    return b;
}

LandscapeAxes LandscapeView::axesAround(const Network& net) const {
    LandscapeAxes a = defaultAxes(net, axes_.p, axes_.q, kFineGrid);
    if (!doc_->hasTarget() || !landscapeIsQuadratic(a.p, a.q)) return a;
    // Show the bowl's lowest point too, when it is not too far away.
    const auto m = quadraticMinimum(net, doc_->sampleX(), doc_->sampleT(), a.p, a.q);
    if (!m) return a;
    auto include = [](double v, double& lo, double& hi) {
        const double span = hi - lo, margin = 0.15 * span;
        const double nlo = std::min(lo, v - margin), nhi = std::max(hi, v + margin);
        if (nhi - nlo <= 4.0 * span) {
            lo = nlo;
            hi = nhi;
        }
    };
    include(m->first, a.pLo, a.pHi);
    include(m->second, a.qLo, a.qHi);
    return a;
}

bool LandscapeView::inView(const Network& net) const {
    const double p = param(net, axes_.p), q = param(net, axes_.q);
    return p >= axes_.pLo && p <= axes_.pHi && q >= axes_.qLo && q <= axes_.qHi;
}

void LandscapeView::recentre() {
    axes_ = axesAround(doc_->network());
    basis_.reset();
    onRefreshed();
}

void LandscapeView::onRefreshed() {
    // A hidden tab costs nothing: it catches up when it is shown (showEvent).
    if (!isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    const Network& net = doc_->network();
    const int h = net.hidden();
    if (!paramValid(axes_.p, h) || !paramValid(axes_.q, h)) return; // rebuildBoxes follows
    if (!doc_->hasTarget()) {
        computer_->cancel();
        coarse_.stop();
        refine_.stop();
        basis_.reset();
        shown_ = {};
        fineGen_ = 0;
        minimumPos_.reset();
        plot_->clearSurface();
        drawOverlay();
        replot();
        return;
    }
    bool changed = targetDirty_;
    if (!inView(net)) {
        axes_ = axesAround(net);
        changed = true;
    }
    const Network b = basisOf(net);
    if (changed || !basis_ || !(b == *basis_)) {
        basis_ = b;
        targetDirty_ = false;
        invalidateSurface();
    }
    drawOverlay();
    replot();
}

void LandscapeView::invalidateSurface() {
    fineGen_ = 0;
    minimumPos_.reset();
    if (const auto m =
            quadraticMinimum(doc_->network(), doc_->sampleX(), doc_->sampleT(), axes_.p, axes_.q))
        minimumPos_ = QPointF(m->first, m->second);
    if (!coarse_.isActive()) coarse_.start();
    refine_.start();
}

void LandscapeView::submit(int resolution) {
    if (!doc_->hasTarget()) return;
    LandscapeComputer::Job job{doc_->network(), doc_->sampleX(), doc_->sampleT(), axes_};
    job.axes.nx = job.axes.ny = resolution;
    const std::uint64_t gen = computer_->submit(std::move(job));
    if (resolution == kFineGrid) fineGen_ = gen;
}

void LandscapeView::onComputed(const Landscape& l, quint64 generation) {
    if (generation <= shownGen_) return;
    const LandscapeAxes& a = l.axes;
    if (!a.sameWindow(axes_)) return; // computed for a view that has since moved
    shownGen_ = generation;
    shown_ = l;
    plot_->setSurface(shown_);
    drawOverlay();
    replot();
}

bool LandscapeView::upToDate() const {
    return fineGen_ != 0 && shownGen_ == fineGen_ && !coarse_.isActive() && !refine_.isActive();
}

bool LandscapeView::waitUntilUpToDate(int timeoutMs) {
    doc_->flush();
    QElapsedTimer clock;
    clock.start();
    while (!upToDate() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return upToDate();
}

// ---- drawing ----------------------------------------------------------------------------------

void LandscapeView::drawOverlay() {
    const Network& net = doc_->network();
    const int h = net.hidden();
    if (!paramValid(axes_.p, h) || !paramValid(axes_.q, h)) return;
    plot_->setView(axes_.pLo, axes_.pHi, axes_.qLo, axes_.qHi);
    const double pv = param(net, axes_.p), qv = param(net, axes_.q);
    plot_->setPoint({pv, qv});

    const bool target = doc_->hasTarget();
    const bool quadratic = landscapeIsQuadratic(axes_.p, axes_.q);
    plot_->setMinimum(target ? minimumPos_ : std::nullopt, quadratic);
    jump_->setEnabled(target && minimumPos_.has_value());
    jump_->setToolTip(quadratic ? tr("Move both to the lowest point of the bowl (one undo step)")
                                : tr("Only for two output parameters (w11, w21, …, c), where "
                                     "the lowest point is known exactly"));

    // −∇L in (p, q), drawn as a fraction of the view: up to 25 % when crossing the view along it
    // would change the loss by the whole colour range, shrinking (as a square root, so a gentle
    // slope still shows) to nothing at the bottom of a valley.
    arrowLine_.reset();
    const Eigen::VectorXd& g = doc_->gradient();
    if (target && g.size() == paramCount(h)) {
        const double gp = g[flatIndex(axes_.p, h)], gq = g[flatIndex(axes_.q, h)];
        const double sp = axes_.pHi - axes_.pLo, sq = axes_.qHi - axes_.qLo;
        const double norm = std::hypot(gp * sp, gq * sq); // loss change across the view
        const double range = plot_->colourSpan();
        if (norm > 1e-12 && std::isfinite(norm) && norm / std::max(range, 1e-12) > 4e-3) {
            const double frac = 0.25 * std::sqrt(std::min(1.0, norm / std::max(range, 1e-12)));
            // k makes the arrow frac long, measured in view widths and heights.
            const double k = frac / std::hypot(gp / sp, gq / sq);
            arrowLine_ = QLineF(pv, qv, pv - k * gp, qv - k * gq);
        }
    }
    plot_->setArrow(arrowLine_);

    QVector<double> x, y;
    if (trail_ && target) {
        const int ip = flatIndex(axes_.p, h), iq = flatIndex(axes_.q, h);
        for (const Eigen::VectorXd& v : trail_()) {
            if (v.size() != paramCount(h)) continue;
            x.push_back(v[ip]);
            y.push_back(v[iq]);
        }
        if (!x.isEmpty()) { // the trail records the weights before each step; end at the point
            x.push_back(pv);
            y.push_back(qv);
        }
    }
    plot_->setTrail(x, y);

    if (!target) {
        info_->setText(tr("No target yet: pick one from the Target menu or draw one."));
    } else {
        QString state;
        if (minimumPos_ && !(minimumPos_->x() >= axes_.pLo && minimumPos_->x() <= axes_.pHi &&
                             minimumPos_->y() >= axes_.qLo && minimumPos_->y() <= axes_.qHi))
            state = tr(" · lowest point off the map, at (%1, %2)")
                        .arg(num(minimumPos_->x()), num(minimumPos_->y()));
        if (!upToDate()) state += tr(" · computing…");
        info_->setText(tr("%1 = %2, %3 = %4 · loss %5%6")
                           .arg(name(axes_.p, doc_->network().hidden()), num(pv),
                                name(axes_.q, doc_->network().hidden()), num(qv))
                           .arg(doc_->loss(), 0, 'g', 4)
                           .arg(state));
    }
    const bool stepHidden =
        net.activation.kind == ActivationKind::Step && (!axes_.p.isOutput() || !axes_.q.isOutput());
    if (quadratic)
        hint_->setText(tr("Both are output parameters, so the loss is an exact bowl. Its lowest "
                          "point is the best fit of these two with the rest held still."));
    else if (stepHidden)
        hint_->setText(tr("With a step activation the loss over a hidden parameter is flat "
                          "terraces: its true slope is zero almost everywhere. The arrow shows "
                          "the slope training borrows from a steep sigmoid instead."));
    else
        hint_->setText(tr("The others are held still. Training walks downhill, along the "
                          "arrow; click the map to move the weights there."));
}

void LandscapeView::replot() {
    plot_->replotSoon();
}

void LandscapeView::setPalette(const Palette& p) {
    plot_->setPalette(p);
}

// ---- reading the marker, clicking ------------------------------------------------------------

QPointF LandscapeView::marker() const {
    return plot_->point();
}

std::optional<QPointF> LandscapeView::minimumMarker() const {
    return plot_->minimum();
}

QVector<QPointF> LandscapeView::trailPoints() const {
    return plot_->trail();
}

std::optional<QLineF> LandscapeView::gradientArrow() const {
    return arrowLine_;
}

int LandscapeView::contourSegmentCount() const {
    return plot_->contourSegmentCount();
}

void LandscapeView::moveTo(double p, double q) {
    if (!std::isfinite(p) || !std::isfinite(q)) return;
    Network n = doc_->network();
    stepwise::setParam(n, axes_.p, p);
    stepwise::setParam(n, axes_.q, q);
    doc_->setNetwork(n, tr("Move %1 and %2 on the landscape")
                            .arg(name(axes_.p, doc_->network().hidden()),
                                 name(axes_.q, doc_->network().hidden())));
}

void LandscapeView::jumpToMinimum() {
    if (!doc_->hasTarget()) return;
    const auto m =
        quadraticMinimum(doc_->network(), doc_->sampleX(), doc_->sampleT(), axes_.p, axes_.q);
    if (!m) return;
    Network n = doc_->network();
    stepwise::setParam(n, axes_.p, m->first);
    stepwise::setParam(n, axes_.q, m->second);
    doc_->setNetwork(n, tr("Jump to the lowest point of %1, %2")
                            .arg(name(axes_.p, doc_->network().hidden()),
                                 name(axes_.q, doc_->network().hidden())));
}

void LandscapeView::clickAt(double p, double q) {
    plot_->layOut(); // so pixels are valid
    const QPointF pos = plot_->pixelAt(p, q);
    const QPointF global = plot_->mapToGlobal(pos);
    QMouseEvent press(QEvent::MouseButtonPress, pos, global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(plot_, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, pos, global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(plot_, &release);
}

bool LandscapeView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_) return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        pressed_ =
            e->button() == Qt::LeftButton && plot_->onMap(e->position()) && doc_->hasTarget();
        pressPos_ = e->position().toPoint();
        return pressed_;
    }
    case QEvent::MouseButtonRelease: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!pressed_ || e->button() != Qt::LeftButton) break;
        pressed_ = false;
        const QPoint pos = e->position().toPoint();
        if ((pos - pressPos_).manhattanLength() > 8) break;
        const QPointF at = plot_->paramsAt(pos);
        moveTo(at.x(), at.y());
        return true;
    }
    case QEvent::KeyPress: {
        const auto step = LandscapePlot::arrowStep(static_cast<QKeyEvent*>(event)->key(),
                                                   axes_.pHi - axes_.pLo, axes_.qHi - axes_.qLo);
        if (!step) return false;
        const Network& n = doc_->network();
        moveTo(param(n, axes_.p) + step->x(), param(n, axes_.q) + step->y());
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace stepwise::ui

#include "ui/landscape/LayeredLandscapeView.h"

#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNames.h"
#include "ui/base/Format.h"
#include "ui/document/Document.h"
#include "ui/landscape/LandscapePlot.h"
#include "ui/landscape/LayeredLandscapeComputer.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QStandardItemModel>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise::ui {

namespace {

QString num(double v) {
    return formatFixed(v, 2).replace('-', QChar(0x2212));
}

// The landscape as the plot draws it: +∞ (a loss too large for a double) at the largest finite
// value, so the colours and contours stay defined; `overflow` tells whether there was any.
Landscape forPlot(const LayeredLandscape& l, bool& overflow) {
    Landscape out;
    out.axes.pLo = l.axes.pLo;
    out.axes.pHi = l.axes.pHi;
    out.axes.qLo = l.axes.qLo;
    out.axes.qHi = l.axes.qHi;
    out.axes.nx = l.axes.nx;
    out.axes.ny = l.axes.ny;
    out.complete = l.complete;
    out.loss = l.loss;
    double top = 0.0;
    overflow = false;
    for (Eigen::Index i = 0; i < out.loss.size(); ++i) {
        const double v = out.loss.data()[i];
        if (std::isfinite(v))
            top = std::max(top, v);
        else
            overflow = true;
    }
    if (overflow) {
        if (!(top > 0.0)) top = 1e300; // nothing finite: any value, one colour
        for (Eigen::Index i = 0; i < out.loss.size(); ++i)
            if (!std::isfinite(out.loss.data()[i])) out.loss.data()[i] = top;
    }
    return out;
}

} // namespace

LayeredLandscapeView::LayeredLandscapeView(Document* doc, QWidget* parent)
    : QWidget(parent), doc_(doc) {
    setObjectName("layeredLandscapeView");
    computer_ = new LayeredLandscapeComputer(this);

    pBox_ = new QComboBox(this);
    pBox_->setObjectName("layeredLandscapeP");
    pBox_->setAccessibleName(tr("Parameter across"));
    qBox_ = new QComboBox(this);
    qBox_->setObjectName("layeredLandscapeQ");
    qBox_->setAccessibleName(tr("Parameter up"));
    for (QComboBox* box : {pBox_, qBox_})
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
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
    plot_->setMinimum(std::nullopt, false);

    recentre_ = new QPushButton(tr("Re-&centre"), this);
    recentre_->setToolTip(tr("Centre the map on the current values of the two parameters"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(recentre_);
    buttons->addStretch(1);

    info_ = new QLabel(this);
    info_->setObjectName("layeredLandscapeInfo");
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hint_ = new QLabel(this);
    hint_->setObjectName("layeredLandscapeHint");
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
        if (valid() && layeredLandscapeIsQuadratic(doc_->layered(), axes_.p, axes_.q)) {
            refine_.stop(); // cheap: straight to the fine grid
            submit(fineGrid());
        } else {
            submit(kCoarseGrid);
        }
    });
    connect(&refine_, &QTimer::timeout, this, [this] { submit(fineGrid()); });
    connect(computer_, &LayeredLandscapeComputer::finished, this,
            &LayeredLandscapeView::onComputed);
    connect(pBox_, &QComboBox::currentIndexChanged, this, &LayeredLandscapeView::onBoxChanged);
    connect(qBox_, &QComboBox::currentIndexChanged, this, &LayeredLandscapeView::onBoxChanged);
    connect(recentre_, &QPushButton::clicked, this, &LayeredLandscapeView::recentre);
    connect(doc_, &Document::refreshed, this, &LayeredLandscapeView::onRefreshed);
    connect(doc_, &Document::structureChanged, this, &LayeredLandscapeView::rebuildBoxes);
    connect(doc_, &Document::scenarioReplaced, this, &LayeredLandscapeView::rebuildBoxes);
    connect(doc_, &Document::trainingRunUndone, this, [this] { trail_.clear(); });

    axes_.p = axes_.q = -1; // none chosen yet: rebuildBoxes picks the default pair
    rebuildBoxes();
}

LayeredLandscapeView::~LayeredLandscapeView() = default;

void LayeredLandscapeView::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (stale_) onRefreshed();
}

bool LayeredLandscapeView::valid() const {
    if (!doc_->isLayered()) return false;
    const long n = paramCount(doc_->layered());
    return axes_.p >= 0 && axes_.q >= 0 && axes_.p < n && axes_.q < n && axes_.p != axes_.q;
}

// ---- choosing the parameters ----------------------------------------------------------------

void LayeredLandscapeView::rebuildBoxes() {
    trail_.clear();
    if (!doc_->isLayered()) return;
    const LayeredNetwork& net = doc_->layered();
    const long count = paramCount(net);
    rebuilding_ = true;
    for (QComboBox* box : {pBox_, qBox_}) {
        box->clear();
        auto* model = qobject_cast<QStandardItemModel*>(box->model());
        int layer = -1;
        for (long i = 0; i < count; ++i) {
            const auto at = layeredParamAt(net, i);
            if (!at) continue;
            if (at->layer != layer) { // a heading per layer, not selectable
                layer = at->layer;
                box->addItem(
                    layer < net.depth() ? tr("Hidden layer %1").arg(layer + 1) : tr("Output"), -1);
                if (model) model->item(box->count() - 1)->setEnabled(false);
            }
            box->addItem(QStringLiteral("   ") + QString::fromStdString(layeredParamName(net, i)),
                         static_cast<qlonglong>(i));
        }
    }
    rebuilding_ = false;
    long p = axes_.p, q = axes_.q;
    if (p < 0 || q < 0 || p >= count || q >= count || p == q) {
        // The first neuron's weight from the first input and its bias: a surface that is not a
        // bowl.
        p = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 0, 0, 0});
        q = layeredFlatIndex(net, {LayeredParam::Kind::Bias, 0, 0, 0});
    }
    axes_.p = -1; // force setParams to apply
    setParams(p, q);
}

void LayeredLandscapeView::onBoxChanged() {
    if (rebuilding_) return;
    const long p = pBox_->currentData().toLongLong(), q = qBox_->currentData().toLongLong();
    if (p < 0 || q < 0) return;
    if (p == q) { // the same parameter twice has no surface: swap instead
        if (sender() == pBox_)
            setParams(p, axes_.p);
        else
            setParams(axes_.q, q);
        return;
    }
    setParams(p, q);
}

void LayeredLandscapeView::setParams(long p, long q) {
    if (!doc_->isLayered()) return;
    const LayeredNetwork& net = doc_->layered();
    const long count = paramCount(net);
    if (p < 0 || q < 0 || p >= count || q >= count || p == q) return;
    if (p == axes_.p && q == axes_.q) return;
    axes_.p = p;
    axes_.q = q;
    rebuilding_ = true;
    pBox_->setCurrentIndex(pBox_->findData(static_cast<qlonglong>(p)));
    qBox_->setCurrentIndex(qBox_->findData(static_cast<qlonglong>(q)));
    rebuilding_ = false;
    plot_->setLabels(QString::fromStdString(layeredParamName(net, p)),
                     QString::fromStdString(layeredParamName(net, q)));
    axes_ = defaultLayeredAxes(net, p, q, kFineGrid);
    basis_.reset();
    shown_ = {};
    fineGen_ = 0;
    plot_->clearSurface();
    onRefreshed();
}

// ---- following the document -----------------------------------------------------------------

LayeredNetwork LayeredLandscapeView::basisOf(const LayeredNetwork& net) const {
    LayeredNetwork b = net;
    setLayeredParamValue(b, axes_.p, 0.0);
    setLayeredParamValue(b, axes_.q, 0.0);
    return b;
}

bool LayeredLandscapeView::inView(const LayeredNetwork& net) const {
    const double p = layeredParamValue(net, axes_.p), q = layeredParamValue(net, axes_.q);
    return p >= axes_.pLo && p <= axes_.pHi && q >= axes_.qLo && q <= axes_.qHi;
}

void LayeredLandscapeView::recentre() {
    if (!valid()) return;
    axes_ = defaultLayeredAxes(doc_->layered(), axes_.p, axes_.q, kFineGrid);
    basis_.reset();
    onRefreshed();
}

void LayeredLandscapeView::onRefreshed() {
    if (!isVisible()) { // a hidden tab costs nothing: it catches up when shown
        stale_ = true;
        return;
    }
    stale_ = false;
    if (!valid()) return;
    if (!doc_->hasLayeredTarget()) {
        computer_->cancel();
        coarse_.stop();
        refine_.stop();
        basis_.reset();
        shown_ = {};
        fineGen_ = 0;
        plot_->clearSurface();
        drawOverlay();
        plot_->replotSoon();
        return;
    }
    const LayeredNetwork& net = doc_->layered();
    bool changed = false;
    if (!inView(net)) {
        axes_ = defaultLayeredAxes(net, axes_.p, axes_.q, kFineGrid);
        changed = true;
    }
    const LayeredNetwork b = basisOf(net);
    const Eigen::MatrixXd& x = doc_->layeredX();
    const Eigen::ArrayXd& t = doc_->layeredT();
    const bool sameData = basisX_.rows() == x.rows() && basisX_.cols() == x.cols() &&
                          basisX_ == x && basisT_.size() == t.size() && (basisT_ == t).all();
    if (changed || !basis_ || !(b == *basis_) || !sameData) {
        basis_ = b;
        basisX_ = x;
        basisT_ = t;
        invalidateSurface();
    }
    drawOverlay();
    plot_->replotSoon();
}

void LayeredLandscapeView::invalidateSurface() {
    fineGen_ = 0;
    if (!coarse_.isActive()) coarse_.start();
    refine_.start();
}

int LayeredLandscapeView::fineGrid() const {
    if (!valid()) return kFineGrid;
    // A grid point costs about one activation per sample for the upper parameter's neuron and
    // one per neuron of each layer above it (core/landscape/LayeredLandscape.h); with an output
    // parameter a whole row costs one forward pass.
    const LayeredNetwork& net = doc_->layered();
    const auto a = layeredParamAt(net, axes_.p), b = layeredParamAt(net, axes_.q);
    if (!a || !b || a->layer == net.depth() || b->layer == net.depth()) return kFineGrid;
    double perSample = 1.0;
    for (int l = std::max(a->layer, b->layer) + 1; l < net.depth(); ++l)
        perSample += net.layers[l].width();
    const double samples = std::max<double>(1.0, static_cast<double>(doc_->layeredT().size()));
    const int side = static_cast<int>(std::sqrt(kFineWork / (samples * perSample)));
    return std::clamp(side, kCoarseGrid, kFineGrid);
}

void LayeredLandscapeView::submit(int resolution) {
    if (!valid() || !doc_->hasLayeredTarget()) return;
    LayeredLandscapeComputer::Job job{doc_->layered(), doc_->layeredX(), doc_->layeredT(), axes_};
    job.axes.nx = job.axes.ny = resolution;
    const std::uint64_t gen = computer_->submit(std::move(job));
    if (resolution == fineGrid()) fineGen_ = gen;
}

void LayeredLandscapeView::onComputed(const LayeredLandscape& l, quint64 generation) {
    if (generation <= shownGen_) return;
    if (!l.axes.sameWindow(axes_)) return; // computed for a view that has since moved
    shownGen_ = generation;
    shown_ = l;
    plot_->setSurface(forPlot(shown_, overflow_));
    drawOverlay();
    plot_->replotSoon();
}

bool LayeredLandscapeView::upToDate() const {
    return fineGen_ != 0 && shownGen_ == fineGen_ && !coarse_.isActive() && !refine_.isActive();
}

bool LayeredLandscapeView::waitUntilUpToDate(int timeoutMs) {
    doc_->flush();
    QElapsedTimer clock;
    clock.start();
    while (!upToDate() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return upToDate();
}

// ---- training --------------------------------------------------------------------------------

void LayeredLandscapeView::trainingStarted() {
    trail_.clear();
    if (doc_->isLayered()) trail_.push_back(packParams(doc_->layered()));
}

void LayeredLandscapeView::onTrainingProgressed() {
    if (!doc_->isLayered()) return;
    Eigen::VectorXd now = packParams(doc_->layered());
    if (!trail_.empty() && trail_.back().size() != now.size()) trail_.clear();
    trail_.push_back(std::move(now));
    if (static_cast<int>(trail_.size()) > kMaxTrail) { // keep every other point (the last too)
        std::vector<Eigen::VectorXd> half;
        for (std::size_t i = 0; i < trail_.size(); i += 2)
            half.push_back(std::move(trail_[i]));
        if (trail_.size() % 2 == 0) half.push_back(std::move(trail_.back()));
        trail_ = std::move(half);
    }
    if (!isVisible()) return;
    drawOverlay();
    plot_->replotSoon();
}

// ---- drawing ----------------------------------------------------------------------------------

void LayeredLandscapeView::drawOverlay() {
    if (!valid()) return;
    const LayeredNetwork& net = doc_->layered();
    const QString pName = QString::fromStdString(layeredParamName(net, axes_.p));
    const QString qName = QString::fromStdString(layeredParamName(net, axes_.q));
    plot_->setView(axes_.pLo, axes_.pHi, axes_.qLo, axes_.qHi);
    const double pv = layeredParamValue(net, axes_.p), qv = layeredParamValue(net, axes_.q);
    plot_->setPoint({pv, qv});
    plot_->setMinimum(std::nullopt, false);

    // −∇L along the two axes, drawn as LandscapeView draws it: up to a quarter of the view when
    // crossing the view along it would change the loss by the whole colour range.
    const bool target = doc_->hasLayeredTarget();
    arrowLine_.reset();
    const Eigen::VectorXd& g = doc_->layeredGradient();
    if (target && g.size() == paramCount(net)) {
        const double gp = g[axes_.p], gq = g[axes_.q];
        const double sp = axes_.pHi - axes_.pLo, sq = axes_.qHi - axes_.qLo;
        const double norm = std::hypot(gp * sp, gq * sq);
        const double range = plot_->colourSpan();
        if (norm > 1e-12 && std::isfinite(norm) && norm / std::max(range, 1e-12) > 4e-3) {
            const double frac = 0.25 * std::sqrt(std::min(1.0, norm / std::max(range, 1e-12)));
            const double k = frac / std::hypot(gp / sp, gq / sq);
            arrowLine_ = QLineF(pv, qv, pv - k * gp, qv - k * gq);
        }
    }
    plot_->setArrow(arrowLine_);

    QVector<double> x, y;
    if (target) {
        const long count = paramCount(net);
        for (const Eigen::VectorXd& v : trail_) {
            if (v.size() != count) continue;
            x.push_back(v[axes_.p]);
            y.push_back(v[axes_.q]);
        }
        if (!x.isEmpty() && (x.back() != pv || y.back() != qv)) {
            x.push_back(pv);
            y.push_back(qv);
        }
    }
    plot_->setTrail(x, y);

    if (!target) {
        info_->setText(doc_->inputs() == 2
                           ? tr("No target yet: draw a surface or pick one from the Target menu.")
                           : tr("No target yet: pick one from the Target menu or draw one."));
    } else {
        double loss = doc_->layeredLoss();
        if (loss == 0.0) // the document shows 0 for a loss that is not a finite number
            loss = stepwise::loss(net, doc_->layeredX(), doc_->layeredT());
        const QString lossText =
            std::isfinite(loss) ? formatLoss(loss) : tr("too large for a double");
        QString state;
        if (overflow_) state += tr(" · where the loss is too large for a double: the top colour");
        if (!upToDate()) state += tr(" · computing…");
        info_->setText(tr("%1 = %2, %3 = %4 · loss %5%6")
                           .arg(pName, num(pv), qName, num(qv), lossText, state));
    }

    // Whether a step layer lies between the lower of the two parameters and the output: then
    // the loss over them is flat terraces.
    const auto a = layeredParamAt(net, axes_.p), b = layeredParamAt(net, axes_.q);
    const int lowest = std::min(a ? a->layer : net.depth(), b ? b->layer : net.depth());
    bool stepAbove = false;
    for (int l = lowest; l < net.depth(); ++l)
        stepAbove = stepAbove || net.layers[l].activation.kind == ActivationKind::Step;
    if (layeredLandscapeIsQuadratic(net, axes_.p, axes_.q))
        hint_->setText(tr("Both are output parameters, so the loss over them is an exact bowl. "
                          "Every other parameter is held at its value."));
    else if (stepAbove)
        hint_->setText(tr("A step layer lies between these parameters and the output, so the "
                          "loss over them is flat terraces: its true slope is zero almost "
                          "everywhere. The arrow shows the slope training borrows from a steep "
                          "sigmoid instead. Every other parameter is held at its value."));
    else
        hint_->setText(tr("Every other parameter is held at its value. The arrow is −∇L in "
                          "these two parameters, the steepest way down on this map; plain "
                          "gradient descent moves them along it (momentum and Adam bend the "
                          "path, and the other parameters move too). Click the map to move the "
                          "two parameters there."));
}

void LayeredLandscapeView::setPalette(const Palette& p) {
    plot_->setPalette(p);
}

// ---- reading, clicking -----------------------------------------------------------------------

QPointF LayeredLandscapeView::marker() const {
    return plot_->point();
}

QVector<QPointF> LayeredLandscapeView::trailPoints() const {
    return plot_->trail();
}

double LayeredLandscapeView::mapValue(int i, int k) const {
    return plot_->cell(i, k);
}

QString LayeredLandscapeView::infoText() const {
    return info_->text();
}

QString LayeredLandscapeView::hintText() const {
    return hint_->text();
}

void LayeredLandscapeView::moveTo(double p, double q) {
    if (!std::isfinite(p) || !std::isfinite(q) || !valid()) return;
    LayeredNetwork n = doc_->layered();
    setLayeredParamValue(n, axes_.p, p);
    setLayeredParamValue(n, axes_.q, q);
    doc_->setLayered(n, tr("Move %1 and %2 on the landscape")
                            .arg(QString::fromStdString(layeredParamName(n, axes_.p)),
                                 QString::fromStdString(layeredParamName(n, axes_.q))));
}

void LayeredLandscapeView::clickAt(double p, double q) {
    plot_->layOut();
    const QPointF pos = plot_->pixelAt(p, q);
    const QPointF global = plot_->mapToGlobal(pos);
    QMouseEvent press(QEvent::MouseButtonPress, pos, global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(plot_, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, pos, global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(plot_, &release);
}

bool LayeredLandscapeView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_) return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        pressed_ = e->button() == Qt::LeftButton && plot_->onMap(e->position()) &&
                   doc_->hasLayeredTarget();
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
        if (!valid()) return false;
        const auto step = LandscapePlot::arrowStep(static_cast<QKeyEvent*>(event)->key(),
                                                   axes_.pHi - axes_.pLo, axes_.qHi - axes_.qLo);
        if (!step) return false;
        const LayeredNetwork& n = doc_->layered();
        moveTo(layeredParamValue(n, axes_.p) + step->x(),
               layeredParamValue(n, axes_.q) + step->y());
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace stepwise::ui

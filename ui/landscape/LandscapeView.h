// LandscapeView: the loss over two chosen parameters, the others held at their current values,
// as a colour map (viridis, log scale) with contour lines. On it: the current point, the
// downhill direction −∇L there, the trail of the training run, and, when both parameters are on
// the output layer (where the surface is an exact quadratic bowl), the bowl's lowest point.
// Clicking the map moves the two parameters there as one undo step.
//
// The surface is computed by the core (computeLandscape) on a LandscapeComputer thread: a
// coarse grid at once, a fine one when the network has been still for a moment. The surface
// over (p, q) does not depend on the current values of p and q themselves, so moving only those
// two (a slider, a click, the minimum button) just moves the marker; any other parameter, the
// activation or the target recomputes it.
#pragma once

#include "core/landscape/LossLandscape.h"
#include "ui/base/Palette.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <vector>

#include <cstdint>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace stepwise::ui {

class Document;
class LandscapeComputer;
class LandscapePlot;

class LandscapeView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kCoarseGrid = 40;
    static constexpr int kFineGrid = 160;

    // trainer may be null (no trail is drawn then).
    explicit LandscapeView(Document* doc, QWidget* parent = nullptr);

    // Where the trail of the training run comes from (the parameters before each step), and
    // the call that says it grew: the shell connects the training room here.
    using TrailSource = std::function<const std::vector<Eigen::VectorXd>&()>;
    void setTrail(TrailSource trail);
    void onTrainingProgressed();
    ~LandscapeView() override;

    void setParams(ParamId p, ParamId q);
    ParamId paramP() const { return axes_.p; }
    ParamId paramQ() const { return axes_.q; }
    void recentre();
    void jumpToMinimum(); // one undo step; does nothing unless both parameters are on the output
    void moveTo(double p, double q); // one undo step
    void setPalette(const Palette& p);

    // For tests and the lesson.
    const Landscape& landscape() const { return shown_; }
    bool upToDate() const; // the fine surface of the current network and target is shown
    bool waitUntilUpToDate(int timeoutMs); // pumps the event loop
    QPointF marker() const;
    std::optional<QPointF> minimumMarker() const;
    QVector<QPointF> trailPoints() const;
    std::optional<QLineF> gradientArrow() const; // from the point, in parameter units
    int contourSegmentCount() const;
    void clickAt(double p, double q); // a real mouse click on the map at (p, q)
    QComboBox* pBox() const { return pBox_; }
    QComboBox* qBox() const { return qBox_; }
    QPushButton* minimumButton() const { return jump_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* e) override;

private:
    void rebuildBoxes();
    void onBoxChanged();
    void onRefreshed();
    void invalidateSurface();
    void submit(int resolution);
    void onComputed(const Landscape& l, quint64 generation);
    void drawOverlay();
    void replot();
    LandscapeAxes axesAround(const Network& net) const;
    bool inView(const Network& net) const;
    Network basisOf(const Network& net) const;

    Document* doc_;
    TrailSource trail_;
    LandscapeComputer* computer_;

    QComboBox* pBox_;
    QComboBox* qBox_;
    QPushButton* recentre_;
    QPushButton* jump_;
    QLabel* info_;
    QLabel* hint_;
    LandscapePlot* plot_;

    LandscapeAxes axes_;           // the axes wanted now (grid size ignored)
    Landscape shown_;              // the surface drawn
    std::optional<Network> basis_; // the network the wanted surface belongs to (p, q zeroed)
    bool targetDirty_ = true;
    std::uint64_t shownGen_ = 0, fineGen_ = 0;
    bool haveSurface_ = false; // shown_ belongs to the current basis and axes
    QTimer coarse_, refine_;
    std::optional<QPointF> minimumPos_;
    std::optional<QLineF> arrowLine_;
    QPoint pressPos_;
    bool pressed_ = false;
    bool rebuilding_ = false;
    bool stale_ = true; // changed while hidden: recompute when shown
};

} // namespace stepwise::ui

// LayeredLandscapeView: the loss landscape (as LandscapeView draws it for the lesson's network)
// for a layered network of any depth, with one or two inputs: the loss over two parameters of
// any layers, chosen by their names (core/deep/LayeredNames.h), every other parameter held at
// its value. On the map: the current point, the downhill direction −∇L there (its two
// components along the axes), and the trail of the training run. Clicking the map (or the arrow
// keys on it) moves the two parameters there as one undo step.
//
// The surface comes from the core (computeLayeredLandscape) on a LayeredLandscapeComputer
// thread: a coarse grid at once, a finer one once the network has been still for a moment (as
// fine as the samples and the layers above the parameters allow in a second or two). It does not
// depend on the values of the two parameters themselves, so moving only those two just moves the
// marker. A loss too large for a double is drawn in the top colour, and the text says so.
//
// Rooms: it reads the document only. The shell tells it when training starts and progresses
// (trainingStarted, onTrainingProgressed); the trail is the network after each training frame.
#pragma once

#include "core/landscape/LayeredLandscape.h"
#include "ui/base/Palette.h"

#include <QLineF>
#include <QPointF>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace stepwise::ui {

class Document;
class LayeredLandscapeComputer;
class LandscapePlot;

class LayeredLandscapeView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kCoarseGrid = 40;
    static constexpr int kFineGrid = 160;    // at most
    static constexpr double kFineWork = 4e7; // activations for the fine grid (a second or two)
    static constexpr int kMaxTrail = 2000;

    explicit LayeredLandscapeView(Document* doc, QWidget* parent = nullptr);
    ~LayeredLandscapeView() override;

    void setParams(long p, long q); // flat indices
    long paramP() const { return axes_.p; }
    long paramQ() const { return axes_.q; }
    void recentre();
    void moveTo(double p, double q); // one undo step
    void setPalette(const Palette& p);

    // From the training room (the shell connects them): a run starts (the trail restarts), a
    // frame was shown.
    void trainingStarted();
    void onTrainingProgressed();

    // For tests.
    const LayeredLandscape& landscape() const { return shown_; }
    LayeredLandscapeAxes axes() const { return axes_; }
    bool upToDate() const;
    bool waitUntilUpToDate(int timeoutMs); // pumps the event loop
    QPointF marker() const;
    QVector<QPointF> trailPoints() const;
    std::optional<QLineF> gradientArrow() const { return arrowLine_; } // in parameter units
    // The values the colour map holds, cell by cell (the loss, with +∞ at the top colour).
    double mapValue(int i, int k) const;
    void clickAt(double p, double q); // a real mouse click on the map at (p, q)
    QComboBox* pBox() const { return pBox_; }
    QComboBox* qBox() const { return qBox_; }
    QString infoText() const;
    QString hintText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* e) override;

private:
    void rebuildBoxes();
    void onBoxChanged();
    void onRefreshed();
    void invalidateSurface();
    void submit(int resolution);
    int fineGrid() const;
    void onComputed(const LayeredLandscape& l, quint64 generation);
    void drawOverlay();
    LayeredNetwork basisOf(const LayeredNetwork& net) const;
    bool inView(const LayeredNetwork& net) const;
    bool valid() const;

    Document* doc_;
    LayeredLandscapeComputer* computer_;
    QComboBox* pBox_;
    QComboBox* qBox_;
    QPushButton* recentre_;
    QLabel* info_;
    QLabel* hint_;
    LandscapePlot* plot_;

    LayeredLandscapeAxes axes_;
    LayeredLandscape shown_;
    bool overflow_ = false;               // the shown surface has a loss too large for a double
    std::optional<LayeredNetwork> basis_; // the network the wanted surface belongs to (p, q zeroed)
    Eigen::MatrixXd basisX_;
    Eigen::ArrayXd basisT_;
    std::uint64_t shownGen_ = 0, fineGen_ = 0;
    QTimer coarse_, refine_;
    std::optional<QLineF> arrowLine_;
    std::vector<Eigen::VectorXd> trail_;
    QPoint pressPos_;
    bool pressed_ = false;
    bool rebuilding_ = false;
    bool stale_ = true;
};

} // namespace stepwise::ui

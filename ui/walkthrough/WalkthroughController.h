// WalkthroughController: the backprop walkthrough in the window. One sample (x, t) of the batch is
// walked forward and backward through the network, one step of core/lesson/Walkthrough.h at a
// time, then the mean over the batch and one step of gradient descent. It reads the document,
// changes nothing in it unless the learner asks ("Take this step", one undo step), and says what
// to show through plain data and signals: the shell hands the marker and the "after" curve to the
// graph and the annotations to the network diagram (this room knows neither).
//
// Keys, while a walk is active (also with the lesson open: the walk's application event filter is
// installed last, so it sees every key first): → Space Page Down forward, ← Page Up back, Home the
// start, End the end, N over the other neurons, P play or pause, Esc ends the walk. A text box
// that has the focus keeps its arrows, Home and End.
#pragma once

#include "core/lesson/Walkthrough.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>
#include <vector>

class QWidget;

namespace stepwise::ui {

class Document;
struct WalkContext;

class WalkthroughController : public QObject {
    Q_OBJECT
public:
    // Where a number lives on the network diagram.
    enum class Place { Input, Neuron, Output, InEdge, OutEdge };
    struct Spot {
        Place place = Place::Input;
        int neuron = -1; // for Neuron, InEdge, OutEdge
        bool operator==(const Spot&) const = default;
    };
    // A number shown on the diagram: the step it comes from, its value and its text.
    struct Annotation {
        Spot spot;
        int step = 0;
        double value = 0.0;
        QString text;
        bool current = false; // the step showing now
        bool stopped = false; // the flow stops here
    };
    // The sample and its target on the graph: (x, y) the network's answer, (x, t) the target.
    struct Marker {
        double x = 0.0, y = 0.0, t = 0.0;
    };
    // The network after the descent step, as a curve over the domain.
    struct Curve {
        std::vector<double> x, y;
    };

    WalkthroughController(Document* doc, QWidget* window, QObject* parent = nullptr);
    ~WalkthroughController() override;

    bool active() const { return active_; }
    const Walkthrough& walk() const { return walk_; }
    int stepIndex() const { return index_; }
    int stepCount() const { return static_cast<int>(walk_.steps.size()); }
    const WalkStep* currentStep() const;
    double sampleX() const { return x_; }
    double sampleTarget() const { return t_; }
    // The neuron the walk follows (its steps only), or none: every neuron's steps in turn.
    std::optional<int> followed() const { return followed_; }
    // Whether a step network's walk borrows σ′(k·z) as training does (the default), or shows the
    // step's true slope 0.
    bool borrowSlope() const { return borrowSlope_; }

    // What to show now.
    std::vector<Annotation> annotations() const;
    std::optional<Spot> highlight() const;
    std::optional<Marker> marker() const;
    std::optional<Curve> afterCurve() const; // during the descent step and after it
    QString formula() const;
    QString meaning() const;
    QString position() const; // "Forward · step 3 of 31"

    bool playing() const { return timer_.isActive(); }
    int speed() const { return speed_; } // 1 (slow) … 10 (fast)
    static constexpr int kMaxSpeed = 10;

public slots:
    // Starts a walk at the grid sample nearest to x (the lesson's entry point); start() takes the
    // last sample walked, or at first the one the network gets most wrong.
    void startWalkthrough(double x);
    void start();
    void stop();
    void toggle();
    void setSample(double x); // the nearest grid sample; the walk restarts there
    void next();
    void back();
    void restart();
    void toEnd();
    void skipNeurons();
    void goTo(int index);
    void follow(std::optional<int> neuron);
    void setBorrowSlope(bool on);
    void setPlaying(bool on);
    void setSpeed(int speed);
    void takeStep(); // applies θ − η·∂L/∂θ to the document: one undo step

signals:
    void activeChanged(bool active);
    void changed(); // the step, the sample or the walk: everything shown may have changed
    void message(const QString& text);
    void playingChanged(bool playing);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    bool visible(int index) const; // the step is about no neuron or the followed one
    int firstVisibleFrom(int index, int direction) const;
    WalkContext context() const;
    bool handleKey(int key);

    Document* doc_;
    QPointer<QWidget> window_;
    bool active_ = false;
    Walkthrough walk_;
    int index_ = 0;
    double x_ = 0.0, t_ = 0.0;
    bool haveSample_ = false;
    std::optional<int> followed_;
    bool borrowSlope_ = true;
    BackpropOptions options_;
    QTimer timer_;
    int speed_ = 4;
};

} // namespace stepwise::ui

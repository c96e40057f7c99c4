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
//
// While the document holds a layered network (more hidden layers, two inputs) the walk is
// core/lesson/LayeredWalkthrough.h's: the sample is one of the layered data's samples (a point of
// the plane with two inputs), steps come layer by layer, and a wide layer's neurons show one by one
// only when the learner opens it (O). The numbers for the layered diagram come as layeredNotes();
// the member functions for that mode are in WalkthroughLayered.cpp.
#pragma once

#include "core/lesson/LayeredWalkthrough.h"
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
struct LayeredWalkContext;

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
    int stepCount() const {
        return static_cast<int>(layered_ ? layeredWalk_.steps.size() : walk_.steps.size());
    }
    const WalkStep* currentStep() const;
    double sampleX() const { return x_; }
    double sampleTarget() const { return t_; }
    // The neuron the walk follows (its steps only), or none: every neuron's steps in turn.
    std::optional<int> followed() const { return followed_; }
    // Whether a step network's walk borrows σ′(k·z) as training does (the default), or shows the
    // step's true slope 0.
    bool borrowSlope() const { return borrowSlope_; }

    // ---- The layered walk (WalkthroughLayered.cpp) ----
    // Whether the walk is a layered network's (set when it starts or the document changes).
    bool layered() const { return layered_; }
    const LayeredWalk& layeredWalk() const { return layeredWalk_; }
    const LayeredWalkStep* currentLayeredStep() const;
    // The sample walked: its index among the layered data's samples, its inputs and target.
    int sampleIndex() const { return sample_; }
    int sampleCount() const;
    std::vector<double> sampleInputs() const;
    // Whether the steps of layer l's neurons (l = depth: the output weights') are shown one by
    // one; a layer of at most kLayeredWalkOpenWidth neurons is, a wider one once opened.
    bool neuronsOpen(int layer) const;
    // A number on the layered diagram: column 0 the inputs, 1 … depth the hidden layers, depth + 1
    // the output; node −1 for the whole column.
    struct LayeredNote {
        int column = 0;
        int node = -1;
        QString text;
        bool current = false;
        bool stopped = false;
    };
    std::vector<LayeredNote> layeredNotes() const;
    // The column (and node, or −1) of the current step.
    std::optional<std::pair<int, int>> layeredHighlight() const;

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
    // Layered: the sample by its index, or the one nearest to a point (x₂ ignored with one
    // input); the walk restarts there.
    void setSampleIndex(int index);
    void setSamplePoint(double x1, double x2);
    // Layered: opens or closes the current step's layer (its neurons one by one).
    void toggleNeurons();

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
    void startLayered();
    void rebuildLayered();
    LayeredWalkContext layeredContext() const;
    std::optional<Marker> layeredMarker() const;
    std::optional<Curve> layeredAfterCurve() const;
    void takeLayeredStep();

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
    bool layered_ = false;
    LayeredWalk layeredWalk_;
    int sample_ = 0;
    bool haveLayeredSample_ = false;
    std::vector<bool> open_; // per layer (depth + 1): its neurons shown one by one
    LayeredBackpropOptions layeredOptions_;
};

} // namespace stepwise::ui

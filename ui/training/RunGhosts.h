// RunGhosts: faint copies of earlier training runs, to compare the next run with. When a run ends
// (a pause after training, or a stop), its output curve and its loss curve are kept with the
// settings it ran under; each ghost is labelled by what differed from the run after it (the next
// ghost, or for the newest the settings now). At most kMaxGhosts are kept, the oldest drops off.
//
// A view aid only: not in the scenario (never saved), not undoable, forgotten when another
// scenario is opened (File ▸ New, Open, another chapter). A run continued after a pause with the
// same settings and the same loss history replaces its own ghost instead of adding one.
#pragma once

#include "core/network/Network.h"
#include "core/training/Trainer.h"

#include <QObject>
#include <QString>

#include <vector>

namespace stepwise::ui {

// An optimizer's short name, as the ghosts' legend and the race say it ("SGD", "momentum").
QString optimizerText(OptimizerKind k);

class Document;

struct RunGhost {
    int id = 0;                            // unique while the program runs
    int colour = 0;                        // slot of ghostColour, kept for the ghost's life
    std::vector<double> x, y;              // the output curve at the end of the run
    std::vector<double> lossSteps, losses; // its training loss curve (thinned)
    TrainSettings settings;
    Activation activation;
    int hidden = 0;
    long steps = 0;  // steps on the step counter when the run ended
    int history = 0; // which loss history it came from (TrainingController::historyId)
    QString label;   // what differed from the run after it ("Adam η=0.01")
};

class RunGhosts : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxGhosts = 5;
    static constexpr std::size_t kMaxLossPoints = 600; // a ghost's loss curve is thinned to this

    explicit RunGhosts(Document* doc, QObject* parent = nullptr);

    const std::vector<RunGhost>& ghosts() const { return ghosts_; }
    int count() const { return static_cast<int>(ghosts_.size()); }

    // The run that just ended: the network it reached, the settings it ran under, its loss curve
    // so far, the step counter, and which loss history that curve belongs to.
    void addRun(const Network& net, const TrainSettings& settings,
                const std::vector<double>& lossSteps, const std::vector<double>& losses, long steps,
                int history);
    void remove(int id);
    void clear();

    // What `ghost`'s settings were where they differ from `next`'s, in words.
    static QString difference(const RunGhost& ghost, const RunGhost& next);

signals:
    void changed();

private:
    RunGhost current() const; // the settings a next run would use, as a ghost without curves
    void relabel();

    Document* doc_;
    std::vector<RunGhost> ghosts_; // oldest first
    int nextId_ = 1;
    int chapter_ = -1; // the lesson chapter the ghosts belong to
};

} // namespace stepwise::ui

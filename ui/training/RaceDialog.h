// RaceDialog: Training ▸ Race… — SGD, momentum and Adam (or the current optimizer at two or three
// learning rates) trained side by side from the same starting weights on the same points with the
// same seed (core/training/Race.h), live, each in its own colour. It shows the progress, can be
// stopped (Esc or Stop), and at the end names the racer with the lowest loss; the learner keeps
// the winner's weights (one undo step) or the weights as they were.
//
// The racers are stepped on the GUI thread, the same number of steps per racer in every frame
// (fewer when a frame would take too long on a large network); the race's numbers depend only on
// its length, never on the frame rate or on how the steps are split into frames. The dialog is
// modal: the document does not change under a race.
#pragma once

#include "ui/base/Palette.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class QRadioButton;
class QDoubleSpinBox;
class QSpinBox;
class QPushButton;
class QProgressBar;
class QLabel;

namespace stepwise {
class Race;
}

namespace stepwise::ui {

class Document;
class RacePlots;

class RaceDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Optimizers, LearningRates };

    RaceDialog(Document* doc, const Palette& palette, QWidget* parent = nullptr);
    ~RaceDialog() override;

    void setKind(Kind k);
    void start();
    void stop();
    bool running() const { return frame_.isActive(); }
    const Race* race() const { return race_.get(); }
    QString resultText() const;

    QRadioButton* optimizersButton() const { return optimizers_; }
    QRadioButton* ratesButton() const { return rates_; }
    QDoubleSpinBox* rateBox(int i) const { return rateBoxes_[i]; } // 0: the optimizers' η
    QSpinBox* stepsBox() const { return steps_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* keepWinnerButton() const { return keepWinner_; }
    QPushButton* keepOldButton() const { return keepOld_; }
    RacePlots* plots() const { return plots_; }

protected:
    void reject() override; // Esc: stops a race that runs; otherwise keeps the weights as they were
    void closeEvent(QCloseEvent* e) override; // the window's close button: stop and close

private:
    void onFrame();
    void finish();
    void keepWinner();
    void syncControls();

    Document* doc_;
    std::unique_ptr<Race> race_;
    QTimer frame_;
    long stepsPerFrame_ = 1;  // the same for every racer; fewer when a frame takes too long
    long targetPerFrame_ = 1; // a race of any length in about kFramesPerRace frames
    bool stopped_ = false;
    QRadioButton *optimizers_, *rates_;
    QDoubleSpinBox* rateBoxes_[4];
    QSpinBox* steps_;
    QPushButton *start_, *stop_, *keepWinner_, *keepOld_;
    QProgressBar* progress_;
    QLabel* result_;
    RacePlots* plots_;
};

} // namespace stepwise::ui

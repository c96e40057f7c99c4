// TrainingPanel: play / pause / one step / reset / new seed, the training settings, the live
// loss curve, the step counter and steps per second, and plain-word messages.
#pragma once

#include <QWidget>

class QPushButton;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QCheckBox;
class QVBoxLayout;
class QLabel;

namespace stepwise::ui {

class Document;
class TrainingController;
class LossPlot;
class GhostList;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(Document* doc, TrainingController* trainer, QWidget* parent = nullptr);

    QPushButton* playButton() const { return play_; }
    QComboBox* optimizerBox() const { return optimizer_; }
    QComboBox* speedBox() const { return speed_; }
    QDoubleSpinBox* learningRateBox() const { return rate_; }
    QComboBox* layersBox() const { return layers_; }
    QComboBox* stepModeBox() const { return stepMode_; }
    QDoubleSpinBox* stopLossBox() const { return stopLoss_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    GhostList* ghostList() const { return ghostList_; }
    // Data and overfitting: noise, the test split, weight decay, early stopping.
    QDoubleSpinBox* noiseBox() const { return noiseSd_; }
    QSpinBox* noiseSeedBox() const { return noiseSeed_; }
    QDoubleSpinBox* testFractionBox() const { return testFraction_; }
    QSpinBox* splitSeedBox() const { return splitSeed_; }
    QDoubleSpinBox* weightDecayBox() const { return weightDecay_; }
    QCheckBox* earlyStoppingBox() const { return earlyStopping_; }
    QSpinBox* patienceBox() const { return patience_; }
    QString messageText() const;
    void showMessage(const QString& text, bool warning);
    // Picks the speed (steps per frame, 0: as fast as possible) in the box and tells training.
    void setStepsPerFrame(int n);

private:
    void syncSettings();
    void syncStatus();
    void writeSettings();
    void buildDataSettings(QVBoxLayout* outer);
    void syncData();
    void writeNoise();
    void writeSplit();
    void writeRegularisation();

    Document* doc_;
    TrainingController* trainer_;
    QPushButton *play_, *step_, *handStep_, *reset_, *newSeed_;
    QComboBox *speed_, *optimizer_, *layers_, *stepMode_;
    QDoubleSpinBox *rate_, *stopLoss_;
    QLabel *stepHelp_, *status_, *message_;
    QLabel* advice_; // shown when the loss keeps spiking: a smaller learning rate
    LossPlot* lossPlot_;
    GhostList* ghostList_;
    QDoubleSpinBox *noiseSd_, *testFraction_, *weightDecay_;
    QSpinBox *noiseSeed_, *splitSeed_, *patience_;
    QCheckBox* earlyStopping_;
};

} // namespace stepwise::ui

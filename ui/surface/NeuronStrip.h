// NeuronStrip: every first-layer neuron's own picture — its activation over the plane as a small
// map (x₁ across, x₂ up, viridis from the activation's low to its high), in a row, as TensorFlow
// Playground shows its nodes. A click picks a neuron (its switching line is drawn thicker).
#pragma once

#include "core/network/Activation.h"
#include "ui/base/Palette.h"

#include <Eigen/Core>
#include <QImage>
#include <QWidget>
#include <vector>

namespace stepwise::ui {

class NeuronStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumb = 64;      // pixels a side
    static constexpr int kMaxSamples = 64; // samples a side a thumbnail is drawn from

    explicit NeuronStrip(QWidget* parent = nullptr);

    // The first layer's activations, width × side² (x₁ the faster, as SurfaceSampler's), with
    // the layer's activation; the colours run over the activation's range (0 to 1 for step and
    // sigmoid, −1 to 1 for tanh, 0 to the neuron's largest value for ReLU).
    // `changed` (optional, one flag a neuron) names the neurons whose pictures need drawing again.
    void setNeurons(const Eigen::ArrayXXd& a, int side, const Activation& g,
                    const std::vector<char>* changed = nullptr);
    void clear();
    void setSelected(int neuron); // −1: none
    int selected() const { return selected_; }
    int count() const { return static_cast<int>(images_.size()); }
    const QImage& thumbnail(int j) const { return images_[j]; }
    // The colour range of neuron j's picture.
    std::pair<double, double> range(int j) const { return ranges_[j]; }
    QRect thumbnailRect(int j) const;

    void setPalette(const Palette& p);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void neuronClicked(int neuron);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override;

private:
    int neuronAt(QPoint p) const;
    QFont captionFont() const;
    int captionHeight() const;

    Palette palette_ = Palette::light();
    std::vector<QImage> images_;
    std::vector<std::pair<double, double>> ranges_;
    ActivationKind kind_ = ActivationKind::Step;
    int side_ = 0;
    int selected_ = -1;
};

} // namespace stepwise::ui

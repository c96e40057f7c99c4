// ParamRow: one parameter's control — its name, a slider, an exact number box and the gradient
// arrow (which way, and how strongly, the loss wants the parameter to move: −∂L/∂θ).
//
// The arrow's length is on a fixed logarithmic scale, the same for every row and every frame:
// |∂L/∂θ| = 10⁻⁴ or less draws a dot, 10 or more the whole length, each factor of ten in between
// the same step. So the arrows compare across rows and shrink as training nears a minimum, where
// the gradient goes to 0 (a scale against the largest arrow would keep them long for ever). The
// tooltip gives the number. A borrowed slope (a step network's w and b, trained with a sigmoid's
// slope in place of the step's true 0) is drawn dashed and says so.
#pragma once

#include <QWidget>

class QLabel;
class QSlider;
class QDoubleSpinBox;

namespace stepwise::ui {

class GradientArrow : public QWidget {
    Q_OBJECT
public:
    explicit GradientArrow(QWidget* parent = nullptr);
    static constexpr double kSmallest = 1e-4, kLargest = 10.0;
    // push = −∂L/∂θ (or the borrowed direction).
    void setPush(double push, bool borrowed = false);
    double push() const { return push_; }
    bool borrowed() const { return borrowed_; }
    // The drawn length as a fraction of the whole, 0 for a dot: the log scale above.
    static double lengthFraction(double push);
    QSize sizeHint() const override { return {46, 16}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    double push_ = 0.0;
    bool borrowed_ = false;
};

class ParamRow : public QWidget {
    Q_OBJECT
public:
    ParamRow(const QString& name, double lo, double hi, QWidget* parent = nullptr);

    void setName(const QString& name);
    void setRange(double lo, double hi);
    double lo() const { return lo_; }
    double hi() const { return hi_; }
    // Shows a value without emitting edited().
    void setValue(double v);
    double value() const;
    void setGradient(double push, bool borrowed, bool visible);
    void setFormula(const QString& tooltip);
    void setHighlighted(bool on);

    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }
    GradientArrow* arrow() const { return arrow_; }

signals:
    void edited(double value);
    void grabbed();  // the learner pressed the slider
    void released(); // … and let it go

private:
    int toSlider(double v) const;
    double fromSlider(int s) const;

    QLabel* label_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
    GradientArrow* arrow_;
    double lo_, hi_;
};

} // namespace stepwise::ui

// ParamRow: one parameter's control — its name, a slider, an exact number box and the gradient
// arrow (which way, and how strongly, the loss wants the parameter to move: −∂L/∂θ).
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
    // push = −∂L/∂θ; scale = the largest |push| among the rows, so arrows compare.
    void setPush(double push, double scale);
    double push() const { return push_; }
    QSize sizeHint() const override { return {46, 16}; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    double push_ = 0.0, scale_ = 1.0;
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
    void setGradient(double push, double scale, bool visible);
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

// SectionPlot: a cross-section of the surface as an ordinary graph — the network's output (bold)
// and the target (a wide translucent band) along one input while the other is held at a chosen
// value, with a mark where the other cross-section crosses it. Draws what it is given.
#pragma once

#include "ui/base/Palette.h"

#include <qcustomplot.h>

#include <optional>
#include <vector>

namespace stepwise::ui {

class SectionPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit SectionPlot(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setAxisLabel(const QString& label);
    // Output (and target, when there is one) at the points xs along the section.
    void setCurves(const std::vector<double>& xs, const std::vector<double>& output,
                   const std::vector<double>& target);
    void setValueRange(double lo, double hi);
    void setCrossing(double x); // the other section's line
    // The output and the crossing mark alone, now (a frame in which the axes and the target
    // stay).
    void replotCurves();

    // What is drawn (tests).
    int pointCount() const;
    double outputAt(int k) const; // the k-th point's value (x from keyAt)
    double keyAt(int k) const;
    bool hasTarget() const;
    QString title() const;

    void setPalette(const Palette& p);

private:
    void applyStyle();

    Palette palette_ = Palette::light();
    QCPTextElement* title_;
    QCPGraph* target_;
    QCPGraph* output_;
    QCPItemStraightLine* crossing_;
};

} // namespace stepwise::ui

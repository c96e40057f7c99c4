// DeepGraph: a layered network of one input drawn over x, as the lesson's graph draws the
// one-layer network: the target (its curve, or its points: training points filled, test points
// hollow), the output bold, and thin under it the last hidden layer's weighted contributions
// v_j·a_j(x), whose sum plus c is the output.
#pragma once

#include "ui/base/Palette.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace stepwise::ui {

class Document;

class DeepGraph : public QWidget {
    Q_OBJECT
public:
    explicit DeepGraph(Document* doc, QWidget* parent = nullptr);
    void setPalette(const Palette& p);
    QCustomPlot* plot() const { return plot_; }
    // The output as drawn (tests): x and y of the bold curve.
    QCPGraph* outputGraph() const { return output_; }
    int contributionCount() const { return static_cast<int>(parts_.size()); }
    static constexpr int kMaxContributions = 64;

private:
    void rebuild();
    void refresh(bool targetToo);
    void fitY();

    Document* doc_;
    QCustomPlot* plot_;
    QCPGraph* target_ = nullptr;
    QCPGraph* points_ = nullptr;
    QCPGraph* testPoints_ = nullptr;
    QCPGraph* output_ = nullptr;
    QVector<QCPGraph*> parts_;
    Palette palette_ = Palette::light();
    bool fitted_ = false;
    bool live_ = false; // the last full picture was drawn live (no antialiasing)
};

} // namespace stepwise::ui

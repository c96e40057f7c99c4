// FineSlider: a slider whose drag goes ten times finer while Shift is held, so a short track
// keeps its whole range and still lets a learner set a value to a hundredth. Without Shift it
// drags as any slider; pressing or releasing Shift mid-drag continues from where the handle is
// (the handle no longer sits under the pointer while Shift is down, as in a fine drag it cannot).
#pragma once

#include <QSlider>

namespace stepwise::ui {

class FineSlider : public QSlider {
    Q_OBJECT
public:
    static constexpr double kFineFactor = 10.0; // pixels of a Shift drag per pixel of a plain one

    explicit FineSlider(Qt::Orientation o, QWidget* parent = nullptr);

protected:
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

private:
    double along(const QPointF& p) const; // the pointer's position along the track
    int valueAt(double pixel) const;      // the value whose handle is at this pixel of the track

    bool dragging_ = false;
    double lastPointer_ = 0.0; // where the pointer was at the last move
    double handle_ = 0.0;      // where the handle is, in (fractional) track pixels
};

} // namespace stepwise::ui

// SurfaceView: the surface a network of two inputs draws — its output over the plane [lo, hi]²
// as a colour map with contour lines, the target beside it (or as dashed contours over it), two
// cross-sections as ordinary graphs, every first-layer neuron's own picture, and a readout of
// x₁, x₂, the output and the target under the mouse. Instead of the two maps it can show the
// surface in 3-D (ui/surface/Surface3D), where OpenGL allows; elsewhere the maps stay, with a line
// saying why.
//
// What the mouse does (ui/surface/SurfaceMouse): drag a cross-section's line; drag a step
// neuron's switching line w₁x₁ + w₂x₂ + b = 0 to move it (b changes) or a handle at its end to
// turn it (w₁, w₂ change, |w| kept; core/deep/SwitchingLine.h); with a brush picked, paint the
// target (raise, lower, erase).
//
// It shows what it is given (setNetwork, setSurface, setDomain) and changes nothing itself: an
// edit is announced by a signal, and whoever owns the network applies it and gives the view the
// result. A drag of a line is editStarted … paramEdited … editFinished (one undo step for the
// owner); a stroke or a preset is one surfaceEdited.
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "core/deep/SurfaceSampler.h"
#include "core/deep/SwitchingLine.h"
#include "core/scenario/TargetSurface.h"
#include "ui/base/Palette.h"
#include "ui/surface/SurfaceMouse.h"

#include <QWidget>
#include <limits>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QToolButton;
class QButtonGroup;
class QScrollArea;
class QStackedWidget;

namespace stepwise::ui {

// A target preset over the plane as the window names it ("Tower", "Two bumps", …), translated.
QString surfacePresetLabel(SurfacePreset p);

class NeuronStrip;
class SectionPlot;
class SurfacePlot;
class Surface3D;

class SurfaceView : public QWidget, private SurfaceMouseHost {
    Q_OBJECT
public:
    static constexpr int kMapSide = 128;       // samples a side of the maps
    static constexpr int kSectionPoints = 201; // samples along a cross-section
    // The painted points a target may hold in all: half of what a scenario file may hold
    // (kMaxTotalStrokePoints), the rest left to the curve's strokes and measured points.
    static constexpr long kMaxSurfacePoints = 100'000;
    enum class TargetDisplay { Beside, Contours };
    enum class Brush { Off, Raise, Lower, Erase };
    enum class Look { Map, Solid }; // the maps from above, or the surface in 3-D

    explicit SurfaceView(QWidget* parent = nullptr);
    ~SurfaceView() override;

    // What the view shows. A network without two inputs is not drawn (the view says why).
    void setNetwork(const LayeredNetwork& net);
    void setSurface(const TargetSurface* surface); // copied; null: no target
    void setDomain(double lo, double hi);
    // While something drags or trains: the output's contours wait for the last frame.
    void setLive(bool on);
    bool live() const { return live_; }
    void setPalette(const Palette& p);
    QColor backgroundColour() const { return palette_.background; }

    const LayeredNetwork& network() const { return net_; }
    const std::optional<TargetSurface>& surface() const { return surface_; }
    double lo() const override { return lo_; }
    double hi() const override { return hi_; }
    bool drawable() const { return sampler_.valid(); }

    // The cross-sections: along x₂ at x₁ = a (the map's vertical line) and along x₁ at x₂ = b
    // (its horizontal line); kept inside the domain.
    void setSections(double a, double b) override;
    double sectionX1() const override { return sectionA_; }
    double sectionX2() const override { return sectionB_; }

    void setTargetDisplay(TargetDisplay d);
    TargetDisplay targetDisplay() const { return display_; }
    void setBrush(Brush b);
    Brush brush() const { return brush_; }
    void setBrushRadius(double r);
    double brushRadius() const override;
    void setBrushStrength(double s);
    double brushStrength() const;
    // The 3-D choice is kept while the view lives; where no 3-D view can be made the maps stay and
    // lookNotice() says why (look() still answers Solid).
    void setLook(Look l);
    Look look() const { return look_; }
    bool showing3d() const;                             // the 3-D view is on screen
    Surface3D* surface3d() const { return surface3d_; } // made the first time 3-D is chosen
    QLabel* lookNotice() const { return lookNotice_; }
    void selectNeuron(int neuron) override; // its switching line drawn thicker; −1: none
    int selectedNeuron() const override { return selected_; }

    // The output and the target at a point, computed there (not read off the grid).
    double outputAt(double x1, double x2) const;
    std::optional<double> targetAt(double x1, double x2) const;
    // The readout's text for a point (what hovering there shows), and what it shows now.
    void showReadoutAt(double x1, double x2) override;
    QString readoutText() const;
    // The flat index (LayeredNetwork.h) of the first layer's w(j, i) and b_j.
    long weightIndex(int neuron, int input) const;
    long biasIndex(int neuron) const;

    SurfacePlot* outputPlot() const override { return output_; }
    SurfacePlot* targetPlot() const override { return target_; }
    SectionPlot* sectionAlongX1() const { return alongX1_; } // at x₂ = sectionX2()
    SectionPlot* sectionAlongX2() const { return alongX2_; } // at x₁ = sectionX1()
    NeuronStrip* neurons() const { return neurons_; }
    QComboBox* targetChoice() const { return targetChoice_; }
    // The maps and the cross-sections, without the controls (what an export shows).
    QWidget* picture() const { return picture_; }
    // Replots everything now (tests, benchmarks).
    void replotNow();

signals:
    void editStarted(const QString& what);
    void paramEdited(long index, double value);
    void editFinished();
    // A new target (a preset chosen, a stroke painted): one undo step for the owner.
    void surfaceEdited(const std::optional<TargetSurface>& surface, const QString& what);
    void neuronSelected(int neuron);

private:
    QWidget* buildControls();
    void updateOutput();
    void updateTarget();
    bool updateColours();
    void updateOutputContours();
    void updateTargetContours();
    void updateSections();
    void updateSwitchingLines();
    void updateTargetChoice();
    void replotSoon();
    void send3d(bool output, bool target); // what the 3-D view needs of the maps' samples
    void placeTarget();
    // The stroke being painted, shown before it is handed over.
    void previewStroke(const BrushStroke& stroke) override;
    void finishStroke(const BrushStroke& stroke) override;
    std::optional<SwitchingLine> switchingLine(int neuron) const override;
    void beginLineEdit(int neuron, bool turning) override;
    void editLine(int neuron, const SwitchingLine& line, bool turning) override;
    void endLineEdit() override;
    std::optional<BrushStroke> newStroke(PlanePoint p) const override;

    LayeredNetwork net_;
    std::optional<TargetSurface> surface_;
    double lo_ = -1.0, hi_ = 1.0;
    bool live_ = false;
    bool domainShown_ = false; // setDomain has drawn the maps for lo_, hi_
    Palette palette_ = Palette::light();
    SurfaceSampler sampler_;
    Eigen::ArrayXd targetValues_;              // kMapSide², x₁ the faster
    Eigen::ArrayXd presetValues_, strokeMark_; // while a stroke is painted
    std::size_t strokeMarked_ = 0;             // the stroke's points in strokeMark_
    // The colours' range; NaN until the first values set it.
    double colourLo_ = std::numeric_limits<double>::quiet_NaN(), colourHi_ = colourLo_;
    double sectionA_ = 0.0, sectionB_ = 0.0;
    TargetDisplay display_ = TargetDisplay::Beside;
    Brush brush_ = Brush::Off;
    Look look_ = Look::Map;
    int selected_ = -1;
    QString readout_;

    QWidget* picture_;
    QStackedWidget* mapStack_; // the two maps, or the 3-D view
    QWidget* maps_;
    QWidget* solidPage_ = nullptr; // the 3-D view, and the target's map beside it
    Surface3D* surface3d_ = nullptr;
    QLabel* lookNotice_;
    QToolButton* look3d_;
    SurfacePlot* output_;
    SurfacePlot* target_;
    SectionPlot* alongX1_;
    SectionPlot* alongX2_;
    NeuronStrip* neurons_;
    QScrollArea* neuronScroll_;
    QLabel* readoutLabel_;
    QLabel* neuronTitle_;
    QComboBox* targetChoice_;
    QComboBox* displayChoice_;
    QButtonGroup* brushGroup_;
    QDoubleSpinBox* radius_;
    QDoubleSpinBox* strength_;
    SurfaceMouse* mouse_;
};

} // namespace stepwise::ui

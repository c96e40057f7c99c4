// SwitchingLine: where a first-layer neuron of two inputs switches, the line
//   w₁x₁ + w₂x₂ + b = 0,
// and the two ways the surface view lets a learner drag it.
//
// Moving: the line is slid without turning, so that a point p on it lands on q. The weights stay
// and the bias takes up the shift: b' = b − w·(q − p). Every point of the plane moves by the same
// q − p relative to the line, so a step neuron's picture slides along with the mouse.
//
// Turning: the line is turned about a pivot m on it, so that its direction points from m towards
// q; |w| stays (the steepness of a sigmoid across the line is kept), the normal w' is the unit
// normal of the new direction scaled by |w|, on the side of the old w (so the side where the
// neuron is on does not flip while the turn is continuous), and b' = −w'·m keeps m on the line.
#pragma once

#include "core/scenario/TargetSurface.h"

#include <array>
#include <optional>

namespace stepwise {

struct SwitchingLine {
    double w1 = 0.0, w2 = 0.0, b = 0.0;
    bool operator==(const SwitchingLine&) const = default;
    double at(PlanePoint p) const { return w1 * p.x1 + w2 * p.x2 + b; }
};

// The part of the line inside the square [lo, hi]², from one edge of the square to another, or
// nothing when it misses the square or w = 0 (the neuron does not switch).
std::optional<std::array<PlanePoint, 2>> switchingSegment(const SwitchingLine& l, double lo,
                                                          double hi);

SwitchingLine movedLine(const SwitchingLine& l, PlanePoint from, PlanePoint to);
// Unchanged when q is (almost) at the pivot: no direction there.
SwitchingLine turnedLine(const SwitchingLine& l, PlanePoint pivot, PlanePoint towards);

} // namespace stepwise

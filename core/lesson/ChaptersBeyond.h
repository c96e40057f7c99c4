// The lesson's chapters past the one-layer network: what depth buys (10) and towers over two
// inputs (11). Built here; buildChapters() in Lesson.cpp lists them in order.
#pragma once

#include "core/lesson/Lesson.h"

#include <functional>
#include <string>

namespace stepwise::lessonchapters {

using Check = std::function<bool(const Scenario&, const LessonObservation&)>;
using Solve = std::function<void(Scenario&)>;

inline LessonTask task(std::string id, Check check, Solve solve = {}) {
    return {std::move(id), std::move(check), std::move(solve)};
}

LessonChapter depthChapter();
LessonChapter towersChapter();

// The towers chapter's tests, on the plane's grid of kSurfaceSide² points (x₁ fastest): values
// that depend on x₁ alone (axis 0) or x₂ alone (axis 1) and, along that axis, are higher on one
// band that touches neither edge and equal elsewhere ("a ridge"); values higher on one rectangle
// that touches no edge and equal elsewhere ("a tower").
bool isRidge(const Eigen::Ref<const Eigen::ArrayXd>& f, int side, int axis);
bool isTower(const Eigen::Ref<const Eigen::ArrayXd>& f, int side);

} // namespace stepwise::lessonchapters

// LessonOverfit: the lesson's chapter 12, "Too many neurons" (its tasks and numbers are in
// Lesson.h): 24 noisy points of a smooth curve, half held out, and 24 sigmoid neurons.
#pragma once

#include "core/lesson/Lesson.h"

namespace stepwise {

LessonChapter overfitChapter();

} // namespace stepwise

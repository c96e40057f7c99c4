// ParamRow and GradientArrow live in ui/base (every room's parameter rows use them: the lesson's
// panel here, the layered network's tree in ui/deep); this header keeps older includes working.
#pragma once

#include "ui/base/ParamRow.h"

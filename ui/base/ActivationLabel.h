// ActivationLabel: an activation as the ui names it, and the activations its menus offer (the
// entries of core/network/ActivationTable.h marked inMenus, in the table's order).
#pragma once

#include "core/network/ActivationTable.h"

#include <QString>

#include <vector>

namespace stepwise::ui {

// "Step", "Sigmoid", … translated.
QString activationLabel(ActivationKind kind);

std::vector<ActivationKind> menuActivations();

} // namespace stepwise::ui

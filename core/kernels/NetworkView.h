// NetworkView: a Network seen as the kernels take it (plain pointers and numbers only).
#pragma once

#include "core/kernels/KernelTable.h"
#include "core/network/Network.h"

namespace stepwise::kernels {

inline NetView viewOf(const Network& net) {
    NetView v;
    v.hidden = net.hidden();
    v.w = net.w.data();
    v.b = net.b.data();
    v.v = net.v.data();
    v.c = net.c;
    v.activation = static_cast<int>(net.activation.kind);
    v.steepness = net.activation.steepness;
    return v;
}

} // namespace stepwise::kernels

#include "core/deep/LayeredNames.h"

namespace stepwise {

namespace {

// n >= 0, digit by digit from the table.
std::string digits(int n, const char* const table[10]) {
    std::string s;
    for (char ch : std::to_string(n < 0 ? 0 : n))
        s.append(table[ch - '0']);
    return s;
}

// The two indices of a weight: "ᵢⱼ" when both have one digit, else "ᵢ,ⱼ".
std::string pair(int i, int j, bool plain) {
    if (plain) return std::to_string(i) + "_" + std::to_string(j);
    const std::string sep = (i > 9 || j > 9) ? "," : "";
    return subscript(i) + sep + subscript(j);
}

std::string name(const LayeredNetwork& net, long flatIndex, bool plain) {
    const auto p = layeredParamAt(net, flatIndex);
    if (!p) return {};
    const std::string layer =
        plain ? std::to_string(p->layer + 1) : "⁽" + superscript(p->layer + 1) + "⁾";
    auto one = [plain](int n) { return plain ? std::to_string(n) : subscript(n); };
    switch (p->kind) {
    case LayeredParam::Kind::Weight:
        if (p->layer == 0 && net.inputs == 1)
            return "w" + layer + (plain ? "_" : "") + one(p->to + 1);
        return "w" + layer + (plain ? "_" : "") + pair(p->from + 1, p->to + 1, plain);
    case LayeredParam::Kind::Bias:
        return "b" + layer + (plain ? "_" : "") + one(p->to + 1);
    case LayeredParam::Kind::OutputWeight:
        return std::string("v").append(one(p->from + 1)); // (not "v" + …: GCC 12 warns wrongly)
    case LayeredParam::Kind::OutputBias:
        return "c";
    }
    return {};
}

} // namespace

std::string superscript(int n) {
    static const char* const table[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    return digits(n, table);
}

std::string subscript(int n) {
    static const char* const table[10] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    return digits(n, table);
}

std::optional<LayeredParam> layeredParamAt(const LayeredNetwork& net, long flatIndex) {
    if (flatIndex < 0) return std::nullopt;
    long at = flatIndex;
    for (int l = 0; l < net.depth(); ++l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        const long n = layer.width();
        if (at < layer.w.size()) // column by column: column i holds the weights from input i
            return LayeredParam{LayeredParam::Kind::Weight, l, static_cast<int>(at / n),
                                static_cast<int>(at % n)};
        at -= layer.w.size();
        if (at < n) return LayeredParam{LayeredParam::Kind::Bias, l, 0, static_cast<int>(at)};
        at -= n;
    }
    if (at < net.v.size())
        return LayeredParam{LayeredParam::Kind::OutputWeight, net.depth(), static_cast<int>(at), 0};
    if (at == net.v.size()) return LayeredParam{LayeredParam::Kind::OutputBias, net.depth(), 0, 0};
    return std::nullopt;
}

long layeredFlatIndex(const LayeredNetwork& net, const LayeredParam& p) {
    switch (p.kind) {
    case LayeredParam::Kind::Weight:
    case LayeredParam::Kind::Bias: {
        if (p.layer < 0 || p.layer >= net.depth()) return -1;
        const Layer& layer = net.layers[static_cast<std::size_t>(p.layer)];
        if (p.to < 0 || p.to >= layer.width()) return -1;
        const long start = layerOffset(net, p.layer);
        if (p.kind == LayeredParam::Kind::Bias) return start + layer.w.size() + p.to;
        if (p.from < 0 || p.from >= layer.w.cols()) return -1;
        return start + static_cast<long>(p.from) * layer.width() + p.to;
    }
    case LayeredParam::Kind::OutputWeight:
        if (p.from < 0 || p.from >= net.v.size()) return -1;
        return layerOffset(net, net.depth()) + p.from;
    case LayeredParam::Kind::OutputBias:
        return layerOffset(net, net.depth()) + net.v.size();
    }
    return -1;
}

double layeredParamValue(const LayeredNetwork& net, long flatIndex) {
    const auto p = layeredParamAt(net, flatIndex);
    if (!p) return 0.0;
    switch (p->kind) {
    case LayeredParam::Kind::Weight:
        return net.layers[static_cast<std::size_t>(p->layer)].w(p->to, p->from);
    case LayeredParam::Kind::Bias:
        return net.layers[static_cast<std::size_t>(p->layer)].b[p->to];
    case LayeredParam::Kind::OutputWeight:
        return net.v[p->from];
    case LayeredParam::Kind::OutputBias:
        return net.c;
    }
    return 0.0;
}

std::string layeredParamName(const LayeredNetwork& net, long flatIndex) {
    return name(net, flatIndex, false);
}

std::string layeredParamKey(const LayeredNetwork& net, long flatIndex) {
    return name(net, flatIndex, true);
}

} // namespace stepwise

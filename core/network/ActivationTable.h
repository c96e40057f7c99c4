// ActivationTable: every activation g a neuron applies to its sum z = w·x + b, as one entry that
// holds its name in files, g and its slope g′ side by side, and what the ui needs to draw it.
//
//   step      g(z) = 1 if z >= 0, else 0          g′(z) = 0   (Heaviside; H(0) = 1, so a neuron
//                                                              fires exactly at its threshold)
//   sigmoid   g(z) = σ(k·z) = 1 / (1 + e^(−k·z))  g′(z) = k·g(z)·(1 − g(z))   (k = steepness)
//   tanh      g(z) = tanh(z)                      g′(z) = 1 − g(z)²
//   relu      g(z) = max(0, z)                    g′(z) = 1 if z > 0, else 0
//   identity  g(z) = z                            g′(z) = 1
//
// As k grows, σ(k·z) approaches the step; that is why a steep sigmoid is "a step you can
// differentiate", and why the trainer can use it as the step's surrogate gradient.
//
// Each entry writes g and g′ once, as templates that take a double (Activation's scalar form, the
// diagram's glyph) or an Eigen array expression (Activation::apply and Activation::derivative on
// arrays, and the hot loops in core/kernels/Kernels.cpp). The kernels are compiled once per
// instruction set and sealed in objects of their own (cmake/KernelDispatch.cmake), so everything
// here is a header-only template or inline function and calls nothing compiled elsewhere in core.
//
//   f(z, k)         g(z) for steepness k (entries without a steepness ignore k)
//   slope(z, a, k)  g′(z), given z and a = g(z): the sigmoid and tanh reuse a, so a kernel that
//                   has kept a need not recompute z unless slopeReadsZ
//
// How to add an activation:
//   1. add its enumerator at the end of ActivationKind;
//   2. write its struct below, next to the others (kind, name, the flags, the glyph, f, slope);
//   3. append the struct to Activations, in the order of ActivationKind;
//   4. if inMenus, give it a translatable label in ui/base/ActivationLabel.cpp (the compiler
//      warns about the switch there until it has one).
// That is all: Activation, the kernel sets, the names in files, the scenario reader, the ui's
// menus and the diagram's glyph walk the list, and tests/core/test_Activation.cpp checks every
// entry (g′ against a central difference, array against scalar form, the name through the
// scenario reader, the glyph inside its box) and test_KernelSet.cpp pins every kernel set on it.
#pragma once

#include <Eigen/Core>

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace stepwise {

// The values are the indices into Activations (and the codes the kernel sets take).
enum class ActivationKind { Step, Sigmoid, Tanh, ReLU, Identity };

namespace activations {

// The elementwise pieces the formulas are written with, each for a double and for an Eigen array
// expression. The two forms are the ones each caller used before the table (std::exp against
// Eigen's vectorised exp, a ternary against a cast of a comparison), so their bits are unchanged.
namespace ops {

inline double exp(double x) {
    return std::exp(x);
}
template <class D> auto exp(const Eigen::ArrayBase<D>& x) {
    return x.exp();
}

inline double tanh(double x) {
    return std::tanh(x);
}
template <class D> auto tanh(const Eigen::ArrayBase<D>& x) {
    return x.tanh();
}

// 1/x
inline double inverse(double x) {
    return 1.0 / x;
}
template <class D> auto inverse(const Eigen::ArrayBase<D>& x) {
    return x.inverse();
}

inline double square(double x) {
    return x * x;
}
template <class D> auto square(const Eigen::ArrayBase<D>& x) {
    return x.square();
}

// max(0, x)
inline double positivePart(double x) {
    return x > 0.0 ? x : 0.0;
}
template <class D> auto positivePart(const Eigen::ArrayBase<D>& x) {
    return x.max(0.0);
}

// 1 where a condition holds, else 0.
inline double indicator(bool condition) {
    return condition ? 1.0 : 0.0;
}
template <class D> auto indicator(const Eigen::ArrayBase<D>& condition) {
    return condition.template cast<double>();
}

// The constant c in the shape of x.
inline double constantLike(double, double c) {
    return c;
}
template <class D> auto constantLike(const Eigen::ArrayBase<D>& x, double c) {
    return D::Constant(x.rows(), x.cols(), c);
}

} // namespace ops

// The flags of an entry:
//   hasSteepness  f and slope use k (the ui lets the steepness be edited)
//   inMenus       the ui offers it when choosing an activation (every entry is read from files)
//   slopeReadsZ   slope needs z, not only a = g(z) (a kernel that kept a recomputes z)
//   glyph         how the diagram draws it inside a neuron (below)

// How the diagram draws an activation inside a neuron: g(zScale·u) for u from −1 to 1, with
// g = low at the glyph's bottom and g = high at its top.
struct Glyph {
    double zScale = 1.0;
    double low = 0.0, high = 1.0;
};

struct Step {
    static constexpr ActivationKind kind = ActivationKind::Step;
    static constexpr std::string_view name = "step";
    static constexpr bool hasSteepness = false;
    static constexpr bool inMenus = true;
    static constexpr bool slopeReadsZ = false;
    static constexpr Glyph glyph = {1.0, 0.0, 1.0};
    template <class Z> static auto f(const Z& z, double) { return ops::indicator(z >= 0.0); }
    template <class Z, class A> static auto slope(const Z& z, const A&, double) {
        return ops::constantLike(z, 0.0);
    }
};

struct Sigmoid {
    static constexpr ActivationKind kind = ActivationKind::Sigmoid;
    static constexpr std::string_view name = "sigmoid";
    static constexpr bool hasSteepness = true;
    static constexpr bool inMenus = true;
    static constexpr bool slopeReadsZ = false;
    static constexpr Glyph glyph = {4.0, 0.0, 1.0};
    template <class Z> static auto f(const Z& z, double k) {
        return ops::inverse(1.0 + ops::exp((-k) * z));
    }
    template <class Z, class A> static auto slope(const Z&, const A& a, double k) {
        return k * a * (1.0 - a);
    }
};

struct Tanh {
    static constexpr ActivationKind kind = ActivationKind::Tanh;
    static constexpr std::string_view name = "tanh";
    static constexpr bool hasSteepness = false;
    static constexpr bool inMenus = true;
    static constexpr bool slopeReadsZ = false;
    static constexpr Glyph glyph = {3.0, -1.0, 1.0};
    template <class Z> static auto f(const Z& z, double) { return ops::tanh(z); }
    template <class Z, class A> static auto slope(const Z&, const A& a, double) {
        return 1.0 - ops::square(a);
    }
};

struct ReLU {
    static constexpr ActivationKind kind = ActivationKind::ReLU;
    static constexpr std::string_view name = "relu";
    static constexpr bool hasSteepness = false;
    static constexpr bool inMenus = true;
    static constexpr bool slopeReadsZ = true;
    static constexpr Glyph glyph = {1.0, 0.0, 1.0};
    template <class Z> static auto f(const Z& z, double) { return ops::positivePart(z); }
    template <class Z, class A> static auto slope(const Z& z, const A&, double) {
        return ops::indicator(z > 0.0);
    }
};

struct Identity {
    static constexpr ActivationKind kind = ActivationKind::Identity;
    static constexpr std::string_view name = "identity";
    static constexpr bool hasSteepness = false;
    static constexpr bool inMenus = false;
    static constexpr bool slopeReadsZ = false;
    static constexpr Glyph glyph = {1.0, -1.0, 1.0};
    template <class Z> static auto f(const Z& z, double) { return z; }
    template <class Z, class A> static auto slope(const Z& z, const A&, double) {
        return ops::constantLike(z, 1.0);
    }
};

// The table, in the order of ActivationKind.
using Activations = std::tuple<Step, Sigmoid, Tanh, ReLU, Identity>;

template <std::size_t I> using Entry = std::tuple_element_t<I, Activations>;
inline constexpr std::size_t kCount = std::tuple_size_v<Activations>;
using Indices = std::make_index_sequence<kCount>;

namespace detail {
template <std::size_t... I> constexpr bool inKindOrder(std::index_sequence<I...>) {
    return ((static_cast<std::size_t>(Entry<I>::kind) == I) && ...);
}
template <std::size_t... I> constexpr auto names(std::index_sequence<I...>) {
    return std::array<std::string_view, sizeof...(I)>{Entry<I>::name...};
}
template <class F, std::size_t... I> constexpr void forEach(F& f, std::index_sequence<I...>) {
    (f(Entry<I>{}), ...);
}
template <class F, std::size_t... I>
constexpr auto visit(std::size_t index, F& f, std::index_sequence<I...>) {
    using R = std::invoke_result_t<F&, Entry<0>>;
    if constexpr (std::is_void_v<R>) {
        (void)((index == I ? (f(Entry<I>{}), true) : false) || ...);
    } else {
        R result{};
        (void)((index == I ? (result = f(Entry<I>{}), true) : false) || ...);
        return result;
    }
}
} // namespace detail

static_assert(detail::inKindOrder(Indices{}),
              "Activations must list the entries in the order of ActivationKind");

} // namespace activations

inline constexpr int kActivationCount = static_cast<int>(activations::kCount);

// The names in files, indexed by ActivationKind.
inline constexpr std::array<std::string_view, activations::kCount> kActivationNames =
    activations::detail::names(activations::Indices{});

// Calls f(entry) for every entry of the table, in order.
template <class F> constexpr void forEachActivation(F&& f) {
    activations::detail::forEach(f, activations::Indices{});
}

// f(entry) for the entry of kind, e.g. withActivation(kind, [&](auto g) { return g.f(z, k); }).
// Every call of f must return the same type; a kind outside the table calls nothing (and gives
// a value-initialised result).
template <class F> constexpr auto withActivation(ActivationKind kind, F&& f) {
    return activations::detail::visit(static_cast<std::size_t>(kind), f, activations::Indices{});
}

} // namespace stepwise

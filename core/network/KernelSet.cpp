#include "core/network/KernelSet.h"

#include "core/kernels/KernelTable.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace stepwise {

namespace {

struct Entry {
    const kernels::Table* table;
    bool (*supported)();
};

#if defined(STEPWISE_KERNEL_DISPATCH) && (defined(__GNUC__) || defined(__clang__)) &&              \
    (defined(__x86_64__) || defined(__i386__))
bool cpuHasAvx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
bool cpuHasAvx512() {
    // The variant is built with -mavx512f -mavx512dq -mavx512vl (and AVX2+FMA).
    return cpuHasAvx2() && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
}
bool always() {
    return true;
}
const Entry kEntries[] = {{&stepwise_kernels_baseline, always},
                          {&stepwise_kernels_avx2, cpuHasAvx2},
                          {&stepwise_kernels_avx512, cpuHasAvx512}};
#else
bool always() {
    return true;
}
const Entry kEntries[] = {{&stepwise_kernels_baseline, always}};
#endif

const Entry* find(std::string_view name) {
    for (const Entry& e : kEntries)
        if (name == e.table->name) return &e;
    return nullptr;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names)
        s += (s.empty() ? "" : " ") + n;
    return s;
}

// The fastest supported set, or the one STEPWISE_KERNELS names (when this CPU can run it).
const kernels::Table* initialTable() {
    const kernels::Table* best = kEntries[0].table;
    for (const Entry& e : kEntries)
        if (e.supported()) best = e.table;
    if (const char* pinned = std::getenv("STEPWISE_KERNELS"); pinned && *pinned) {
        const Entry* e = find(pinned);
        if (e && e->supported()) return e->table;
        std::fprintf(
            stderr, "stepwise: STEPWISE_KERNELS=%s: %s (available: %s); using %s instead\n", pinned,
            e ? "this CPU cannot run that kernel set" : "no such kernel set in this build",
            joined(availableKernelSets()).c_str(), best->name);
    }
    return best;
}

std::atomic<const kernels::Table*>& current() {
    static std::atomic<const kernels::Table*> table{initialTable()};
    return table;
}

std::atomic<int> threadSetting{0};

} // namespace

const kernels::Table& kernels::active() {
    return *current().load(std::memory_order_relaxed);
}

const char* activeKernelSet() {
    return kernels::active().name;
}

std::vector<std::string> compiledKernelSets() {
    std::vector<std::string> names;
    for (const Entry& e : kEntries)
        names.emplace_back(e.table->name);
    return names;
}

std::vector<std::string> availableKernelSets() {
    std::vector<std::string> names;
    for (const Entry& e : kEntries)
        if (e.supported()) names.emplace_back(e.table->name);
    return names;
}

bool setKernelSet(std::string_view name, std::string* why) {
    const Entry* e = find(name);
    if (!e || !e->supported()) {
        if (why)
            *why = std::string("kernel set '") + std::string(name) + "' " +
                   (e ? "needs instructions this CPU lacks" : "is not built into this program") +
                   " (available: " + joined(availableKernelSets()) + ")";
        return false;
    }
    current().store(e->table);
    return true;
}

void setKernelThreads(int threads) {
    threadSetting = std::max(0, threads);
}

int kernelThreads() {
    const int set = threadSetting.load();
    if (set > 0) return set;
    const unsigned cores = std::thread::hardware_concurrency();
    return static_cast<int>(std::clamp(cores, 1u, 4u));
}

} // namespace stepwise

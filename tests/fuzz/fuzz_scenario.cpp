// Fuzz target for the scenario reader (libFuzzer; built with -DSTEPWISE_FUZZ=ON and clang).
//
// Properties checked on every input:
//   1. readScenario never crashes, hangs or trips ASan/UBSan, whatever the bytes;
//   2. a refusal always names a field and a problem;
//   3. a scenario it accepts is written back and read again to an equal scenario, and writing
//      that one gives the same bytes (writing is a fixed point).
#include "core/scenario/ScenarioFile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {
[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz_scenario: %s\n", what);
    std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stepwise;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const ScenarioResult first = readScenario(bytes);
    if (!first.ok()) {
        if (first.error.field.empty() || first.error.problem.empty())
            broken("an error without a field or a problem");
        return 0;
    }
    const std::string text = writeScenario(*first.scenario);
    const ScenarioResult second = readScenario(text);
    if (!second.ok()) {
        std::fprintf(stderr, "%s\n", formatError("rewritten", second.error).c_str());
        broken("an accepted scenario, written back, is refused");
    }
    if (!(*second.scenario == *first.scenario))
        broken("an accepted scenario, written back and read, is not equal");
    if (writeScenario(*second.scenario) != text) broken("writing is not a fixed point");
    return 0;
}

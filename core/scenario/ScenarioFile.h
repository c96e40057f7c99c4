// ScenarioFile: the *.stepwise file format (JSON, UTF-8) — writing, reading that trusts nothing,
// and saving atomically. docs/file-format.md describes every field.
//
// Reading checks, in this order, and stops at the first problem:
//   1. size: at most kMaxScenarioBytes, and not empty (checked before anything is parsed);
//   2. shape: nesting at most kMaxJsonDepth deep and at most kMaxJsonValues values (a pre-scan
//      of the bytes, so a hostile file cannot exhaust the stack or the memory);
//   3. syntax: valid JSON in valid UTF-8 (an optional UTF-8 byte-order mark is skipped); NaN
//      and Infinity are not JSON and are refused;
//   4. "format" is "stepwise-scenario" and "version" is one this code reads: 1 (the lesson's
//      network), 2 (adds measured points, noise, a test split, weight decay, early stopping) or
//      3 (adds a layered network: d inputs, 1 to 3 hidden layers, Scenario::layered);
//   5. every field: its type, a finite value, its range, and bounded counts.
// Every error names the field (a path such as "network.hidden[3].w", or "line L, column C" for a
// syntax error, or "(file)" for the file as a whole) and the problem in plain words.
//
// Writing gives pretty JSON in which every double round-trips exactly (shortest representation
// that parses back to the same bits, including -0.0 and subnormals) and every uint64 is an exact
// JSON integer. Unknown fields are ignored when reading, so a later release can add fields
// without a new version.
//
// Versions: 1 is the first format. 2 adds measured points, noise and the test split to the target
// and weight decay and early stopping to the training (fields a version-1 reader would ignore, and
// so misread the file). A file is written in the oldest version that holds its content: version 1
// unless one of those fields is away from its default. In a version-1 file those fields are
// ignored, as a version-1 reader did.
//
// Reading is in ScenarioFile.cpp, writing in ScenarioWriter.cpp, the disk in ScenarioDisk.cpp.
#pragma once

#include "core/scenario/Scenario.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace stepwise {

inline constexpr std::string_view kScenarioFormat = "stepwise-scenario";
inline constexpr int kScenarioVersion = 3;       // the newest version read and written
inline constexpr int kOldestScenarioVersion = 1; // the oldest read (and written when it holds all)

// Limits a file must respect. (kMinHidden/kMaxHidden, kMinSamples/kMaxSamples, kMaxStrokes and
// kMaxStrokePoints come from the core headers.)
inline constexpr std::size_t kMaxScenarioBytes = 16u * 1024u * 1024u;
inline constexpr int kMaxJsonDepth = 32;
inline constexpr long kMaxJsonValues = 1'000'000;
inline constexpr long kMaxTotalStrokePoints = 200'000; // strokes' and measured points together
inline constexpr double kMaxParamMagnitude = 1.0e12;   // |w|, |b|, |v|, |c|
inline constexpr double kMaxSteepness = 1.0e6;         // sigmoid k, surrogate and anneal k
inline constexpr double kMaxCoordinate = 1.0e6;        // |domain.lo|, |domain.hi|
inline constexpr double kMinDomainWidth = 1.0e-6;      // domain.hi − domain.lo
inline constexpr double kMaxViewCoordinate = 1.0e12;   // |view.*|
inline constexpr double kMaxPointCoordinate = 1.0e12;  // |x|, |y| of a stroke point
inline constexpr double kMaxLearningRate = 1.0e3;
inline constexpr long kMaxAnnealSteps = 1'000'000'000;
inline constexpr int kMaxSmoothing = kMaxSamples / 2;
inline constexpr int kMaxLessonChapter = 15;
inline constexpr int kMaxTasksDone = 256;
inline constexpr int kMaxTaskIdLength = 64;
inline constexpr double kMaxNoiseSd = kTargetLimit; // target.noise.sd
inline constexpr double kMaxTestFraction = 0.95;    // target.split.testFraction
inline constexpr double kMaxWeightDecay = 1.0e3;    // training.weightDecay
inline constexpr long kMaxPatience = 1'000'000'000; // training.patience

struct ScenarioError {
    std::string field;   // "network.hidden[3].w", "line 4, column 12", "(file)"
    std::string problem; // plain words, printable ASCII/UTF-8 only (file bytes are escaped)
    bool operator==(const ScenarioError&) const = default;
};

// Either a scenario or an error.
struct ScenarioResult {
    std::optional<Scenario> scenario;
    ScenarioError error; // meaningful only when !ok()

    bool ok() const { return scenario.has_value(); }
    explicit operator bool() const { return ok(); }
};

// The oldest format version that holds everything in the scenario (see "Versions" above):
// 3 for a layered network of more than one input or one hidden layer, else 2 when a field of
// version 2 is set, else 1.
int scenarioVersionFor(const Scenario& scenario);

// The scenario as pretty JSON text (UTF-8, ending in a newline), in scenarioVersionFor(). Never
// throws for a scenario whose vectors have hidden() elements (and whose layered network, if any,
// networkProblem() accepts); strings that are not valid UTF-8 are written with U+FFFD in place
// of the bad bytes.
std::string writeScenario(const Scenario& scenario);

// Parses and checks a scenario from the bytes of a file. Never throws (short of running out of
// memory) and never crashes, whatever the bytes.
ScenarioResult readScenario(std::string_view bytes);

// One line for the user: "FILE: FIELD: PROBLEM".
std::string formatError(const std::string& file, const ScenarioError& error);

// The window and the headless runs train the lesson's network (one input, one hidden layer).
// A scenario whose layered network is more than that (a version-3 file) gets this error, naming
// the field and saying so plainly, rather than being shown as something it is not.
std::optional<ScenarioError> beyondTheLessonsNetwork(const Scenario& scenario);

// Writes bytes to path atomically: into a temporary file in the same folder, flushed and closed
// (and fsync'ed where POSIX allows), then renamed over path. Afterwards path holds either the
// old contents or all of the new ones, never a mixture. On failure the temporary file is
// removed, path is left as it was, false is returned and *error (if given) says why.
bool writeFileAtomically(const std::filesystem::path& path, const std::string& bytes,
                         std::string* error);

// Reads a whole regular file of at most maxBytes bytes into out. On failure returns false and
// sets error (out is then unspecified).
bool readFile(const std::filesystem::path& path, std::size_t maxBytes, std::string& out,
              std::string& error);

// Convenience for the app: readFile (limit kMaxScenarioBytes) + readScenario. A file that cannot
// be read gives field "(file)".
ScenarioResult readScenarioFile(const std::filesystem::path& path);
// writeScenario + writeFileAtomically. Refuses (false, *error says why, the file untouched) a
// scenario whose strokes and points hold more than kMaxTotalStrokePoints points, which the reader
// would refuse.
bool writeScenarioFile(const std::filesystem::path& path, const Scenario& scenario,
                       std::string* error);

} // namespace stepwise

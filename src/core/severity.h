#pragma once

#include <optional>
#include <string_view>

namespace pf {

// Ordered most severe first, so sorting by value puts critical on top.
enum class Severity { kCritical, kHigh, kMedium, kLow, kInfo };

inline constexpr Severity kAllSeverities[] = {Severity::kCritical, Severity::kHigh,
                                              Severity::kMedium, Severity::kLow, Severity::kInfo};

// "critical", "high", ... (lower case, as machine formats print it).
std::string_view SeverityName(Severity s);
// "CRITICAL", "HIGH", ...
std::string_view SeverityLabel(Severity s);
// The three-level word most report formats use: critical and high are
// "error", medium "warning", low and info `low_word` ("note", "info", ...).
std::string_view LevelWord(Severity s, std::string_view low_word);
// Accepts any case; nullopt for an unknown name.
std::optional<Severity> ParseSeverity(std::string_view name);

}  // namespace pf

#include "core/severity.h"

#include <cctype>
#include <string>

namespace pf {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "critical";
    case Severity::kHigh:
      return "high";
    case Severity::kMedium:
      return "medium";
    case Severity::kLow:
      return "low";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

std::string_view SeverityLabel(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "CRITICAL";
    case Severity::kHigh:
      return "HIGH";
    case Severity::kMedium:
      return "MEDIUM";
    case Severity::kLow:
      return "LOW";
    case Severity::kInfo:
      return "INFO";
  }
  return "INFO";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (Severity s : kAllSeverities) {
    if (SeverityName(s) == lower) return s;
  }
  return std::nullopt;
}

std::string_view LevelWord(Severity s, std::string_view low_word) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh:
      return "error";
    case Severity::kMedium:
      return "warning";
    case Severity::kLow:
    case Severity::kInfo:
      return low_word;
  }
  return low_word;
}

}  // namespace pf

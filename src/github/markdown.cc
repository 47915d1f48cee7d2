#include "github/markdown.h"

#include <array>
#include <tuple>

namespace pf::github {
namespace {

constexpr std::array<std::string_view, 5> kSeverities = {"critical", "high", "medium", "low",
                                                         "info"};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    bool plain = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                 c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

int SeverityRank(std::string_view severity) {
  for (size_t i = 0; i < kSeverities.size(); ++i) {
    if (kSeverities[i] == severity) return static_cast<int>(i);
  }
  return static_cast<int>(kSeverities.size());
}

std::string SeverityLabel(std::string_view severity) {
  if (severity.empty()) return "Unknown";
  std::string label(severity);
  if (label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::string SeverityIcon(std::string_view severity) {
  switch (SeverityRank(severity)) {
    case 0:
      return "\xF0\x9F\x9F\xA5";  // red square
    case 1:
      return "\xF0\x9F\x9F\xA7";  // orange square
    case 2:
      return "\xF0\x9F\x9F\xA8";  // yellow square
    case 3:
      return "\xF0\x9F\x9F\xA6";  // blue square
    default:
      return "\xE2\xAC\x9C";  // white square
  }
}

std::string EscapeCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\n':
        out += ' ';
        break;
      case '\r':
        break;
      case '|':
        out += "\\|";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string WebUrl(const PrOptions& options) {
  std::string url = options.server_url.empty() ? options.api_url : options.server_url;
  if (url.empty()) url = "https://api.github.com";
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (!options.server_url.empty()) return url;
  if (EndsWith(url, "/api/v3")) return url.substr(0, url.size() - 7);
  size_t scheme = url.find("://");
  if (scheme != std::string::npos && url.compare(scheme + 3, 4, "api.") == 0) {
    return url.substr(0, scheme + 3) + url.substr(scheme + 7);
  }
  return url;
}

std::string BlobLink(const std::string& web_url, const std::string& repo, const std::string& sha,
                     const PrFinding& finding) {
  std::string link = web_url + "/" + repo + "/blob/" + sha + "/" + PercentEncodePath(finding.path);
  if (finding.line > 0) {
    link += "#L" + std::to_string(finding.line);
    if (finding.end_line > finding.line) link += "-L" + std::to_string(finding.end_line);
  }
  return link;
}

bool FindingBefore(const PrFinding& a, const PrFinding& b) {
  return std::make_tuple(SeverityRank(a.severity), a.path, a.line, a.rule_id, a.message) <
         std::make_tuple(SeverityRank(b.severity), b.path, b.line, b.rule_id, b.message);
}

}  // namespace pf::github

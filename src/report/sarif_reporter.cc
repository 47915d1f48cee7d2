// SARIF 2.1.0 log with what GitHub code scanning reads (see reference/cli.md):
// rule metadata with help pages, security-severity and CWE tags, full
// regions, stable fingerprints and suppressions. Streamed: the rules come
// from Begin, each result is written as its file arrives, and the
// invocation (success, notifications) is written by End.
#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/severity.h"
#include "docs/markdown.h"
#include "report/json_stream.h"
#include "report/reporter.h"
#include "report/uri.h"

namespace pf::report {

namespace {

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// Versioned, as SARIF asks of partialFingerprints keys.
constexpr std::string_view kFingerprintKey = "pathfinder/v1";
// Pages of the rules pathfinder shares with the upstream catalogue.
constexpr std::string_view kRegistryUrl = "https://codepathfinder.dev/registry";
// Ids from this number up are pathfinder's own (reference/rules.md).
constexpr int kFirstOwnRuleNumber = 100;

// GitHub maps the score to critical (>= 9), high (>= 7), medium (>= 4), low.
std::string_view SecuritySeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
      return "9.0";
    case Severity::kHigh:
      return "7.0";
    case Severity::kMedium:
      return "5.0";
    case Severity::kLow:
      return "3.0";
    case Severity::kInfo:
      return "1.0";
  }
  return "1.0";
}

// GitHub's severity for rules it does not treat as security rules.

// "Privileged Port Exposed" -> "PrivilegedPortExposed": SARIF wants a
// rule name that reads as an identifier.
std::string PascalCase(std::string_view words) {
  std::string out;
  bool start = true;
  for (char c : words) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      start = true;
      continue;
    }
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
    start = false;
  }
  return out;
}

// The rule's number, or -1 when the id does not end in digits.
int RuleNumber(std::string_view id) {
  std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos || dash + 1 >= id.size()) return -1;
  int n = 0;
  for (char c : id.substr(dash + 1)) {
    if (c < '0' || c > '9') return n;  // "DOCKER-X-001a": the letter is a variant
    n = n * 10 + (c - '0');
  }
  return n;
}

// The upstream registry page for rules that exist upstream; our own
// additions have no page there, and help.markdown carries their docs.
std::string HelpUri(const rules::RuleMeta& m) {
  int number = RuleNumber(m.id);
  if (number < 0 || number >= kFirstOwnRuleNumber) return {};
  std::string_view language = m.language == rules::Language::kDocker ? "docker" : "docker-compose";
  return fmt::format("{}/{}/{}/{}", kRegistryUrl, language, m.bundle, m.id);
}

// "CWE-250" -> "external/cwe/cwe-250", the tag GitHub links to CWE.
std::string CweTag(std::string_view cwe) {
  std::string tag = "external/cwe/";
  for (char c : cwe) tag += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return tag;
}

std::string HelpText(const rules::RuleMeta& m) {
  std::string text(m.summary);
  if (!m.docs.what.empty()) text += fmt::format("\n\n{}", m.docs.what);
  if (!m.docs.fix.empty()) text += fmt::format("\n\nHow to fix: {}", m.docs.fix);
  return text;
}

OrderedJson RuleDescriptor(const rules::Rule& rule) {
  const rules::RuleMeta& m = rule.meta;
  OrderedJson tags = OrderedJson::array();
  std::set<std::string> seen;
  auto add_tag = [&](std::string tag) {
    if (!tag.empty() && seen.insert(tag).second) tags.push_back(std::move(tag));
  };
  add_tag(std::string(m.category));
  for (std::string_view tag : m.tags) add_tag(std::string(tag));
  if (!m.cwe.empty()) add_tag(CweTag(m.cwe));
  OrderedJson descriptor = {
      {"id", m.id},
      {"name", PascalCase(m.name)},
      {"shortDescription", {{"text", m.name}}},
      {"fullDescription", {{"text", m.summary.empty() ? m.name : m.summary}}},
      {"help", {{"text", HelpText(m)}, {"markdown", docs::RulePage(rule)}}},
  };
  std::string help_uri = HelpUri(m);
  if (!help_uri.empty()) descriptor["helpUri"] = help_uri;
  descriptor["defaultConfiguration"] = {{"level", LevelWord(m.severity, "note")}};
  descriptor["properties"] = {
      {"tags", std::move(tags)},
      // Parse errors are certain; the other checks read parsed
      // instructions, not text, but judge intent.
      {"precision", m.category == "correctness" ? "very-high" : "high"},
      {"security-severity", SecuritySeverity(m.severity)},
      {"problem.severity", LevelWord(m.severity, "recommendation")},
  };
  return descriptor;
}

// Where the URIs are relative to, and what to put before each path.
struct UriBase {
  std::string root;    // absolute folder for %SRCROOT%; empty when unknown
  std::string prefix;  // prepended to Finding::file
};

// GitHub reads URIs as relative to the repository root and ignores
// %SRCROOT%, so when the scan knows the repository, paths become
// repository paths and %SRCROOT% the repository root.
UriBase MakeUriBase(const RunInfo& info) {
  UriBase base{info.base_dir, info.repo_prefix};
  if (base.prefix.empty() || base.root.empty()) return base;
  std::string sub = base.prefix;
  while (!sub.empty() && sub.back() == '/') sub.pop_back();
  std::string root = base.root;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  if (root.size() > sub.size() && root.ends_with(sub) &&
      root[root.size() - sub.size() - 1] == '/') {
    base.root = root.substr(0, root.size() - sub.size());
  } else {
    base.root.clear();  // cannot tell the repository's folder: leave it out
  }
  return base;
}

OrderedJson ArtifactLocation(const UriBase& base, std::string_view file) {
  if (file.starts_with('/')) return {{"uri", FileUri(file)}};
  return {{"uri", PercentEncodePath(base.prefix + std::string(file))}, {"uriBaseId", kSourceRoot}};
}

OrderedJson Region(const SourceFile* source, const Range& range) {
  OrderedJson region = {{"startLine", std::max(range.start.line, 1)}};
  if (range.start.column >= 1) region["startColumn"] = range.start.column;
  bool has_end = range.end.line >= range.start.line && range.end.column >= 1 &&
                 !(range.end.line == range.start.line && range.end.column < range.start.column);
  if (has_end) {
    region["endLine"] = range.end.line;
    region["endColumn"] = range.end.column;
  }
  if (source != nullptr && has_end && range.start.line >= 1 && range.start.column >= 1) {
    std::size_t begin = source->OffsetOf(range.start);
    std::size_t end = source->OffsetOf(range.end);
    if (end > begin) region["snippet"] = {{"text", source->text().substr(begin, end - begin)}};
  }
  return region;
}

OrderedJson Notification(std::string_view level, std::string_view text, OrderedJson physical) {
  OrderedJson location = {{"physicalLocation", std::move(physical)}};
  return {{"level", level},
          {"message", {{"text", text}}},
          {"locations", OrderedJson::array({std::move(location)})}};
}

class SarifSink : public ReportSink {
 public:
  explicit SarifSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& info) override {
    base_ = MakeUriBase(info);
    OrderedJson rules = OrderedJson::array();
    for (const rules::Rule* rule : info.rules) {
      rule_index_.emplace(std::string(rule->meta.id), static_cast<int>(rules.size()));
      rules.push_back(RuleDescriptor(*rule));
    }
    OrderedJson tool = {{"driver",
                         {{"name", kToolName},
                          {"version", kToolVersion},
                          {"semanticVersion", kToolVersion},
                          {"informationUri", kToolUrl},
                          {"rules", std::move(rules)}}}};
    out_ << "{\n  \"$schema\": \"" << kSchemaUri << "\",\n  \"version\": \"2.1.0\",\n"
         << "  \"runs\": [\n    {\n      \"tool\": ";
    WriteJsonNested(out_, tool, 3);
    if (!base_.root.empty()) {
      out_ << ",\n      \"originalUriBaseIds\": ";
      WriteJsonNested(out_, {{kSourceRoot, {{"uri", FileUriForFolder(base_.root)}}}}, 3);
    }
    out_ << ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  }

  void File(FileReport& file) override {
    for (const Finding& f : file.findings) {
      out_ << (first_ ? "\n        " : ",\n        ");
      first_ = false;
      WriteJsonNested(out_, Result(file.source.get(), f), 4);
    }
  }

  void End(Summary& s) override {
    out_ << (first_ ? "],\n" : "\n      ],\n");
    OrderedJson notifications = OrderedJson::array();
    for (const ScanError& e : s.errors) {
      OrderedJson location = {{"artifactLocation", ArtifactLocation(base_, e.file)}};
      notifications.push_back(Notification("error", e.message, std::move(location)));
    }
    for (const UnusedSuppression& u : s.unused_suppressions) {
      OrderedJson location = {{"artifactLocation", ArtifactLocation(base_, u.file)},
                              {"region", Region(nullptr, Range{{u.line, u.column}, {}})}};
      notifications.push_back(
          Notification("warning", fmt::format("suppression of {} matches no finding", u.rule_id),
                       std::move(location)));
    }
    OrderedJson invocation = {{"executionSuccessful", s.complete}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    out_ << "      \"invocations\": ";
    WriteJsonNested(out_, OrderedJson::array({std::move(invocation)}), 3);
    out_ << "\n    }\n  ]\n}\n";
  }

 private:
  OrderedJson Result(const SourceFile* source, const Finding& f) const {
    OrderedJson result = {{"ruleId", f.rule_id}};
    // Findings of rules outside the run's catalogue (ShellCheck's) have no
    // descriptor to point at.
    auto index = rule_index_.find(f.rule_id);
    if (index != rule_index_.end()) result["ruleIndex"] = index->second;
    result["level"] = LevelWord(f.severity, "note");
    result["message"] = {{"text", f.message}};
    OrderedJson physical = {{"artifactLocation", ArtifactLocation(base_, f.file)},
                            {"region", Region(source, f.range)}};
    OrderedJson location = {{"physicalLocation", std::move(physical)}};
    result["locations"] = OrderedJson::array({std::move(location)});
    if (!f.fingerprint.empty()) result["partialFingerprints"] = {{kFingerprintKey, f.fingerprint}};
    if (f.suppression) {
      OrderedJson suppression = {
          {"kind", f.suppression->kind == Suppression::Kind::kExternal ? "external" : "inSource"},
          {"status", "accepted"}};
      if (!f.suppression->justification.empty()) {
        suppression["justification"] = f.suppression->justification;
      }
      if (!f.suppression->origin.empty()) {
        suppression["properties"] = {{"origin", f.suppression->origin}};
      }
      result["suppressions"] = OrderedJson::array({std::move(suppression)});
    }
    if (!f.service.empty()) result["properties"] = {{"service", f.service}};
    return result;
  }

  std::ostream& out_;
  UriBase base_;
  std::map<std::string, int, std::less<>> rule_index_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportSink> MakeSarifSink(std::ostream& out, const ReportOptions& /*options*/) {
  return std::make_unique<SarifSink>(out);
}

}  // namespace pf::report

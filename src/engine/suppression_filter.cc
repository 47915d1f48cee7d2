#include "engine/suppression_filter.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <variant>

#include "core/nearest.h"
#include "discover/discover.h"
#include "dockerfile/parser.h"
#include "rules/registry.h"

namespace pf::engine {

namespace {

constexpr std::string_view kIgnore = "pathfinder-ignore";
constexpr std::string_view kIgnoreFile = "pathfinder-ignore-file";

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The column of byte `offset` of `line` (columns count code points).
int ColumnAt(std::string_view line, std::size_t offset) {
  return CodePointCount(line.substr(0, offset)) + 1;
}

// Words of a comma or space separated list, each with its byte offset in
// `line` (`list` is a view into `line`).
std::vector<std::pair<std::string, std::size_t>> ListItems(std::string_view line,
                                                           std::string_view list) {
  std::vector<std::pair<std::string, std::size_t>> out;
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (IsSpace(list[i]) || list[i] == ',')) ++i;
    std::size_t start = i;
    while (i < list.size() && !IsSpace(list[i]) && list[i] != ',') ++i;
    if (i > start) {
      out.emplace_back(std::string(list.substr(start, i - start)),
                       static_cast<std::size_t>(list.data() + start - line.data()));
    }
  }
  return out;
}

std::vector<std::string> AllIds() {
  std::vector<std::string> ids;
  for (const rules::Rule* rule : rules::AllRules()) ids.emplace_back(rule->meta.id);
  return ids;
}

// Adds the rules of one written id to `s`: our ids directly, other tools'
// codes through the mapping table. Unknown ids of ours become errors;
// codes of other tools that we do not map are theirs and ignored.
void AddId(SuppressionComment& s, std::string_view tool, const std::string& id, Position at) {
  if (tool.empty()) {
    if (rules::FindRule(id) != nullptr) {
      s.rule_ids.push_back(id);
      s.id_positions.push_back(at);
      return;
    }
    s.unknown_ids.push_back(id);
    s.unknown_positions.push_back(at);
    s.unknown_hints.push_back(id == "all" ? std::string() : NearestNames(id, AllIds(), 1).front());
    return;
  }
  for (const ForeignCode& code : ForeignCodes()) {
    if (code.tool != tool || (code.code != id && id != "all")) continue;
    for (std::string_view rule : code.rule_ids) {
      s.rule_ids.emplace_back(rule);
      s.id_positions.push_back(at);
    }
  }
}

// `# pathfinder-ignore[-file] IDS [-- reason]` in `comment` (the text
// after '#', a view into `line`).
std::optional<SuppressionComment> ParseOurs(std::string_view line, std::string_view comment,
                                            int line_number) {
  std::string_view body = TrimLeft(comment);
  SuppressionComment s;
  s.origin = std::string(kIgnore);
  if (body.starts_with(kIgnoreFile) &&
      (body.size() == kIgnoreFile.size() || IsSpace(body[kIgnoreFile.size()]))) {
    s.scope = SuppressionComment::Scope::kFile;
    body.remove_prefix(kIgnoreFile.size());
  } else if (body.starts_with(kIgnore) &&
             (body.size() == kIgnore.size() || IsSpace(body[kIgnore.size()]))) {
    body.remove_prefix(kIgnore.size());
  } else {
    return std::nullopt;
  }
  std::string_view ids = body;
  if (std::size_t dashes = body.find("--"); dashes != std::string_view::npos) {
    ids = body.substr(0, dashes);
    s.justification = std::string(Trim(body.substr(dashes + 2)));
  }
  s.line = line_number;
  for (const auto& [id, offset] : ListItems(line, ids)) {
    AddId(s, "", id, Position{line_number, ColumnAt(line, offset)});
  }
  return s;
}

// `# hadolint ignore=DL3008,DL3009` or `# hadolint global ignore=...`.
std::optional<SuppressionComment> ParseHadolint(std::string_view line, std::string_view comment,
                                                int line_number) {
  std::string_view body = TrimLeft(comment);
  if (!body.starts_with("hadolint") || body.size() == 8 || !IsSpace(body[8])) return std::nullopt;
  body = TrimLeft(body.substr(8));
  SuppressionComment s;
  s.origin = "hadolint";
  s.line = line_number;
  if (body.starts_with("global") && body.size() > 6 && IsSpace(body[6])) {
    s.scope = SuppressionComment::Scope::kFile;
    body = TrimLeft(body.substr(6));
  }
  if (!body.starts_with("ignore=")) return std::nullopt;
  body.remove_prefix(7);
  for (const auto& [code, offset] : ListItems(line, Trim(body))) {
    AddId(s, "hadolint", code, Position{line_number, ColumnAt(line, offset)});
  }
  return s;
}

// `# check=skip=A,B;error=true` (a parser directive).
std::optional<SuppressionComment> ParseCheckDirective(const dockerfile::Directive& d,
                                                      const SourceFile& source) {
  std::string_view value = d.value;
  std::string_view line = source.Line(d.line);
  for (std::size_t start = 0; start <= value.size();) {
    std::size_t end = value.find(';', start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view part = Trim(value.substr(start, end - start));
    if (part.starts_with("skip=")) {
      part.remove_prefix(5);
      SuppressionComment s;
      s.origin = "check=skip";
      s.scope = SuppressionComment::Scope::kFile;
      s.line = d.line;
      std::size_t in_line = line.find(part);
      for (const auto& [code, offset] : ListItems(part, part)) {
        std::size_t at = in_line == std::string_view::npos ? 0 : in_line + offset;
        AddId(s, "buildkit", code, Position{d.line, ColumnAt(line, at)});
      }
      return s;
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<ForeignCode>& ForeignCodes() {
  static const std::vector<ForeignCode> kCodes = {
      {"hadolint", "DL3000", {"DOCKER-BP-018"}},
      {"hadolint", "DL3001", {"DOCKER-BP-030"}},
      {"hadolint", "DL3002", {"DOCKER-SEC-100"}},
      {"hadolint", "DL3003", {"DOCKER-BP-017"}},
      {"hadolint", "DL3004", {"DOCKER-SEC-007"}},
      {"hadolint", "DL3005", {"DOCKER-BP-006"}},
      {"hadolint", "DL3006", {"DOCKER-BP-001", "DOCKER-BP-015"}},
      {"hadolint", "DL3007", {"DOCKER-BP-001", "DOCKER-BP-015"}},
      {"hadolint", "DL3008", {"DOCKER-BP-100"}},
      {"hadolint", "DL3009", {"DOCKER-BP-014"}},
      {"hadolint", "DL3011", {"DOCKER-COR-002"}},
      {"hadolint", "DL3013", {"DOCKER-BP-102"}},
      {"hadolint", "DL3014", {"DOCKER-BP-021"}},
      {"hadolint", "DL3015", {"DOCKER-BP-005"}},
      {"hadolint", "DL3016", {"DOCKER-BP-104"}},
      {"hadolint", "DL3018", {"DOCKER-BP-101"}},
      {"hadolint", "DL3019", {"DOCKER-BP-007"}},
      {"hadolint", "DL3020", {"DOCKER-BP-011"}},
      {"hadolint", "DL3022", {"DOCKER-COR-102"}},
      {"hadolint", "DL3023", {"DOCKER-COR-102"}},
      {"hadolint", "DL3024", {"DOCKER-COR-102"}},
      {"hadolint", "DL3025", {"DOCKER-BP-016"}},
      {"hadolint", "DL3027", {"DOCKER-BP-023"}},
      {"hadolint", "DL3028", {"DOCKER-BP-105"}},
      {"hadolint", "DL3029", {"DOCKER-BP-027"}},
      {"hadolint", "DL3030", {"DOCKER-BP-025"}},
      {"hadolint", "DL3032", {"DOCKER-BP-012"}},
      {"hadolint", "DL3033", {"DOCKER-BP-106"}},
      {"hadolint", "DL3035", {"DOCKER-BP-019"}},
      {"hadolint", "DL3036", {"DOCKER-BP-020"}},
      {"hadolint", "DL3037", {"DOCKER-BP-108"}},
      {"hadolint", "DL3038", {"DOCKER-BP-026"}},
      {"hadolint", "DL3040", {"DOCKER-BP-013"}},
      {"hadolint", "DL3041", {"DOCKER-BP-107"}},
      {"hadolint", "DL3042", {"DOCKER-BP-008"}},
      {"hadolint", "DL3045", {"DOCKER-BP-116"}},
      {"hadolint", "DL3047", {"DOCKER-BP-110"}},
      {"hadolint", "DL3059", {"DOCKER-BP-103"}},
      {"hadolint", "DL3060", {"DOCKER-BP-117"}},
      {"hadolint", "DL3062", {"DOCKER-BP-109"}},
      {"hadolint", "DL4000", {"DOCKER-BP-003"}},
      {"hadolint", "DL4001", {"DOCKER-BP-024"}},
      {"hadolint", "DL4003", {"DOCKER-COR-003"}},
      {"hadolint", "DL4004", {"DOCKER-COR-001"}},
      {"hadolint", "DL4006", {"DOCKER-BP-010"}},
      {"buildkit", "ConsistentInstructionCasing", {"DOCKER-BP-111"}},
      {"buildkit", "DuplicateStageName", {"DOCKER-COR-102"}},
      {"buildkit", "ExposeInvalidFormat", {"DOCKER-COR-101"}},
      {"buildkit", "ExposeProtoCasing", {"DOCKER-COR-101"}},
      {"buildkit", "FromAsCasing", {"DOCKER-BP-112"}},
      {"buildkit", "FromPlatformFlagConstDisallowed", {"DOCKER-BP-027"}},
      {"buildkit", "InvalidDefaultArgInFrom", {"DOCKER-COR-106"}},
      {"buildkit", "JSONArgsRecommended", {"DOCKER-BP-016"}},
      {"buildkit", "LegacyKeyValueFormat", {"DOCKER-BP-114"}},
      {"buildkit", "MaintainerDeprecated", {"DOCKER-BP-003"}},
      {"buildkit", "MultipleInstructionsDisallowed", {"DOCKER-COR-001", "DOCKER-COR-003"}},
      {"buildkit", "NoEmptyContinuation", {"DOCKER-COR-107"}},
      {"buildkit", "RedundantTargetPlatform", {"DOCKER-BP-115"}},
      {"buildkit", "ReservedStageName", {"DOCKER-COR-104"}},
      {"buildkit", "SecretsUsedInArgOrEnv", {"DOCKER-SEC-005", "DOCKER-SEC-102"}},
      {"buildkit", "StageNameCasing", {"DOCKER-BP-113"}},
      {"buildkit", "UndefinedArgInFrom", {"DOCKER-COR-105"}},
      {"buildkit", "UndefinedVar", {"DOCKER-COR-103"}},
      {"buildkit", "WorkdirRelativePath", {"DOCKER-BP-018"}},
  };
  return kCodes;
}

std::vector<SuppressionComment> ReadDockerfileSuppressions(const SourceFile& source) {
  std::vector<SuppressionComment> out;
  const int lines = source.line_count();
  // Lines inside an instruction (continuations, heredoc bodies) hold no
  // suppressions; each instruction's line span, in order.
  std::vector<std::pair<int, int>> spans;
  std::vector<dockerfile::Directive> directives;
  auto parsed = dockerfile::Parse(source);
  if (auto* file = std::get_if<dockerfile::Dockerfile>(&parsed)) {
    for (const auto& inst : file->instructions) {
      spans.emplace_back(inst.range.start.line, inst.range.end.line);
    }
    directives = file->directives;
  } else {
    // Unparsable: each non-comment line stands for itself.
    for (int l = 1; l <= lines; ++l) {
      std::string_view text = Trim(source.Line(l));
      if (!text.empty() && text.front() != '#') spans.emplace_back(l, l);
    }
  }
  for (const dockerfile::Directive& d : directives) {
    if (d.name != "check") continue;
    if (auto s = ParseCheckDirective(d, source)) out.push_back(std::move(*s));
  }
  const int first_instruction = spans.empty() ? lines + 1 : spans.front().first;
  std::size_t next = 0;  // first span that ends at or after the current line
  for (int l = 1; l <= lines; ++l) {
    while (next < spans.size() && spans[next].second < l) ++next;
    if (next < spans.size() && spans[next].first <= l) continue;  // inside an instruction
    std::string_view line = source.Line(l);
    std::string_view text = TrimLeft(line);
    if (!text.starts_with('#')) continue;
    std::string_view comment = text.substr(1);
    std::optional<SuppressionComment> s = ParseOurs(line, comment, l);
    if (!s) s = ParseHadolint(line, comment, l);
    if (!s) continue;
    if (s->scope == SuppressionComment::Scope::kFile && s->origin == kIgnore &&
        l > first_instruction) {
      // Too late to cover the file: an error, never a silent no-op.
      s->unknown_ids = {std::string(kIgnoreFile)};
      s->unknown_positions = {Position{l, ColumnAt(line, text.data() - line.data())}};
      s->unknown_hints = {"before the first instruction"};
      s->rule_ids.clear();
      s->id_positions.clear();
    }
    if (s->scope == SuppressionComment::Scope::kNextInstruction && next < spans.size()) {
      s->first_line = spans[next].first;
      s->last_line = spans[next].second;
    }
    out.push_back(std::move(*s));
  }
  return out;
}

namespace {

// Where a YAML comment starts on a line ('#' at the start or after a
// space, outside quotes); npos when there is none.
std::size_t CommentStart(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || IsSpace(line[i - 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

// "web:" -> "web": a mapping key with no value on its line.
std::string KeyWithoutValue(std::string_view content) {
  content = Trim(content);
  if (!content.ends_with(':')) return {};
  content.remove_suffix(1);
  content = Trim(content);
  if (content.size() >= 2 && (content.front() == '"' || content.front() == '\'') &&
      content.back() == content.front()) {
    content = content.substr(1, content.size() - 2);
  }
  if (content.empty() || content.find_first_of(" :{}[]") != std::string_view::npos) return {};
  return std::string(content);
}

}  // namespace

std::vector<SuppressionComment> ReadComposeSuppressions(const SourceFile& source) {
  std::vector<SuppressionComment> out;
  bool seen_content = false;
  std::vector<std::size_t> pending;  // own-line comments waiting for the next content line
  for (int l = 1; l <= source.line_count(); ++l) {
    std::string_view line = source.Line(l);
    std::size_t hash = CommentStart(line);
    std::string_view content = Trim(line.substr(0, hash));
    const bool own_line = content.empty();
    if (!own_line) {
      std::string key = KeyWithoutValue(content);
      for (std::size_t i : pending) {
        out[i].line = l;
        out[i].service = key;
      }
      pending.clear();
      seen_content = true;
    }
    if (hash == std::string_view::npos) continue;
    std::optional<SuppressionComment> s = ParseOurs(line, line.substr(hash + 1), l);
    if (!s) continue;
    if (s->scope == SuppressionComment::Scope::kFile) {
      if (seen_content) {
        s->unknown_ids = {std::string(kIgnoreFile)};
        s->unknown_positions = {Position{l, ColumnAt(line, hash)}};
        s->unknown_hints = {"before the first key"};
        s->rule_ids.clear();
        s->id_positions.clear();
      }
      out.push_back(std::move(*s));
      continue;
    }
    s->scope = SuppressionComment::Scope::kLine;
    if (own_line) {
      s->line = 0;  // set by the next content line
      pending.push_back(out.size());
    } else {
      s->service = KeyWithoutValue(content);
    }
    out.push_back(std::move(*s));
  }
  return out;
}

void SuppressionFilter::Begin(const report::RunInfo& info) {
  for (const rules::Rule* rule : info.rules) rules_run_.insert(std::string(rule->meta.id));
  next().Begin(info);
}

namespace {

bool Covers(const SuppressionComment& s, const Finding& f) {
  switch (s.scope) {
    case SuppressionComment::Scope::kFile:
      return true;
    case SuppressionComment::Scope::kNextInstruction:
      return s.first_line > 0 && f.range.start.line >= s.first_line &&
             f.range.start.line <= s.last_line;
    case SuppressionComment::Scope::kLine:
      return s.line > 0 &&
             (f.range.start.line == s.line || (!s.service.empty() && f.service == s.service));
  }
  return false;
}

// Custom rules and ShellCheck codes are not in the registry, yet they are
// rules of this run: a comment naming one is a suppression, not a mistake.
void AdoptRunIds(SuppressionComment& s, const std::set<std::string>& rules_run) {
  for (std::size_t i = s.unknown_ids.size(); i-- > 0;) {
    const std::string& id = s.unknown_ids[i];
    if (rules_run.count(id) == 0 && !id.starts_with("SHELLCHECK-SC")) continue;
    s.rule_ids.push_back(id);
    s.id_positions.push_back(s.unknown_positions[i]);
    s.unknown_ids.erase(s.unknown_ids.begin() + static_cast<std::ptrdiff_t>(i));
    s.unknown_positions.erase(s.unknown_positions.begin() + static_cast<std::ptrdiff_t>(i));
    s.unknown_hints.erase(s.unknown_hints.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

void SuppressionFilter::File(report::FileReport& file) {
  // Most files hold no suppression: skip the second parse for them.
  const std::string_view text = file.source ? file.source->text() : std::string_view();
  if (text.find(kIgnore) == std::string_view::npos &&
      text.find("hadolint") == std::string_view::npos &&
      text.find("check") == std::string_view::npos) {
    next().File(file);
    return;
  }
  const std::string name = std::filesystem::path(file.display).filename().string();
  const bool compose = discover::GuessKind(name, text) == discover::FileKind::kCompose;
  std::vector<SuppressionComment> comments =
      compose ? ReadComposeSuppressions(*file.source) : ReadDockerfileSuppressions(*file.source);
  for (SuppressionComment& s : comments) AdoptRunIds(s, rules_run_);
  std::vector<std::vector<bool>> used;
  for (const SuppressionComment& s : comments) used.emplace_back(s.rule_ids.size(), false);
  for (Finding& f : file.findings) {
    for (std::size_t c = 0; c < comments.size(); ++c) {
      const SuppressionComment& s = comments[c];
      if (!Covers(s, f)) continue;
      for (std::size_t i = 0; i < s.rule_ids.size(); ++i) {
        if (s.rule_ids[i] != f.rule_id) continue;
        used[c][i] = true;
        if (!f.suppression) {
          f.suppression = Suppression{Suppression::Kind::kInSource, s.justification, s.origin};
        }
      }
    }
  }
  for (std::size_t c = 0; c < comments.size(); ++c) {
    const SuppressionComment& s = comments[c];
    for (std::size_t i = 0; i < s.unknown_ids.size(); ++i) {
      const Position at = s.unknown_positions[i];
      const std::string& id = s.unknown_ids[i];
      std::string message =
          id == kIgnoreFile ? fmt::format("{}:{}: {} is only honoured {}; it silences nothing here",
                                          at.line, at.column, id, s.unknown_hints[i])
          : id == "all" ? fmt::format("{}:{}: {} needs rule ids ('all' is not accepted)", at.line,
                                      at.column, kIgnore)
                        : fmt::format("{}:{}: {} names unknown rule '{}'; did you mean '{}'?",
                                      at.line, at.column, kIgnore, id, s.unknown_hints[i]);
      errors_.push_back(ScanError{file.display, std::move(message)});
      unused_.push_back(report::UnusedSuppression{file.display, at.line, at.column, id});
    }
    if (s.origin != kIgnore) continue;  // other tools' comments serve those tools too
    if (s.justification.empty() && !s.rule_ids.empty() && note_) {
      note_(fmt::format("{}:{}: {} without a reason; write one after ' -- '", file.display, s.line,
                        kIgnore));
    }
    for (std::size_t i = 0; i < s.rule_ids.size(); ++i) {
      if (used[c][i] || rules_run_.count(s.rule_ids[i]) == 0) continue;
      unused_.push_back(report::UnusedSuppression{file.display, s.id_positions[i].line,
                                                  s.id_positions[i].column, s.rule_ids[i]});
    }
  }
  next().File(file);
}

void SuppressionFilter::End(report::Summary& summary) {
  auto by_place = [](const report::UnusedSuppression& a, const report::UnusedSuppression& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  };
  std::stable_sort(unused_.begin(), unused_.end(), by_place);
  for (report::UnusedSuppression& u : unused_) summary.unused_suppressions.push_back(std::move(u));
  for (ScanError& e : errors_) summary.errors.push_back(std::move(e));
  std::stable_sort(summary.errors.begin(), summary.errors.end(),
                   [](const ScanError& a, const ScanError& b) { return a.file < b.file; });
  next().End(summary);
}

}  // namespace pf::engine

// Parser directives (`# syntax=`, `# escape=`, `# check=`) and the syntax
// detection that also accepts `//` comments and a JSON object.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile::internal {
namespace {

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }

// Matches `^PREFIX\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`.
bool MatchDirective(std::string_view line, std::string_view prefix, std::string& key,
                    std::string& value) {
  if (line.substr(0, prefix.size()) != prefix) return false;
  std::size_t i = prefix.size();
  while (i < line.size() && IsRegexSpace(line[i])) ++i;
  if (i >= line.size() || !IsAlpha(line[i])) return false;
  const std::size_t key_begin = i;
  while (i < line.size() && IsAlnum(line[i])) ++i;
  key.assign(line.substr(key_begin, i - key_begin));
  while (i < line.size() && IsRegexSpace(line[i])) ++i;
  if (i >= line.size() || line[i] != '=') return false;
  ++i;
  const std::string_view rest = line.substr(i);
  if (rest.find('\n') != std::string_view::npos) return false;
  if (rest.empty()) return false;
  std::size_t b = 0;
  while (b < rest.size() && IsRegexSpace(rest[b])) ++b;
  if (b == rest.size()) {
    // Only blanks: the lazy value takes the last one.
    value.assign(rest.substr(rest.size() - 1));
    return true;
  }
  std::size_t e = rest.size();
  while (e > b && IsRegexSpace(rest[e - 1])) --e;
  value.assign(rest.substr(b, e - b));
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::optional<std::string> DirectiveParser::ParseLine(std::string_view line,
                                                      std::optional<DirectiveEntry>& out) {
  out.reset();
  ++line_;
  if (done_) return std::nullopt;
  std::string key, value;
  if (!MatchDirective(line, prefix_, key, value)) {
    done_ = true;
    return std::nullopt;
  }
  key = Lower(key);
  if (key != "syntax" && key != "escape" && key != "check") {
    done_ = true;
    return std::nullopt;
  }
  if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) {
    return "only one " + key + " parser directive can be used";
  }
  seen_.push_back(key);
  out = DirectiveEntry{key, value, line_};
  return std::nullopt;
}

std::vector<DirectiveEntry> DirectiveParser::ParseAll(std::string_view data) {
  std::vector<DirectiveEntry> result;
  std::size_t pos = 0;
  while (pos < data.size() && !done_) {
    std::size_t nl = data.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? data.size() : nl;
    std::string_view line = data.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl == std::string_view::npos ? data.size() : nl + 1;
    std::optional<DirectiveEntry> d;
    if (ParseLine(line, d)) break;
    if (d) result.push_back(std::move(*d));
  }
  return result;
}

namespace {

DirectiveLookup FromParser(std::string_view key, std::string_view data, DirectiveParser parser) {
  DirectiveLookup out;
  for (const DirectiveEntry& d : parser.ParseAll(data)) {
    if (d.name == key) {
      out.found = true;
      out.cmdline = d.value;
      out.ref = d.value.substr(0, d.value.find(' '));
      out.start_line = out.end_line = d.line;
      return out;
    }
  }
  return out;
}

DirectiveLookup Lookup(std::string_view key, std::string_view data, bool any_format) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  int line = 0;
  std::size_t nl = data.find('\n');
  std::string_view first = data.substr(0, nl);
  if (first.substr(0, 2) == "#!") {
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    line = 1;
  }
  DirectiveLookup found = FromParser(key, data, DirectiveParser("#", line));
  if (found.found || !any_format) return found;
  found = FromParser(key, data, DirectiveParser("//", line));
  if (found.found) return found;
  nlohmann::json doc = nlohmann::json::parse(data, nullptr, false);
  if (!doc.is_discarded() && doc.is_object()) {
    auto it = doc.find(std::string(key));
    if (it != doc.end() && it->is_string()) {
      found.found = true;
      found.ref = found.cmdline = it->get<std::string>();
      found.start_line = found.end_line = line;
    }
  }
  return found;
}

}  // namespace

DirectiveLookup DetectSyntax(std::string_view data) { return Lookup("syntax", data, true); }

DirectiveLookup ParseDirectiveKey(std::string_view key, std::string_view data) {
  return Lookup(key, data, false);
}

}  // namespace pf::dockerfile::internal

#include <string>

#include "compose/loader.h"
#include "core/utf8.h"

namespace pf::compose {
namespace {

bool IsTokenStart(std::string_view line, std::size_t i) {
  if (i == 0) return true;
  char p = line[i - 1];
  return p == ' ' || p == '\t' || p == ':' || p == '-' || p == '[' || p == '{' || p == ',';
}

// "|", ">", "|-", ">+2", ... as the last token of a line opens a block scalar.
bool EndsWithBlockIndicator(std::string_view line) {
  std::size_t hash = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      hash = i;
      break;
    }
  }
  std::string_view s = line.substr(0, hash);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  std::size_t k = s.size();
  while (k > 0 && (s[k - 1] == '+' || s[k - 1] == '-' || (s[k - 1] >= '0' && s[k - 1] <= '9'))) {
    --k;
  }
  if (k == 0 || (s[k - 1] != '|' && s[k - 1] != '>')) return false;
  if (s.size() - k > 2) return false;
  return k == 1 || s[k - 2] == ' ' || s[k - 2] == '\t';
}

// Offset of a ',' that starts a document's root node (after any tag or
// anchor), or npos. yaml-cpp never returns from such a document.
std::size_t DocumentOpenedByComma(std::string_view text) {
  bool at_start = true;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    std::size_t i = 0;
    if (line.starts_with("---") &&
        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r')) {
      at_start = true;
      i = 3;
    } else if (line.starts_with("...")) {
      at_start = true;
      i = line.size();
    } else if (at_start && line.starts_with("%")) {
      i = line.size();  // a directive
    }
    while (at_start && i < line.size()) {
      char c = line[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '#') {
        break;
      } else if (c == '!' || c == '&') {  // node properties come before the node
        // yaml-cpp ends a property at ',' too, which then opens the node.
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != ',') ++i;
      } else if (c == ',') {
        return line_start + i;
      } else {
        at_start = false;
      }
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::string PrescanYaml(std::string_view text, const LoadOptions& opts, std::size_t& offset) {
  if (std::size_t comma = DocumentOpenedByComma(text); comma != std::string_view::npos) {
    offset = comma;
    return "a ',' cannot start a YAML document outside a flow collection";
  }
  offset = 0;
  if (text.size() > opts.max_file_bytes) {
    return "file is too large (" + std::to_string(text.size()) + " bytes, limit " +
           std::to_string(opts.max_file_bytes) + ")";
  }
  for (std::size_t i = 0; i < text.size();) {
    auto r = utf8::DecodeRune(text, i);
    if (r.value == 0xFFFD && !(r.width == 3 && text.substr(i, 3) == "\xEF\xBF\xBD")) {
      offset = i;
      return "invalid UTF-8 byte sequence";
    }
    i += r.width;
  }
  int flow_depth = 0;
  char quote = 0;         // open quote carried across lines
  int block_parent = -1;  // indentation of the line that opened a block scalar
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t nl = text.find('\n', line_start);
    std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(line_start, line_end - line_start);
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    std::size_t ws = indent;
    while (ws < line.size() && (line[ws] == ' ' || line[ws] == '\t')) ++ws;
    const bool blank = ws >= line.size() || line[ws] == '\r' || line[ws] == '#';
    if (block_parent >= 0 && quote == 0) {
      if (blank || static_cast<int>(indent) > block_parent) {
        line_start = line_end + 1;
        continue;  // block scalar content: anything goes
      }
      block_parent = -1;
    }
    if (quote == 0 && !blank && ws > indent && flow_depth == 0) {
      offset = line_start + indent;
      return "tab character used for indentation (YAML allows only spaces)";
    }
    std::size_t dashes = 0;
    for (std::size_t i = indent; i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ';) {
      ++dashes;
      i += 2;
      while (i < line.size() && line[i] == ' ') ++i;
    }
    if (quote == 0 && static_cast<int>(indent / 2 + dashes) > opts.max_depth) {
      offset = line_start + indent;
      return "nesting deeper than " + std::to_string(opts.max_depth) + " levels";
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;
      if ((c == '"' || c == '\'') && IsTokenStart(line, i)) {
        quote = c;
      } else if (c == '[' || c == '{') {
        if (++flow_depth > opts.max_depth) {
          offset = line_start + i;
          return "nesting deeper than " + std::to_string(opts.max_depth) + " levels";
        }
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    if (quote == 0 && flow_depth == 0 && EndsWithBlockIndicator(line)) {
      block_parent = static_cast<int>(indent);
    }
    line_start = line_end + 1;
  }
  return {};
}

}  // namespace pf::compose

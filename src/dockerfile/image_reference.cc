// Image references and durations as BuildKit's Go dependencies read them
// (distribution/reference, go-digest, time.ParseDuration).
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "dockerfile/validate.h"

namespace pf::dockerfile {
namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsWordChar(char c) { return IsAlnum(c) || c == '_'; }

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = text.find(sep, begin);
    parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

// alpha-numeric (separator alpha-numeric)*, separator = [._] | __ | -+
bool IsPathComponent(std::string_view c) {
  if (c.empty() || !IsLowerAlnum(c.front()) || !IsLowerAlnum(c.back())) return false;
  for (std::size_t i = 0; i < c.size();) {
    if (IsLowerAlnum(c[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < c.size() && !IsLowerAlnum(c[j])) ++j;
    std::string_view sep = c.substr(i, j - i);
    bool dashes = sep.find_first_not_of('-') == std::string_view::npos;
    if (!(sep == "." || sep == "_" || sep == "__" || dashes)) return false;
    i = j;
  }
  return true;
}

bool IsDomainComponent(std::string_view c) {
  if (c.empty() || !IsAlnum(c.front()) || !IsAlnum(c.back())) return false;
  for (char ch : c) {
    if (!IsAlnum(ch) && ch != '-') return false;
  }
  return true;
}

// host[:port], host a dotted name or a bracketed IPv6 address.
bool IsDomain(std::string_view d) {
  std::string_view host = d;
  const bool bracketed = !d.empty() && d.front() == '[';
  if (bracketed) {
    std::size_t close = d.find(']');
    if (close == std::string_view::npos || close < 3) return false;
    for (char c : d.substr(1, close - 1)) {
      if (!IsHex(c) && c != ':') return false;
    }
    host = {};
    d = d.substr(close + 1);
    if (d.empty()) return true;
    if (d.front() != ':') return false;
  } else if (std::size_t colon = d.find(':'); colon != std::string_view::npos) {
    host = d.substr(0, colon);
    d = d.substr(colon);
  } else {
    d = {};
  }
  for (std::string_view part : Split(host, '.')) {
    if (!bracketed && !IsDomainComponent(part)) return false;
  }
  if (d.empty()) return true;
  std::string_view port = d.substr(1);
  if (port.empty()) return false;
  for (char c : port) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

bool IsName(std::string_view name) {
  std::vector<std::string_view> parts = Split(name, '/');
  bool all_paths = true;
  for (std::size_t i = 1; i < parts.size(); ++i) all_paths = all_paths && IsPathComponent(parts[i]);
  if (!all_paths) return false;
  return IsPathComponent(parts[0]) || (parts.size() > 1 && IsDomain(parts[0]));
}

bool IsTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 128 || !IsWordChar(tag.front())) return false;
  for (char c : tag) {
    if (!IsWordChar(c) && c != '.' && c != '-') return false;
  }
  return true;
}

bool IsDigestSyntax(std::string_view digest) {
  std::size_t colon = digest.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view algorithm = digest.substr(0, colon);
  std::string_view hex = digest.substr(colon + 1);
  bool component_start = true;
  for (char c : algorithm) {
    if (component_start) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
      component_start = false;
    } else if (c == '-' || c == '_' || c == '+' || c == '.') {
      component_start = true;
    } else if (!IsAlnum(c)) {
      return false;
    }
  }
  if (algorithm.empty() || component_start || hex.size() < 32) return false;
  for (char c : hex) {
    if (!IsHex(c)) return false;
  }
  return true;
}

// reference.Parse: the whole grammar, then the name length.
std::optional<std::string> ParseReference(std::string_view s) {
  std::string_view name = s;
  std::string_view digest;
  bool has_digest = false;
  if (std::size_t at = name.find('@'); at != std::string_view::npos) {
    digest = name.substr(at + 1);
    name = name.substr(0, at);
    has_digest = true;
  }
  bool valid = !has_digest || IsDigestSyntax(digest);
  std::string_view path = name;
  if (std::size_t colon = name.rfind(':');
      colon != std::string_view::npos && name.find('/', colon) == std::string_view::npos) {
    valid = valid && IsTag(name.substr(colon + 1));
    path = name.substr(0, colon);
  }
  valid = valid && IsName(path);
  if (!valid) {
    if (s.empty()) return "repository name must have at least one component";
    std::string lower(s);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != s && !ParseReference(lower)) return "repository name must be lowercase";
    return "invalid reference format";
  }
  if (path.size() > 255) return "repository name must not be more than 255 characters";
  if (has_digest) {
    std::size_t colon = digest.find(':');
    std::string_view algorithm = digest.substr(0, colon);
    std::string_view hex = digest.substr(colon + 1);
    std::size_t length = algorithm == "sha256"   ? 64
                         : algorithm == "sha384" ? 96
                         : algorithm == "sha512" ? 128
                                                 : 0;
    if (length == 0) return "unsupported digest algorithm";
    if (hex.size() != length) return "invalid checksum digest length";
    for (char c : hex) {
      if (!IsDigit(c) && !(c >= 'a' && c <= 'f')) return "invalid checksum digest format";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ImageReferenceError(std::string_view image) {
  if (image.size() == 64) {
    bool all_hex = true;
    for (char c : image) all_hex = all_hex && (IsDigit(c) || (c >= 'a' && c <= 'f'));
    if (all_hex) {
      return "invalid repository name (" + std::string(image) +
             "), cannot specify 64-byte hexadecimal strings";
    }
  }
  std::string domain = "docker.io";
  std::string remainder(image);
  if (std::size_t slash = image.find('/'); slash != std::string_view::npos) {
    std::string_view first = image.substr(0, slash);
    bool upper = false;
    for (char c : first) upper = upper || (c >= 'A' && c <= 'Z');
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost" || upper) {
      domain = std::string(first);
      remainder = std::string(image.substr(slash + 1));
    }
  }
  if (domain == "index.docker.io") domain = "docker.io";
  if (domain == "docker.io" && remainder.find('/') == std::string::npos) {
    remainder = "library/" + remainder;
  }
  std::string remote = remainder.substr(0, remainder.find(':'));
  std::string lower = remote;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower != remote) {
    return "invalid reference format: repository name (" + remote + ") must be lowercase";
  }
  return ParseReference(domain + "/" + remainder);
}

std::optional<long double> ParseGoDuration(std::string_view text, std::string* error) {
  const std::string quoted = utf8::GoQuote(text);
  auto invalid = [&]() -> std::optional<long double> {
    *error = "time: invalid duration " + quoted;
    return std::nullopt;
  };
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0.0L;
  if (s.empty()) return invalid();
  long double total = 0;
  while (!s.empty()) {
    if (s.front() != '.' && !IsDigit(s.front())) return invalid();
    long double value = 0;
    std::size_t i = 0;
    while (i < s.size() && IsDigit(s[i])) value = value * 10 + (s[i++] - '0');
    bool digits = i > 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      std::size_t start = i;
      while (i < s.size() && IsDigit(s[i])) {
        value += (s[i++] - '0') * scale;
        scale /= 10;
      }
      digits = digits || i > start;
    }
    if (!digits) return invalid();
    s.remove_prefix(i);
    std::size_t unit_end = 0;
    while (unit_end < s.size() && s[unit_end] != '.' && !IsDigit(s[unit_end])) ++unit_end;
    if (unit_end == 0) {
      *error = "time: missing unit in duration " + quoted;
      return std::nullopt;
    }
    std::string_view unit = s.substr(0, unit_end);
    s.remove_prefix(unit_end);
    long double ns = 0;
    if (unit == "ns") {
      ns = 1;
    } else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") {
      ns = 1e3L;
    } else if (unit == "ms") {
      ns = 1e6L;
    } else if (unit == "s") {
      ns = 1e9L;
    } else if (unit == "m") {
      ns = 60e9L;
    } else if (unit == "h") {
      ns = 3600e9L;
    } else {
      *error = "time: unknown unit " + utf8::GoQuote(unit) + " in duration " + quoted;
      return std::nullopt;
    }
    total += value * ns;
  }
  return negative ? -total : total;
}

}  // namespace pf::dockerfile

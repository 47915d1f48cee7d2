#include "core/finding.h"

#include <fmt/format.h>

#include <cstdint>
#include <tuple>

namespace pf {

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.range.start.line, a.range.start.column, a.rule_id, a.message) <
         std::tie(b.file, b.range.start.line, b.range.start.column, b.rule_id, b.message);
}

namespace {

// FNV-1a, 64 bit: tiny, stable across platforms and releases.
std::uint64_t Fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string NormaliseSpaces(std::string_view text) {
  std::string out;
  bool in_space = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      in_space = !out.empty();
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string ComputeFingerprint(const Finding& f) {
  std::uint64_t h = 14695981039346656037ULL;
  h = Fnv1a(h, f.rule_id);
  h = Fnv1a(h, std::string_view("\0", 1));
  h = Fnv1a(h, f.file);
  h = Fnv1a(h, std::string_view("\0", 1));
  h = Fnv1a(h, f.service);
  h = Fnv1a(h, std::string_view("\0", 1));
  h = Fnv1a(h, NormaliseSpaces(f.offending_text.empty() ? f.message : f.offending_text));
  return fmt::format("{:016x}", h);
}

}  // namespace pf

#include "compose/volumes.h"

#include <vector>

#include "compose/text_util.h"
#include "core/utf8.h"

namespace pf::compose {
namespace {

// Letters only; non-ASCII code points (other than U+FFFD) count as letters.
bool IsLetter(char32_t c) { return detail::IsAsciiLetter(c) || (c >= 0xC0 && c != 0xFFFD); }

bool IsWindowsDrive(const std::vector<char32_t>& buffer, char32_t c) {
  return c == ':' && buffer.size() == 1 && IsLetter(buffer[0]);
}

std::string ToUtf8(const std::vector<char32_t>& buffer) {
  std::string s;
  for (char32_t c : buffer) utf8::AppendRune(s, c);
  return s;
}

void SetOptions(std::string_view options, VolumeSpec& v) {
  std::size_t start = 0;
  for (;;) {
    std::size_t comma = options.find(',', start);
    std::string_view o = options.substr(start, comma - start);
    if (o == "ro") {
      v.read_only = true;
    } else if (o == "rw") {
      v.read_only = false;
    } else if (o == "nocopy") {
      v.volume = VolumeVolumeOptions{true};
    } else if (o == "rprivate" || o == "private" || o == "rshared" || o == "shared" ||
               o == "rslave" || o == "slave") {
      if (!v.bind) v.bind.emplace();
      v.bind->propagation = std::string(o);
    } else if (o == "z" || o == "Z") {
      if (!v.bind) v.bind.emplace();
      v.bind->selinux = std::string(o);
    }
    if (comma == std::string_view::npos) return;
    start = comma + 1;
  }
}

}  // namespace

bool IsHostPath(std::string_view source) {
  if (source.empty()) return false;
  if (source[0] == '.' || source[0] == '/' || source[0] == '~') return true;
  if (source.substr(0, 2) == "\\\\") return true;
  auto first = utf8::DecodeRune(source, 0);
  if (source.size() <= first.width) return false;
  return source[first.width] == ':' && IsLetter(first.value);
}

VolumeSpecResult ParseVolumeSpec(std::string_view spec) {
  VolumeSpecResult r;
  VolumeSpec v;
  if (spec.empty()) {
    r.error = "invalid empty volume spec";
    return r;
  }
  if (spec.size() <= 2) {
    v.target = std::string(spec);
    v.type = "volume";
    r.spec = std::move(v);
    return r;
  }
  std::vector<char32_t> buffer;
  int in_var = 0;
  bool have_source = false;
  bool have_target = false;
  std::size_t i = 0;
  while (i <= spec.size()) {
    const bool at_end = i == spec.size();
    char32_t c = 0;
    std::size_t width = 1;
    if (!at_end) {
      auto rune = utf8::DecodeRune(spec, i);
      c = rune.value;
      width = rune.width;
    }
    if (!at_end && c == '$' && i + 1 < spec.size() && spec[i + 1] == '{') {
      ++in_var;
      buffer.push_back(c);
    } else if (!at_end && c == '}' && in_var > 0) {
      --in_var;
      buffer.push_back(c);
    } else if (!at_end && IsWindowsDrive(buffer, c)) {
      buffer.push_back(c);
    } else if ((at_end || c == ':') && in_var == 0) {
      std::string text = ToUtf8(buffer);
      if (buffer.empty()) {
        r.error = "invalid spec: " + std::string(spec) + ": empty section between colons";
        return r;
      }
      if (!have_source && at_end) {
        v.target = text;
        have_target = true;
      } else if (!have_source && v.source.empty()) {
        v.source = text;
        have_source = true;
      } else if (!have_target) {
        v.target = text;
        have_target = true;
      } else if (!at_end) {
        r.error = "invalid spec: " + std::string(spec) + ": too many colons";
        return r;
      } else {
        SetOptions(text, v);
      }
      buffer.clear();
    } else if (!at_end) {
      buffer.push_back(c);
    }
    i += width;
  }
  if (IsHostPath(v.source)) {
    v.type = "bind";
    if (!v.bind) v.bind.emplace();
    v.bind->create_host_path = true;
  } else {
    v.type = "volume";
    if (!v.volume) v.volume.emplace();
  }
  r.spec = std::move(v);
  return r;
}

}  // namespace pf::compose

// The word expander (ProcessWord / ProcessWords), with either escape
// character chosen by the first byte.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dockerfile/expand.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const pf::dockerfile::Env env = [] {
    pf::dockerfile::Env e;
    e.Set("PWD", "/home");
    e.Set("SHELL", "bash");
    e.Set("NULL", "");
    e.Set("V", "1.2.3-alpine");
    e.SetUnknown("TARGETARCH");
    return e;
  }();
  pf::dockerfile::ExpandOptions opts;
  opts.escape = (data[0] & 1) != 0 ? '`' : '\\';
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  pf::dockerfile::ExpandWord(text, env, opts);
  pf::dockerfile::ExpandWords(text, env, opts);
  return 0;
}

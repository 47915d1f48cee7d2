// The shell splitter (RUN scripts into commands, pipelines and words), and
// the queries rules run on every command.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shell/shell.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  pf::shell::ParseResult r = pf::shell::Parse(text);
  for (const pf::shell::SimpleCommand& c : r.commands) {
    // Spans must stay inside the script.
    if (c.span.begin > c.span.end || c.span.end > size) std::abort();
    for (const pf::shell::ShellWord& w : c.argv) {
      if (w.span.begin > w.span.end || w.span.end > size) std::abort();
    }
    pf::shell::HasFlag(c, {"-y", "--yes"});
    pf::shell::FlagValues(c, {"-o"});
    pf::shell::Subcommand(c);
    pf::shell::SetsPipefail(c);
    pf::shell::Positionals(c);
  }
  return 0;
}

// Random inputs must never crash, hang or produce out-of-range positions.

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "shell/shell.h"

namespace pf::shell {
namespace {

void CheckInvariants(std::string_view text, const ParseResult& r) {
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < r.commands.size(); ++i) {
    const SimpleCommand& c = r.commands[i];
    ASSERT_EQ(c.index, static_cast<int>(i));
    ASSERT_LE(c.span.begin, c.span.end);
    ASSERT_LE(c.span.end, n);
    for (const ShellWord& w : c.argv) {
      ASSERT_LE(w.span.begin, w.span.end);
      ASSERT_LE(w.span.end, n);
    }
    for (const Redirect& rd : c.redirects) ASSERT_LE(rd.span.end, n);
    for (int k : {c.pipe_from, c.pipe_to, c.parent}) {
      ASSERT_LT(k, static_cast<int>(r.commands.size()));
    }
    ASSERT_LE(c.command_start, c.argv.size());
    if (i > 0) {
      ASSERT_LE(r.commands[i - 1].span.begin, c.span.begin);
    }
    // Queries must be safe on anything.
    HasFlag(c, {"-y", "--yes", "-qq"});
    FlagValues(c, {"-o", "--opt"});
    Subcommand(c);
    SetsPipefail(c);
  }
  for (const Pipeline& p : r.pipelines) {
    for (int k : p.commands) ASSERT_LT(k, static_cast<int>(r.commands.size()));
  }
  for (const Heredoc& h : r.heredocs) ASSERT_LE(h.body_span.end, n);
  for (const ParseError& e : r.errors) ASSERT_LE(e.offset, n);
}

std::string RandomScript(std::mt19937& rng, bool shell_alphabet) {
  static constexpr std::string_view kPieces[] = {
      " ",     "\n",   "\t",     "'",         "\"",    "\\",   "\\\n",     "$",
      "$(",    "$((",  "${",     "`",         "(",     ")",    "{",        "}",
      ";",     ";;",   "&",      "&&",        "|",     "||",   "|&",       "<",
      ">",     ">>",   "<<",     "<<-",       "<<<",   "2>&1", "#",        "!",
      "*",     "?",    "[",      "]",         "~",     "=",    "a",        "x=1",
      "EOF",   "if",   "then",   "elif",      "else",  "fi",   "for",      "in",
      "do",    "done", "while",  "until",     "case",  "esac", "function", "f()",
      "[[",    "]]",   "sh -c ", "bash -c '", "sudo ", "env ", "xargs ",   "apt-get install -y ",
      "eval ", "$'",   "\\'",    "-o",        "--",    "-c",   "su -c "};
  std::uniform_int_distribution<int> len(0, 120);
  std::string s;
  int n = len(rng);
  if (shell_alphabet) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
    for (int i = 0; i < n; ++i) s += kPieces[pick(rng)];
  } else {
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < n; ++i) s += static_cast<char>(byte(rng));
  }
  return s;
}

TEST(ShellFuzz, RandomBytes) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; ++i) {
    std::string s = RandomScript(rng, false);
    ParseResult r = Parse(s);
    ASSERT_NO_FATAL_FAILURE(CheckInvariants(s, r)) << "input #" << i;
  }
}

TEST(ShellFuzz, RandomShellTokens) {
  std::mt19937 rng(777);
  for (int i = 0; i < 6000; ++i) {
    std::string s = RandomScript(rng, true);
    ParseResult r = Parse(s);
    ASSERT_NO_FATAL_FAILURE(CheckInvariants(s, r)) << "input: " << s;
  }
}

TEST(ShellFuzz, SmallDepthLimits) {
  std::mt19937 rng(99);
  ParseOptions opts;
  opts.max_depth = 3;
  opts.max_script_nesting = 1;
  for (int i = 0; i < 2000; ++i) {
    std::string s = RandomScript(rng, true);
    ParseResult r = Parse(s, opts);
    ASSERT_NO_FATAL_FAILURE(CheckInvariants(s, r)) << "input: " << s;
    for (const SimpleCommand& c : r.commands) ASSERT_LE(c.depth, 3 + 3);
  }
}

}  // namespace
}  // namespace pf::shell

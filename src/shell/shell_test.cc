#include "shell/shell.h"

#include <gtest/gtest.h>

namespace pf::shell {
namespace {

std::vector<std::string> Argv(const SimpleCommand& c) {
  std::vector<std::string> out;
  for (const ShellWord& w : c.argv) out.push_back(w.value);
  return out;
}

std::vector<std::vector<std::string>> AllArgv(const ParseResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const SimpleCommand* c : r.AllCommands()) out.push_back(Argv(*c));
  return out;
}

using V = std::vector<std::string>;
using VV = std::vector<V>;

TEST(ShellParse, SimpleWords) {
  ParseResult r = Parse("echo hello  world");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(Argv(r.commands[0]), (V{"echo", "hello", "world"}));
  EXPECT_EQ(r.commands[0].argv[2].span.begin, 12u);
  EXPECT_EQ(r.commands[0].argv[2].span.end, 17u);
  EXPECT_EQ(r.commands[0].span.begin, 0u);
  EXPECT_EQ(r.commands[0].span.end, 17u);
}

const SimpleCommand* Find(const ParseResult& r, std::string_view name) {
  for (const SimpleCommand* c : r.AllCommands()) {
    if (c->Name() == name) return c;
  }
  return nullptr;
}

TEST(ShellParse, Quoting) {
  ParseResult r = Parse(R"(echo 'a b' "c $d" e\ f "g\"h" 'i'"j"k)");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 1u);
  const SimpleCommand& c = r.commands[0];
  EXPECT_EQ(Argv(c), (V{"echo", "a b", "c $d", "e f", "g\"h", "ijk"}));
  EXPECT_TRUE(c.argv[1].literal);
  EXPECT_TRUE(c.argv[1].quoted);
  EXPECT_FALSE(c.argv[2].literal);
  EXPECT_TRUE(c.argv[2].has_expansion);
  EXPECT_TRUE(c.argv[3].literal);
  EXPECT_EQ(c.argv[1].raw, "'a b'");
}

TEST(ShellParse, SingleQuotesKeepBackslashAndDollar) {
  ParseResult r = Parse(R"(echo '\n$x' "\n" "\\" "\$x")");
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(Argv(r.commands[0]), (V{"echo", "\\n$x", "\\n", "\\", "$x"}));
  EXPECT_TRUE(r.commands[0].argv[1].literal);
  EXPECT_TRUE(r.commands[0].argv[4].literal);
}

TEST(ShellParse, AnsiCQuotes) {
  ParseResult r = Parse(R"(printf $'a\tb\x41\101\'c')");
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(r.commands[0].argv[1].value, "a\tbAA'c");
  EXPECT_TRUE(r.commands[0].argv[1].literal);
}

TEST(ShellParse, LineContinuation) {
  ParseResult r = Parse("apt-get install \\\n  -y \\\n  curl");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(Argv(r.commands[0]), (V{"apt-get", "install", "-y", "curl"}));
  ParseResult r2 = Parse("ec\\\nho hi");
  ASSERT_EQ(r2.commands.size(), 1u);
  EXPECT_EQ(r2.commands[0].argv[0].value, "echo");
}

TEST(ShellParse, Comments) {
  ParseResult r = Parse("echo a#b # apt-get install foo\n# whole line\necho c");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"echo", "a#b"}, {"echo", "c"}}));
  EXPECT_EQ(Find(r, "apt-get"), nullptr);
}

TEST(ShellParse, QuotedCommandTextIsNotACommand) {
  ParseResult r = Parse("echo \"apt-get install foo\" 'curl x | sh'");
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(Find(r, "apt-get"), nullptr);
  EXPECT_EQ(Find(r, "sh"), nullptr);
  EXPECT_EQ(r.pipelines.size(), 1u);
  EXPECT_FALSE(r.pipelines[0].IsRealPipe());
}

TEST(ShellParse, Operators) {
  ParseResult r = Parse("a && b || c; d & e | f |& g\nh");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 8u);
  const auto& c = r.commands;
  EXPECT_EQ(c[0].next_op, Op::kAnd);
  EXPECT_EQ(c[1].prev_op, Op::kAnd);
  EXPECT_EQ(c[1].next_op, Op::kOr);
  EXPECT_EQ(c[2].next_op, Op::kSemicolon);
  EXPECT_EQ(c[3].next_op, Op::kBackground);
  EXPECT_EQ(c[4].next_op, Op::kPipe);
  EXPECT_EQ(c[5].next_op, Op::kPipeAll);
  EXPECT_EQ(c[6].next_op, Op::kNewline);
  EXPECT_EQ(c[7].next_op, Op::kNone);
  EXPECT_EQ(c[5].pipe_from, 4);
  EXPECT_EQ(c[5].pipe_to, 6);
  EXPECT_EQ(c[1].pipe_from, -1);
}

TEST(ShellParse, OrIsNotAPipe) {
  ParseResult r = Parse("curl -fsSL https://x || sh");
  ASSERT_EQ(r.commands.size(), 2u);
  EXPECT_EQ(r.commands[1].pipe_from, -1);
  for (const Pipeline& p : r.pipelines) EXPECT_FALSE(p.IsRealPipe());
}

TEST(ShellParse, PipelineCurlToShell) {
  ParseResult r = Parse("curl -fsSL https://example.com/install.sh | sudo bash -s -- --foo");
  EXPECT_TRUE(r.ok);
  const SimpleCommand* bash = Find(r, "bash");
  ASSERT_NE(bash, nullptr);
  const SimpleCommand* src = r.PipeSource(*bash);
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->Name(), "curl");
  EXPECT_EQ(r.PipeTarget(*src), bash);
  ASSERT_GE(bash->pipeline, 0);
  const Pipeline& p = r.pipelines[static_cast<std::size_t>(bash->pipeline)];
  EXPECT_TRUE(p.IsRealPipe());
  EXPECT_EQ(p.commands.size(), 2u);
  EXPECT_EQ(bash->wrappers, (V{"sudo"}));
}

TEST(ShellParse, NegatedPipeline) {
  ParseResult r = Parse("! grep -q x file");
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_TRUE(r.pipelines[0].negated);
  EXPECT_EQ(r.commands[0].Name(), "grep");
}

TEST(ShellParse, Assignments) {
  ParseResult r = Parse("FOO=bar BAZ='q x' make install; A+=1");
  ASSERT_EQ(r.commands.size(), 2u);
  const SimpleCommand& c = r.commands[0];
  ASSERT_EQ(c.assignments.size(), 2u);
  EXPECT_EQ(c.assignments[0].name, "FOO");
  EXPECT_EQ(c.assignments[0].value.value, "bar");
  EXPECT_EQ(c.assignments[1].value.value, "q x");
  EXPECT_EQ(c.assignments[1].value.span.begin, 12u);
  EXPECT_EQ(Argv(c), (V{"make", "install"}));
  EXPECT_TRUE(r.commands[1].argv.empty());
  EXPECT_TRUE(r.commands[1].assignments[0].append);
  // After the command name, NAME=value is an argument.
  ParseResult r2 = Parse("make CC=gcc");
  EXPECT_TRUE(r2.commands[0].assignments.empty());
  EXPECT_EQ(Argv(r2.commands[0]), (V{"make", "CC=gcc"}));
}

TEST(ShellParse, ArrayAssignment) {
  ParseResult r = Parse("arr=(a b \"c d\") ; echo ${arr[@]}");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 2u);
  EXPECT_EQ(r.commands[0].assignments[0].name, "arr");
  EXPECT_EQ(r.commands[1].Name(), "echo");
}

TEST(ShellParse, Expansions) {
  ParseResult r = Parse("echo $HOME ${X:-a b} $1 $@ $$ ~/x plain $((1 + 2)) a*b");
  ASSERT_EQ(r.commands.size(), 1u);
  const auto& a = r.commands[0].argv;
  ASSERT_EQ(a.size(), 10u);
  for (std::size_t i = 1; i <= 6; ++i) EXPECT_FALSE(a[i].literal) << a[i].raw;
  EXPECT_TRUE(a[7].literal);
  EXPECT_FALSE(a[8].literal);
  EXPECT_EQ(a[8].raw, "$((1 + 2))");
  EXPECT_TRUE(a[9].has_glob);
  EXPECT_EQ(a[2].value, "${X:-a b}");
  EXPECT_TRUE(r.ok);
}

TEST(ShellParse, GlobInPathKeepsValue) {
  ParseResult r = Parse("rm -rf /var/lib/apt/lists/*");
  const auto& w = r.commands[0].argv[2];
  EXPECT_FALSE(w.literal);
  EXPECT_TRUE(w.has_glob);
  EXPECT_EQ(w.value, "/var/lib/apt/lists/*");
  ParseResult r2 = Parse("[ -f x ] && echo '*'");
  EXPECT_TRUE(r2.commands[0].argv[0].literal);
  EXPECT_TRUE(r2.commands[1].argv[1].literal);
}

TEST(ShellParse, CommandSubstitution) {
  ParseResult r = Parse("echo $(date +%s) \"v=$(cat /etc/os-release | grep ID)\" `uname -r`");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r),
            (VV{{"echo", "$(date +%s)", "v=$(cat /etc/os-release | grep ID)", "`uname -r`"},
                {"date", "+%s"},
                {"cat", "/etc/os-release"},
                {"grep", "ID"},
                {"uname", "-r"}}));
  const SimpleCommand* date = Find(r, "date");
  ASSERT_NE(date, nullptr);
  EXPECT_TRUE(date->Has(kInCommandSubst));
  EXPECT_EQ(date->depth, 1);
  EXPECT_EQ(date->parent, 0);
  EXPECT_EQ(date->span.begin, 7u);
  const SimpleCommand* grep = Find(r, "grep");
  ASSERT_NE(grep, nullptr);
  EXPECT_EQ(r.PipeSource(*grep)->Name(), "cat");
  const SimpleCommand* uname = Find(r, "uname");
  ASSERT_NE(uname, nullptr);
  EXPECT_TRUE(uname->Has(kInCommandSubst));
  std::string_view text = "echo $(date +%s) \"v=$(cat /etc/os-release | grep ID)\" `uname -r`";
  EXPECT_EQ(text.substr(uname->span.begin, uname->span.end - uname->span.begin), "uname -r");
  EXPECT_FALSE(r.commands[0].argv[1].literal);
  EXPECT_TRUE(r.commands[0].argv[1].has_command_subst);
}

TEST(ShellParse, NestedCommandSubstitution) {
  ParseResult r = Parse("a $(b $(c $(d)) \"$(e ')')\")");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.commands.size(), 5u);
  const SimpleCommand* d = Find(r, "d");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->depth, 3);
  const SimpleCommand* e = Find(r, "e");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->argv[1].value, ")");
}

TEST(ShellParse, CaseInsideCommandSubstitution) {
  ParseResult r = Parse("x=$(case $a in a) echo one;; *) echo two;; esac); echo done");
  EXPECT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0].message);
  EXPECT_EQ(r.commands.size(), 4u);
}

TEST(ShellParse, Subshell) {
  ParseResult r = Parse("(cd /tmp && make) ; echo after");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 3u);
  EXPECT_TRUE(r.commands[0].Has(kInSubshell));
  EXPECT_TRUE(r.commands[1].Has(kInSubshell));
  EXPECT_FALSE(r.commands[2].Has(kInSubshell));
  EXPECT_EQ(r.commands[0].depth, 1);
}

TEST(ShellParse, Group) {
  ParseResult r = Parse("{ echo a; echo b; } > out.txt 2>&1");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 2u);
  EXPECT_TRUE(r.commands[0].Has(kInGroup));
  // A brace that is an argument is not a group.
  ParseResult r2 = Parse("echo { }");
  EXPECT_TRUE(r2.ok);
  EXPECT_EQ(Argv(r2.commands[0]), (V{"echo", "{", "}"}));
}

TEST(ShellParse, ArithmeticCommandIsSkipped) {
  ParseResult r = Parse("((i++)); echo $i");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"echo", "$i"}}));
}

TEST(ShellParse, IfElifElse) {
  ParseResult r = Parse(
      "if [ -f /a ]; then echo a; elif command -v curl >/dev/null; then echo b\n"
      "else\n  apt-get install -y curl\nfi && echo end");
  EXPECT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0].message);
  EXPECT_EQ(AllArgv(r), (VV{{"[", "-f", "/a", "]"},
                            {"echo", "a"},
                            {"command", "-v", "curl"},
                            {"echo", "b"},
                            {"apt-get", "install", "-y", "curl"},
                            {"echo", "end"}}));
  EXPECT_TRUE(r.commands[0].Has(kInCondition));
  EXPECT_TRUE(r.commands[2].Has(kInCondition));
  EXPECT_FALSE(r.commands[1].Has(kInCondition));
  EXPECT_TRUE(r.commands[4].Has(kInIf));
  EXPECT_FALSE(r.commands[5].Has(kInIf));
  EXPECT_EQ(r.commands[5].prev_op, Op::kAnd);
  // `command -v` is a lookup, not a wrapper.
  EXPECT_EQ(r.commands[2].Name(), "command");
}

TEST(ShellParse, Loops) {
  ParseResult r = Parse(
      "for p in a b $(ls); do pip install $p; done\n"
      "while read l; do echo $l; done < f\n"
      "until false; do break; done\n"
      "for ((i=0; i<3; i++)); do echo $i; done\n"
      "for x; do :; done");
  EXPECT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0].message);
  const SimpleCommand* pip = Find(r, "pip");
  ASSERT_NE(pip, nullptr);
  EXPECT_TRUE(pip->Has(kInLoop));
  const SimpleCommand* read = Find(r, "read");
  ASSERT_NE(read, nullptr);
  EXPECT_TRUE(read->Has(kInCondition));
  EXPECT_NE(Find(r, "ls"), nullptr);
  EXPECT_NE(Find(r, "break"), nullptr);
  EXPECT_NE(Find(r, ":"), nullptr);
  EXPECT_EQ(r.commands.size(), 8u);
}

TEST(ShellParse, ReservedWordsOnlyInCommandPosition) {
  ParseResult r = Parse("echo if then fi done; echo for");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"echo", "if", "then", "fi", "done"}, {"echo", "for"}}));
  ParseResult r2 = Parse("'if' x");
  EXPECT_EQ(AllArgv(r2), (VV{{"if", "x"}}));
}

TEST(ShellParse, Case) {
  ParseResult r = Parse(
      "case \"$ARCH\" in\n  amd64|x86_64) apt-get install -y a ;;\n  (arm*) echo arm;&\n  *) "
      "exit 1;;\nesac");
  EXPECT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0].message);
  EXPECT_EQ(AllArgv(r), (VV{{"apt-get", "install", "-y", "a"}, {"echo", "arm"}, {"exit", "1"}}));
  for (const auto& c : r.commands) EXPECT_TRUE(c.Has(kInCase));
}

TEST(ShellParse, Functions) {
  ParseResult r =
      Parse("f() { apt-get update; }\nfunction g { echo g; }\nfunction h() (echo h)\nf");
  EXPECT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0].message);
  EXPECT_EQ(AllArgv(r), (VV{{"apt-get", "update"}, {"echo", "g"}, {"echo", "h"}, {"f"}}));
  EXPECT_TRUE(r.commands[0].Has(kInFunction));
  EXPECT_TRUE(r.commands[2].Has(kInFunction));
  EXPECT_TRUE(r.commands[2].Has(kInSubshell));
  EXPECT_FALSE(r.commands[3].Has(kInFunction));
}

TEST(ShellParse, DoubleBracket) {
  ParseResult r = Parse("[[ -f a && ( -d b || $c < d ) ]] && echo yes");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 2u);
  EXPECT_EQ(r.commands[0].argv.front().value, "[[");
  EXPECT_EQ(r.commands[0].argv.back().value, "]]");
  EXPECT_EQ(r.commands[1].Name(), "echo");
  EXPECT_EQ(r.commands[0].next_op, Op::kAnd);
}

TEST(ShellParse, Redirections) {
  ParseResult r = Parse("cmd >out 2>&1 <in >>log &>all 3<>rw <<<\"here $x\" >| f");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.commands.size(), 1u);
  const SimpleCommand& c = r.commands[0];
  EXPECT_EQ(Argv(c), (V{"cmd"}));
  ASSERT_EQ(c.redirects.size(), 8u);
  EXPECT_EQ(c.redirects[0].op, ">");
  EXPECT_EQ(c.redirects[0].target.value, "out");
  EXPECT_EQ(c.redirects[1].fd, 2);
  EXPECT_EQ(c.redirects[1].op, ">&");
  EXPECT_EQ(c.redirects[1].target.value, "1");
  EXPECT_EQ(c.redirects[2].op, "<");
  EXPECT_EQ(c.redirects[3].op, ">>");
  EXPECT_EQ(c.redirects[4].op, "&>");
  EXPECT_EQ(c.redirects[5].fd, 3);
  EXPECT_EQ(c.redirects[5].op, "<>");
  EXPECT_EQ(c.redirects[6].op, "<<<");
  EXPECT_EQ(c.redirects[6].target.value, "here $x");
  // A digit not followed by a redirection is an argument.
  ParseResult r2 = Parse("echo 2 > f");
  EXPECT_EQ(Argv(r2.commands[0]), (V{"echo", "2"}));
  EXPECT_EQ(r2.commands[0].redirects[0].fd, -1);
}

TEST(ShellParse, HeredocInsideScript) {
  std::string text =
      "cat <<EOF > /etc/conf\napt-get install foo\n$x\nEOF\necho after\n"
      "cat <<-'END'\n\tline | sh\n\tEND\ntrue";
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"cat"}, {"echo", "after"}, {"cat"}, {"true"}}));
  ASSERT_EQ(r.heredocs.size(), 2u);
  EXPECT_EQ(r.heredocs[0].delimiter, "EOF");
  EXPECT_EQ(r.heredocs[0].body, "apt-get install foo\n$x\n");
  EXPECT_FALSE(r.heredocs[0].quoted_delimiter);
  EXPECT_TRUE(r.heredocs[0].terminated);
  EXPECT_EQ(r.heredocs[0].command, 0);
  EXPECT_EQ(text.substr(r.heredocs[0].body_span.begin,
                        r.heredocs[0].body_span.end - r.heredocs[0].body_span.begin),
            "apt-get install foo\n$x\n");
  EXPECT_EQ(r.heredocs[1].body, "line | sh\n");
  EXPECT_TRUE(r.heredocs[1].quoted_delimiter);
  EXPECT_TRUE(r.heredocs[1].strip_tabs);
  EXPECT_EQ(r.commands[0].redirects[0].heredoc, 0);
  EXPECT_EQ(r.commands[0].redirects[1].target.value, "/etc/conf");
}

TEST(ShellParse, TwoHeredocsOnOneLine) {
  ParseResult r = Parse("paste <<A <<B && echo x\n1\nA\n2\nB\necho y");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.heredocs.size(), 2u);
  EXPECT_EQ(r.heredocs[0].body, "1\n");
  EXPECT_EQ(r.heredocs[1].body, "2\n");
  EXPECT_EQ(AllArgv(r), (VV{{"paste"}, {"echo", "x"}, {"echo", "y"}}));
}

TEST(ShellParse, UnterminatedHeredoc) {
  ParseResult r = Parse("cat <<EOF\nabc\n");
  EXPECT_EQ(r.heredocs.size(), 1u);
  EXPECT_FALSE(r.heredocs[0].terminated);
  EXPECT_EQ(r.heredocs[0].body, "abc\n");
}

// ---- wrappers ----

TEST(ShellWrappers, Sudo) {
  ParseResult r = Parse("sudo -E -u www-data -H FOO=1 apt-get install -y x");
  const SimpleCommand& c = r.commands[0];
  EXPECT_EQ(c.Name(), "apt-get");
  EXPECT_EQ(c.wrappers, (V{"sudo"}));
  EXPECT_EQ(c.command_start, 6u);
  ASSERT_EQ(c.assignments.size(), 1u);
  EXPECT_EQ(c.assignments[0].name, "FOO");
  EXPECT_EQ(c.Args().size(), 4u);
  EXPECT_EQ(c.argv[0].value, "sudo");
}

TEST(ShellWrappers, SudoAlone) {
  ParseResult r = Parse("sudo -i");
  EXPECT_EQ(r.commands[0].Name(), "sudo");
  EXPECT_TRUE(r.commands[0].wrappers.empty());
}

TEST(ShellWrappers, EnvAndChains) {
  ParseResult r =
      Parse("env -i PATH=/bin HOME=/ nohup nice -n 10 timeout -s KILL 30s /usr/bin/pip install x");
  const SimpleCommand& c = r.commands[0];
  EXPECT_EQ(c.Name(), "pip");
  EXPECT_EQ(c.wrappers, (V{"env", "nohup", "nice", "timeout"}));
  EXPECT_EQ(c.assignments.size(), 2u);
  EXPECT_EQ(c.Args()[0].value, "/usr/bin/pip");
}

TEST(ShellWrappers, Misc) {
  EXPECT_EQ(Parse("exec -a name gosu app node server.js").commands[0].Name(), "node");
  EXPECT_EQ(Parse("time -p make").commands[0].Name(), "make");
  EXPECT_EQ(Parse("command -p ls").commands[0].Name(), "ls");
  EXPECT_EQ(Parse("stdbuf -oL -e 0 grep x").commands[0].Name(), "grep");
  EXPECT_EQ(Parse("busybox wget -q x").commands[0].Name(), "wget");
  EXPECT_EQ(Parse("python3 -m pip install --upgrade pip").commands[0].Name(), "pip");
  EXPECT_EQ(Parse("python3 -c 'import x'").commands[0].Name(), "python3");
  EXPECT_EQ(Parse("python setup.py install").commands[0].Name(), "python");
  EXPECT_EQ(Parse("$CMD install").commands[0].Name(), "");
}

TEST(ShellWrappers, Xargs) {
  ParseResult r = Parse("find . -name '*.deb' | xargs -0 -n 1 -I {} dpkg -i {}");
  const SimpleCommand* d = Find(r, "dpkg");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->args_from_stdin);
  EXPECT_EQ(d->wrappers, (V{"xargs"}));
  EXPECT_EQ(r.PipeSource(*d)->Name(), "find");
}

TEST(ShellWrappers, ShDashC) {
  std::string text = "sh -c 'apt-get update && apt-get install -y curl'";
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"sh", "-c", "apt-get update && apt-get install -y curl"},
                            {"apt-get", "update"},
                            {"apt-get", "install", "-y", "curl"}}));
  const SimpleCommand& inner = r.commands[2];
  EXPECT_TRUE(inner.Has(kInNestedScript));
  EXPECT_EQ(inner.parent, 0);
  EXPECT_EQ(inner.depth, 1);
  EXPECT_EQ(inner.prev_op, Op::kAnd);
  // Spans map back into the original text.
  EXPECT_EQ(text.substr(inner.span.begin, inner.span.end - inner.span.begin),
            "apt-get install -y curl");
  EXPECT_EQ(text.substr(inner.argv[2].span.begin, 2), "-y");
}

TEST(ShellWrappers, BashDashCNestedQuotes) {
  std::string text = R"(bash -euxo pipefail -c "echo \"a b\" && curl -s 'http://x' | bash")";
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  const SimpleCommand* echo = Find(r, "echo");
  ASSERT_NE(echo, nullptr);
  EXPECT_EQ(Argv(*echo), (V{"echo", "a b"}));
  const SimpleCommand* curl = Find(r, "curl");
  ASSERT_NE(curl, nullptr);
  EXPECT_EQ(curl->argv[2].value, "http://x");
  const SimpleCommand* piped = r.PipeTarget(*curl);
  ASSERT_NE(piped, nullptr);
  EXPECT_EQ(piped->Name(), "bash");
  EXPECT_EQ(text.substr(curl->argv[2].span.begin, 10), "'http://x'");
}

TEST(ShellWrappers, NestedShellInShell) {
  ParseResult r = Parse("sh -c \"bash -c 'sudo sh -c \\\"apt-get upgrade\\\"'\"");
  EXPECT_TRUE(r.ok);
  const SimpleCommand* apt = Find(r, "apt-get");
  ASSERT_NE(apt, nullptr);
  EXPECT_EQ(Argv(*apt), (V{"apt-get", "upgrade"}));
  EXPECT_EQ(apt->depth, 3);
}

TEST(ShellWrappers, SuAndEvalAndHeredocShell) {
  EXPECT_NE(Find(Parse("su -c 'apt-get install x' root"), "apt-get"), nullptr);
  EXPECT_NE(Find(Parse("su postgres -lc 'initdb'"), "initdb"), nullptr);
  EXPECT_NE(Find(Parse("eval apt-get install x"), "apt-get"), nullptr);
  ParseResult r = Parse("bash <<'EOF'\nset -e\ncurl x | sh\nEOF\n");
  const SimpleCommand* curl = Find(r, "curl");
  ASSERT_NE(curl, nullptr);
  EXPECT_TRUE(curl->Has(kInNestedScript));
  EXPECT_EQ(r.PipeTarget(*curl)->Name(), "sh");
  // A shell running a script file does not read the heredoc as a script.
  EXPECT_EQ(Find(Parse("bash install.sh <<EOF\ncurl x\nEOF\n"), "curl"), nullptr);
  // Command substitutions in a -c string are not parsed twice.
  ParseResult r2 = Parse("sh -c \"echo $(date)\"");
  int dates = 0;
  for (const auto* c : r2.AllCommands()) dates += c->Name() == "date" ? 1 : 0;
  EXPECT_EQ(dates, 1);
}

TEST(ShellParse, CaseItemsEndWithCaseEnd) {
  ParseResult r = Parse("case a in a) echo 1 ;; b) echo 2; echo 3;; esac");
  ASSERT_EQ(r.commands.size(), 3u);
  EXPECT_EQ(r.commands[0].next_op, Op::kCaseEnd);
  EXPECT_EQ(r.commands[1].next_op, Op::kSemicolon);
}

TEST(ShellParse, ProcessSubstitution) {
  ParseResult r = Parse("diff <(sort a) <(sort b) > >(tee log)");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r),
            (VV{{"diff", "<(sort a)", "<(sort b)"}, {"sort", "a"}, {"sort", "b"}, {"tee", "log"}}));
  EXPECT_TRUE(r.commands[1].Has(kInCommandSubst));
  EXPECT_EQ(r.commands[0].redirects.size(), 1u);
}

TEST(ShellParse, OperatorsNeedNoSpaces) {
  ParseResult r = Parse("a&&b||c;d|e>f<g");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(AllArgv(r), (VV{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}}));
  EXPECT_EQ(r.commands[4].redirects.size(), 2u);
  EXPECT_EQ(r.commands[4].pipe_from, 3);
}

TEST(ShellParse, BackgroundAndNewlineAfterOperators) {
  ParseResult r = Parse("a &&\n  b |\n  c\nd &\ne");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.commands.size(), 5u);
  EXPECT_EQ(r.commands[1].next_op, Op::kPipe);
  EXPECT_EQ(r.commands[3].next_op, Op::kBackground);
}

TEST(ShellWrappers, WrapperWithoutCommandIsTheCommand) {
  EXPECT_EQ(Parse("env").commands[0].Name(), "env");
  EXPECT_EQ(Parse("xargs").commands[0].Name(), "xargs");
  EXPECT_EQ(Parse("nohup").commands[0].Name(), "nohup");
  ParseResult r = Parse("sudo apt-get update");
  EXPECT_EQ(r.commands[0].argv[0].value, "sudo");  // still visible for sudo rules
  EXPECT_EQ(r.commands[0].Name(), "apt-get");
}

TEST(ShellWrappers, ShellScriptArgumentsAndLoginFlags) {
  ParseResult r = Parse("bash -lc 'make \"$0\"' target; sh -o errexit -c 'ls'");
  EXPECT_NE(Find(r, "make"), nullptr);
  EXPECT_NE(Find(r, "ls"), nullptr);
  EXPECT_EQ(Find(r, "target"), nullptr);
  ParseResult r2 = Parse("sh script.sh -c 'not a script'");
  EXPECT_EQ(Find(r2, "not"), nullptr);
  ParseResult r3 = Parse("sh -c \"$CMD\"");
  EXPECT_TRUE(r3.ok);
  EXPECT_EQ(r3.commands.size(), 2u);
  EXPECT_EQ(r3.commands[1].Name(), "");
}

TEST(ShellWrappers, NestedScriptScope) {
  ParseResult r = Parse("sh -c 'cd /x && make'; ls");
  const SimpleCommand* cd = Find(r, "cd");
  ASSERT_NE(cd, nullptr);
  auto later = CommandsAfterInSameShell(r, *cd);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0]->Name(), "make");
}

// ---- flags ----

TEST(ShellFlags, CombinedShortFlags) {
  ParseResult r = Parse("apt-get -yq install curl; apt-get install -qq curl; apt-get install curl");
  ASSERT_EQ(r.commands.size(), 3u);
  EXPECT_TRUE(HasFlag(r.commands[0], {"-y"}));
  EXPECT_TRUE(HasFlag(r.commands[0], {"-q"}));
  EXPECT_FALSE(HasFlag(r.commands[0], {"-n"}));
  EXPECT_TRUE(HasFlag(r.commands[1], {"-qq"}));
  EXPECT_TRUE(HasFlag(r.commands[1], {"-q"}));
  EXPECT_FALSE(HasFlag(r.commands[2], {"-y", "--yes", "--assume-yes"}));
}

TEST(ShellFlags, LongFlagsAndValues) {
  ParseResult r = Parse(
      "apt-get -o APT::Install-Recommends=false --no-install-recommends=1 install -y x -- -z");
  const SimpleCommand& c = r.commands[0];
  EXPECT_TRUE(HasFlag(c, {"--no-install-recommends"}));
  EXPECT_TRUE(HasFlag(c, {"-y"}));
  EXPECT_FALSE(HasFlag(c, {"-z"}));  // after --
  EXPECT_FALSE(HasFlag(c, {"-A"}));  // inside the value of -o
  std::vector<ShellWord> v = FlagValues(c, {"-o"});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].value, "APT::Install-Recommends=false");
  ASSERT_NE(Subcommand(c), nullptr);
  EXPECT_EQ(Subcommand(c)->value, "install");
  EXPECT_TRUE(IsSubcommand(c, "install"));
  std::vector<const ShellWord*> pos = Positionals(c);
  ASSERT_EQ(pos.size(), 3u);
  EXPECT_EQ(pos[1]->value, "x");
  EXPECT_EQ(pos[2]->value, "-z");
}

TEST(ShellFlags, InlineShortValue) {
  ParseResult r = Parse("apt-get -oDebug::X=1 install x; git -c http.sslVerify=false clone u");
  EXPECT_EQ(FlagValues(r.commands[0], {"-o"})[0].value, "Debug::X=1");
  EXPECT_TRUE(IsSubcommand(r.commands[0], "install"));
  EXPECT_EQ(FlagValues(r.commands[1], {"-c"})[0].value, "http.sslVerify=false");
  EXPECT_TRUE(IsSubcommand(r.commands[1], "clone"));
}

TEST(ShellFlags, PipOptionsWithValues) {
  ParseResult r = Parse("pip --index-url https://x install --trusted-host h --no-cache-dir a");
  const SimpleCommand& c = r.commands[0];
  EXPECT_TRUE(IsSubcommand(c, "install"));
  EXPECT_TRUE(HasFlag(c, {"--no-cache-dir"}));
  EXPECT_EQ(FlagValues(c, {"--trusted-host"})[0].value, "h");
  EXPECT_TRUE(IsSubcommand(Parse("pip3.11 -i https://x install a").commands[0], "install"));
}

TEST(ShellFlags, NonLiteralNeverMatches) {
  ParseResult r = Parse("apt-get $OPTS install \"$Y\" x");
  EXPECT_FALSE(HasFlag(r.commands[0], {"-y"}));
  EXPECT_FALSE(IsSubcommand(r.commands[0], "install"));
}

TEST(ShellFlags, ThroughWrappers) {
  ParseResult r = Parse("sudo -u root apt-get -y install x");
  EXPECT_TRUE(HasFlag(r.commands[0], {"-y"}));
  EXPECT_TRUE(IsSubcommand(r.commands[0], "install"));
  EXPECT_FALSE(HasFlag(r.commands[0], {"-u"}));
}

TEST(ShellFlags, QuotedFlagIsStillAFlag) {
  ParseResult r = Parse("curl \"-k\" https://x");
  EXPECT_TRUE(HasFlag(r.commands[0], {"-k", "--insecure"}));
}

TEST(ShellFlags, SetPipefail) {
  EXPECT_TRUE(SetsPipefail(Parse("set -o pipefail").commands[0]));
  EXPECT_TRUE(SetsPipefail(Parse("set -euxo pipefail").commands[0]));
  EXPECT_FALSE(SetsPipefail(Parse("set -eux").commands[0]));
  EXPECT_FALSE(SetsPipefail(Parse("set +o pipefail").commands[0]));
  EXPECT_FALSE(SetsPipefail(Parse("echo -o pipefail").commands[0]));
}

// ---- scopes ----

TEST(ShellScope, CdAffectsLaterCommands) {
  ParseResult r = Parse("cd /app && make; (cd /tmp && ls); echo $(cd /x; pwd); cd /last");
  const auto& c = r.commands;
  ASSERT_EQ(c.size(), 8u);
  EXPECT_EQ(c[0].argv[1].value, "/app");
  EXPECT_EQ(CommandsAfterInSameShell(r, c[0]).size(), 7u);  // everything later
  // cd in a subshell reaches only the rest of that subshell.
  auto in_sub = CommandsAfterInSameShell(r, c[2]);
  ASSERT_EQ(in_sub.size(), 1u);
  EXPECT_EQ(in_sub[0]->Name(), "ls");
  auto in_subst = CommandsAfterInSameShell(r, c[5]);
  ASSERT_EQ(in_subst.size(), 1u);
  EXPECT_EQ(in_subst[0]->Name(), "pwd");
  EXPECT_TRUE(CommandsAfterInSameShell(r, c[7]).empty());
}

// ---- shell kinds ----

TEST(ShellClassify, Kinds) {
  EXPECT_EQ(Classify({}).kind, ShellKind::kPosix);
  ShellInfo b = Classify({"/bin/bash", "-o", "pipefail", "-c"});
  EXPECT_EQ(b.kind, ShellKind::kPosix);
  EXPECT_EQ(b.program, "bash");
  EXPECT_TRUE(b.pipefail);
  ShellInfo e = Classify({"/bin/bash", "-eo", "pipefail", "-c"});
  EXPECT_TRUE(e.pipefail);
  EXPECT_TRUE(e.errexit);
  EXPECT_FALSE(Classify({"/bin/sh", "-c"}).pipefail);
  EXPECT_EQ(Classify({"pwsh", "-Command"}).kind, ShellKind::kPowerShell);
  EXPECT_EQ(
      Classify({"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "-command"}).kind,
      ShellKind::kPowerShell);
  EXPECT_EQ(Classify({"cmd", "/S", "/C"}).kind, ShellKind::kCmd);
  EXPECT_EQ(Classify({"/usr/bin/fish", "-c"}).kind, ShellKind::kUnknown);
}

// ---- robustness ----

TEST(ShellRobust, UnbalancedQuotes) {
  ParseResult r = Parse("echo 'abc");
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.commands.size(), 1u);
  EXPECT_EQ(r.commands[0].argv[1].value, "abc");
  EXPECT_FALSE(Parse("echo \"abc").ok);
  EXPECT_FALSE(Parse("echo `abc").ok);
  EXPECT_FALSE(Parse("echo $(abc").ok);
  EXPECT_FALSE(Parse("echo ${abc").ok);
}

TEST(ShellRobust, StrayTokens) {
  ParseResult r = Parse("echo a ) ; echo b");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(Find(r, "echo"), nullptr);
  EXPECT_EQ(r.commands.size(), 2u);
  EXPECT_FALSE(Parse("fi").ok);
  EXPECT_FALSE(Parse("if true; then echo").ok);
  EXPECT_FALSE(Parse("a && ").ok);
  EXPECT_FALSE(Parse("| a").ok);
  EXPECT_FALSE(Parse(";; done esac }").ok);
  EXPECT_FALSE(Parse("case x in").ok);
  EXPECT_FALSE(Parse("cat <").ok);
  EXPECT_TRUE(Parse("").ok);
  EXPECT_TRUE(Parse("   \n\n  # c\n").ok);
}

TEST(ShellRobust, DeepParens) {
  std::string open(100000, '(');
  std::string close(100000, ')');
  // `((...))` reads as one arithmetic command: no command, no crash.
  ParseResult r = Parse(open + "echo x" + close);
  EXPECT_TRUE(r.commands.empty());
  std::string spaced;
  for (int i = 0; i < 100000; ++i) spaced += "( ";
  spaced += "echo x";
  for (int i = 0; i < 100000; ++i) spaced += " )";
  ParseResult deep = Parse(spaced);
  EXPECT_FALSE(deep.ok);
  EXPECT_EQ(deep.errors[0].message, "nesting too deep");
  ParseResult r2 = Parse(std::string(100000, '('));
  EXPECT_FALSE(r2.ok);
  std::string subst;
  for (int i = 0; i < 50000; ++i) subst += "$(";
  ParseResult r3 = Parse("echo " + subst);
  EXPECT_FALSE(r3.ok);
  std::string braces;
  for (int i = 0; i < 50000; ++i) braces += "{ ";
  EXPECT_FALSE(Parse(braces).ok);
  std::string ifs;
  for (int i = 0; i < 50000; ++i) ifs += "if a; then ";
  EXPECT_FALSE(Parse(ifs).ok);
  std::string backticks;
  for (int i = 0; i < 20000; ++i) backticks += "`\\";
  Parse(backticks);
}

TEST(ShellRobust, ModerateNestingIsFine) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "( ";
  text += "curl x | sh";
  for (int i = 0; i < 20; ++i) text += ")";
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  const SimpleCommand* sh = Find(r, "sh");
  ASSERT_NE(sh, nullptr);
  EXPECT_EQ(sh->depth, 20);
}

TEST(ShellRobust, LargeScriptIsFast) {
  std::string text;
  while (text.size() < (1u << 20)) {
    text += "apt-get install -y \"pkg $V\" 'x y' && echo $(date) | grep -q a || true\n";
  }
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  EXPECT_GT(r.commands.size(), 50000u);
}

TEST(ShellRobust, LargeWordIsFast) {
  std::string one_word(1u << 20, 'a');
  EXPECT_EQ(Parse(one_word).commands.size(), 1u);
  std::string quotes(1u << 20, '"');
  EXPECT_TRUE(Parse(quotes).ok);  // pairs of empty strings
}

TEST(ShellRobust, ManyOpenArithmeticIsFast) {
  std::string parens;
  while (parens.size() < (1u << 20)) parens += "$(( ";
  EXPECT_FALSE(Parse("echo " + parens).ok);
  std::string subshells;
  while (subshells.size() < (1u << 20)) subshells += "( ";
  EXPECT_FALSE(Parse(subshells).ok);
}

TEST(ShellRobust, ManyHeredocs) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "cat <<E\nx\nE\n";
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.heredocs.size(), 20000u);
}

TEST(ShellRobust, CrLfLineEndings) {
  ParseResult r = Parse("apt-get update \\\r\n && apt-get install -y x\r\n");
  EXPECT_EQ(AllArgv(r), (VV{{"apt-get", "update"}, {"apt-get", "install", "-y", "x"}}));
}

}  // namespace
}  // namespace pf::shell

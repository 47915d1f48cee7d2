// Shell grammar: lists, and-or lists, pipelines, compound commands and
// simple commands, built on the lexer in lex.cc.

#include <string>

#include "shell/parser_internal.h"

namespace pf::shell::internal {
namespace {

std::string Describe(std::string_view text, const Token& t) {
  if (t.kind == Tok::kEnd) return "end of script";
  if (t.kind == Tok::kNewline) return "newline";
  return "'" + std::string(text.substr(t.begin, t.end - t.begin)) + "'";
}

// `NAME=value` with an unquoted name at the start of the raw text.
bool SplitAssignment(const ShellWord& w, Assignment* a) {
  std::size_t eq = w.raw.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  std::string_view name(w.raw.data(), eq);
  bool append = false;
  if (name.back() == '+') {
    name.remove_suffix(1);
    append = true;
  }
  if (!IsName(name)) return false;
  std::size_t prefix = eq + 1;  // same bytes in raw and value: the name is unquoted
  a->name = std::string(name);
  a->append = append;
  a->span = w.span;
  a->value.raw = w.raw.substr(prefix);
  a->value.value = prefix <= w.value.size() ? w.value.substr(prefix) : std::string();
  a->value.span = {w.span.begin + prefix > w.span.end ? w.span.end : w.span.begin + prefix,
                   w.span.end};
  a->value.has_expansion = w.has_expansion;
  a->value.has_command_subst = w.has_command_subst;
  a->value.has_glob = false;  // no pathname expansion in assignments
  a->value.quoted = w.quoted;
  a->value.literal = !w.has_expansion;
  return true;
}

}  // namespace

bool Parser::IsWord(const Token& t, std::string_view word) const {
  return t.kind == Tok::kWord && !t.word.quoted && t.word.raw == word;
}

bool Parser::IsOp(const Token& t, std::string_view op) const {
  return t.kind == Tok::kOp && t.op == op;
}

bool Parser::IsTerminator(const Token& t) const {
  if (t.kind == Tok::kOp) return t.op == ")" || t.op == ";;" || t.op == ";&" || t.op == ";;&";
  if (t.kind != Tok::kWord || t.word.quoted) return false;
  const std::string& w = t.word.raw;
  return w == "then" || w == "elif" || w == "else" || w == "fi" || w == "do" || w == "done" ||
         w == "esac" || w == "}";
}

void Parser::SkipNewlines() {
  while (Peek().kind == Tok::kNewline) Take();
}

bool Parser::ExpectWord(std::string_view word) {
  const Token& t = Peek();
  if (IsWord(t, word)) {
    Take();
    return true;
  }
  Error("expected '" + std::string(word) + "' but found " + Describe(text_, t), t.begin);
  return false;
}

bool Parser::Deeper(std::uint32_t flags, bool new_scope) {
  if (env_.depth + 1 >= env_.max_depth) {
    Error("nesting too deep", Peek().begin);
    abandoned_ = true;  // give up on the rest: bounded stack, bounded time
    has_tok_ = false;
    pos_ = text_.size();
    return false;
  }
  env_.depth++;
  env_.context |= flags;
  if (new_scope) env_.scope = NewScope();
  return true;
}

void Parser::ParseScript() {
  while (true) {
    ParseList();
    const Token& t = Peek();
    if (t.kind == Tok::kEnd) break;
    Error("unexpected " + Describe(text_, t), t.begin);
    Take();
  }
  for (int h : pending_heredocs_) {
    out_->heredocs[static_cast<std::size_t>(h)].body_span = {text_.size(), text_.size()};
  }
  pending_heredocs_.clear();
}

Parser::PipeRef Parser::ParseList() {
  Op prev = Op::kNone;
  PipeRef open;  // last pipeline when no separator followed it
  while (!abandoned_) {
    SkipNewlines();
    const Token& t = Peek();
    if (t.kind == Tok::kEnd || IsTerminator(t)) return open;
    PipeRef p = ParseAndOr(prev);
    open = {};
    const Token& s = Peek();
    Op sep = Op::kNone;
    if (IsOp(s, ";")) {
      sep = Op::kSemicolon;
    } else if (IsOp(s, "&")) {
      sep = Op::kBackground;
    } else if (s.kind == Tok::kNewline) {
      sep = Op::kNewline;
    }
    SetNext(p, sep);
    prev = sep;
    if (sep != Op::kNone) {
      Take();
      continue;
    }
    open = p;
    const Token& u = Peek();
    if (u.kind == Tok::kEnd || IsTerminator(u)) return open;
    Error("unexpected " + Describe(text_, u), u.begin);
    Take();
  }
  return open;
}

void Parser::SetNext(const PipeRef& p, Op op) {
  if (p.index >= 0) out_->pipelines[static_cast<std::size_t>(p.index)].next_op = op;
  if (p.cmds.last >= 0) out_->commands[static_cast<std::size_t>(p.cmds.last)].next_op = op;
}

Parser::PipeRef Parser::ParseAndOr(Op prev) {
  PipeRef r = ParsePipeline(prev);
  while (!abandoned_) {
    const Token& t = Peek();
    Op op = IsOp(t, "&&") ? Op::kAnd : IsOp(t, "||") ? Op::kOr : Op::kNone;
    if (op == Op::kNone) break;
    Take();
    SetNext(r, op);
    SkipNewlines();
    r = ParsePipeline(op);
  }
  return r;
}

Parser::PipeRef Parser::ParsePipeline(Op prev) {
  PipeRef r;
  r.index = static_cast<int>(out_->pipelines.size());
  out_->pipelines.emplace_back();  // reserved so pipelines stay in source order
  const std::size_t begin = Peek().begin;
  bool negated = false;
  while (IsWord(Peek(), "!")) {
    Take();
    negated = !negated;
  }
  std::vector<CmdRef> elems;
  std::vector<Op> ops;
  while (!abandoned_) {
    elems.push_back(ParseCommand());
    const Token& t = Peek();
    Op op = IsOp(t, "|") ? Op::kPipe : IsOp(t, "|&") ? Op::kPipeAll : Op::kNone;
    if (op == Op::kNone) break;
    Take();
    ops.push_back(op);
    if (elems.back().last >= 0) {
      out_->commands[static_cast<std::size_t>(elems.back().last)].next_op = op;
    }
    SkipNewlines();
  }
  auto& cmds = out_->commands;
  if (!elems.empty() && elems[0].first >= 0)
    cmds[static_cast<std::size_t>(elems[0].first)].prev_op = prev;
  Pipeline& p = out_->pipelines[static_cast<std::size_t>(r.index)];
  p.negated = negated;
  p.span = {begin, last_end_ < begin ? begin : last_end_};
  for (std::size_t k = 0; k < elems.size(); ++k) {
    const CmdRef& e = elems[k];
    p.commands.push_back(e.first);
    if (e.first >= 0) cmds[static_cast<std::size_t>(e.first)].pipeline = r.index;
    if (e.last >= 0) cmds[static_cast<std::size_t>(e.last)].pipeline = r.index;
    if (k == 0) continue;
    const CmdRef& from = elems[k - 1];
    if (e.first >= 0) cmds[static_cast<std::size_t>(e.first)].prev_op = ops[k - 1];
    if (from.last >= 0 && e.first >= 0) {
      cmds[static_cast<std::size_t>(e.first)].pipe_from = from.last;
      cmds[static_cast<std::size_t>(from.last)].pipe_to = e.first;
    }
  }
  if (!elems.empty()) r.cmds = {elems.front().first, elems.back().last};
  return r;
}

Parser::CmdRef Parser::RangeFrom(std::size_t before) const {
  // The outermost commands created inside a compound command; of those, the
  // first and last in source order.
  CmdRef r;
  const auto& cmds = out_->commands;
  int best_depth = 0;
  for (std::size_t i = before; i < cmds.size(); ++i) {
    const SimpleCommand& c = cmds[i];
    int idx = static_cast<int>(i);
    if (r.first < 0 || c.depth < best_depth) {
      best_depth = c.depth;
      r.first = r.last = idx;
      continue;
    }
    if (c.depth != best_depth) continue;
    if (c.span.begin < cmds[static_cast<std::size_t>(r.first)].span.begin) r.first = idx;
    if (c.span.begin >= cmds[static_cast<std::size_t>(r.last)].span.begin) r.last = idx;
  }
  return r;
}

Parser::CmdRef Parser::ParseCommand() {
  const Token& t = Peek();
  const std::size_t before = out_->commands.size();
  if (t.kind == Tok::kEnd || t.kind == Tok::kNewline || (t.kind == Tok::kOp && t.op != "(")) {
    Error("expected a command before " + Describe(text_, t), t.begin);
    return {};
  }
  if (IsOp(t, "(")) {
    if (IsArithmetic(t.begin)) {  // (( expr ))
      std::size_t end = MatchParen(t.begin);
      has_tok_ = false;
      pos_ = end;
      last_end_ = end;
      ParseTrailingRedirects();
      return {};
    }
    std::size_t open = t.begin;
    ParserEnv saved = env_;
    if (!Deeper(kInSubshell, true)) return {};
    Take();
    ParseList();
    env_ = saved;
    if (IsOp(Peek(), ")")) {
      Take();
    } else {
      Error("missing ')' for '(' here", open);
    }
    ParseTrailingRedirects();
    return RangeFrom(before);
  }
  if (t.kind == Tok::kWord && !t.word.quoted) {
    const std::string w = t.word.raw;
    bool compound = true;
    if (w == "{") {
      ParserEnv saved = env_;
      if (!Deeper(kInGroup, false)) return {};
      Take();
      ParseList();
      env_ = saved;
      ExpectWord("}");
    } else if (w == "if") {
      ParseIf();
    } else if (w == "while" || w == "until") {
      ParseWhile();
    } else if (w == "for" || w == "select") {
      ParseFor();
    } else if (w == "case") {
      ParseCase();
    } else if (w == "function") {
      ParseFunctionKeyword();
    } else {
      compound = false;
    }
    if (compound) {
      ParseTrailingRedirects();
      return RangeFrom(before);
    }
    if (IsTerminator(t)) {
      Error("unexpected " + Describe(text_, t), t.begin);
      return {};
    }
  }
  int idx = ParseSimpleCommand();
  if (idx < 0) return RangeFrom(before);  // function definition
  return {idx, idx};
}

void Parser::ParseTrailingRedirects() {
  SimpleCommand sink;
  std::vector<int> heredocs;
  std::vector<std::pair<std::size_t, std::size_t>> nested;
  while (!abandoned_ && Peek().kind == Tok::kRedirect) ParseRedirect(&sink, &heredocs, &nested);
}

void Parser::ParseRedirect(SimpleCommand* cmd, std::vector<int>* heredocs,
                           std::vector<std::pair<std::size_t, std::size_t>>* nested) {
  Token r = Take();
  Redirect rd;
  rd.fd = r.fd;
  rd.op = r.op;
  rd.span = {r.begin, r.end};
  if (Peek().kind != Tok::kWord) {
    Error("missing target for '" + r.op + "'", r.end);
    cmd->redirects.push_back(std::move(rd));
    return;
  }
  Token w = Take();
  nested->emplace_back(w.nested_begin, w.nested_end);
  rd.target = std::move(w.word);
  rd.span.end = w.end;
  if (rd.op == "<<" || rd.op == "<<-") {
    Heredoc hd;
    hd.delimiter = rd.target.value;
    hd.quoted_delimiter = rd.target.quoted;
    hd.strip_tabs = rd.op == "<<-";
    rd.heredoc = static_cast<int>(out_->heredocs.size());
    out_->heredocs.push_back(std::move(hd));
    pending_heredocs_.push_back(rd.heredoc);
    heredocs->push_back(rd.heredoc);
  }
  cmd->redirects.push_back(std::move(rd));
}

void Parser::ParseDoubleBracket(SimpleCommand* cmd) {
  // [[ ... ]]: operators inside are plain words of the test expression.
  cmd->argv.push_back(Take().word);
  while (!abandoned_) {
    const Token& t = Peek();
    if (t.kind == Tok::kEnd) {
      Error("missing ']]'", t.begin);
      return;
    }
    if (t.kind == Tok::kNewline) {
      Take();
      continue;
    }
    Token tok = Take();
    if (tok.kind == Tok::kWord) {
      bool close = !tok.word.quoted && tok.word.raw == "]]";
      cmd->argv.push_back(std::move(tok.word));
      if (close) return;
      continue;
    }
    ShellWord w;
    w.raw = std::string(text_.substr(tok.begin, tok.end - tok.begin));
    w.value = w.raw;
    w.span = {tok.begin, tok.end};
    cmd->argv.push_back(std::move(w));
  }
}

int Parser::ParseSimpleCommand() {
  SimpleCommand cmd;
  cmd.context = env_.context;
  cmd.depth = env_.depth;
  cmd.scope = env_.scope;
  const std::size_t begin = Peek().begin;
  std::vector<std::pair<std::size_t, std::size_t>> nested;
  std::vector<int> heredocs;
  while (!abandoned_) {
    const Token& t = Peek();
    if (t.kind == Tok::kRedirect) {
      ParseRedirect(&cmd, &heredocs, &nested);
      continue;
    }
    if (t.kind == Tok::kWord) {
      Assignment a;
      if (cmd.argv.empty() && SplitAssignment(t.word, &a)) {
        nested.emplace_back(t.nested_begin, t.nested_end);
        Take();
        cmd.assignments.push_back(std::move(a));
        continue;
      }
      if (cmd.argv.empty() && IsWord(t, "[[")) {
        ParseDoubleBracket(&cmd);
        continue;
      }
      nested.emplace_back(t.nested_begin, t.nested_end);
      cmd.argv.push_back(Take().word);
      continue;
    }
    if (IsOp(t, "(") && cmd.argv.size() == 1 && cmd.assignments.empty() && cmd.redirects.empty() &&
        !cmd.argv[0].quoted && cmd.argv[0].literal) {
      Take();  // name ( ) compound-command
      if (IsOp(Peek(), ")")) {
        Take();
      } else {
        Error("expected ')' in function definition", Peek().begin);
      }
      ParseFunctionBody();
      return -1;
    }
    break;
  }
  if (cmd.argv.empty() && cmd.assignments.empty() && cmd.redirects.empty()) return -1;
  cmd.span = {begin, last_end_ < begin ? begin : last_end_};
  ResolveWrappers(&cmd);
  const int idx = static_cast<int>(out_->commands.size());
  cmd.index = idx;
  for (int h : heredocs) out_->heredocs[static_cast<std::size_t>(h)].command = idx;
  out_->commands.push_back(std::move(cmd));
  for (const auto& [b, e] : nested) {
    for (std::size_t i = b; i < e && i < out_->commands.size(); ++i) {
      if (out_->commands[i].parent < 0 && static_cast<int>(i) != idx) {
        out_->commands[i].parent = idx;
      }
    }
  }
  return idx;
}

void Parser::ParseFunctionBody() {
  SkipNewlines();
  ParserEnv saved = env_;
  if (!Deeper(kInFunction, false)) return;
  ParseCommand();
  env_ = saved;
}

void Parser::ParseFunctionKeyword() {
  Take();  // function
  if (Peek().kind == Tok::kWord) {
    Take();
  } else {
    Error("expected a function name", Peek().begin);
    return;
  }
  if (IsOp(Peek(), "(")) {
    Take();
    if (IsOp(Peek(), ")")) {
      Take();
    } else {
      Error("expected ')' in function definition", Peek().begin);
    }
  }
  ParseFunctionBody();
}

void Parser::ParseIf() {
  Take();  // if
  while (!abandoned_) {
    ParserEnv saved = env_;
    if (!Deeper(kInIf | kInCondition, false)) return;
    ParseList();
    env_ = saved;
    if (!ExpectWord("then")) return;
    if (!Deeper(kInIf, false)) return;
    ParseList();
    env_ = saved;
    const Token& t = Peek();
    if (IsWord(t, "elif")) {
      Take();
      continue;
    }
    if (IsWord(t, "else")) {
      Take();
      if (!Deeper(kInIf, false)) return;
      ParseList();
      env_ = saved;
    }
    ExpectWord("fi");
    return;
  }
}

void Parser::ParseWhile() {
  Take();  // while / until
  ParserEnv saved = env_;
  if (!Deeper(kInLoop | kInCondition, false)) return;
  ParseList();
  env_ = saved;
  if (!ExpectWord("do")) return;
  if (!Deeper(kInLoop, false)) return;
  ParseList();
  env_ = saved;
  ExpectWord("done");
}

void Parser::ParseFor() {
  Token kw = Take();  // for / select
  SkipBlanks();
  if (!has_tok_ && text_.substr(pos_, 2) == "((") {  // for (( init; cond; step ))
    std::size_t end = MatchParen(pos_);
    if (end == std::string_view::npos) {
      Error("unterminated 'for (('", pos_);
      end = text_.size();
    }
    pos_ = end;
    last_end_ = end;
  } else if (Peek().kind == Tok::kWord) {
    Take();
    SkipNewlines();
    if (IsWord(Peek(), "in")) {
      Take();
      while (Peek().kind == Tok::kWord) Take();
    }
  } else {
    Error("expected a variable name after '" + kw.word.raw + "'", Peek().begin);
    return;
  }
  if (IsOp(Peek(), ";") || Peek().kind == Tok::kNewline) Take();
  SkipNewlines();
  ParserEnv saved = env_;
  if (IsWord(Peek(), "{")) {  // bash also accepts a brace group as the body
    if (!Deeper(kInLoop, false)) return;
    ParseCommand();
    env_ = saved;
    return;
  }
  if (!ExpectWord("do")) return;
  if (!Deeper(kInLoop, false)) return;
  ParseList();
  env_ = saved;
  ExpectWord("done");
}

void Parser::ParseCase() {
  Take();  // case
  if (Peek().kind != Tok::kWord) {
    Error("expected a word after 'case'", Peek().begin);
    return;
  }
  Take();
  SkipNewlines();
  if (!ExpectWord("in")) return;
  while (!abandoned_) {
    SkipNewlines();
    const Token& t = Peek();
    if (IsWord(t, "esac")) {
      Take();
      return;
    }
    if (t.kind == Tok::kEnd) {
      Error("missing 'esac'", t.begin);
      return;
    }
    if (IsOp(t, "(")) Take();
    while (Peek().kind == Tok::kWord) {
      Take();
      if (!IsOp(Peek(), "|")) break;
      Take();
    }
    if (!IsOp(Peek(), ")")) {
      Error("expected ')' after case pattern, found " + Describe(text_, Peek()), Peek().begin);
      if (Peek().kind == Tok::kEnd) return;
      Take();
      continue;
    }
    Take();
    ParserEnv saved = env_;
    if (!Deeper(kInCase, false)) return;
    PipeRef last = ParseList();
    env_ = saved;
    const Token& e = Peek();
    if (IsOp(e, ";;") || IsOp(e, ";&") || IsOp(e, ";;&")) {
      SetNext(last, Op::kCaseEnd);
      Take();
      continue;
    }
    if (IsWord(e, "esac")) continue;
    Error("expected ';;' or 'esac', found " + Describe(text_, e), e.begin);
    return;
  }
}

void ParseNested(std::string_view text, ParseResult* out, const ParserEnv& env,
                 const OffsetMap& map) {
  const std::size_t c0 = out->commands.size();
  const std::size_t p0 = out->pipelines.size();
  const std::size_t h0 = out->heredocs.size();
  const std::size_t e0 = out->errors.size();
  Parser p(text, out, env);
  p.ParseScript();
  for (std::size_t i = c0; i < out->commands.size(); ++i) {
    SimpleCommand& c = out->commands[i];
    c.span = map.MapSpan(c.span);
    for (ShellWord& w : c.argv) w.span = map.MapSpan(w.span);
    for (Assignment& a : c.assignments) {
      a.span = map.MapSpan(a.span);
      a.value.span = map.MapSpan(a.value.span);
    }
    for (Redirect& r : c.redirects) {
      r.span = map.MapSpan(r.span);
      r.target.span = map.MapSpan(r.target.span);
    }
  }
  for (std::size_t i = p0; i < out->pipelines.size(); ++i) {
    out->pipelines[i].span = map.MapSpan(out->pipelines[i].span);
  }
  for (std::size_t i = h0; i < out->heredocs.size(); ++i) {
    out->heredocs[i].body_span = map.MapSpan(out->heredocs[i].body_span);
  }
  for (std::size_t i = e0; i < out->errors.size(); ++i) {
    out->errors[i].offset = map.Map(out->errors[i].offset);
  }
}

}  // namespace pf::shell::internal

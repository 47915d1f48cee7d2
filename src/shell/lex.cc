// Tokens of shell text: operators, redirections, words (with quote removal
// and command substitutions parsed in place), newlines and heredoc bodies.

#include <cctype>
#include <string>

#include "shell/parser_internal.h"

namespace pf::shell::internal {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
constexpr std::size_t kMaxErrors = 64;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool IsName(std::string_view s) {
  if (s.empty() || !IsNameStart(s[0])) return false;
  for (char c : s) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

std::size_t OffsetMap::Map(std::size_t i) const {
  if (at.empty()) return i;
  return i < at.size() ? at[i] : at.back();
}

ByteSpan OffsetMap::MapSpan(ByteSpan s) const {
  std::size_t b = Map(s.begin);
  std::size_t e = s.end > s.begin ? Map(s.end - 1) + 1 : b;
  if (e < b) e = b;
  return {b, e};
}

Parser::Parser(std::string_view text, ParseResult* out, const ParserEnv& env)
    : text_(text), out_(out), env_(env) {}

void Parser::Error(std::string message, std::size_t offset) {
  out_->ok = false;
  if (out_->errors.size() < kMaxErrors) out_->errors.push_back({std::move(message), offset});
}

int Parser::NewScope() {
  out_->scope_parents.push_back(env_.scope);
  return static_cast<int>(out_->scope_parents.size()) - 1;
}

const Token& Parser::Peek() {
  if (!has_tok_) {
    Token t = Lex();  // may re-enter Peek/Take for command substitutions
    tok_ = std::move(t);
    has_tok_ = true;
  }
  return tok_;
}

Token Parser::Take() {
  Peek();
  has_tok_ = false;
  last_end_ = tok_.end;
  return std::move(tok_);
}

void Parser::SkipBlanks() {
  const std::size_t n = text_.size();
  while (pos_ < n) {
    char c = text_[pos_];
    if (IsBlank(c)) {
      ++pos_;
    } else if (c == '\\' && pos_ + 1 < n && text_[pos_ + 1] == '\n') {
      pos_ += 2;
    } else if (c == '\\' && pos_ + 2 < n && text_[pos_ + 1] == '\r' && text_[pos_ + 2] == '\n') {
      pos_ += 3;
    } else if (c == '#') {
      std::size_t eol = text_.find('\n', pos_);
      pos_ = eol == kNpos ? n : eol;
    } else {
      break;
    }
  }
}

Token Parser::Lex() {
  Token t;
  const std::size_t n = text_.size();
  if (abandoned_) pos_ = n;
  SkipBlanks();
  t.begin = pos_;
  t.nested_begin = out_->commands.size();
  auto at = [&](std::size_t i) { return i < n ? text_[i] : '\0'; };
  auto finish = [&](Tok kind, std::size_t len) {
    t.kind = kind;
    t.op = std::string(text_.substr(pos_, len));
    pos_ += len;
    t.end = pos_;
    t.nested_end = out_->commands.size();
    return t;
  };
  if (pos_ >= n) {
    t.kind = Tok::kEnd;
    t.end = n;
    t.nested_end = t.nested_begin;
    return t;
  }
  char c = text_[pos_];
  if (c == '\n') {
    ++pos_;
    t.kind = Tok::kNewline;
    t.end = pos_;
    t.nested_end = t.nested_begin;
    ReadPendingHeredocs();
    return t;
  }
  char d = at(pos_ + 1);
  char e = at(pos_ + 2);
  switch (c) {
    case ';':
      if (d == ';' && e == '&') return finish(Tok::kOp, 3);
      if (d == ';' || d == '&') return finish(Tok::kOp, 2);
      return finish(Tok::kOp, 1);
    case '&':
      if (d == '&') return finish(Tok::kOp, 2);
      if (d == '>' && e == '>') return finish(Tok::kRedirect, 3);
      if (d == '>') return finish(Tok::kRedirect, 2);
      return finish(Tok::kOp, 1);
    case '|':
      if (d == '|' || d == '&') return finish(Tok::kOp, 2);
      return finish(Tok::kOp, 1);
    case '(':
    case ')':
      return finish(Tok::kOp, 1);
    default:
      break;
  }
  std::size_t r = pos_;
  if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
    while (r < n && std::isdigit(static_cast<unsigned char>(text_[r])) != 0) ++r;
    if (r < n && (text_[r] == '<' || text_[r] == '>') && at(r + 1) != '(' && r - pos_ <= 9) {
      t.fd = std::stoi(std::string(text_.substr(pos_, r - pos_)));
    } else {
      r = pos_;
    }
  }
  char rc = at(r);
  if ((rc == '<' || rc == '>') && at(r + 1) != '(') {
    char r1 = at(r + 1);
    char r2 = at(r + 2);
    std::size_t len = 1;
    if (rc == '<') {
      if (r1 == '<' && (r2 == '<' || r2 == '-')) {
        len = 3;
      } else if (r1 == '<' || r1 == '>' || r1 == '&') {
        len = 2;
      }
    } else if (r1 == '>' || r1 == '&' || r1 == '|') {
      len = 2;
    }
    t.kind = Tok::kRedirect;
    t.op = std::string(text_.substr(r, len));
    pos_ = r + len;
    t.end = pos_;
    t.nested_end = out_->commands.size();
    return t;
  }
  t.kind = Tok::kWord;
  LexWord(&t.word);
  t.end = pos_;
  t.nested_end = out_->commands.size();
  return t;
}

void Parser::LexSingleWord(ShellWord* w) {
  pos_ = 0;
  LexWord(w);
}

void Parser::Append(ShellWord* w, char c, std::size_t src) {
  w->value += c;
  if (env_.offsets != nullptr) env_.offsets->push_back(src);
}

void Parser::AppendRaw(ShellWord* w, std::size_t begin, std::size_t end) {
  if (end > text_.size()) end = text_.size();
  if (begin >= end) return;
  w->value.append(text_.substr(begin, end - begin));
  if (env_.offsets != nullptr) {
    for (std::size_t i = begin; i < end; ++i) env_.offsets->push_back(i);
  }
}

void Parser::LexWord(ShellWord* w) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  auto at = [&](std::size_t i) { return i < n ? text_[i] : '\0'; };
  bool open_bracket = false;
  while (pos_ < n) {
    char c = text_[pos_];
    if ((c == '<' || c == '>') && pos_ == start && at(pos_ + 1) == '(') {
      LexCommandSubst(w, pos_, pos_ + 1);  // process substitution
      continue;
    }
    if (c == '(') {
      // NAME=( ... ) array assignment keeps its list in the word.
      std::string_view sofar = text_.substr(start, pos_ - start);
      if (sofar.size() >= 2 && sofar.back() == '=') {
        std::string_view name = sofar.substr(0, sofar.size() - 1);
        if (!name.empty() && name.back() == '+') name.remove_suffix(1);
        if (IsName(name)) {
          std::size_t end = MatchParen(pos_);
          if (end == kNpos) {
            Error("unterminated array assignment", pos_);
            end = n;
          }
          AppendRaw(w, pos_, end);
          w->has_expansion = true;
          pos_ = end;
          continue;
        }
      }
      break;
    }
    if (IsBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
        c == ')') {
      break;
    }
    switch (c) {
      case '\\':
        if (at(pos_ + 1) == '\n') {
          pos_ += 2;
        } else if (pos_ + 1 < n) {
          w->quoted = true;
          Append(w, text_[pos_ + 1], pos_ + 1);
          pos_ += 2;
        } else {
          Append(w, '\\', pos_);
          ++pos_;
        }
        continue;
      case '\'': {
        w->quoted = true;
        std::size_t close = text_.find('\'', pos_ + 1);
        if (close == kNpos) {
          Error("unterminated single quote", pos_);
          close = n;
        }
        if (env_.offsets == nullptr) {
          w->value.append(text_.substr(pos_ + 1, close - pos_ - 1));
        } else {
          for (std::size_t i = pos_ + 1; i < close; ++i) Append(w, text_[i], i);
        }
        pos_ = close < n ? close + 1 : n;
        continue;
      }
      case '"':
        LexDoubleQuoted(w);
        continue;
      case '$':
        LexDollar(w, false);
        continue;
      case '`':
        LexBacktick(w, false);
        continue;
      case '*':
      case '?':
        w->has_glob = true;
        break;
      case '[':
        open_bracket = true;
        break;
      case ']':
        if (open_bracket) w->has_glob = true;
        break;
      case '~':
        if (pos_ == start) w->has_expansion = true;
        break;
      default:
        break;
    }
    Append(w, c, pos_);
    ++pos_;
  }
  if (pos_ == start && pos_ < n) {  // never stall on an unexpected byte
    Append(w, text_[pos_], pos_);
    ++pos_;
  }
  w->raw = std::string(text_.substr(start, pos_ - start));
  w->span = {start, pos_};
  w->literal = !w->has_expansion && !w->has_glob;
}

void Parser::LexDoubleQuoted(ShellWord* w) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  w->quoted = true;
  ++pos_;
  while (pos_ < n) {
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return;
    }
    if (c == '\\' && pos_ + 1 < n) {
      char d = text_[pos_ + 1];
      if (d == '\n') {
        pos_ += 2;
        continue;
      }
      if (d == '$' || d == '`' || d == '"' || d == '\\') {
        Append(w, d, pos_ + 1);
        pos_ += 2;
        continue;
      }
    }
    if (c == '$') {
      LexDollar(w, true);
      continue;
    }
    if (c == '`') {
      LexBacktick(w, true);
      continue;
    }
    Append(w, c, pos_);
    ++pos_;
  }
  Error("unterminated double quote", start);
}

void Parser::LexDollar(ShellWord* w, bool in_dquote) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  char d = pos_ + 1 < n ? text_[pos_ + 1] : '\0';
  if (d == '(') {
    if (pos_ + 2 < n && text_[pos_ + 2] == '(' && IsArithmetic(pos_ + 1)) {
      std::size_t end = MatchParen(pos_ + 1);
      AppendRaw(w, start, end);
      w->has_expansion = true;
      pos_ = end;
      return;
    }
    LexCommandSubst(w, start, pos_ + 1);
    return;
  }
  if (d == '{') {
    std::size_t end = MatchBrace(pos_ + 1);
    if (end == kNpos) {
      Error("unterminated ${", start);
      end = n;
    }
    AppendRaw(w, start, end);
    w->has_expansion = true;
    pos_ = end;
    return;
  }
  if (d == '\'' && !in_dquote) {
    LexAnsiC(w);
    return;
  }
  if (d == '"' && !in_dquote) {
    ++pos_;
    LexDoubleQuoted(w);
    return;
  }
  if (IsNameStart(d)) {
    std::size_t j = pos_ + 1;
    while (j < n && IsNameChar(text_[j])) ++j;
    AppendRaw(w, start, j);
    w->has_expansion = true;
    pos_ = j;
    return;
  }
  if (d != '\0' && (std::isdigit(static_cast<unsigned char>(d)) != 0 ||
                    std::string_view("@*#?-$!").find(d) != kNpos)) {
    AppendRaw(w, start, pos_ + 2);
    w->has_expansion = true;
    pos_ += 2;
    return;
  }
  Append(w, '$', pos_);
  ++pos_;
}

void Parser::LexCommandSubst(ShellWord* w, std::size_t raw_start, std::size_t open) {
  const std::size_t n = text_.size();
  w->has_expansion = true;
  w->has_command_subst = true;
  if (!env_.parse_substitutions || env_.depth + 1 >= env_.max_depth) {
    if (env_.parse_substitutions) Error("nesting too deep", raw_start);
    std::size_t end = MatchParen(open);
    if (end == kNpos) {
      Error("unterminated command substitution", raw_start);
      end = n;
    }
    AppendRaw(w, raw_start, end);
    pos_ = end;
    return;
  }
  pos_ = open + 1;
  ParserEnv saved = env_;
  env_.depth++;
  env_.context |= kInCommandSubst;
  env_.scope = NewScope();
  while (true) {
    ParseList();
    const Token& t = Peek();
    if (t.kind == Tok::kEnd) {
      Error("unterminated command substitution", raw_start);
      break;
    }
    if (IsOp(t, ")")) {
      Take();
      break;
    }
    Error("unexpected '" + std::string(text_.substr(t.begin, t.end - t.begin)) + "'", t.begin);
    Take();
  }
  env_ = saved;
  AppendRaw(w, raw_start, pos_);
}

void Parser::LexBacktick(ShellWord* w, bool in_dquote) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  std::string inner;
  OffsetMap map;
  std::size_t i = pos_ + 1;
  for (; i < n; ++i) {
    char c = text_[i];
    if (c == '`') break;
    if (c == '\\' && i + 1 < n) {
      char d = text_[i + 1];
      if (d == '\\' || d == '`' || d == '$' || (in_dquote && d == '"')) {
        inner += d;
        map.at.push_back(i + 1);
        ++i;
        continue;
      }
    }
    inner += c;
    map.at.push_back(i);
  }
  if (i >= n) Error("unterminated backquote", start);
  map.at.push_back(i < n ? i : n);
  std::size_t end = i < n ? i + 1 : n;
  w->has_expansion = true;
  w->has_command_subst = true;
  AppendRaw(w, start, end);
  pos_ = end;
  if (!env_.parse_substitutions) return;
  if (env_.depth + 1 >= env_.max_depth) {
    Error("nesting too deep", start);
    return;
  }
  ParserEnv env = env_;
  env.depth++;
  env.context |= kInCommandSubst;
  env.scope = NewScope();
  env.offsets = nullptr;
  ParseNested(inner, out_, env, map);
}

void Parser::LexAnsiC(ShellWord* w) {
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  w->quoted = true;
  std::size_t i = pos_ + 2;
  while (i < n && text_[i] != '\'') {
    if (text_[i] != '\\' || i + 1 >= n) {
      Append(w, text_[i], i);
      ++i;
      continue;
    }
    char d = text_[i + 1];
    std::size_t src = i;
    i += 2;
    switch (d) {
      case 'n':
        Append(w, '\n', src);
        break;
      case 't':
        Append(w, '\t', src);
        break;
      case 'r':
        Append(w, '\r', src);
        break;
      case 'a':
        Append(w, '\a', src);
        break;
      case 'b':
        Append(w, '\b', src);
        break;
      case 'f':
        Append(w, '\f', src);
        break;
      case 'v':
        Append(w, '\v', src);
        break;
      case 'e':
      case 'E':
        Append(w, '\x1b', src);
        break;
      case '\\':
      case '\'':
      case '"':
      case '?':
        Append(w, d, src);
        break;
      case 'x': {
        int v = 0;
        int digits = 0;
        while (digits < 2 && i < n && HexValue(text_[i]) >= 0) {
          v = v * 16 + HexValue(text_[i]);
          ++i;
          ++digits;
        }
        if (digits == 0) {
          Append(w, '\\', src);
          Append(w, 'x', src);
        } else {
          Append(w, static_cast<char>(v), src);
        }
        break;
      }
      default:
        if (d >= '0' && d <= '7') {
          int v = d - '0';
          int digits = 1;
          while (digits < 3 && i < n && text_[i] >= '0' && text_[i] <= '7') {
            v = v * 8 + (text_[i] - '0');
            ++i;
            ++digits;
          }
          Append(w, static_cast<char>(v & 0xff), src);
        } else {
          Append(w, '\\', src);
          Append(w, d, src + 1);
        }
        break;
    }
  }
  if (i >= n) Error("unterminated $'", start);
  pos_ = i < n ? i + 1 : n;
}

void Parser::ReadPendingHeredocs() {
  const std::size_t n = text_.size();
  for (int h : pending_heredocs_) {
    Heredoc& hd = out_->heredocs[static_cast<std::size_t>(h)];
    const std::size_t body_begin = pos_;
    std::string body;
    bool found = false;
    while (pos_ < n) {
      std::size_t eol = text_.find('\n', pos_);
      std::size_t line_end = eol == kNpos ? n : eol;
      std::string_view line = text_.substr(pos_, line_end - pos_);
      if (hd.strip_tabs) {
        while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
      }
      std::string_view bare = line;
      if (!bare.empty() && bare.back() == '\r') bare.remove_suffix(1);
      if (line == hd.delimiter || bare == hd.delimiter) {
        hd.body_span = {body_begin, pos_};
        pos_ = eol == kNpos ? n : eol + 1;
        found = true;
        break;
      }
      body.append(line);
      if (eol != kNpos) body += '\n';
      pos_ = eol == kNpos ? n : eol + 1;
    }
    if (!found) hd.body_span = {body_begin, pos_};
    hd.body = std::move(body);
    hd.terminated = found;
  }
  pending_heredocs_.clear();
}

std::size_t Parser::MatchParen(std::size_t open) const {
  const std::size_t n = text_.size();
  std::size_t depth = 0;
  for (std::size_t i = open; i < n; ++i) {
    char c = text_[i];
    switch (c) {
      case '\\':
        ++i;
        break;
      case '\'': {
        std::size_t j = text_.find('\'', i + 1);
        if (j == kNpos) return kNpos;
        i = j;
        break;
      }
      case '"':
      case '`': {
        std::size_t j = i + 1;
        while (j < n && text_[j] != c) j += text_[j] == '\\' ? 2 : 1;
        if (j >= n) return kNpos;
        i = j;
        break;
      }
      case '#':
        if (i > open && (IsBlank(text_[i - 1]) || text_[i - 1] == '\n')) {
          std::size_t eol = text_.find('\n', i);
          if (eol == kNpos) return kNpos;
          i = eol;
        }
        break;
      case '(':
        ++depth;
        break;
      case ')':
        if (depth == 0) return kNpos;
        if (--depth == 0) return i + 1;
        break;
      default:
        break;
    }
  }
  return kNpos;
}

std::size_t Parser::MatchBrace(std::size_t open) const {
  const std::size_t n = text_.size();
  std::size_t depth = 0;
  for (std::size_t i = open; i < n; ++i) {
    char c = text_[i];
    if (c == '\\') {
      ++i;
    } else if (c == '\'') {
      std::size_t j = text_.find('\'', i + 1);
      if (j == kNpos) return kNpos;
      i = j;
    } else if (c == '"') {
      std::size_t j = i + 1;
      while (j < n && text_[j] != '"') j += text_[j] == '\\' ? 2 : 1;
      if (j >= n) return kNpos;
      i = j;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return kNpos;
}

bool Parser::IsArithmetic(std::size_t open) const {
  if (open + 1 >= text_.size() || text_[open + 1] != '(') return false;
  std::size_t outer = MatchParen(open);
  if (outer == kNpos) return false;
  std::size_t inner = MatchParen(open + 1);
  return inner != kNpos && inner + 1 == outer;
}

}  // namespace pf::shell::internal

// The subset of BuildKit's shell lexer that the parser uses to find heredoc
// words: quotes, escapes, `$` forms (kept as written, the environment being
// empty) and `<<` followed by blanks kept in the same word.

#include "dockerfile/parser_internal.h"
#include "dockerfile/shell_names.h"

namespace pf::dockerfile::internal {
namespace {

constexpr char32_t kEof = 0xFFFFFFFF;
constexpr char32_t kEscape = '\\';

std::string RuneString(char32_t r) {
  std::string s;
  AppendRune(s, r == kEof ? 0xFFFD : r);
  return s;
}

class Lexer {
 public:
  Lexer(std::string_view input, LexOptions options)
      : in_(input), options_(options), raw_escapes_(options.raw_escapes) {}

  // Words of the whole input, or an error message.
  bool Run(std::vector<Piece>& words, std::string& error) {
    std::string result;
    return ProcessStopOn(kEof, raw_escapes_, result, &words, error);
  }

 private:
  struct Words {
    std::string* buf;
    std::vector<Piece>* out;
    bool in_word = false;
    bool has_begin = false;
    std::size_t begin = 0;
  };

  char32_t Peek() const {
    if (pos_ >= in_.size()) return kEof;
    return DecodeRune(in_, pos_).value;
  }
  char32_t Next() {
    if (pos_ >= in_.size()) return kEof;
    Rune r = DecodeRune(in_, pos_);
    pos_ += r.width;
    return r.value;
  }

  void Emit(Words& w, std::size_t end) {
    if (w.out) w.out->push_back(Piece{*w.buf, w.has_begin ? w.begin : end, end});
    w.buf->clear();
    w.in_word = false;
    w.has_begin = false;
  }
  void MarkBegin(Words& w) {
    if (!w.has_begin) {
      w.begin = token_begin_;
      w.has_begin = true;
    }
  }
  void AddRawChar(Words& w, char32_t c) {
    MarkBegin(w);
    AppendRune(*w.buf, c);
    w.in_word = true;
  }
  void AddChar(Words& w, char32_t c) {
    if (IsSpace(c) && w.in_word) {
      if (!w.buf->empty()) Emit(w, token_begin_);
    } else if (!IsSpace(c)) {
      AddRawChar(w, c);
    }
  }
  void AddRawString(Words& w, const std::string& s) {
    MarkBegin(w);
    *w.buf += s;
    w.in_word = true;
  }
  void AddString(Words& w, const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
      Rune r = DecodeRune(s, i);
      AddChar(w, r.value);
      i += r.width;
    }
  }

  bool ProcessStopOn(char32_t stop, bool raw_escapes, std::string& result, std::vector<Piece>* out,
                     std::string& error) {
    // The word buffer is shared with nested calls, as in BuildKit.
    buffer_.clear();
    Words w{&buffer_, out};
    const bool saved = raw_escapes_;
    raw_escapes_ = raw_escapes;
    bool ok = Loop(stop, result, w, error);
    raw_escapes_ = saved;
    return ok;
  }

  bool Loop(char32_t stop, std::string& result, Words& w, std::string& error) {
    while (Peek() != kEof) {
      char32_t ch = Peek();
      token_begin_ = pos_;
      if (stop != kEof && ch == stop) {
        Next();
        if (w.buf->size() > 0) Emit(w, pos_);
        return true;
      }
      if (ch == '$' || ch == '\'' || ch == '"' || ch == '<') {
        std::string tmp;
        bool ok = ch == '$'    ? ProcessDollar(tmp, error)
                  : ch == '<'  ? ProcessPossibleHeredoc(tmp)
                  : ch == '\'' ? ProcessSingleQuote(tmp, error)
                               : ProcessDoubleQuote(tmp, error);
        if (!ok) return false;
        result += tmp;
        if (ch == '$') {
          AddString(w, tmp);
        } else {
          AddRawString(w, tmp);
        }
        continue;
      }
      ch = Next();
      if (ch == kEscape) {
        if (raw_escapes_) {
          AddRawChar(w, ch);
          AppendRune(result, ch);
        }
        ch = Next();
        if (ch == kEof) break;
        AddRawChar(w, ch);
      } else {
        AddChar(w, ch);
      }
      AppendRune(result, ch);
    }
    if (stop != kEof) {
      error = "unexpected end of statement while looking for matching " + RuneString(stop);
      return false;
    }
    if (w.buf->size() > 0) Emit(w, pos_);
    return true;
  }

  bool ProcessSingleQuote(std::string& result, std::string& error) {
    char32_t ch = Next();
    if (options_.raw_quotes) AppendRune(result, ch);
    for (;;) {
      ch = Next();
      if (ch == kEof) {
        error =
            "unexpected end of statement while looking for matching "
            "single-quote";
        return false;
      }
      if (ch == '\'') {
        if (options_.raw_quotes) AppendRune(result, ch);
        return true;
      }
      AppendRune(result, ch);
    }
  }

  bool ProcessDoubleQuote(std::string& result, std::string& error) {
    char32_t ch = Next();
    if (options_.raw_quotes) AppendRune(result, ch);
    for (;;) {
      char32_t p = Peek();
      if (p == kEof) {
        error =
            "unexpected end of statement while looking for matching "
            "double-quote";
        return false;
      }
      if (p == '"') {
        ch = Next();
        if (options_.raw_quotes) AppendRune(result, ch);
        return true;
      }
      if (p == '$') {
        std::string value;
        if (!ProcessDollar(value, error)) return false;
        result += value;
        continue;
      }
      ch = Next();
      if (ch == kEscape) {
        if (raw_escapes_) AppendRune(result, ch);
        char32_t q = Peek();
        if (q == kEof) continue;
        if (q == '"' || q == '$' || q == kEscape) ch = Next();
      }
      AppendRune(result, ch);
    }
  }

  bool ProcessPossibleHeredoc(std::string& result) {
    Next();
    if (Peek() != '<') {
      result = "<";
      return true;
    }
    Next();
    result = "<<";
    for (char32_t c = Peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = Peek()) {
      AppendRune(result, c);
      Next();
    }
    return true;
  }

  std::string ProcessName() {
    const std::size_t len = ShellNameLength(in_, pos_);
    std::string name(in_.substr(pos_, len));
    pos_ += len;
    return name;
  }

  bool ProcessDollar(std::string& result, std::string& error) {
    Next();
    if (Peek() != '{') {
      std::string name = ProcessName();
      result = "$" + name;
      return true;
    }
    Next();
    char32_t p = Peek();
    if (p == kEof) {
      error = "syntax error: missing '}'";
      return false;
    }
    if (p == '{' || p == '}' || p == ':') {
      error = "syntax error: bad substitution";
      return false;
    }
    std::string name = ProcessName();
    char32_t ch = Next();
    std::string chs = RuneString(ch);
    bool null_is_unset = false;
    switch (ch) {
      case '}':
        result = "${" + name + "}";
        return true;
      case ':':
        null_is_unset = true;
        ch = Next();
        chs += RuneString(ch);
        [[fallthrough]];
      case '+':
      case '-':
      case '?':
      case '#':
      case '%': {
        const bool raw = ch == '#' || ch == '%';
        if (null_is_unset && raw) {
          error = "unsupported modifier (" + chs + ") in substitution";
          return false;
        }
        std::string word;
        if (!ProcessStopOn('}', raw, word, nullptr, error)) {
          if (Peek() == kEof) error = "syntax error: missing '}'";
          return false;
        }
        result = "${" + name + chs + word + "}";
        return true;
      }
      case '/': {
        if (Peek() == '/') Next();
        std::string pattern, replacement;
        if (!ProcessStopOn('/', true, pattern, nullptr, error)) {
          if (Peek() == kEof) error = "syntax error: missing '/' in ${}";
          return false;
        }
        if (!ProcessStopOn('}', true, replacement, nullptr, error)) {
          if (Peek() == kEof) error = "syntax error: missing '}'";
          return false;
        }
        result = "${" + name + "/" + pattern + "/" + replacement + "}";
        return true;
      }
      default:
        error = "unsupported modifier (" + chs + ") in substitution";
        return false;
    }
  }

  std::string_view in_;
  LexOptions options_;
  bool raw_escapes_;
  std::size_t pos_ = 0;
  std::size_t token_begin_ = 0;
  std::string buffer_;
};

}  // namespace

LexResult LexWords(std::string_view input, LexOptions options) {
  LexResult res;
  Lexer lexer(input, options);
  std::string error;
  if (!lexer.Run(res.words, error)) {
    res.words.clear();
    res.error = "failed to process " + GoQuote(input) + ": " + error;
  }
  return res;
}

}  // namespace pf::dockerfile::internal

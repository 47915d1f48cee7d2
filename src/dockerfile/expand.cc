#include "dockerfile/expand.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "dockerfile/expand_pattern.h"
#include "dockerfile/shell_names.h"

namespace pf::dockerfile {
namespace {

constexpr int32_t kEof = -1;
constexpr int kMaxDepth = 200;

// Ordered set of names; order of first insertion is kept for stable output.
class NameList {
 public:
  void Add(const std::string& name) {
    if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
  }
  void Merge(const NameList& other) {
    for (const auto& n : other.names_) Add(n);
  }
  std::vector<std::string> Take() { return std::move(names_); }

 private:
  std::vector<std::string> names_;
};

// Word splitting that mirrors the lexer: white space produced by a variable
// (not quoted, not escaped) separates words; empty words are dropped.
class WordSplitter {
 public:
  void AddChar(int32_t cp, std::string_view bytes) {
    if (utf8::IsSpace(static_cast<char32_t>(cp))) {
      if (in_word_ && !word_.empty()) {
        words_.push_back(std::move(word_));
        word_.clear();
        in_word_ = false;
      }
      return;
    }
    AddRaw(bytes);
  }
  void AddRaw(std::string_view bytes) {
    word_ += bytes;
    in_word_ = true;
  }
  void AddString(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const utf8::Rune r = utf8::DecodeRune(text, pos);
      AddChar(static_cast<int32_t>(r.value), text.substr(pos, r.width));
      pos += r.width;
    }
  }
  std::vector<std::string> Finish() {
    if (!word_.empty()) words_.push_back(std::move(word_));
    word_.clear();
    in_word_ = false;
    return std::move(words_);
  }

 private:
  std::string word_;
  std::vector<std::string> words_;
  bool in_word_ = false;
};

// A piece of expanded text and the variables its value depends on.
struct Piece {
  std::string text;
  NameList unresolved;
};

class Lexer {
 public:
  Lexer(std::string_view text, const Env& env, char escape)
      : text_(text), env_(env), escape_(static_cast<unsigned char>(escape)) {}

  ExpandResult Run() {
    ExpandResult r;
    Piece piece;
    WordSplitter words;
    if (!Scan(kEof, false, &piece, &words)) {
      r.ok = false;
      r.error = "failed to process \"" + std::string(text_) + "\": " + error_;
      r.unmatched = unmatched_.Take();
      return r;
    }
    r.ok = true;
    r.word = std::move(piece.text);
    r.words = words.Finish();
    r.unmatched = unmatched_.Take();
    r.unresolved = piece.unresolved.Take();
    return r;
  }

 private:
  enum class VarState { kUnset, kKnown, kUnknown };

  bool AtEnd() const { return pos_ >= text_.size(); }
  int32_t Peek() const {
    if (AtEnd()) return kEof;
    return static_cast<int32_t>(utf8::DecodeRune(text_, pos_).value);
  }
  // Consumes one code point; `bytes` receives its source bytes.
  int32_t Next(std::string_view* bytes = nullptr) {
    if (AtEnd()) {
      if (bytes) *bytes = {};
      return kEof;
    }
    const utf8::Rune r = utf8::DecodeRune(text_, pos_);
    if (bytes) *bytes = text_.substr(pos_, r.width);
    pos_ += r.width;
    return static_cast<int32_t>(r.value);
  }

  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  VarState Lookup(const std::string& name, std::string* value) {
    if (const std::string* v = env_.Get(name)) {
      *value = *v;
      return VarState::kKnown;
    }
    value->clear();
    if (env_.IsUnknown(name)) return VarState::kUnknown;
    unmatched_.Add(name);
    return VarState::kUnset;
  }

  // Reads up to `stop` (consumed) or the end of the text when stop is kEof.
  // With raw escapes the escape character is kept in the output.
  bool Scan(int32_t stop, bool raw_escapes, Piece* out, WordSplitter* words) {
    bool saved_raw = raw_escapes_;
    raw_escapes_ = raw_escapes;
    bool ok = ScanBody(stop, out, words);
    raw_escapes_ = saved_raw;
    return ok;
  }

  bool ScanBody(int32_t stop, Piece* out, WordSplitter* words) {
    while (!AtEnd()) {
      int32_t cp = Peek();
      if (stop != kEof && cp == stop) {
        Next();
        return true;
      }
      if (cp == '$' || cp == '\'' || cp == '"') {
        Piece part;
        bool ok = cp == '$' ? Dollar(&part) : cp == '\'' ? SingleQuote(&part) : DoubleQuote(&part);
        if (!ok) return false;
        out->text += part.text;
        out->unresolved.Merge(part.unresolved);
        if (cp == '$') {
          words->AddString(part.text);
        } else {
          words->AddRaw(part.text);
        }
        continue;
      }
      std::string_view bytes;
      int32_t ch = Next(&bytes);
      if (ch == escape_) {
        if (raw_escapes_) {
          words->AddRaw(bytes);
          out->text += bytes;
        }
        // An escape at the very end is dropped.
        if (AtEnd()) break;
        Next(&bytes);
        words->AddRaw(bytes);
      } else {
        words->AddChar(ch, bytes);
      }
      out->text += bytes;
    }
    if (stop != kEof) {
      std::string s;
      utf8::AppendRune(s, static_cast<char32_t>(stop));
      return Fail("unexpected end of statement while looking for matching " + s);
    }
    return true;
  }

  // Everything up to the next single quote is literal.
  bool SingleQuote(Piece* out) {
    Next();
    while (true) {
      std::string_view bytes;
      int32_t ch = Next(&bytes);
      if (ch == kEof) {
        return Fail("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') return true;
      out->text += bytes;
    }
  }

  // Variables expand; the escape character only escapes `"`, `$` and itself.
  bool DoubleQuote(Piece* out) {
    Next();
    while (true) {
      if (AtEnd()) {
        return Fail("unexpected end of statement while looking for matching double-quote");
      }
      int32_t cp = Peek();
      if (cp == '"') {
        Next();
        return true;
      }
      if (cp == '$') {
        Piece part;
        if (!Dollar(&part)) return false;
        out->text += part.text;
        out->unresolved.Merge(part.unresolved);
        continue;
      }
      std::string_view bytes;
      int32_t ch = Next(&bytes);
      if (ch == escape_) {
        if (raw_escapes_) out->text += bytes;
        if (AtEnd()) continue;  // reported as a missing quote next round
        int32_t nx = Peek();
        if (nx == '"' || nx == '$' || nx == escape_) Next(&bytes);
      }
      out->text += bytes;
    }
  }

  // A name, a run of digits (positional parameter) or one special parameter.
  std::string Name() {
    const std::size_t len = ShellNameLength(text_, pos_);
    std::string name(text_.substr(pos_, len));
    pos_ += len;
    return name;
  }

  bool Dollar(Piece* out) {
    // Nesting is bounded so hostile input cannot exhaust the stack.
    if (depth_ >= kMaxDepth) return Fail("substitutions nested too deeply");
    ++depth_;
    bool ok = DollarBody(out);
    --depth_;
    return ok;
  }

  bool DollarBody(Piece* out) {
    Next();
    if (Peek() != '{') {
      std::string name = Name();
      if (name.empty()) {
        out->text = "$";
        return true;
      }
      if (Lookup(name, &out->text) != VarState::kKnown) out->unresolved.Add(name);
      return true;
    }
    Next();
    int32_t first = Peek();
    if (first == kEof) return Fail("syntax error: missing '}'");
    if (first == '{' || first == '}' || first == ':') return Fail("syntax error: bad substitution");
    std::string name = Name();
    std::string_view mod_bytes;
    int32_t ch = Next(&mod_bytes);
    std::string mods(mod_bytes);
    if (ch == '}') {
      if (Lookup(name, &out->text) != VarState::kKnown) out->unresolved.Add(name);
      return true;
    }
    if (ch == kEof) return Fail("syntax error: missing '}'");
    bool null_is_unset = false;
    if (ch == ':') {
      null_is_unset = true;
      ch = Next(&mod_bytes);
      mods += mod_bytes;
    }
    if (ch == '/' && !null_is_unset) return Replace(name, out);
    if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%' && !null_is_unset) {
      return Fail("unsupported modifier (" + mods + ") in substitution");
    }
    Piece word;
    WordSplitter ignored;
    if (!Scan('}', ch == '#' || ch == '%', &word, &ignored)) {
      if (AtEnd()) return Fail("syntax error: missing '}'");
      return false;
    }
    std::string value;
    VarState state = Lookup(name, &value);
    bool empty_or_unset =
        state == VarState::kUnset || (state == VarState::kKnown && null_is_unset && value.empty());
    switch (ch) {
      case '-':
        if (state == VarState::kUnknown) {
          out->unresolved.Add(name);
        } else if (empty_or_unset) {
          *out = std::move(word);
        } else {
          out->text = value;
        }
        return true;
      case '+':
        if (state == VarState::kUnknown) {
          out->unresolved.Add(name);
        } else if (!empty_or_unset) {
          *out = std::move(word);
        }
        return true;
      case '?':
        if (state == VarState::kUnknown) {
          out->unresolved.Add(name);
          return true;
        }
        if (empty_or_unset) {
          std::string message = word.text;
          if (message.empty()) {
            message = state == VarState::kUnset ? "is not allowed to be unset"
                                                : "is not allowed to be empty";
          }
          return Fail(name + ": " + message);
        }
        out->text = value;
        return true;
      case '#':
      case '%': {
        std::string pattern = word.text;
        bool greedy = !pattern.empty() && static_cast<unsigned char>(pattern[0]) == ch;
        if (greedy) pattern.erase(0, 1);
        std::string trimmed;
        std::string err;
        bool ok = ch == '%' ? TrimSuffixPattern(pattern, value, greedy, &trimmed, &err)
                            : TrimPrefixPattern(pattern, value, greedy, &trimmed, &err);
        if (!ok) return Fail("invalid pattern (" + pattern + ") in substitution: " + err);
        out->text = std::move(trimmed);
        if (state != VarState::kKnown) out->unresolved.Add(name);
        out->unresolved.Merge(word.unresolved);
        return true;
      }
      default:
        return Fail("unsupported modifier (" + mods + ") in substitution");
    }
  }

  // ${name/pattern/replacement} and ${name//pattern/replacement}.
  bool Replace(const std::string& name, Piece* out) {
    bool all = Peek() == '/';
    if (all) Next();
    Piece pattern;
    Piece replacement;
    WordSplitter ignored;
    if (!Scan('/', true, &pattern, &ignored)) {
      if (AtEnd()) return Fail("syntax error: missing '/' in ${}");
      return false;
    }
    if (!Scan('}', true, &replacement, &ignored)) {
      if (AtEnd()) return Fail("syntax error: missing '}'");
      return false;
    }
    std::string value;
    VarState state = Lookup(name, &value);
    std::string replaced;
    std::string err;
    if (!ReplacePattern(pattern.text, value, replacement.text, all, &replaced, &err)) {
      return Fail("invalid pattern (" + pattern.text + ") in substitution: " + err);
    }
    out->text = std::move(replaced);
    if (state != VarState::kKnown) out->unresolved.Add(name);
    out->unresolved.Merge(pattern.unresolved);
    out->unresolved.Merge(replacement.unresolved);
    return true;
  }

  std::string_view text_;
  const Env& env_;
  int32_t escape_;
  std::size_t pos_ = 0;
  bool raw_escapes_ = false;
  int depth_ = 0;
  std::string error_;
  NameList unmatched_;
};

}  // namespace

ExpandResult ExpandWord(std::string_view text, const Env& env, ExpandOptions opts) {
  return Lexer(text, env, opts.escape).Run();
}

ExpandResult ExpandWords(std::string_view text, const Env& env, ExpandOptions opts) {
  return Lexer(text, env, opts.escape).Run();
}

}  // namespace pf::dockerfile

#include "dockerfile/expand_pattern.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/utf8.h"
#include "dockerfile/shell_names.h"

namespace pf::dockerfile {
namespace {

enum class TokenKind { kStar, kAny, kLiteral };

struct Token {
  TokenKind kind;
  int32_t cp = 0;
};

// One decoded character of the subject and where its bytes start.
struct Rune {
  int32_t cp;
  std::size_t offset;
};

std::vector<Rune> Decode(std::string_view text) {
  std::vector<Rune> runes;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const utf8::Rune r = utf8::DecodeRune(text, pos);
    runes.push_back({static_cast<int32_t>(r.value), pos});
    pos += r.width;
  }
  return runes;
}

bool Tokenize(std::string_view pattern, std::vector<Token>* tokens, std::string* error) {
  std::vector<Rune> runes = Decode(pattern);
  for (std::size_t i = 0; i < runes.size(); ++i) {
    int32_t cp = runes[i].cp;
    if (cp == '*') {
      tokens->push_back({TokenKind::kStar});
    } else if (cp == '?') {
      tokens->push_back({TokenKind::kAny});
    } else if (cp == '\\') {
      // `\}` and `\/` only protect the delimiter; the next round adds it.
      if (i + 1 < runes.size() && (runes[i + 1].cp == '}' || runes[i + 1].cp == '/')) continue;
      if (i + 1 >= runes.size()) {
        *error = "invalid escape at end of pattern";
        return false;
      }
      int32_t next = runes[++i].cp;
      if (next != '*' && next != '?' && next != '\\') {
        std::string shown;
        utf8::AppendRune(shown, static_cast<char32_t>(next));
        *error = "invalid escape '\\" + shown + "'";
        return false;
      }
      tokens->push_back({TokenKind::kLiteral, next});
    } else {
      tokens->push_back({TokenKind::kLiteral, cp});
    }
  }
  return true;
}

// Backtracking match of the tokens against runes from `start`; gives the
// end index of the first match in preference order (stars try longest first
// when greedy, shortest first otherwise), or -1. Failed (token, rune) states
// are remembered so that many stars cannot make it exponential.
class Matcher {
 public:
  Matcher(const std::vector<Token>& tokens, const std::vector<Rune>& runes, bool greedy)
      : tokens_(tokens),
        runes_(runes),
        greedy_(greedy),
        failed_((tokens.size() + 1) * (runes.size() + 1), false) {}

  long MatchAt(std::size_t start) { return Match(0, start); }

 private:
  long Match(std::size_t ti, std::size_t ri) {
    if (ti == tokens_.size()) return static_cast<long>(ri);
    std::size_t key = ti * (runes_.size() + 1) + ri;
    if (failed_[key]) return -1;
    long e = Step(ti, ri);
    if (e < 0) failed_[key] = true;
    return e;
  }

  long Step(std::size_t ti, std::size_t ri) {
    const Token& t = tokens_[ti];
    if (t.kind == TokenKind::kStar) {
      std::size_t max = ri;
      while (max < runes_.size() && runes_[max].cp != '\n') ++max;
      if (greedy_) {
        for (std::size_t k = max + 1; k-- > ri;) {
          if (long e = Match(ti + 1, k); e >= 0) return e;
        }
      } else {
        for (std::size_t k = ri; k <= max; ++k) {
          if (long e = Match(ti + 1, k); e >= 0) return e;
        }
      }
      return -1;
    }
    if (ri >= runes_.size()) return -1;
    if (t.kind == TokenKind::kAny ? runes_[ri].cp == '\n' : runes_[ri].cp != t.cp) return -1;
    return Match(ti + 1, ri + 1);
  }

  const std::vector<Token>& tokens_;
  const std::vector<Rune>& runes_;
  bool greedy_;
  std::vector<bool> failed_;
};

std::size_t OffsetOf(const std::vector<Rune>& runes, std::size_t index, std::string_view text) {
  return index < runes.size() ? runes[index].offset : text.size();
}

// Template expansion of a replace-all replacement: only group 0 exists.
std::string ExpandTemplate(std::string_view repl, std::string_view match) {
  std::string out;
  std::size_t i = 0;
  while (i < repl.size()) {
    if (repl[i] != '$' || i + 1 >= repl.size()) {
      out += repl[i++];
      continue;
    }
    if (repl[i + 1] == '$') {
      out += '$';
      i += 2;
      continue;
    }
    bool braced = repl[i + 1] == '{';
    std::size_t j = i + (braced ? 2 : 1);
    std::size_t start = j;
    while (j < repl.size()) {
      const utf8::Rune r = utf8::DecodeRune(repl, j);
      if (!IsShellNameChar(r.value)) break;
      j += r.width;
    }
    std::string_view name = repl.substr(start, j - start);
    if (name.empty() || (braced && (j >= repl.size() || repl[j] != '}'))) {
      out += '$';  // malformed reference: kept as text
      ++i;
      continue;
    }
    if (braced) ++j;
    if (name == "0") out += match;
    i = j;
  }
  return out;
}

}  // namespace

bool TrimPrefixPattern(std::string_view pattern, std::string_view value, bool greedy,
                       std::string* out, std::string* error) {
  std::vector<Token> tokens;
  if (!Tokenize(pattern, &tokens, error)) return false;
  std::vector<Rune> runes = Decode(value);
  long end = Matcher(tokens, runes, greedy).MatchAt(0);
  std::size_t cut = end < 0 ? 0 : OffsetOf(runes, static_cast<std::size_t>(end), value);
  *out = std::string(value.substr(cut));
  return true;
}

bool TrimSuffixPattern(std::string_view pattern, std::string_view value, bool greedy,
                       std::string* out, std::string* error) {
  std::vector<Token> tokens;
  if (!Tokenize(pattern, &tokens, error)) return false;
  // Shortest rightmost match = shortest leftmost match of the reversed text.
  std::vector<Token> reversed_tokens(tokens.rbegin(), tokens.rend());
  std::vector<Rune> runes = Decode(value);
  std::vector<Rune> reversed(runes.rbegin(), runes.rend());
  long end = Matcher(reversed_tokens, reversed, greedy).MatchAt(0);
  std::size_t keep = end < 0 ? runes.size() : runes.size() - static_cast<std::size_t>(end);
  *out = std::string(value.substr(0, OffsetOf(runes, keep, value)));
  return true;
}

bool ReplacePattern(std::string_view pattern, std::string_view value, std::string_view replacement,
                    bool all, std::string* out, std::string* error) {
  std::vector<Token> tokens;
  if (!Tokenize(pattern, &tokens, error)) return false;
  std::vector<Rune> runes = Decode(value);
  Matcher matcher(tokens, runes, true);
  const auto find = [&](std::size_t from, std::size_t* a0, std::size_t* a1) {
    for (std::size_t s = from; s <= runes.size(); ++s) {
      long e = matcher.MatchAt(s);
      if (e >= 0) {
        *a0 = s;
        *a1 = static_cast<std::size_t>(e);
        return true;
      }
    }
    return false;
  };
  const auto slice = [&](std::size_t from, std::size_t to) {
    std::size_t b = OffsetOf(runes, from, value);
    return value.substr(b, OffsetOf(runes, to, value) - b);
  };
  out->clear();
  if (!all) {
    std::size_t a0 = 0;
    std::size_t a1 = 0;
    if (!find(0, &a0, &a1)) {
      *out = std::string(value);
      return true;
    }
    *out =
        std::string(slice(0, a0)) + std::string(replacement) + std::string(slice(a1, runes.size()));
    return true;
  }
  std::size_t last = 0;
  std::size_t search = 0;
  while (search <= runes.size()) {
    std::size_t a0 = 0;
    std::size_t a1 = 0;
    if (!find(search, &a0, &a1)) break;
    *out += slice(last, a0);
    // No replacement for an empty match right after the previous match.
    if (a1 > last || a0 == 0) *out += ExpandTemplate(replacement, slice(a0, a1));
    last = a1;
    search = search + 1 > a1 ? search + 1 : a1;
  }
  *out += slice(last, runes.size());
  return true;
}

}  // namespace pf::dockerfile

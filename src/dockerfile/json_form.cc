// The exec (JSON array) form, decoded like Go's encoding/json Decoder: the
// first value is read and anything after it is ignored.

#include <vector>

#include "dockerfile/parser_internal.h"

namespace pf::dockerfile::internal {

const char kNotStringArray[] =
    "when using JSON array syntax, arrays must be comprised of strings only";

namespace {

constexpr int kMaxDepth = 10000;

class JsonReader {
 public:
  explicit JsonReader(std::string_view s, std::size_t pos) : s_(s), pos_(pos) {}

  void SkipWs() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  // Reads a string literal at pos_ (which is '"'); decodes into `out`.
  bool String(std::string* out) {
    ++pos_;
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (pos_ + 1 >= s_.size()) return false;
        char e = s_[pos_ + 1];
        pos_ += 2;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            if (out) out->push_back(e);
            break;
          case 'b':
            if (out) out->push_back('\b');
            break;
          case 'f':
            if (out) out->push_back('\f');
            break;
          case 'n':
            if (out) out->push_back('\n');
            break;
          case 'r':
            if (out) out->push_back('\r');
            break;
          case 't':
            if (out) out->push_back('\t');
            break;
          case 'u': {
            int r = Hex4(pos_);
            if (r < 0) return false;
            pos_ += 4;
            char32_t rune = static_cast<char32_t>(r);
            if (rune >= 0xD800 && rune < 0xE000) {
              rune = 0xFFFD;
              if (r < 0xDC00 && pos_ + 1 < s_.size() && s_[pos_] == '\\' && s_[pos_ + 1] == 'u') {
                int r2 = Hex4(pos_ + 2);
                if (r2 >= 0xDC00 && r2 < 0xE000) {
                  rune = 0x10000 + ((static_cast<char32_t>(r) - 0xD800) << 10) +
                         (static_cast<char32_t>(r2) - 0xDC00);
                  pos_ += 6;
                }
              }
            }
            if (out) AppendRune(*out, rune);
            break;
          }
          default:
            return false;
        }
        continue;
      }
      Rune r = DecodeRune(s_, pos_);
      if (out) {
        if (r.value == 0xFFFD && r.width == 1) {
          AppendRune(*out, 0xFFFD);
        } else {
          out->append(s_.substr(pos_, r.width));
        }
      }
      pos_ += r.width;
    }
    return false;
  }

  bool Number() {
    auto digit = [&] { return pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9'; };
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (!digit()) return false;
    if (s_[pos_] == '0') {
      ++pos_;
    } else {
      while (digit()) ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digit()) return false;
      while (digit()) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digit()) return false;
      while (digit()) ++pos_;
    }
    return true;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  // Any value; nested containers are checked without recursion.
  bool Value(int depth) {
    std::vector<char> stack;  // '[' or '{'
    for (;;) {
      SkipWs();
      if (pos_ >= s_.size()) return false;
      char c = s_[pos_];
      bool scalar_done = false;
      if (c == '[' || c == '{') {
        if (depth + static_cast<int>(stack.size()) + 1 > kMaxDepth) return false;
        stack.push_back(c);
        ++pos_;
        SkipWs();
        if (pos_ < s_.size() && s_[pos_] == (c == '[' ? ']' : '}')) {
          ++pos_;
          stack.pop_back();
          scalar_done = true;
        } else if (c == '{') {
          if (!Key()) return false;
          continue;
        } else {
          continue;
        }
      } else if (c == '"') {
        if (!String(nullptr)) return false;
        scalar_done = true;
      } else if (c == 't') {
        if (!Literal("true")) return false;
        scalar_done = true;
      } else if (c == 'f') {
        if (!Literal("false")) return false;
        scalar_done = true;
      } else if (c == 'n') {
        if (!Literal("null")) return false;
        scalar_done = true;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (!Number()) return false;
        scalar_done = true;
      } else {
        return false;
      }
      // After a value: close containers or continue with the next element.
      while (scalar_done) {
        if (stack.empty()) return true;
        SkipWs();
        if (pos_ >= s_.size()) return false;
        char top = stack.back();
        if (s_[pos_] == ',') {
          ++pos_;
          if (top == '{') {
            SkipWs();
            if (!Key()) return false;
          }
          scalar_done = false;
        } else if (s_[pos_] == (top == '[' ? ']' : '}')) {
          ++pos_;
          stack.pop_back();
        } else {
          return false;
        }
      }
    }
  }

  // An object key and its colon.
  bool Key() {
    SkipWs();
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    if (!String(nullptr)) return false;
    SkipWs();
    if (pos_ >= s_.size() || s_[pos_] != ':') return false;
    ++pos_;
    return true;
  }

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t p) { pos_ = p; }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Cur() const { return s_[pos_]; }

 private:
  int Hex4(std::size_t at) const {
    if (at + 4 > s_.size()) return -1;
    int v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      char h = s_[at + k];
      v <<= 4;
      if (h >= '0' && h <= '9')
        v |= h - '0';
      else if (h >= 'a' && h <= 'f')
        v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F')
        v |= h - 'A' + 10;
      else
        return -1;
    }
    return v;
  }

  std::string_view s_;
  std::size_t pos_;
};

}  // namespace

JsonResult ParseJsonArray(std::string_view rest) {
  JsonResult res;
  const std::size_t start = SkipUnicodeSpace(rest);
  if (start >= rest.size() || rest[start] != '[') {
    res.error = "Error parsing \"" + std::string(rest.substr(start)) + "\" as a JSON array";
    return res;
  }
  JsonReader r(rest, start + 1);
  bool non_string = false;
  r.SkipWs();
  if (!r.AtEnd() && r.Cur() == ']') {
    res.ok = true;
    return res;
  }
  for (;;) {
    r.SkipWs();
    if (r.AtEnd()) {
      res.error = "unexpected EOF";
      res.values.clear();
      return res;
    }
    if (r.Cur() == '"') {
      Piece p;
      p.begin = r.pos();
      if (!r.String(&p.text)) {
        res.error = "invalid JSON string";
        res.values.clear();
        return res;
      }
      p.end = r.pos();
      res.values.push_back(std::move(p));
    } else {
      non_string = true;
      if (!r.Value(1)) {
        res.error = "invalid JSON value";
        res.values.clear();
        return res;
      }
    }
    r.SkipWs();
    if (r.AtEnd()) {
      res.error = "unexpected EOF";
      res.values.clear();
      return res;
    }
    if (r.Cur() == ',') {
      r.set_pos(r.pos() + 1);
      continue;
    }
    if (r.Cur() == ']') break;
    res.error = "invalid character after array element";
    res.values.clear();
    return res;
  }
  if (non_string) {
    res.values.clear();
    res.not_string_array = true;
    res.error = kNotStringArray;
    return res;
  }
  res.ok = true;
  return res;
}

}  // namespace pf::dockerfile::internal

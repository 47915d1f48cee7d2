#include "compose/dotenv.h"

#include "compose/text_util.h"
#include "core/utf8.h"

namespace pf::compose {
namespace {

using utf8::DecodeRune;

// Space but not a line break.
bool IsInlineSpace(char32_t r) {
  switch (r) {
    case '\t':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
      return true;
    default:
      return false;
  }
}

// Letters and digits in any script; ASCII punctuation and U+FFFD are not.
bool IsLetterOrNumber(char32_t r) {
  if (r < 0x80) return detail::IsAsciiLetter(r) || detail::IsAsciiDigit(r);
  return r != 0xFFFD && !utf8::IsSpace(r);
}

bool IsKeyRune(char32_t r) {
  return r == '_' || r == '.' || r == '-' || r == '[' || r == ']' || IsLetterOrNumber(r);
}

std::string_view TrimLeftInline(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto r = DecodeRune(s, i);
    if (!IsInlineSpace(r.value)) break;
    i += r.width;
  }
  return s.substr(i);
}

std::string_view TrimRightUnicodeSpace(std::string_view s) {
  // Trailing spaces are ASCII or short sequences; walk back by code points.
  while (!s.empty()) {
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
           s.size() - start < 4) {
      --start;
    }
    auto r = DecodeRune(s, start);
    if (start + r.width != s.size() || !utf8::IsSpace(r.value)) break;
    s.remove_suffix(r.width);
  }
  return s;
}

// Go's strconv.UnquoteChar subset used by the escape expansion.
std::string ExpandEscapes(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i++];
      continue;
    }
    char c = s[i + 1];
    switch (c) {
      case 'a':
        out += '\a';
        i += 2;
        continue;
      case 'b':
        out += '\b';
        i += 2;
        continue;
      case 'f':
        out += '\f';
        i += 2;
        continue;
      case 'n':
        out += '\n';
        i += 2;
        continue;
      case 'r':
        out += '\r';
        i += 2;
        continue;
      case 't':
        out += '\t';
        i += 2;
        continue;
      case 'v':
        out += '\v';
        i += 2;
        continue;
      case '\\':
        out += '\\';
        i += 2;
        continue;
      case '"':
        out += '"';
        i += 2;
        continue;
      case '$':
        out += "$$";
        i += 2;
        continue;  // a literal "$" for interpolation
      case 'c':
        out += "\\c";
        i += 2;
        continue;
      default:
        break;
    }
    if (c == '0') {
      // "\0" followed by up to three digits; only exactly three octal digits
      // with a value below 256 decode, otherwise the text stays as is.
      std::size_t j = i + 2;
      while (j < s.size() && j < i + 5 && detail::IsAsciiDigit(static_cast<unsigned char>(s[j]))) {
        ++j;
      }
      std::string_view digits = s.substr(i + 2, j - i - 2);
      bool octal = digits.size() == 3;
      int v = 0;
      for (char d : digits) {
        if (d > '7') octal = false;
        v = v * 8 + (d - '0');
      }
      if (octal && v < 256) {
        utf8::AppendRune(out, static_cast<char32_t>(v));
      } else {
        out.append(s.substr(i, j - i));
      }
      i = j;
      continue;
    }
    out += s[i++];
  }
  return out;
}

class Parser {
 public:
  Parser(const Lookup& lookup, const Lookup* fallback, std::map<std::string, std::string>& out)
      : lookup_(lookup), fallback_(fallback), out_(out) {}

  bool Parse(std::string_view src, std::string& error) {
    for (;;) {
      src = StatementStart(src);
      if (src.empty()) return true;
      if (!Statement(src, error)) return false;
    }
  }

 private:
  // Skips white space and comment lines, counting lines.
  std::string_view StatementStart(std::string_view src) {
    for (;;) {
      std::size_t i = 0;
      while (i < src.size()) {
        auto r = DecodeRune(src, i);
        if (r.value == '\n') ++line_;
        if (!utf8::IsSpace(r.value)) break;
        i += r.width;
      }
      if (i >= src.size()) return {};
      src = src.substr(i);
      if (src[0] != '#') return src;
      std::size_t nl = src.find('\n');
      if (nl == std::string_view::npos) return {};
      src = src.substr(nl);
    }
  }

  bool Statement(std::string_view& src, std::string& error) {
    if (src.size() > 6 && src.substr(0, 6) == "export") {
      char c = src[6];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
        src = TrimLeftInline(src.substr(6));
      }
    }
    std::string_view key;
    std::size_t offset = 0;
    bool inherited = false;
    for (std::size_t i = 0; i < src.size();) {
      auto r = DecodeRune(src, i);
      if (IsInlineSpace(r.value)) {
        i += r.width;
        continue;
      }
      if (r.value == '=' || r.value == ':' || r.value == '\n') {
        key = src.substr(0, i);
        offset = i + 1;
        inherited = r.value == '\n';
        break;
      }
      if (!IsKeyRune(r.value)) {
        std::string ch;
        utf8::AppendRune(ch, r.value);
        error = "line " + std::to_string(line_) + ": unexpected character " + utf8::GoQuote(ch) +
                " in variable name " + utf8::GoQuote(src.substr(0, src.find('\n')));
        return false;
      }
      i += r.width;
    }
    if (inherited && key.find(' ') == std::string_view::npos) ++line_;
    key = TrimRightUnicodeSpace(key);
    std::string_view left = TrimLeftInline(src.substr(offset));
    if (key.find(' ') != std::string_view::npos) {
      error = "line " + std::to_string(line_) + ": key cannot contain a space";
      return false;
    }
    if (inherited) {
      if (auto v = lookup_(key)) out_[std::string(key)] = *v;
      src = left;
      return true;
    }
    std::string value;
    if (!Value(left, value, error)) return false;
    out_[std::string(key)] = std::move(value);
    src = left;
    return true;
  }

  bool Value(std::string_view& src, std::string& value, std::string& error) {
    char quote = src.empty() ? 0 : src[0];
    if (quote != '"' && quote != '\'') {
      std::size_t nl = src.find('\n');
      std::string_view v = src.substr(0, nl);
      src = nl == std::string_view::npos ? std::string_view{} : src.substr(nl + 1);
      ++line_;
      std::size_t comment = v.find(" #");
      if (comment != std::string_view::npos) v = v.substr(0, comment);
      return Expand(TrimRightUnicodeSpace(v), value, error);
    }
    std::string raw;
    bool escape = false;
    for (std::size_t i = 1; i < src.size(); ++i) {
      char c = src[i];
      if (c == '\n') ++line_;
      if (escape) {
        escape = false;
        if (c != quote) raw += '\\';
        raw += c;
        continue;
      }
      if (c == '\\') {
        escape = true;
      } else if (c == quote) {
        src = src.substr(i + 1);
        if (quote == '"') return Expand(ExpandEscapes(raw), value, error);
        value = std::move(raw);
        return true;
      } else {
        raw += c;
      }
    }
    error = "line " + std::to_string(line_) + ": unterminated quoted value " +
            std::string(src.substr(0, src.find('\n')));
    return false;
  }

  bool Expand(std::string_view text, std::string& value, std::string& error) {
    Lookup chain = [this](std::string_view name) -> std::optional<std::string> {
      if (auto v = lookup_(name)) return v;
      auto it = out_.find(std::string(name));
      if (it != out_.end()) return it->second;
      if (fallback_ != nullptr) return (*fallback_)(name);
      return std::nullopt;
    };
    InterpolationResult r = Interpolate(text, chain);
    if (!r.ok()) {
      error = r.error_text;
      return false;
    }
    value = std::move(r.value);
    return true;
  }

  const Lookup& lookup_;
  const Lookup* fallback_;
  std::map<std::string, std::string>& out_;
  int line_ = 1;
};

}  // namespace

DotenvResult ParseDotenv(std::string_view text, const Lookup& lookup, const Lookup* fallback) {
  DotenvResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Lookup none = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  Parser parser(lookup ? lookup : none, fallback, result.values);
  if (!parser.Parse(text, result.error)) result.values.clear();
  return result;
}

}  // namespace pf::compose

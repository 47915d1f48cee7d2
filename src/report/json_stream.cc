#include "report/json_stream.h"

#include <fmt/format.h>

#include <cstring>
#include <string>

namespace pf::report {

void WriteJsonNested(std::ostream& out, const OrderedJson& value, int depth) {
  std::string text = value.dump(2, ' ', false, OrderedJson::error_handler_t::replace);
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  // Whole runs between newlines: a stream write per byte is the slow part.
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* nl =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (nl == nullptr) {
      out.write(p, end - p);
      break;
    }
    out.write(p, nl + 1 - p);
    out.write(pad.data(), static_cast<std::streamsize>(pad.size()));
    p = nl + 1;
  }
}

namespace {

// True when the bytes are valid UTF-8 and need no escape: the common case,
// copied as is.
bool Plain(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++i;
      continue;
    }
    int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4) return false;
    if (i + static_cast<std::size_t>(extra) >= s.size()) return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    // Overlong forms, surrogates and code points above U+10FFFF.
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F)) {
      return false;
    }
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

}  // namespace

void AppendJsonString(std::string& buf, std::string_view text) {
  if (Plain(text)) {
    buf += '"';
    buf.append(text);
    buf += '"';
    return;
  }
  // Escapes and invalid UTF-8: exactly what the library writes.
  buf += OrderedJson(std::string(text)).dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

void JsonWriter::NewLine() {
  buf_ += '\n';
  buf_.append(static_cast<std::size_t>(level_) * 2, ' ');
}

void JsonWriter::BeforeValue() {
  if (first_) {
    first_ = false;
    return;
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  // An array element: first or following.
  if (!empty_) buf_ += ',';
  empty_ = false;
  NewLine();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  buf_ += bracket;
  ++level_;
  empty_ = true;
}

void JsonWriter::Close(char bracket) {
  --level_;
  if (empty_) {
    empty_ = false;
  } else {
    NewLine();
  }
  buf_ += bracket;
}

void JsonWriter::Key(std::string_view key) {
  if (!empty_) buf_ += ',';
  empty_ = false;
  NewLine();
  AppendJsonString(buf_, key);
  buf_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(buf_, value);
}

void JsonWriter::Int(long long value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(buf_), "{}", value);
}

}  // namespace pf::report

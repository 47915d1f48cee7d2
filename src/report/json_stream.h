#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace pf::report {

using OrderedJson = nlohmann::ordered_json;

// Pretty-prints `value` (two-space indent) as a member of something nested
// `depth` levels deep, so streamed documents read as if dumped whole.
// Invalid UTF-8 becomes U+FFFD rather than an exception.
void WriteJsonNested(std::ostream& out, const OrderedJson& value, int depth);

// Writes the same text as WriteJsonNested would for the value described by
// the calls, without building the value: no per-node allocation, one
// buffer. Keys and values are written in call order.
class JsonWriter {
 public:
  // `depth`: nesting of the first value, as for WriteJsonNested.
  explicit JsonWriter(std::string& buf, int depth = 0) : buf_(buf), level_(depth) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(long long value);

 private:
  void Open(char bracket);
  void Close(char bracket);
  void BeforeValue();
  void NewLine();

  std::string& buf_;
  int level_;
  bool first_ = true;  // nothing written yet: the top value has no prefix
  bool after_key_ = false;
  bool empty_ = false;  // the innermost container has no element yet
};

// Appends `text` as a JSON string literal, as nlohmann's dump escapes it.
void AppendJsonString(std::string& buf, std::string_view text);

}  // namespace pf::report

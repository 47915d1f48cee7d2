#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pf::dockerfile {

// Variables visible to word expansion, as BuildKit's shell lexer sees them.
// Names are case sensitive on Unix.
class Env {
 public:
  void Set(const std::string& name, std::string value) { vars_[name] = std::move(value); }
  void Erase(const std::string& name) { vars_.erase(name); }
  const std::string* Get(std::string_view name) const {
    auto it = vars_.find(std::string(name));
    return it == vars_.end() ? nullptr : &it->second;
  }
  bool Has(std::string_view name) const { return Get(name) != nullptr; }
  const std::map<std::string, std::string>& vars() const { return vars_; }

 private:
  std::map<std::string, std::string> vars_;
};

struct ExpandOptions {
  char escape = '\\';
};

// Result of expanding one word (BuildKit's ProcessWord) or a list of words
// (ProcessWords). `unmatched` names every variable the text referenced that
// the environment does not hold; such variables expand to "" as in BuildKit,
// and callers that must not guess treat the result as unresolved.
struct ExpandResult {
  bool ok = false;
  std::string error;                 // set when !ok
  std::string word;                  // ProcessWord result
  std::vector<std::string> words;    // ProcessWords result
  std::vector<std::string> unmatched;
  bool resolved() const { return ok && unmatched.empty(); }
};

ExpandResult ExpandWord(std::string_view text, const Env& env, ExpandOptions opts = {});
ExpandResult ExpandWords(std::string_view text, const Env& env, ExpandOptions opts = {});

}  // namespace pf::dockerfile

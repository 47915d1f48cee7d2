#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pf::dockerfile {

// Variables visible to word expansion, as BuildKit's shell lexer sees them.
// Names are case sensitive on Unix. A variable may also be set with a value
// that static analysis cannot know (a platform ARG, an ENV built from an
// unknown value): it counts as set, but words depending on it are unresolved.
class Env {
 public:
  void Set(const std::string& name, std::string value) {
    unknown_.erase(name);
    vars_[name] = std::move(value);
  }
  void SetUnknown(const std::string& name) {
    vars_.erase(name);
    unknown_.insert(name);
  }
  void Erase(const std::string& name) {
    vars_.erase(name);
    unknown_.erase(name);
  }
  // The known value; nullptr when unset or unknown.
  const std::string* Get(std::string_view name) const {
    auto it = vars_.find(std::string(name));
    return it == vars_.end() ? nullptr : &it->second;
  }
  bool Has(std::string_view name) const { return Get(name) != nullptr; }
  bool IsUnknown(std::string_view name) const { return unknown_.count(std::string(name)) > 0; }
  // Set, with a known or an unknown value.
  bool Defined(std::string_view name) const { return Has(name) || IsUnknown(name); }
  const std::map<std::string, std::string>& vars() const { return vars_; }
  const std::set<std::string>& unknown() const { return unknown_; }

 private:
  std::map<std::string, std::string> vars_;
  std::set<std::string> unknown_;
};

struct ExpandOptions {
  char escape = '\\';
};

// Result of expanding one word (BuildKit's ProcessWord) or a list of words
// (ProcessWords); both `word` and `words` are filled. `unmatched` names every
// variable the text referenced that the environment does not define, in
// order of first reference (BuildKit's tracking: `${A:-x}` with A unset and
// the unused `$B` in `${HOME:-$B}` both count). Such variables expand to "".
// `unresolved` names only the variables whose missing or unknown value the
// result depends on: `$A` and `${A#p}` with A unset do, `${A:-x}` and
// `${A:+x}` with A unset do not (their value is then definite).
struct ExpandResult {
  bool ok = false;
  std::string error;               // set when !ok
  std::string word;                // ProcessWord result
  std::vector<std::string> words;  // ProcessWords result
  std::vector<std::string> unmatched;
  std::vector<std::string> unresolved;
  // True when the expansion succeeded and its value is definite.
  bool resolved() const { return ok && unresolved.empty(); }
};

ExpandResult ExpandWord(std::string_view text, const Env& env, ExpandOptions opts = {});
ExpandResult ExpandWords(std::string_view text, const Env& env, ExpandOptions opts = {});

}  // namespace pf::dockerfile

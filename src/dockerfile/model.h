#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dockerfile/ast.h"
#include "dockerfile/expand.h"

namespace pf::dockerfile {

// Values given with --build-arg (or a compose service's build.args).
using BuildArgs = std::map<std::string, std::string>;

struct Stage {
  int index = 0;
  std::string name;  // `AS name`, lower case; empty if none
  const Instruction* from = nullptr;
  std::string base;           // FROM image after expansion
  bool base_resolved = true;  // false if a variable in it is unknown
  int base_stage = -1;        // index of the earlier stage FROM names
  std::string platform;       // `--platform` after expansion; empty if none
  bool platform_resolved = true;
  std::vector<const Instruction*> instructions;  // after FROM, in order
};

// Stages and variable scopes of a parsed Dockerfile, computed the way
// BuildKit dispatches them: global ARGs before the first FROM are visible in
// FROM lines and inside a stage only once re-declared there; ARG and ENV
// accumulate in order within a stage; a stage built FROM an earlier stage
// starts with that stage's ENV and ARGs; --build-arg overrides ARG defaults.
// BuildKit's automatic platform ARGs (TARGETPLATFORM, BUILDARCH, ...) are
// set with unknown values (Env::SetUnknown): words using them are unresolved.
// A stage's base image may bring its own ENV, which is not known here.
class Model {
 public:
  static Model Build(const Dockerfile& file, const BuildArgs& build_args = {});

  const std::vector<Stage>& stages() const { return stages_; }
  // The stage that produces the image (the last one); nullptr if none.
  const Stage* final_stage() const { return stages_.empty() ? nullptr : &stages_.back(); }
  // The stage an instruction belongs to (nullptr for global ARGs).
  const Stage* StageOf(const Instruction& inst) const;
  // Variables in effect when `inst` is evaluated (ARG and ENV of the
  // instruction itself not yet applied). Global scope for FROM lines.
  const Env& EnvAt(const Instruction& inst) const;
  // Expand a word as it would be expanded at `inst`; nullopt when the word
  // refers to a variable with no value or does not expand.
  std::optional<std::string> Resolve(const Instruction& inst, std::string_view word) const;
  // The full expansion result, for rules that need `unmatched`.
  ExpandResult Expand(const Instruction& inst, std::string_view word) const;
  char escape() const { return escape_; }

 private:
  char escape_ = '\\';
  std::vector<Stage> stages_;
  Env global_env_;
  std::unordered_map<const Instruction*, Env> env_at_;
  std::unordered_map<const Instruction*, int> stage_of_;
};

}  // namespace pf::dockerfile

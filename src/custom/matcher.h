#pragma once

// Compiled matchers of user rules. A Dockerfile matcher answers two
// questions: where it matches (Hits, each with the values for the message)
// and whether it holds for a given hit of another matcher (Holds), which is
// how all_of ties its children to "the same instruction": an instruction
// matcher must match that very instruction, a stage matcher its stage, and
// a file matcher (missing, ...) the file.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compose/model.h"
#include "core/position.h"
#include "dockerfile/ast.h"
#include "rules/rule.h"

namespace pf::custom {

using Vars = std::map<std::string, std::string>;

enum class Level { kInstruction, kStage, kFile };

// One instruction of the file; ONBUILD's child is its own target, with the
// ONBUILD as the scope its variables resolve in.
struct Target {
  const dockerfile::Instruction* inst = nullptr;  // null for a file-level hit
  const dockerfile::Instruction* scope = nullptr;
  int stage = -1;  // index in Model::stages(); -1 before the first FROM
};

struct Hit {
  Target at;
  Range range;  // what the finding points at
  Vars vars;
};

// The file being checked, with its instructions flattened once.
class DockerEval {
 public:
  explicit DockerEval(const rules::DockerContext& context);
  const rules::DockerContext& context() const { return context_; }
  const std::vector<Target>& targets() const { return targets_; }
  // Where a file-level finding goes: the final FROM, else the first line.
  Hit FileHit() const;

 private:
  const rules::DockerContext& context_;
  std::vector<Target> targets_;
};

class DockerMatcher {
 public:
  virtual ~DockerMatcher() = default;
  virtual Level level() const = 0;
  virtual void Hits(const DockerEval& eval, std::vector<Hit>* out) const = 0;
  virtual bool Holds(const DockerEval& eval, const Hit& hit) const = 0;
  // False for negations, which cannot pick the instruction all_of reports.
  virtual bool positive() const { return true; }
};

// A predicate on one service; `vars` gets values for the message.
using ServicePredicate =
    std::function<bool(const compose::Service& service, Vars* vars, Range* at)>;

}  // namespace pf::custom

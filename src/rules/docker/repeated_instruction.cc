#include "rules/docker/repeated_instruction.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace pf::rules {

void ReportOverriddenInstructions(const DockerContext& context, Emitter& emitter,
                                  std::string_view keyword) {
  std::string upper(keyword);
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  for (const dockerfile::Stage& stage : context.model.stages()) {
    // ONBUILD triggers are not counted: they run in another build.
    std::vector<const dockerfile::Instruction*> found;
    for (const dockerfile::Instruction* inst : stage.instructions) {
      if (inst->keyword == keyword) found.push_back(inst);
    }
    if (found.size() < 2) continue;
    const int winner = found.back()->range.start.line;
    for (std::size_t i = 0; i + 1 < found.size(); ++i) {
      const dockerfile::Instruction& inst = *found[i];
      std::string text = inst.original;
      if (text.size() > 60) text = text.substr(0, 57) + "...";
      emitter.Report(inst.keyword_range,
                     fmt::format("{} on line {} has no effect: only the last {} of a stage "
                                 "counts, and the one on line {} wins; remove this one or merge "
                                 "the two",
                                 upper, inst.range.start.line, upper, winner),
                     text);
    }
  }
}

}  // namespace pf::rules

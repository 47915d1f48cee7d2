// The checks BuildKit makes when it dispatches the parsed instructions:
// word expansion and the base image reference.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/validate.h"

namespace pf::dockerfile {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The words BuildKit expands in each instruction (RUN, CMD, ENTRYPOINT,
// HEALTHCHECK and SHELL are left to the shell).
std::vector<const Word*> ExpandedWords(const Instruction& inst) {
  std::vector<const Word*> words;
  const std::string& k = inst.keyword;
  if (k == "env" || k == "label") {
    for (std::size_t i = 0; i + 1 < inst.args.size(); i += 3) {
      words.push_back(&inst.args[i]);
      words.push_back(&inst.args[i + 1]);
    }
  } else if (k == "arg" || k == "workdir" || k == "user" || k == "stopsignal" || k == "volume" ||
             k == "expose") {
    for (const Word& w : inst.args) words.push_back(&w);
  } else if (k == "copy" || k == "add") {
    for (const Word& w : inst.args) {
      if (inst.json_form || !w.text.starts_with("<<")) words.push_back(&w);
    }
  }
  return words;
}

// Names of the ARGs declared before the first FROM: their value may come
// from --build-arg, so a FROM using them is not judged when they have none.
std::set<std::string> GlobalArgNames(const Dockerfile& file) {
  std::set<std::string> names;
  for (const Instruction& inst : file.instructions) {
    if (inst.keyword == "from") break;
    if (inst.keyword != "arg") continue;
    for (const Word& w : inst.args) names.insert(w.text.substr(0, w.text.find('=')));
  }
  return names;
}

std::optional<ParseError> CheckFromImage(const Instruction& inst, const Model& model,
                                         const std::set<std::string>& global_args,
                                         const std::set<std::string>& earlier_stages) {
  // Empty: refused already (DropRejected leaves no image to judge).
  if (inst.args.empty() || inst.args[0].text.empty()) return std::nullopt;
  const Word& image = inst.args[0];
  ExpandResult r = model.Expand(inst, image.text);
  if (!r.ok) return ParseError{r.error, image.range};
  // A variable that is not declared at all expands to "" in BuildKit too;
  // one declared without a value may still be given at build time.
  const Env& env = model.EnvAt(inst);
  for (const std::string& name : r.unresolved) {
    if (global_args.count(name) > 0 || env.Defined(name)) return std::nullopt;
  }
  if (r.word.empty()) {
    return ParseError{fmt::format("base name ({}) should not be blank", image.text), image.range};
  }
  const std::string lower = Lower(r.word);
  if (lower == "scratch" || earlier_stages.count(lower) > 0) return std::nullopt;
  if (auto error = ImageReferenceError(r.word)) {
    return ParseError{fmt::format("failed to parse stage name \"{}\": {}", r.word, *error),
                      image.range};
  }
  return std::nullopt;
}

}  // namespace

std::vector<InstructionError> CheckDispatch(const Dockerfile& file, const Model& model) {
  std::vector<InstructionError> errors;
  const std::set<std::string> global_args = GlobalArgNames(file);
  std::set<std::string> earlier_stages;
  for (std::size_t i = 0; i < file.instructions.size(); ++i) {
    const Instruction& inst = file.instructions[i];
    std::optional<ParseError> error;
    if (inst.keyword == "from") {
      error = CheckFromImage(inst, model, global_args, earlier_stages);
      if (inst.args.size() == 3 && Lower(inst.args[1].text) == "as") {
        earlier_stages.insert(Lower(inst.args[2].text));
      }
    } else {
      for (const Word* word : ExpandedWords(inst)) {
        ExpandResult r = model.Expand(inst, word->text);
        if (!r.ok) {
          error = ParseError{r.error, word->range};
          break;
        }
      }
    }
    if (error) errors.push_back(InstructionError{i, std::move(*error)});
  }
  return errors;
}

void DropRejected(const std::vector<InstructionError>& errors, Dockerfile* file) {
  std::vector<std::size_t> drop;
  for (const InstructionError& e : errors) {
    if (e.index >= file->instructions.size()) continue;
    Instruction& inst = file->instructions[e.index];
    if (inst.keyword != "from") {
      drop.push_back(e.index);
      continue;
    }
    // The stage stays; only a name that BuildKit accepted is kept.
    const bool image_only = !inst.args.empty() && e.error.range == inst.args[0].range &&
                            inst.args.size() != 2 && inst.args.size() <= 3;
    if (!image_only && !inst.args.empty()) inst.args.resize(1);
    if (!inst.args.empty()) inst.args[0].text.clear();
  }
  std::sort(drop.begin(), drop.end());
  drop.erase(std::unique(drop.begin(), drop.end()), drop.end());
  for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
    file->instructions.erase(file->instructions.begin() + static_cast<std::ptrdiff_t>(*it));
  }
}

}  // namespace pf::dockerfile

// DOCKER-COR-105: a FROM line that uses an undeclared ARG (BuildKit's
// UndefinedArgInFrom).
#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/nearest.h"
#include "rules/docker/from_args.h"
#include "rules/docker/variable_refs.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

struct Undeclared {
  std::string name;
  ByteSpan span;
};

void Check(const DockerContext& context, Emitter& emitter) {
  const std::set<std::string> declared = GlobalArgNames(context.file);
  const std::set<std::string>& automatic = AutomaticPlatformArgs();
  std::vector<std::string> candidates(declared.begin(), declared.end());
  candidates.insert(candidates.end(), automatic.begin(), automatic.end());
  for (const dockerfile::Stage& stage : context.model.stages()) {
    const dockerfile::Instruction* from = stage.from;
    if (from == nullptr) continue;
    std::vector<Undeclared> found;
    auto scan = [&](std::string_view text, std::size_t source_begin) {
      for (const VariableRef& ref : FindVariableRefs(text, context.model.escape(), true)) {
        if (declared.count(ref.name) > 0 || automatic.count(ref.name) > 0) continue;
        found.push_back({ref.name, ByteSpan{source_begin + ref.offset,
                                            source_begin + ref.offset + ref.length}});
      }
    };
    for (const dockerfile::Flag& flag : from->flags) {
      if (!flag.has_value) continue;
      std::size_t eq = flag.raw.find('=');
      if (eq == std::string::npos) continue;
      scan(std::string_view(flag.raw).substr(eq + 1), flag.span.begin + eq + 1);
    }
    for (const dockerfile::Word& word : from->args) scan(word.text, word.span.begin);
    if (found.empty()) continue;
    std::string hint;
    std::vector<std::string> near = NearestNames(found.front().name, candidates, 1);
    if (!near.empty() && EditDistance(near.front(), found.front().name, true) <= 2) {
      hint = fmt::format(" (did you mean {}?)", near.front());
    }
    emitter.Report(found.front().span,
                   fmt::format("FROM uses `{}`, which no ARG before the first FROM declares, so "
                               "it expands to an empty string{}; declare it with `ARG {}=...` "
                               "at the top",
                               found.front().name, hint, found.front().name),
                   found.front().name);
  }
}

}  // namespace

extern const Rule kDockerCor105{
    .meta =
        {
            .id = "DOCKER-COR-105",
            .name = "Undeclared ARG in FROM",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-457",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "arg", "variables", "UndefinedArgInFrom"},
            .summary = "A FROM line refers to a variable that no global ARG declares.",
            .docs =
                {
                    .what = "Reports a FROM line whose image, stage name or `--platform` value "
                            "refers to a variable that neither an ARG before the first FROM "
                            "declares nor BuildKit defines automatically (`BUILDPLATFORM`, "
                            "`TARGETARCH` and the other platform ARGs). A name close to a "
                            "declared or automatic one is suggested, which catches "
                            "`$BUILDPLATFROM`. ARGs declared inside a stage do not count: FROM "
                            "only sees the global ones. One finding per FROM, on the first such "
                            "variable. BuildKit reports the same as its UndefinedArgInFrom "
                            "check (`# check=skip=UndefinedArgInFrom` applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "An undeclared variable expands to an empty string, so "
                           "`FROM node:22${VARIANT}` quietly builds on `node:22`, and a "
                           "`--build-arg VARIANT=...` given later is ignored because the ARG "
                           "was never declared.",
                    .fix = "Declare the variable before the first FROM, with a default if the "
                           "image needs one: `ARG VARIANT=-alpine3.20`.",
                    .bad_example = "FROM node:22${VARIANT} AS build\n",
                    .good_example = "ARG VARIANT=-alpine3.20\n"
                                    "FROM node:22${VARIANT} AS build\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/457.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "undefined-arg-in-from/",
                            "https://docs.docker.com/reference/dockerfile/"
                            "#understand-how-arg-and-from-interact",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

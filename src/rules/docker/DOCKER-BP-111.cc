// DOCKER-BP-111: instruction keywords cased inconsistently (BuildKit's
// ConsistentInstructionCasing).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/docker/keyword_casing.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  int lower = 0;
  int upper = 0;
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    casing::Casing c = casing::Of(casing::KeywordText(context.source, inst));
    if (c == casing::Casing::kLower) ++lower;
    if (c == casing::Casing::kUpper) ++upper;
  }
  // Ties go to upper case, the form the Dockerfile reference uses.
  const casing::Casing majority = lower > upper ? casing::Casing::kLower : casing::Casing::kUpper;
  const std::string_view name = majority == casing::Casing::kLower ? "lower" : "upper";
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    std::string_view keyword = casing::KeywordText(context.source, inst);
    if (keyword.empty() || casing::Of(keyword) == majority) continue;
    emitter.Report(inst.keyword_range,
                   fmt::format("`{}` is not written like most instructions of this file ({} "
                               "case); write it in {} case",
                               keyword, name, name),
                   std::string(keyword));
  }
}

}  // namespace

extern const Rule kDockerBp111{
    .meta =
        {
            .id = "DOCKER-BP-111",
            .name = "Inconsistent Instruction Casing",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "style", "casing", "ConsistentInstructionCasing"},
            .summary = "Instruction keywords should all be upper case or all lower case.",
            .docs =
                {
                    .what = "Counts the instruction keywords written in lower case and in upper "
                            "case, and reports every keyword that does not follow the majority "
                            "(upper case on a tie); a mixed-case keyword such as `From` is always "
                            "reported. The finding is on the keyword. BuildKit reports the same "
                            "as its ConsistentInstructionCasing check (`# check=skip="
                            "ConsistentInstructionCasing` applies); it belongs to the "
                            "`docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "Keywords are case-insensitive, so mixed casing changes nothing for "
                           "the build, but it makes a file harder to scan and usually means "
                           "parts were pasted from elsewhere without review.",
                    .fix = "Write every keyword in the same case, preferably upper case as in "
                           "the Dockerfile reference.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "RUN echo one\n"
                                   "run echo two\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "RUN echo one\n"
                                    "RUN echo two\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "consistent-instruction-casing/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

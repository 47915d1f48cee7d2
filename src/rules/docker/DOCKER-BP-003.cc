// DOCKER-BP-003: the deprecated MAINTAINER instruction.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/rule.h"

namespace pf::rules {

namespace {

// The text as a double-quoted LABEL value: BuildKit unescapes `\"` and
// `\\` there and expands `$`, so those are escaped.
std::string QuotedValue(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$') out += '\\';
    out += c;
  }
  return out;
}

void Report(const dockerfile::Instruction& inst, Emitter& emitter) {
  std::string who = inst.args_text;
  while (!who.empty() && (who.back() == ' ' || who.back() == '\t')) who.pop_back();
  emitter.Report(inst.keyword_range,
                 fmt::format("MAINTAINER {} is deprecated; use LABEL "
                             "org.opencontainers.image.authors=\"{}\" instead",
                             who, QuotedValue(who)),
                 "MAINTAINER");
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    if (inst.keyword == "maintainer") Report(inst, emitter);
    if (inst.keyword == "onbuild" && inst.child && inst.child->keyword == "maintainer") {
      Report(*inst.child, emitter);
    }
  }
}

}  // namespace

extern const Rule kDockerBp003{
    .meta =
        {
            .id = "DOCKER-BP-003",
            .name = "Deprecated MAINTAINER Instruction",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "maintainer", "label", "deprecated", "metadata"},
            .summary = "MAINTAINER is deprecated; record the author with a LABEL.",
            .docs =
                {
                    .what = "Reports every `MAINTAINER` instruction, in any letter case and "
                            "also under `ONBUILD`, on its keyword.",
                    .why = "`MAINTAINER` has been deprecated since Docker 1.13. It sets a legacy "
                           "`Author` field that registries and tools do not show, while labels are "
                           "the standard, queryable place for image metadata. BuildKit's checks "
                           "warn about it (MaintainerDeprecated).",
                    .fix = "Replace it with the OCI label: "
                           "`LABEL org.opencontainers.image.authors=\"team@example.com\"`.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "MAINTAINER Jane Doe <jane@example.com>\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "LABEL org.opencontainers.image.authors=\"jane@example.com\"\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#maintainer-deprecated",
                            "https://docs.docker.com/reference/build-checks/maintainer-deprecated/",
                            "https://github.com/opencontainers/image-spec/blob/main/annotations.md",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

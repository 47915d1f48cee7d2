// DOCKER-COR-100: the file does not parse. Findings come from the parser
// (see rules/run.cc); this file holds the rule's identity and docs.
#include "rules/rule.h"

namespace pf::rules {

extern const Rule kDockerCor100{
    .meta =
        {
            .id = "DOCKER-COR-100",
            .name = "Dockerfile Syntax Error",
            .severity = Severity::kHigh,
            .category = "correctness",
            .cwe = "CWE-20",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "syntax", "correctness"},
            .summary = "The Dockerfile does not parse as BuildKit would parse it.",
            .docs =
                {
                    .what = "Reports what BuildKit refuses, with BuildKit's own message, at the "
                            "offending word. A file that does not parse (no instructions, an "
                            "unterminated heredoc, an ENV without a value) gets one finding and "
                            "nothing else is checked. Otherwise each refused instruction gets "
                            "one: unknown instructions (only the first of a file, which then is "
                            "likely a template), instructions before the first FROM, argument "
                            "counts and forms (`FROM ubuntu:22.04  # pinned` is three words, "
                            "COPY or ADD with one argument, bare HEALTHCHECK, SHELL not in JSON "
                            "form, ONBUILD FROM/MAINTAINER/ONBUILD), unknown, repeated or "
                            "valueless flags (`COPY --from build`), flag values (`--chmod`, "
                            "`--network`, `--security`, `--mount` type, HEALTHCHECK durations "
                            "and `--retries`), words BuildKit cannot expand (unterminated quotes "
                            "in ENV/ARG/LABEL, `${v:0:3}`) and base images that are not valid "
                            "references once expanded (`FROM img:`, `FROM perl:{{version}}`, "
                            "`@latest` as a digest). A refused instruction is left out for the "
                            "other rules, so none of them reads meaning into it; a FROM whose "
                            "image is refused still starts a stage but names no image.",
                    .why = "`docker build` stops at the first syntax error, so nothing else in "
                           "the file is checked or built. Other rules cannot look inside a file "
                           "that does not parse, so its other problems stay hidden too.",
                    .fix = "Correct the instruction at the reported position.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "ENV ONLY_A_NAME\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "ENV NAME=value\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/20.html",
                            "https://docs.docker.com/reference/dockerfile/",
                        },
                },
        },
};

}  // namespace pf::rules

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
                    .what = "Reports a Dockerfile that BuildKit's parser rejects, at the "
                            "position of the error and with its reason: a file with no "
                            "instructions, an unterminated heredoc, an ENV without a value, "
                            "invalid JSON in an exec-form argument where BuildKit requires it.",
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

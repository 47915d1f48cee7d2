// COMPOSE-COR-100: the compose file does not load. Findings come from the
// loader (see rules/run.cc); this file holds the rule's identity and docs.
#include "rules/rule.h"

namespace pf::rules {

extern const Rule kComposeCor100{
    .meta =
        {
            .id = "COMPOSE-COR-100",
            .name = "Compose File Syntax Error",
            .severity = Severity::kHigh,
            .category = "correctness",
            .cwe = "CWE-20",
            .bundle = "best-practice",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "yaml", "syntax", "correctness"},
            .summary = "The compose file cannot be loaded as Docker Compose would load it.",
            .docs =
                {
                    .what =
                        "Reports a compose file that Docker Compose would refuse to load, at the "
                        "position the problem was found and with the reason: invalid YAML, "
                        "tabs used for indentation, duplicate keys, a root or `services` that is "
                        "not a mapping, a top-level key the specification does not define "
                        "(services written at the top level, the old version 1 format), an invalid "
                        "`${...}` interpolation or a required "
                        "variable (`${VAR:?message}`) without a value, and broken `extends` or "
                        "`include` references (missing file or service, cycles, conflicting "
                        "service names). When the problem is inside another file, the finding "
                        "is placed on the `include` path or `extends` file that leads to it (on "
                        "the first line for an `.env` file) and the message names that file and "
                        "position. No other compose "
                        "rule runs on a file that does not load.",
                    .why = "`docker compose up` stops on such a file, so nothing in it is "
                           "deployed, and none of the other checks can say anything about it: a "
                           "broken file would otherwise look clean.",
                    .fix = "Correct the file at the reported position: fix the indentation (spaces "
                           "only), quote values that contain `: ` or start with a special "
                           "character, escape a literal `$` as `$$`, and make `extends`/`include` "
                           "point at files and services that exist.",
                    .bad_example = "services:\n"
                                   "  web:\n"
                                   "    image: nginx:1.27\n"
                                   "    ports: [\"8080:80\"\n",
                    .good_example = "services:\n"
                                    "  web:\n"
                                    "    image: nginx:1.27\n"
                                    "    ports: [\"8080:80\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/20.html",
                            "https://docs.docker.com/reference/compose-file/",
                            "https://docs.docker.com/reference/compose-file/interpolation/",
                            "https://yaml.org/spec/1.2.2/",
                        },
                },
        },
};

}  // namespace pf::rules

// COMPOSE-SEC-006: a service's root file system is writable.
#include <fmt/format.h>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    const auto& read_only = service->read_only;
    if (!read_only) {
      emitter.Report(service->name_range,
                     fmt::format("service '{}' has a writable root file system (no read_only); "
                                 "set read_only: true and mount tmpfs or volumes only where it "
                                 "must write",
                                 service->name),
                     "read_only missing", service->name);
      continue;
    }
    // An unknown or invalid value is not a known `false`.
    if (read_only->unresolved || !read_only->valid || read_only->value) continue;
    compose_rules::ReportValue(
        context, emitter, *service, read_only->file, read_only->range,
        fmt::format("service '{}' sets read_only: {}, so its root file system is writable; set "
                    "read_only: true and mount tmpfs or volumes only where it must write",
                    service->name, read_only->text),
        "read_only: false");
  }
}

}  // namespace

extern const Rule kComposeSec006{
    .meta =
        {
            .id = "COMPOSE-SEC-006",
            .name = "Container Filesystem is Writable",
            .severity = Severity::kLow,
            .category = "security",
            .cwe = "CWE-732",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "read-only", "filesystem", "immutability",
                     "security"},
            .summary = "A service does not set `read_only: true`, so its root file system is "
                       "writable.",
            .docs =
                {
                    .what = "Reports every service that has no `read_only` key (on the service's "
                            "key) or sets it to false in any spelling Compose accepts (`false`, "
                            "`no`, `off`, `\"False\"`..., on the value). A value inherited through "
                            "`extends` or a merge key counts as written; a value from another file "
                            "is reported on the service's key. A value that depends on an unset "
                            "variable, or is not a boolean, is not reported. Services that come "
                            "from an `include`d file are reported when that file is scanned. One "
                            "finding per service.",
                    .why = "With a writable root file system an attacker who gets code execution "
                           "can drop tools, change binaries and configuration, or plant a "
                           "backdoor that survives restarts of the process. A read-only root "
                           "makes the container image the only source of code and keeps state in "
                           "the few places that are meant to hold it.",
                    .fix = "Add `read_only: true` and give the service writable space only where "
                           "it needs it: `tmpfs: [/tmp, /run]` for scratch files and named "
                           "volumes for data.",
                    .bad_example = "services:\n"
                                   "  api:\n"
                                   "    image: example/api:2.3\n",
                    .good_example = "services:\n"
                                    "  api:\n"
                                    "    image: example/api:2.3\n"
                                    "    read_only: true\n"
                                    "    tmpfs:\n"
                                    "      - /tmp\n"
                                    "    volumes:\n"
                                    "      - api-data:/var/lib/api\n"
                                    "volumes:\n"
                                    "  api-data: {}\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/732.html",
                            "https://docs.docker.com/reference/compose-file/services/#read_only",
                            "https://docs.docker.com/reference/compose-file/services/#tmpfs",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

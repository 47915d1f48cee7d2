// COMPOSE-SEC-001: a service runs in privileged mode.
#include <fmt/format.h>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    const auto& privileged = service->privileged;
    if (!privileged || privileged->unresolved || !privileged->valid || !privileged->value) continue;
    compose_rules::ReportValue(
        context, emitter, *service, privileged->file, privileged->range,
        fmt::format("service '{}' runs privileged (privileged: {}): it gets every capability "
                    "and all host devices; remove it and add only the capabilities or devices "
                    "the service needs (cap_add, devices)",
                    service->name, privileged->text),
        "privileged: true");
  }
}

}  // namespace

extern const Rule kComposeSec001{
    .meta =
        {
            .id = "COMPOSE-SEC-001",
            .name = "Service Running in Privileged Mode",
            .severity = Severity::kCritical,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "privileged", "container-escape", "capabilities",
                     "security"},
            .summary = "A service sets `privileged: true`, giving the container full access "
                       "to the host.",
            .docs =
                {
                    .what =
                        "Reports a service whose `privileged` is true, in every spelling Docker "
                        "Compose accepts: YAML `true`/`True`/`TRUE`, and the strings `yes`, "
                        "`y`, `on` and `true` in any case, quoted or not, also when they come "
                        "from `${VAR}` interpolation (`.env`, `${PRIV:-true}`), a YAML anchor or "
                        "merge key, a later document of the same file, or a service extended "
                        "with `extends`. A value from another file is reported on the service's "
                        "key. A value that depends on an unset variable is not reported. One "
                        "finding per service.",
                    .why = "A privileged container has every Linux capability, sees all host "
                           "devices, runs without seccomp and AppArmor/SELinux confinement and can "
                           "write to /sys and mount file systems. Escaping to the host is trivial "
                           "(mount the host disk, load a kernel module), so any compromise of the "
                           "service is a compromise of the host.",
                    .fix = "Remove `privileged: true`. Grant only what the service needs: single "
                           "capabilities with `cap_add` (and `cap_drop: [ALL]`), single devices "
                           "with `devices:`, or a specific `sysctls:` entry.",
                    .bad_example = "services:\n"
                                   "  agent:\n"
                                   "    image: example/agent:2.1\n"
                                   "    privileged: true\n",
                    .good_example = "services:\n"
                                    "  agent:\n"
                                    "    image: example/agent:2.1\n"
                                    "    cap_drop: [ALL]\n"
                                    "    cap_add: [NET_BIND_SERVICE]\n"
                                    "    devices:\n"
                                    "      - /dev/ttyUSB0:/dev/ttyUSB0\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/compose-file/services/#privileged",
                            "https://docs.docker.com/engine/containers/run/"
                            "#runtime-privilege-and-linux-capabilities",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

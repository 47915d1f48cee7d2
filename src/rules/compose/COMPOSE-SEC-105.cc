// COMPOSE-SEC-105: a service shares the host's user, UTS or cgroup namespace.
#include <string_view>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->userns_mode, "userns_mode",
        "root in the container is root on the host even when the daemon remaps users; "
        "remove it");
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->uts, "uts",
        "the container shares the host's hostname and can change it for the whole host with "
        "CAP_SYS_ADMIN; remove it and set hostname: instead");
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->cgroup, "cgroup",
        "the container sees the host's whole cgroup tree and the resources of every other "
        "container; remove it (the default private namespace is enough for systemd)");
  }
}

}  // namespace

extern const Rule kComposeSec105{
    .meta =
        {
            .id = "COMPOSE-SEC-105",
            .name = "Host Namespace Shared",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "namespaces", "userns", "uts", "cgroup",
                     "security"},
            .summary = "A service sets `userns_mode`, `uts` or `cgroup` to `host`.",
            .docs =
                {
                    .what =
                        "Reports `userns_mode: host`, `uts: host` and `cgroup: host` on a "
                        "service (each key is its own finding, on its value), written directly "
                        "or coming from an anchor, interpolation, another document or an "
                        "extended service. Only the exact value `host` counts; `cgroup: "
                        "private` and values that depend on an unset variable are not reported. "
                        "The network, PID and IPC namespaces have their own rules "
                        "(COMPOSE-SEC-007, 009, 010).",
                    .why = "Each namespace is one wall between the container and the host. "
                           "`userns_mode: host` opts out of the daemon's user remapping "
                           "(`userns-remap`), so root in the container is root on the host. "
                           "`uts: host` lets a container with CAP_SYS_ADMIN rename the host. "
                           "`cgroup: host` exposes the host's cgroup hierarchy, which lists every "
                           "container and, with write access, lets the container change limits "
                           "or escape through cgroup v1 release agents.",
                    .fix = "Remove the key: the default private namespace is what almost every "
                           "service needs. Set the container's name with `hostname:`; run systemd "
                           "in a container with the default `cgroup: private`.",
                    .bad_example = "services:\n"
                                   "  node:\n"
                                   "    image: example/node-agent:4.0\n"
                                   "    userns_mode: host\n"
                                   "    uts: host\n",
                    .good_example = "services:\n"
                                    "  node:\n"
                                    "    image: example/node-agent:4.0\n"
                                    "    hostname: node-agent\n"
                                    "    cgroup: private\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/engine/security/userns-remap/",
                            "https://docs.docker.com/reference/compose-file/services/#cgroup",
                            "https://docs.docker.com/reference/compose-file/services/#uts",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

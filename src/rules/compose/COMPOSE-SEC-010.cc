// COMPOSE-SEC-010: a service shares the host's IPC namespace.
#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->ipc, "ipc",
        "the container can read and write the host's shared memory and message queues; "
        "remove it, or share memory only with another service (ipc: service:<name>)");
  }
}

}  // namespace

extern const Rule kComposeSec010{
    .meta =
        {
            .id = "COMPOSE-SEC-010",
            .name = "Using Host IPC Mode",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "ipc", "namespaces", "shared-memory", "security"},
            .summary = "A service sets `ipc: host` and shares the host's IPC namespace.",
            .docs =
                {
                    .what =
                        "Reports a service with `ipc: host`, written directly or coming from an "
                        "anchor, interpolation, another document or an extended service. Only "
                        "the exact value `host` counts; `private`, `shareable`, "
                        "`service:<name>` and `container:<name>` are not reported, nor is a "
                        "value that depends on an unset variable. One finding per service.",
                    .why = "The IPC namespace holds System V shared memory segments, semaphores "
                           "and message queues and the host's /dev/shm. Sharing the host's lets "
                           "the container read data other processes exchange there (database "
                           "buffers, application caches), tamper with it, or exhaust it and stall "
                           "host processes.",
                    .fix = "Remove `ipc: host`. Services that must share memory with each other "
                           "can use `ipc: shareable` on one and `ipc: \"service:<name>\"` on the "
                           "other; for a bigger /dev/shm set `shm_size`.",
                    .bad_example = "services:\n"
                                   "  worker:\n"
                                   "    image: example/worker:2.0\n"
                                   "    ipc: host\n",
                    .good_example = "services:\n"
                                    "  worker:\n"
                                    "    image: example/worker:2.0\n"
                                    "    shm_size: 1gb\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/compose-file/services/#ipc",
                            "https://docs.docker.com/engine/containers/run/#ipc-settings---ipc",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

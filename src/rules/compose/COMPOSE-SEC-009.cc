// COMPOSE-SEC-009: a service shares the host's process namespace.
#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->pid, "pid",
        "the container sees every host process and can signal or trace those of the same "
        "user; remove it, or share only another service's namespace (pid: service:<name>)");
  }
}

}  // namespace

extern const Rule kComposeSec009{
    .meta =
        {
            .id = "COMPOSE-SEC-009",
            .name = "Using Host PID Mode",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "pid", "namespaces", "processes", "security"},
            .summary = "A service sets `pid: host` and shares the host's process namespace.",
            .docs =
                {
                    .what =
                        "Reports a service with `pid: host`, written directly or coming from an "
                        "anchor, interpolation, another document or an extended service. Only "
                        "the exact value `host` counts; `service:<name>` and "
                        "`container:<name>` share another container's namespace and are not "
                        "reported, nor is a value that depends on an unset variable. One "
                        "finding per service.",
                    .why = "With the host's PID namespace the container lists every process on "
                           "the host with its command line and environment (secrets passed as "
                           "arguments or variables), can send signals to processes running as the "
                           "same user, and with CAP_SYS_PTRACE can attach to them and inject "
                           "code. Together with other privileges `nsenter -t 1` gives a host "
                           "shell.",
                    .fix = "Remove `pid: host`. Debugging and monitoring tools that need to see "
                           "another service's processes can join that service's namespace with "
                           "`pid: \"service:<name>\"`.",
                    .bad_example = "services:\n"
                                   "  monitor:\n"
                                   "    image: example/monitor:5.2\n"
                                   "    pid: host\n",
                    .good_example = "services:\n"
                                    "  app:\n"
                                    "    image: example/app:1.4\n"
                                    "  debugger:\n"
                                    "    image: example/debug-tools:1.0\n"
                                    "    pid: \"service:app\"\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/compose-file/services/#pid",
                            "https://docs.docker.com/engine/containers/run/#pid-settings---pid",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

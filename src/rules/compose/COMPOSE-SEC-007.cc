// COMPOSE-SEC-007: a service shares the host's network stack.
#include <fmt/format.h>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    compose_rules::ReportHostNamespace(
        context, emitter, *service, service->network_mode, "network_mode",
        "the container shares the host's network stack, can bind any host port and reach "
        "services listening on localhost; use a bridge network and publish only the ports "
        "needed");
  }
}

}  // namespace

extern const Rule kComposeSec007{
    .meta =
        {
            .id = "COMPOSE-SEC-007",
            .name = "Using Host Network Mode",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "network", "host-network", "namespaces",
                     "security"},
            .summary = "A service sets `network_mode: host` and shares the host's network "
                       "namespace.",
            .docs =
                {
                    .what =
                        "Reports a service with `network_mode: host`, written directly or "
                        "coming from an anchor, interpolation (`${NET:-host}`), another document "
                        "or an extended service. Docker matches the mode exactly, so only "
                        "`host` counts; `bridge`, `none`, `service:<name>` and "
                        "`container:<name>` are not reported, nor is a value that depends on an "
                        "unset variable. One finding per service.",
                    .why = "In host mode the container has no network isolation: it sees every "
                           "host interface, can bind any port on them (bypassing `ports:` and the "
                           "firewall rules Docker manages), and can reach services that listen "
                           "only on the host's loopback, such as local admin APIs, metadata "
                           "proxies and databases.",
                    .fix = "Remove `network_mode: host`. Put the service on a user-defined bridge "
                           "network and publish only the ports it serves, bound to an address "
                           "(`127.0.0.1:8080:8080`) when they are for local use.",
                    .bad_example = "services:\n"
                                   "  exporter:\n"
                                   "    image: example/exporter:1.8\n"
                                   "    network_mode: host\n",
                    .good_example = "services:\n"
                                    "  exporter:\n"
                                    "    image: example/exporter:1.8\n"
                                    "    ports:\n"
                                    "      - 127.0.0.1:9100:9100\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/engine/network/drivers/host/",
                            "https://docs.docker.com/reference/compose-file/services/"
                            "#network_mode",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

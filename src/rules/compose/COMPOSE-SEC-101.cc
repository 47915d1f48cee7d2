// COMPOSE-SEC-101: SSH (port 22) published by a service.
#include <fmt/format.h>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr int kSshPort = 22;

bool Covers(const compose::PortRange& range) {
  return range.start <= kSshPort && kSshPort <= range.end;
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    for (const compose::Port& port : service->ports) {
      if (port.unresolved || !port.error.empty()) continue;
      const bool container = port.target && Covers(*port.target);
      const bool host = port.published && Covers(*port.published);
      if (!container && !host) continue;
      // Point at the side that is 22; the container side when both are.
      const char* field = container ? "target" : "published";
      compose_rules::ReportValue(
          context, emitter, *service, port.file,
          compose_rules::PortFieldSite(*service, port, field),
          fmt::format("service '{}' publishes SSH port 22 (the {} of {}): remote shell access to a "
                      "container is rarely needed and widens the attack surface; remove the "
                      "SSH server and use docker compose exec for access",
                      service->name, container ? "container port" : "host port",
                      compose_rules::PortText(port)),
          compose_rules::PortText(port));
    }
  }
}

}  // namespace

extern const Rule kComposeSec101{
    .meta =
        {
            .id = "COMPOSE-SEC-101",
            .name = "SSH Port Published",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-284",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "ports", "ssh", "remote-access", "networking",
                     "security"},
            .summary = "A `ports` entry publishes port 22 (SSH) on the container or host side.",
            .docs =
                {
                    .what = "Reports each `ports` entry whose container (target) port or host "
                            "(published) port is 22, including inside ranges (`\"20-25\"`, "
                            "`\"2200-2300:20-120\"`): `\"22\"`, `\"2222:22\"`, `\"22:2222\"`, and "
                            "long syntax `target: 22` / `published: 22`, after interpolation. "
                            "Entries that depend on an unset variable and invalid entries are not "
                            "reported. The compose twin of DOCKER-AUD-100. One finding per entry.",
                    .why = "An SSH server in a container is a second way in that is managed "
                           "outside the image's lifecycle: keys or passwords baked into the "
                           "image, a daemon running as root, and a port that scanners brute-force "
                           "constantly. Publishing the host's port 22 to a container also "
                           "collides with, or shadows, the host's own SSH service.",
                    .fix = "Remove the SSH server and the port: use `docker compose exec <service> "
                           "sh` for interactive access and volumes or `docker compose cp` for "
                           "files. If a service must serve SSH (a Git server), keep its host keys "
                           "out of the image, publish it on a non-standard host port bound to the "
                           "address that needs it (`\"127.0.0.1:2222:22\"` behind a bastion), and "
                           "suppress this finding for that service.",
                    .bad_example = "services:\n"
                                   "  devbox:\n"
                                   "    image: example/devbox:1.0\n"
                                   "    ports:\n"
                                   "      - \"2222:22\"\n",
                    .good_example = "services:\n"
                                    "  devbox:\n"
                                    "    image: example/devbox:1.0\n"
                                    "    ports:\n"
                                    "      - \"127.0.0.1:8443:8443\"\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/284.html",
                            "https://docs.docker.com/reference/cli/docker/compose/exec/",
                            "https://docs.docker.com/reference/compose-file/services/#ports",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

// COMPOSE-SEC-100: a port is published on a privileged host port.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr int kFirstUnprivilegedPort = 1024;

// True when every privileged port of the host range is in `allowed`.
bool AllAllowed(const compose::PortRange& host, const std::vector<int>& allowed) {
  for (long long p = host.start; p <= host.end && p < kFirstUnprivilegedPort; ++p) {
    if (std::find(allowed.begin(), allowed.end(), p) == allowed.end()) return false;
  }
  return true;
}

void Check(const ComposeContext& context, Emitter& emitter) {
  const std::vector<int>& allowed = context.options->Ports("allowed_ports");
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    for (const compose::Port& port : service->ports) {
      if (port.unresolved || !port.error.empty() || !port.published) continue;
      // Host port 0 asks for a random port; it is not a privileged one.
      const compose::PortRange& host = *port.published;
      if (host.start < 1 || host.start >= kFirstUnprivilegedPort) continue;
      if (AllAllowed(host, allowed)) continue;
      compose_rules::ReportValue(
          context, emitter, *service, port.file,
          compose_rules::PortFieldSite(*service, port, "published"),
          fmt::format("service '{}' publishes host port {} ({}), below 1024: binding it needs "
                      "root or CAP_NET_BIND_SERVICE on the host side; publish a port of 1024 "
                      "or above, or put a reverse proxy in front",
                      service->name, compose_rules::RangeText(host), compose_rules::PortText(port)),
          compose_rules::PortText(port));
    }
  }
}

}  // namespace

extern const Rule kComposeSec100{
    .meta =
        {
            .id = "COMPOSE-SEC-100",
            .name = "Privileged Host Port Published",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "ports", "privileged", "networking", "security"},
            .summary = "A `ports` entry publishes a host port below 1024.",
            .docs =
                {
                    .what =
                        "Reports each `ports` entry whose host (published) port, or the low end "
                        "of its host range, is below 1024. Short syntax (`\"80:8080\"`, "
                        "`\"127.0.0.1:443:8443/tcp\"`, `\"80-90:8080-8090\"`) and long syntax "
                        "(`published: 80`, `published: \"80\"`, `published: \"80-90\"`) are "
                        "both read, after interpolation. Not reported: an entry with only a "
                        "container port (`\"80\"`, or long syntax without `published`), which "
                        "gets a random high host port; host port 0; invalid entries; and "
                        "entries that depend on an unset variable. The compose twin of "
                        "DOCKER-AUD-003. One finding per entry, on the published port.",
                    .why = "Binding a host port below 1024 needs root or CAP_NET_BIND_SERVICE on "
                           "the host, so such a stack cannot run under a rootless Docker or Podman "
                           "daemon without lowering `ip_unprivileged_port_start` for every user. "
                           "Low ports are also the ones scanners probe first; a service published "
                           "there directly, rather than behind a reverse proxy that terminates "
                           "TLS, is usually more exposed than intended.",
                    .fix = "Publish a port of 1024 or above (`\"8080:80\"`) and let a reverse "
                           "proxy or load balancer own 80/443, or keep the low port and accept "
                           "the daemon's privileges knowingly (then suppress this finding for the "
                           "proxy service).",
                    .bad_example = "services:\n"
                                   "  web:\n"
                                   "    image: nginx:1.27\n"
                                   "    ports:\n"
                                   "      - \"80:80\"\n",
                    .good_example = "services:\n"
                                    "  web:\n"
                                    "    image: nginx:1.27\n"
                                    "    ports:\n"
                                    "      - \"8080:80\"\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/compose-file/services/#ports",
                            "https://docs.docker.com/engine/security/rootless/"
                            "#exposing-privileged-ports",
                        },
                },
            .options =
                {
                    {.name = "allowed_ports",
                     .type = OptionType::kPortList,
                     .description =
                         "Privileged host ports that are accepted (e.g. `[80, 443]` for the "
                         "reverse proxy that is meant to publish them); a host range is reported "
                         "only when one of its privileged ports is not listed.",
                     .default_value = std::vector<int>{}},
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

// DOCKER-AUD-003: EXPOSE of a privileged port (below 1024).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/docker/expose_ports.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr long long kFirstUnprivilegedPort = 1024;

// True when every privileged port of [low, high] is in `allowed`.
bool AllAllowed(long long low, long long high, const std::vector<int>& allowed) {
  for (long long p = low; p <= high && p < kFirstUnprivilegedPort; ++p) {
    if (std::find(allowed.begin(), allowed.end(), p) == allowed.end()) return false;
  }
  return true;
}

bool IsPrivileged(const ExposedPort& port, const std::vector<int>& allowed) {
  // Port 0 and out-of-range ends are invalid (DOCKER-COR-002), not privileged.
  return port.numeric && port.low >= 1 && port.low <= port.high && port.high <= 65535 &&
         port.low < kFirstUnprivilegedPort && !AllAllowed(port.low, port.high, allowed);
}

void Check(const DockerContext& context, Emitter& emitter) {
  const std::vector<int>& allowed = context.options->Ports("allowed_ports");
  for (const ExposeSite& site : ExposeInstructions(context.file)) {
    std::vector<const ExposedPort*> privileged;
    std::vector<ExposedPort> ports = ExposedPorts(context, *site.expose, *site.scope);
    for (const ExposedPort& port : ports) {
      if (IsPrivileged(port, allowed)) privileged.push_back(&port);
    }
    if (privileged.empty()) continue;
    std::vector<std::string> names;
    for (const ExposedPort* port : privileged) {
      std::string name = PortText(*port);
      if (port->from_variable) name += fmt::format(" (from {})", port->word->text);
      names.push_back(std::move(name));
    }
    const dockerfile::Word& first = *privileged.front()->word;
    // 80 -> 8080, 443 -> 8443: the usual unprivileged stand-in.
    const long long low = privileged.front()->low;
    std::string message = fmt::format(
        "EXPOSE declares privileged port{} {}: serving below 1024 usually means the image "
        "runs as root or needs CAP_NET_BIND_SERVICE; listen on a port of 1024 or above and "
        "publish it (-p {}:{})",
        names.size() > 1 ? "s" : "", fmt::join(names, ", "), low, low + 8000);
    emitter.Report(first.range, std::move(message), first.text);
  }
}

}  // namespace

extern const Rule kDockerAud003{
    .meta =
        {
            .id = "DOCKER-AUD-003",
            .name = "Privileged Port Exposed",
            .severity = Severity::kMedium,
            .category = "audit",
            .cwe = "CWE-250",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "port", "expose", "privileged", "root", "networking",
                     "capabilities"},
            .summary = "EXPOSE of a port below 1024, which usually needs root or "
                       "CAP_NET_BIND_SERVICE to serve.",
            .docs =
                {
                    .what =
                        "Reports an `EXPOSE` instruction that declares a port below 1024: `80`, "
                        "`80/tcp`, `53/udp`, or a range whose low end is below 1024 (`80-90`, "
                        "`1000-2000`). Variables are resolved as BuildKit resolves them (ARG "
                        "defaults, ENV, `${PORT:-80}`, stages built on earlier stages, and "
                        "`--build-arg`); a value that cannot be resolved is not reported. One "
                        "finding per instruction: the column points at the first privileged "
                        "port and the message lists all of them. Port 0 and ports above 65535 "
                        "are invalid and reported by DOCKER-COR-002 instead.",
                    .why =
                        "A process needs root or the CAP_NET_BIND_SERVICE capability to bind a "
                        "port below 1024 on the host. Inside a container the picture is "
                        "different: since Docker Engine 20.10 containers start with "
                        "`net.ipv4.ip_unprivileged_port_start=0`, so a non-root process may bind "
                        "low ports inside its own network namespace. The risk is what the image "
                        "is built for: images that expose low ports are often run as root, or "
                        "with extra capabilities or privileged mode, to make the bind work on "
                        "runtimes without that sysctl (Kubernetes without it set, Podman, older "
                        "engines). That root or capability is then available to anything that "
                        "compromises the process.",
                    .fix =
                        "Listen on an unprivileged port (1024 or above) inside the container and "
                        "map it when publishing: `docker run -p 80:8080`, or `ports: "
                        "[\"80:8080\"]` in compose. If the process really must bind a low port, "
                        "grant only CAP_NET_BIND_SERVICE: to the one binary with `setcap "
                        "cap_net_bind_service=+ep /path/to/binary`, or to the service with "
                        "`cap_add: [NET_BIND_SERVICE]` (and `cap_drop: [ALL]`). Never use "
                        "privileged mode for this.",
                    .bad_example = "FROM nginx:1.27\n"
                                   "EXPOSE 80 443\n",
                    .good_example = "FROM nginxinc/nginx-unprivileged:1.27\n"
                                    "EXPOSE 8080 8443\n"
                                    "USER nginx\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/dockerfile/#expose",
                            "https://docs.docker.com/engine/network/packet-filtering-firewalls/",
                            "https://man7.org/linux/man-pages/man7/capabilities.7.html",
                        },
                },
            .options =
                {
                    {.name = "allowed_ports",
                     .type = OptionType::kPortList,
                     .description = "Privileged ports that are accepted (e.g. `[80, 443]` for an "
                                    "image that is meant to bind them); a range is reported only "
                                    "when one of its privileged ports is not listed.",
                     .default_value = std::vector<int>{}},
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

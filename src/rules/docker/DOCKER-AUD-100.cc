// DOCKER-AUD-100: EXPOSE of the SSH port 22.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/docker/expose_ports.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr long long kSshPort = 22;

bool ExposesSsh(const ExposedPort& port) {
  if (!port.numeric || port.low > port.high || port.high > 65535) return false;
  if (port.low > kSshPort || port.high < kSshPort) return false;
  // SSH runs over TCP; 22/udp is something else.
  std::string protocol = port.protocol;
  for (char& c : protocol) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return protocol.empty() || protocol == "tcp";
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const ExposeSite& site : ExposeInstructions(context.file)) {
    std::vector<ExposedPort> ports = ExposedPorts(context, *site.expose, *site.scope);
    for (const ExposedPort& port : ports) {
      if (!ExposesSsh(port)) continue;
      std::string shown = port.low == port.high
                              ? std::string("port 22")
                              : fmt::format("range {}, which includes port 22", PortText(port));
      if (port.from_variable) shown += fmt::format(" (from {})", port.word->text);
      emitter.Report(port.word->range,
                     fmt::format("EXPOSE declares {} (SSH): containers should not run an SSH "
                                 "server; use docker exec or kubectl exec for shell access and "
                                 "remove the SSH daemon",
                                 shown),
                     port.spec);
      break;  // one finding per instruction
    }
  }
}

}  // namespace

extern const Rule kDockerAud100{
    .meta =
        {
            .id = "DOCKER-AUD-100",
            .name = "SSH Port Exposed",
            .severity = Severity::kMedium,
            .category = "audit",
            .cwe = "CWE-284",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "expose", "port", "ssh", "remote-access",
                     "attack-surface"},
            .summary = "EXPOSE of port 22, the SSH port.",
            .docs =
                {
                    .what = "Reports an `EXPOSE` (also under `ONBUILD`) that declares TCP port 22: "
                            "`22`, `22/tcp`, a range containing it such as `20-30`, or a variable "
                            "that resolves to one of these (`$SSH_PORT`, `${PORT:-22}`). One "
                            "finding per instruction, on the first such port. `22/udp` is not SSH "
                            "and not reported; unresolvable values are not guessed.",
                    .why = "An SSH server in a container is an extra long-running, "
                           "internet-facing service with its own credentials and keys, often baked "
                           "into the image. It widens the attack surface, invites password "
                           "guessing, and bypasses the access control and audit of the container "
                           "platform, which already offers shell access.",
                    .fix = "Remove the SSH server and the EXPOSE; use `docker exec -it <container> "
                           "sh` or `kubectl exec` for interactive access, and `docker cp` or "
                           "volumes to move files. If the image really is an SSH gateway, document "
                           "that and keep its keys out of the image.",
                    .bad_example = "FROM ubuntu:24.04\n"
                                   "RUN apt-get update && apt-get install -y openssh-server\n"
                                   "EXPOSE 22\n",
                    .good_example = "FROM ubuntu:24.04\n"
                                    "EXPOSE 8080\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/284.html",
                            "https://docs.docker.com/reference/dockerfile/#expose",
                            "https://docs.docker.com/reference/cli/docker/container/exec/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

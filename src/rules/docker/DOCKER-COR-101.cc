// DOCKER-COR-101: EXPOSE written in a format Docker does not accept as a
// container port.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/expose_ports.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// What is wrong with one port spec, or empty when it is well formed.
std::string Problem(const ExposedPort& port) {
  std::string_view spec = port.spec;
  const std::size_t slash = spec.find('/');
  std::string_view address = spec.substr(0, slash);
  if (port.has_host_part) {
    std::string_view host = address.substr(0, address.rfind(':'));
    // "1.2.3.4:8080:80" or "[::1]:80": an address; "8080:80": a host port.
    const bool has_ip = host.find_first_of(".[") != std::string_view::npos ||
                        host.find(':') != std::string_view::npos;
    return fmt::format(
        "{} ({}: EXPOSE only declares container ports; publish with "
        "docker run -p or compose ports)",
        spec, has_ip ? "host address" : "host port mapping");
  }
  if (!port.numeric) return fmt::format("{} (not a port number or range)", spec);
  if (slash != std::string_view::npos) {
    const std::string& protocol = port.protocol;
    if (protocol == "tcp" || protocol == "udp" || protocol == "sctp") return {};
    std::string lower = protocol;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "tcp" || lower == "udp" || lower == "sctp") {
      return fmt::format("{} (protocol must be lower case: {})", spec, lower);
    }
    if (protocol.empty()) return fmt::format("{} (empty protocol)", spec);
    return fmt::format("{} (unknown protocol {}: use tcp, udp or sctp)", spec, protocol);
  }
  return {};
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const ExposeSite& site : ExposeInstructions(context.file)) {
    std::vector<ExposedPort> ports = ExposedPorts(context, *site.expose, *site.scope);
    const ExposedPort* first = nullptr;
    std::vector<std::string> problems;
    for (const ExposedPort& port : ports) {
      std::string problem = Problem(port);
      if (problem.empty()) continue;
      if (port.from_variable) problem += fmt::format(" (from {})", port.word->text);
      if (first == nullptr) first = &port;
      problems.push_back(std::move(problem));
    }
    if (first == nullptr) continue;
    emitter.Report(first->word->range,
                   fmt::format("EXPOSE has an invalid port spec{} {}; write each as PORT, "
                               "PORT/tcp, PORT/udp or a range such as 8000-8010",
                               problems.size() > 1 ? "s" : "", fmt::join(problems, ", ")),
                   first->spec);
  }
}

}  // namespace

extern const Rule kDockerCor101{
    .meta =
        {
            .id = "DOCKER-COR-101",
            .name = "Invalid EXPOSE Format",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-20",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "expose", "port", "correctness"},
            .summary = "EXPOSE with a host mapping or address, an invalid protocol, or a "
                       "non-numeric port.",
            .docs =
                {
                    .what =
                        "Reports an `EXPOSE` (also under `ONBUILD`) whose port spec, after "
                        "variable expansion, is not a plain container port: a host port "
                        "mapping (`8080:80`), a host address (`127.0.0.1:8080:80`), a protocol "
                        "other than `tcp`, `udp` or `sctp` (`80/http`), a protocol in upper "
                        "case (`80/TCP`), an empty protocol (`80/`), or something that is not a "
                        "number or range at all (`http`, `80-`). One finding per instruction, "
                        "on the first bad spec, listing all of them. Out-of-range numbers are "
                        "DOCKER-COR-002; unresolvable values are not reported.",
                    .why = "EXPOSE only documents which ports the container listens on; it cannot "
                           "publish a port on the host. A mapping or an address in it is ignored "
                           "with a warning (older builders) or fails the build, and the intended "
                           "publication never happens. Misspelled protocols and non-numeric ports "
                           "fail the build or produce image metadata that tools misread.",
                    .fix = "Write container ports only: `EXPOSE 80`, `EXPOSE 53/udp`, `EXPOSE "
                           "8000-8010/tcp`. Publish them at run time: `docker run -p "
                           "127.0.0.1:8080:80`, or `ports:` in compose.",
                    .bad_example = "FROM nginx:1.27\n"
                                   "EXPOSE 8080:80\n",
                    .good_example = "FROM nginx:1.27\n"
                                    "EXPOSE 80/tcp\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/20.html",
                            "https://docs.docker.com/reference/dockerfile/#expose",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

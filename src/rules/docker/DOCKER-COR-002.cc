// DOCKER-COR-002: EXPOSE of a port number outside 1-65535.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/docker/expose_ports.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr long long kMaxPort = 65535;

// Why a numeric port spec is invalid, or empty when it is fine.
std::string Problem(const ExposedPort& port) {
  if (!port.numeric) return {};  // not a number at all: a format problem (COR-101)
  if (port.low == 0 && port.high == 0) return "0";
  if (port.low == port.high && port.low > kMaxPort) return std::to_string(port.low);
  if (port.low == port.high) return {};
  if (port.low == 0 || port.high > kMaxPort || port.low > kMaxPort) {
    return PortText(port) + " (range outside 1-65535)";
  }
  if (port.low > port.high) return PortText(port) + " (range start above its end)";
  return {};
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const ExposeSite& site : ExposeInstructions(context.file)) {
    std::vector<ExposedPort> ports = ExposedPorts(context, *site.expose, *site.scope);
    const dockerfile::Word* first = nullptr;
    std::vector<std::string> problems;
    for (const ExposedPort& port : ports) {
      std::string problem = Problem(port);
      if (problem.empty()) continue;
      if (port.from_variable) problem += fmt::format(" (from {})", port.word->text);
      if (first == nullptr) first = port.word;
      problems.push_back(std::move(problem));
    }
    if (first == nullptr) continue;
    emitter.Report(first->range,
                   fmt::format("EXPOSE declares invalid port{} {}: a port must be between 1 "
                               "and 65535",
                               problems.size() > 1 ? "s" : "", fmt::join(problems, ", ")),
                   first->text);
  }
}

}  // namespace

extern const Rule kDockerCor002{
    .meta =
        {
            .id = "DOCKER-COR-002",
            .name = "Invalid Port Number",
            .severity = Severity::kHigh,
            .category = "correctness",
            .cwe = "CWE-20",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "port", "expose", "correctness"},
            .summary = "EXPOSE of port 0, a port above 65535, or a range outside 1-65535.",
            .docs =
                {
                    .what =
                        "Reports an `EXPOSE` instruction with a port, or a range end, outside "
                        "1-65535 after variable expansion: `EXPOSE 0`, `EXPOSE 70000`, "
                        "`EXPOSE 8000-70000`, and ranges written backwards such as `9000-8000`. "
                        "One finding per instruction, on the first invalid port; values that "
                        "cannot be resolved are not reported.",
                    .why = "TCP and UDP ports are 16-bit numbers and port 0 means \"any port\". "
                           "The build or the container start fails on such a value, or, when it "
                           "comes from a variable, the mistake hides until deployment. It is "
                           "almost always a typo or a variable that holds the wrong thing.",
                    .fix = "Use the port the service really listens on, between 1 and 65535, "
                           "and check the ARG or ENV the value comes from.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "EXPOSE 80800\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "EXPOSE 8080\n",
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

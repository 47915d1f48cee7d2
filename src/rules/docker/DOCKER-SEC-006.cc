// DOCKER-SEC-006: VOLUME declared on the Docker daemon socket.
#include <fmt/format.h>

#include <string>

#include "rules/docker/add_sources.h"
#include "rules/docker/word_range.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const AddSite& site : InstructionsNamed(context.file, "volume")) {
    for (const dockerfile::Word& word : site.add->args) {
      std::optional<std::string> value = context.model.Resolve(*site.scope, word.text);
      const std::string& path = value ? *value : word.text;
      if (path.find("docker.sock") == std::string::npos) continue;
      Range range = word.range;
      std::string shown = path;
      if (const std::size_t at = word.text.find("docker.sock"); at != std::string::npos) {
        // Point at the path holding the socket when several share one word.
        std::size_t begin = word.text.find_last_of(" \t", at);
        begin = begin == std::string::npos ? 0 : begin + 1;
        std::size_t end = word.text.find_first_of(" \t", at);
        if (end == std::string::npos) end = word.text.size();
        range = RangeInWord(emitter.source(), word, begin, end - begin);
        shown = word.text.substr(begin, end - begin);
      } else {
        shown = fmt::format("{} (from {})", path, word.text);
      }
      emitter.Report(range,
                     fmt::format("VOLUME declares the Docker daemon socket {}: a container "
                                 "that gets the host's socket there controls the host's Docker "
                                 "daemon (root on the host); remove it from the image and "
                                 "mount a socket only where truly needed, preferably through "
                                 "a restricted proxy",
                                 shown),
                     path);
      break;  // one finding per instruction
    }
  }
}

}  // namespace

extern const Rule kDockerSec006{
    .meta =
        {
            .id = "DOCKER-SEC-006",
            .name = "Docker Socket Mounted as Volume",
            .severity = Severity::kCritical,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "volume", "docker-socket", "privilege-escalation",
                     "container-escape"},
            .summary = "VOLUME on the Docker daemon socket (docker.sock).",
            .docs =
                {
                    .what =
                        "Reports a `VOLUME` instruction that names a path containing "
                        "`docker.sock`, such as `/var/run/docker.sock` or `/run/docker.sock`, in "
                        "shell form (`VOLUME /var/run/docker.sock`) or JSON form (`VOLUME "
                        "[\"/var/run/docker.sock\"]`), also when the path comes from a variable "
                        "that resolves to it. One finding per instruction, on the first such "
                        "path.",
                    .why =
                        "A `VOLUME` on the socket path tells everyone running the image that it "
                        "expects the host's Docker socket there, and it is almost always run with "
                        "`-v /var/run/docker.sock:/var/run/docker.sock`. Access to the Docker "
                        "socket is root on the host: the container can start a privileged "
                        "container that mounts the host's root filesystem. Any compromise of the "
                        "process in the container becomes a compromise of the host.",
                    .fix =
                        "Remove the socket from `VOLUME`. If the container really has to talk to "
                        "Docker, give it a restricted API proxy (for example "
                        "tecnativa/docker-socket-proxy with only the endpoints it needs), use "
                        "rootless Docker, or run the build or CI job with a dedicated "
                        "daemon (Docker-in-Docker, BuildKit) instead of the host's.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "VOLUME /var/run/docker.sock\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "VOLUME /data\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/engine/security/#docker-daemon-attack-"
                            "surface",
                            "https://docs.docker.com/reference/dockerfile/#volume",
                            "https://cheatsheetseries.owasp.org/cheatsheets/"
                            "Docker_Security_Cheat_Sheet.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

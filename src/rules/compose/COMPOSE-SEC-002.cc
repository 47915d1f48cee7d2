// COMPOSE-SEC-002: a volume mounts the Docker daemon's socket.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// A host path is the engine's API endpoint when its last component is
// docker.sock (any directory: /var/run, /run, rootless /run/user/N,
// ~/.docker/run) or, on Windows, the docker_engine named pipe.
bool IsDockerEndpoint(std::string_view source) {
  std::string path(source);
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string_view last = path;
  if (std::size_t slash = last.rfind('/'); slash != std::string_view::npos) {
    last = last.substr(slash + 1);
  }
  if (last == "docker.sock") return true;
  return compose_rules::Lower(path).ends_with("/pipe/docker_engine");
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    for (const compose::Volume& volume : service->volumes) {
      if (volume.unresolved || !volume.error.empty()) continue;
      if (volume.type != "bind" && volume.type != "npipe") continue;
      if (!IsDockerEndpoint(volume.source)) continue;
      compose_rules::ReportValue(
          context, emitter, *service, volume.file, volume.source_range,
          fmt::format("service '{}' mounts the Docker socket {} at {}: whoever controls the "
                      "container controls the Docker daemon and so the host; remove the "
                      "mount, or put a filtering socket proxy in front of the API",
                      service->name, volume.source, volume.target),
          volume.source);
    }
  }
}

}  // namespace

extern const Rule kComposeSec002{
    .meta =
        {
            .id = "COMPOSE-SEC-002",
            .name = "Docker Socket Exposed to Container",
            .severity = Severity::kCritical,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "docker-socket", "volumes", "container-escape",
                     "security"},
            .summary = "A service mounts the Docker daemon socket, handing it control of the "
                       "host.",
            .docs =
                {
                    .what = "Reports each `volumes` entry of a service whose host source is the "
                            "Docker engine's endpoint: any path whose last component is "
                            "`docker.sock` (`/var/run/docker.sock`, `/run/docker.sock`, rootless "
                            "`/run/user/1000/docker.sock`, `~/.docker/run/docker.sock`, the "
                            "`//var/run/docker.sock` form used on Windows hosts), or the Windows "
                            "named pipe `\\\\.\\pipe\\docker_engine`. Short (`src:dst[:ro]`) and "
                            "long syntax (`type: bind`/`npipe`, `source:`) are both read, after "
                            "interpolation: `${DOCKER_SOCK:-/var/run/docker.sock}` and values from "
                            "`.env` count. Read-only mounts are reported too. Named volumes and "
                            "sources that depend on an unset variable are not. One finding per "
                            "volume entry, on its source.",
                    .why = "The socket is the Docker API without authentication. A process that "
                           "can reach it can start a privileged container that mounts the host's "
                           "root file system, so mounting it gives the service (and anyone who "
                           "compromises it) root on the host. `:ro` does not help: it only stops "
                           "the file from being replaced, API calls still go through.",
                    .fix = "Remove the mount. If the service really needs the API (a reverse "
                           "proxy reading container labels, a CI runner), put a socket proxy in "
                           "front of it that allows only the read-only endpoints it uses, run the "
                           "daemon rootless, or use a remote builder instead of the host daemon.",
                    .bad_example = "services:\n"
                                   "  proxy:\n"
                                   "    image: traefik:v3.1\n"
                                   "    volumes:\n"
                                   "      - /var/run/docker.sock:/var/run/docker.sock:ro\n",
                    .good_example = "services:\n"
                                    "  proxy:\n"
                                    "    image: traefik:v3.1\n"
                                    "    command: --providers.file.directory=/etc/traefik/dynamic\n"
                                    "    volumes:\n"
                                    "      - ./dynamic:/etc/traefik/dynamic:ro\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/engine/security/"
                            "#docker-daemon-attack-surface",
                            "https://docs.docker.com/reference/compose-file/services/#volumes",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

// COMPOSE-SEC-104: a bind mount of a sensitive host directory.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// Reported as the directory itself only: their subtrees hold much that is
// routinely and harmlessly shared (/etc/localtime, /dev/shm, /run/user).
constexpr std::string_view kExact[] = {"/", "/etc", "/dev", "/var/run", "/run", "/var", "/home"};

// Reported with everything below them: nothing there is harmless to hand
// to a container.
constexpr std::string_view kSubtrees[] = {"/proc",
                                          "/sys",
                                          "/root",
                                          "/boot",
                                          "/var/lib/docker",
                                          "/var/lib/containerd",
                                          "/var/lib/kubelet",
                                          "/lib/modules",
                                          "/etc/shadow",
                                          "/etc/gshadow",
                                          "/etc/sudoers",
                                          "/etc/sudoers.d",
                                          "/etc/ssh",
                                          "/etc/kubernetes",
                                          "/etc/docker",
                                          "/etc/pki",
                                          "/etc/ssl/private"};

// A POSIX host path with `//`, `.` and `..` folded; "" for paths that are
// not absolute POSIX paths (relative, home, Windows).
std::string Normalize(std::string_view path) {
  if (!path.starts_with("/")) return "";
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(i, slash - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  std::string out;
  for (std::string_view part : parts) {
    out += '/';
    out += part;
  }
  return out.empty() ? "/" : out;
}

// The listed directory `path` is or lies under; "" if none.
std::string_view SensitiveRoot(const std::string& path) {
  for (std::string_view exact : kExact) {
    if (path == exact) return exact;
  }
  for (std::string_view root : kSubtrees) {
    if (path == root || (path.starts_with(root) && path[root.size()] == '/')) return root;
  }
  return {};
}

bool IsDockerSocket(const std::string& path) {
  return path.ends_with("/docker.sock");  // COMPOSE-SEC-002's finding
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    for (const compose::Volume& volume : service->volumes) {
      if (volume.unresolved || !volume.error.empty() || volume.type != "bind") continue;
      const std::string path = Normalize(volume.source);
      if (path.empty() || IsDockerSocket(path)) continue;
      std::string_view root = SensitiveRoot(path);
      if (root.empty()) continue;
      compose_rules::ReportValue(
          context, emitter, *service, volume.file, volume.source_range,
          fmt::format("service '{}' mounts host path {} at {}{}: it exposes the host's {} to "
                      "the container; mount only the files the service needs, from a "
                      "dedicated directory, or use a named volume",
                      service->name, volume.source, volume.target,
                      volume.read_only ? " (read-only)" : "", root),
          path);
    }
  }
}

}  // namespace

extern const Rule kComposeSec104{
    .meta =
        {
            .id = "COMPOSE-SEC-104",
            .name = "Sensitive Host Path Mounted",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-668",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "volumes", "bind-mount", "host-path",
                     "container-escape", "security"},
            .summary = "A service bind-mounts a sensitive host directory such as /, /etc, "
                       "/proc, /sys or /var/lib/docker.",
            .docs =
                {
                    .what =
                        "Reports each bind mount (short syntax `/src:/dst[:ro]` or long syntax "
                        "`type: bind`) whose host source, with `//`, `.` and `..` folded and "
                        "after interpolation, is one of these directories itself: `/`, `/etc`, "
                        "`/dev`, `/var`, `/var/run`, `/run`, `/home`; or is one of these or "
                        "lies below them: `/proc`, `/sys`, `/root`, `/boot`, `/var/lib/docker`, "
                        "`/var/lib/containerd`, `/var/lib/kubelet`, `/lib/modules`, "
                        "`/etc/shadow`, `/etc/gshadow`, `/etc/sudoers`, `/etc/sudoers.d`, "
                        "`/etc/ssh`, `/etc/kubernetes`, `/etc/docker`, `/etc/pki`, "
                        "`/etc/ssl/private`. Other files under `/etc`, `/dev` and `/run` "
                        "(`/etc/localtime`, `/etc/ssl/certs`, `/dev/shm`) are common and "
                        "harmless and are not reported. The Docker socket is COMPOSE-SEC-002's "
                        "finding. Read-only mounts are reported too. Named volumes, relative "
                        "and home paths, and sources that depend on an unset variable are not. "
                        "One finding per volume entry, on its source.",
                    .why = "These paths hold the host's identity and control: password hashes "
                           "and sudo rules in /etc, SSH host keys, kernel and boot files, the "
                           "kernel's live interfaces in /proc and /sys, every container's data "
                           "in /var/lib/docker, the sockets of host daemons under /var/run. A "
                           "container that can read them leaks credentials; one that can write "
                           "them can take over the host. Even read-only, /proc and /sys expose "
                           "the host's processes and hardware.",
                    .fix = "Mount only what the service needs, from a directory made for it "
                           "(`./config/app.conf:/etc/app/app.conf:ro`), or use a named volume. "
                           "Monitoring agents that truly need host paths should mount the "
                           "narrowest subtree read-only and be suppressed explicitly.",
                    .bad_example = "services:\n"
                                   "  agent:\n"
                                   "    image: example/agent:2.0\n"
                                   "    volumes:\n"
                                   "      - /etc:/host/etc\n",
                    .good_example = "services:\n"
                                    "  agent:\n"
                                    "    image: example/agent:2.0\n"
                                    "    volumes:\n"
                                    "      - ./agent.yaml:/etc/agent/agent.yaml:ro\n"
                                    "      - /etc/localtime:/etc/localtime:ro\n"
                                    "      - agent-data:/var/lib/agent\n"
                                    "volumes:\n"
                                    "  agent-data: {}\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/668.html",
                            "https://docs.docker.com/engine/storage/bind-mounts/",
                            "https://docs.docker.com/reference/compose-file/services/#volumes",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

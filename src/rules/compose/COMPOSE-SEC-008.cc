// COMPOSE-SEC-008: a service adds a capability that breaks isolation.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// "cap_sys_admin" -> "SYS_ADMIN".
std::string CapabilityName(std::string_view text) {
  std::string name(text);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (name.starts_with("CAP_")) name.erase(0, 4);
  return name;
}

bool IsDangerous(std::string_view name) {
  static constexpr std::string_view kDangerous[] = {"SYS_ADMIN",  "NET_ADMIN",       "SYS_PTRACE",
                                                    "SYS_MODULE", "DAC_READ_SEARCH", "ALL"};
  return std::find(std::begin(kDangerous), std::end(kDangerous), name) != std::end(kDangerous);
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    const compose::StringValue* first = nullptr;
    std::vector<std::string> names;
    for (const compose::StringValue& cap : service->cap_add) {
      if (cap.unresolved) continue;
      std::string name = CapabilityName(cap.value);
      if (!IsDangerous(name)) continue;
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      if (first == nullptr) first = &cap;
      names.push_back(std::move(name));
    }
    if (first == nullptr) continue;
    compose_rules::ReportValue(
        context, emitter, *service, first->file, first->range,
        fmt::format("service '{}' adds capabilit{} {}: {}; drop it and grant a narrower "
                    "capability, or move the task out of the container",
                    service->name, names.size() > 1 ? "ies" : "y", fmt::join(names, ", "),
                    names.front() == "ALL" ? "ALL is every capability, as good as privileged"
                                           : "each of these lets a compromised process reach "
                                             "beyond the container"),
        fmt::format("{}", fmt::join(names, ",")));
  }
}

}  // namespace

extern const Rule kComposeSec008{
    .meta =
        {
            .id = "COMPOSE-SEC-008",
            .name = "Dangerous Capability Added",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "capabilities", "cap-add", "container-escape",
                     "security"},
            .summary = "A service adds SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, "
                       "DAC_READ_SEARCH or ALL with `cap_add`.",
            .docs =
                {
                    .what = "Reports a service whose `cap_add` contains SYS_ADMIN, NET_ADMIN, "
                            "SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH or ALL, with or without the "
                            "`CAP_` prefix and in any case (`sys_admin`, `CAP_SYS_ADMIN`, `all`). "
                            "Items from anchors, interpolation, other documents and extended "
                            "services count; an item that depends on an unset variable does not. "
                            "One finding per service, on the first such item; the message lists "
                            "all of them.",
                    .why = "These capabilities undo most of the container's isolation. SYS_ADMIN "
                           "allows mounts and many kernel interfaces and is the usual way out of "
                           "a container; SYS_MODULE loads kernel code; SYS_PTRACE lets the "
                           "container inspect and inject into processes (and, with the host PID "
                           "namespace, host processes); DAC_READ_SEARCH bypasses file read "
                           "permissions and enabled the `open_by_handle_at` escape; NET_ADMIN "
                           "reconfigures interfaces, routes and firewall rules and can sniff or "
                           "redirect traffic; ALL grants all of them.",
                    .fix = "Start from `cap_drop: [ALL]` and add only the narrow capabilities the "
                           "process needs (NET_BIND_SERVICE to bind low ports, CHOWN, SETUID...). "
                           "Tasks that really need one of these (VPN clients, debuggers) belong "
                           "in a separate, short-lived service or on the host.",
                    .bad_example = "services:\n"
                                   "  vpn:\n"
                                   "    image: example/vpn-client:1.2\n"
                                   "    cap_add:\n"
                                   "      - NET_ADMIN\n"
                                   "      - cap_sys_module\n",
                    .good_example = "services:\n"
                                    "  web:\n"
                                    "    image: example/web:1.2\n"
                                    "    cap_drop: [ALL]\n"
                                    "    cap_add: [NET_BIND_SERVICE]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://man7.org/linux/man-pages/man7/capabilities.7.html",
                            "https://docs.docker.com/engine/containers/run/"
                            "#runtime-privilege-and-linux-capabilities",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

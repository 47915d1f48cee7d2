// COMPOSE-SEC-011: a service may gain privileges through setuid binaries.
#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// The engine reads the value with Go's strconv.ParseBool.
std::optional<bool> ParseGoBool(std::string_view text) {
  for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"}) {
    if (text == t) return true;
  }
  for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"}) {
    if (text == f) return false;
  }
  return std::nullopt;
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    // The last no-new-privileges item is the one the engine keeps.
    const compose::StringValue* last = nullptr;
    std::optional<bool> enabled;
    bool unknown = false;
    for (const compose::StringValue& item : service->security_opt) {
      if (item.unresolved) {
        unknown = true;
        continue;
      }
      compose_rules::SecurityOpt opt = compose_rules::SplitSecurityOpt(item.value);
      if (opt.key != "no-new-privileges") continue;
      last = &item;
      enabled = opt.has_value ? ParseGoBool(opt.value) : std::optional<bool>(true);
    }
    if (unknown || (last != nullptr && !enabled) || (enabled && *enabled)) continue;
    if (last == nullptr) {
      emitter.Report(
          service->name_range,
          fmt::format("service '{}' does not set no-new-privileges: setuid binaries in the "
                      "container can still raise privileges; add security_opt: "
                      "[\"no-new-privileges:true\"]",
                      service->name),
          "no-new-privileges missing", service->name);
      continue;
    }
    compose_rules::ReportValue(
        context, emitter, *service, last->file, last->range,
        fmt::format("service '{}' turns no-new-privileges off ({}): setuid binaries in the "
                    "container can raise privileges; use no-new-privileges:true",
                    service->name, last->value),
        "no-new-privileges:false");
  }
}

}  // namespace

extern const Rule kComposeSec011{
    .meta =
        {
            .id = "COMPOSE-SEC-011",
            .name = "Missing no-new-privileges Security Option",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-732",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "no-new-privileges", "security-opt", "setuid",
                     "privilege-escalation", "security"},
            .summary = "A service does not set `no-new-privileges`, so setuid binaries can "
                       "raise privileges inside it.",
            .docs =
                {
                    .what = "Reports every service whose `security_opt` does not turn "
                            "no-new-privileges on. It is on with `no-new-privileges:true`, "
                            "`no-new-privileges=true` or the bare `no-new-privileges` (the value "
                            "read as the engine reads it: `true`, `True`, `TRUE`, `t`, `1`). A "
                            "service without such an item is reported on its key; a service whose "
                            "last no-new-privileges item is false (`no-new-privileges:false`) is "
                            "reported on that item, since the engine keeps the last one. Not "
                            "reported: a value the engine would reject, and a service with a "
                            "`security_opt` item that depends on an unset variable (it may be the "
                            "option). Items from anchors, other documents and extended services "
                            "count. One finding per service.",
                    .why = "Without the `no_new_privs` flag a process in the container can gain "
                           "privileges by executing a setuid or setgid binary (`su`, `sudo`, "
                           "`passwd`, or one an attacker makes setuid) or a file with file "
                           "capabilities. With the flag set the kernel ignores those bits for the "
                           "whole process tree, which closes a common step from a compromised "
                           "unprivileged process to root in the container.",
                    .fix = "Add `security_opt: [\"no-new-privileges:true\"]` to the service (an "
                           "`x-` extension field with an anchor makes it easy to share), or turn "
                           "it on for every container with `\"no-new-privileges\": true` in the "
                           "daemon's daemon.json. Software that must switch users at start-up "
                           "should do so with an entrypoint running as root that drops privileges "
                           "(`gosu`, `su-exec`) before the flag matters, or run as the right user "
                           "from the start (`user:`).",
                    .bad_example = "services:\n"
                                   "  web:\n"
                                   "    image: nginx:1.27\n"
                                   "    security_opt:\n"
                                   "      - apparmor:docker-default\n",
                    .good_example = "services:\n"
                                    "  web:\n"
                                    "    image: nginx:1.27\n"
                                    "    security_opt:\n"
                                    "      - no-new-privileges:true\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/732.html",
                            "https://docs.docker.com/reference/cli/docker/container/run/"
                            "#security-opt",
                            "https://docs.kernel.org/userspace-api/no_new_privs.html",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

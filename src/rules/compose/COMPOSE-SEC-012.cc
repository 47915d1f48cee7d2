// COMPOSE-SEC-012: SELinux labelling turned off for a service.
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  compose_rules::ReportSecurityOpt(
      context, emitter, "label", "disable",
      "the container runs without SELinux separation from the host and other containers; "
      "remove it and relabel bind mounts with :z or :Z instead");
}

}  // namespace

extern const Rule kComposeSec012{
    .meta =
        {
            .id = "COMPOSE-SEC-012",
            .name = "SELinux Separation Disabled",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-732",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "selinux", "security-opt", "mac", "security"},
            .summary = "A service runs with `label:disable`, without SELinux separation.",
            .docs =
                {
                    .what = "Reports a service whose `security_opt` contains `label:disable` or "
                            "`label=disable` (any case), written directly or coming from an "
                            "anchor, interpolation, another document or an extended service. "
                            "Other `label` options (`label:type:...`, `label:level:...`) set a "
                            "specific context and are not reported, nor is an item that depends "
                            "on an unset variable. One finding per service.",
                    .why = "On SELinux hosts every container gets its own MCS label, so a process "
                           "that breaks out of one container still cannot read the files of the "
                           "host or of other containers. `label:disable` runs the container with "
                           "the unconfined `spc_t` type and removes that second wall.",
                    .fix = "Remove the option. When it was added so the container can read a bind "
                           "mount, relabel the mount instead: `./data:/data:Z` (private to this "
                           "container) or `:z` (shared between containers). For a custom policy "
                           "use `label:type:<type>`.",
                    .bad_example = "services:\n"
                                   "  backup:\n"
                                   "    image: example/backup:3.0\n"
                                   "    security_opt: [\"label=disable\"]\n"
                                   "    volumes: [\"./data:/data\"]\n",
                    .good_example = "services:\n"
                                    "  backup:\n"
                                    "    image: example/backup:3.0\n"
                                    "    volumes: [\"./data:/data:Z\"]\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/732.html",
                            "https://docs.docker.com/engine/containers/run/#security-options",
                            "https://docs.docker.com/engine/storage/bind-mounts/"
                            "#configure-the-selinux-label",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

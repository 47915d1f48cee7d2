// COMPOSE-SEC-102: AppArmor confinement turned off for a service.
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  compose_rules::ReportSecurityOpt(
      context, emitter, "apparmor", "unconfined",
      "the container runs without the AppArmor profile that stops it from mounting, writing "
      "to /proc and /sys and similar escapes; remove it, or load a custom profile and name it "
      "(apparmor:my-profile)");
}

}  // namespace

extern const Rule kComposeSec102{
    .meta =
        {
            .id = "COMPOSE-SEC-102",
            .name = "AppArmor Disabled",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-284",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "apparmor", "security-opt", "mac", "security"},
            .summary = "A service runs with `apparmor:unconfined`, without its AppArmor "
                       "profile.",
            .docs =
                {
                    .what = "Reports a service whose `security_opt` contains `apparmor:unconfined` "
                            "or `apparmor=unconfined` (any case), written directly or coming from "
                            "an anchor, interpolation, another document or an extended service. A "
                            "named profile (`apparmor:docker-custom`) is not reported, nor is an "
                            "item that depends on an unset variable. One finding per service.",
                    .why = "On AppArmor hosts (Ubuntu, Debian, SUSE) Docker confines containers "
                           "with the `docker-default` profile, which denies mounting, writes to "
                           "most of /proc and /sys, and other operations used in container "
                           "escapes. Unconfined, a process that gains a capability or finds a "
                           "kernel bug has nothing else in its way.",
                    .fix = "Remove the option. If the service needs something the default profile "
                           "denies, write a profile that allows just that, load it with "
                           "`apparmor_parser`, and use `security_opt: [\"apparmor:<name>\"]`.",
                    .bad_example = "services:\n"
                                   "  fuse:\n"
                                   "    image: example/fuse-mounter:1.0\n"
                                   "    security_opt:\n"
                                   "      - apparmor:unconfined\n",
                    .good_example = "services:\n"
                                    "  fuse:\n"
                                    "    image: example/fuse-mounter:1.0\n"
                                    "    security_opt:\n"
                                    "      - apparmor:fuse-mounter\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/284.html",
                            "https://docs.docker.com/engine/security/apparmor/",
                            "https://docs.docker.com/reference/compose-file/services/"
                            "#security_opt",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

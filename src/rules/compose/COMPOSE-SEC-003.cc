// COMPOSE-SEC-003: seccomp filtering turned off for a service.
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const ComposeContext& context, Emitter& emitter) {
  compose_rules::ReportSecurityOpt(
      context, emitter, "seccomp", "unconfined",
      "the container may make every system call, including the ones the default profile "
      "blocks for escaping to the host; remove it, or give a custom profile "
      "(seccomp:./profile.json) that allows only the extra calls needed");
}

}  // namespace

extern const Rule kComposeSec003{
    .meta =
        {
            .id = "COMPOSE-SEC-003",
            .name = "Seccomp Confinement Disabled",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-284",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "seccomp", "security-opt", "syscalls",
                     "security"},
            .summary = "A service runs with `seccomp:unconfined`, without system call "
                       "filtering.",
            .docs =
                {
                    .what =
                        "Reports a service whose `security_opt` contains `seccomp:unconfined` "
                        "or `seccomp=unconfined` (key and value in any case), written directly, "
                        "through an anchor, interpolation, another document of the file or an "
                        "extended service. An item that depends on an unset variable is not "
                        "reported. One finding per service, on the first such item.",
                    .why = "Docker's default seccomp profile blocks about 50 system calls that "
                           "containers do not need and that have been used to escape them or to "
                           "attack the kernel (`keyctl`, `unshare`, `mount`, `bpf`, `ptrace` on "
                           "older kernels...). Without it, every kernel bug reachable through a "
                           "system call is reachable from the container.",
                    .fix = "Remove the option. If the service needs a call the default profile "
                           "blocks, copy Docker's default profile, allow just that call, and use "
                           "`security_opt: [\"seccomp:./seccomp.json\"]`.",
                    .bad_example = "services:\n"
                                   "  app:\n"
                                   "    image: example/app:1.4\n"
                                   "    security_opt:\n"
                                   "      - seccomp:unconfined\n",
                    .good_example = "services:\n"
                                    "  app:\n"
                                    "    image: example/app:1.4\n"
                                    "    security_opt:\n"
                                    "      - seccomp:./seccomp-app.json\n"
                                    "      - no-new-privileges:true\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/284.html",
                            "https://docs.docker.com/engine/security/seccomp/",
                            "https://docs.docker.com/reference/compose-file/services/"
                            "#security_opt",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

// DOCKER-BP-026: dnf install without -y.

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"dnf", "dnf5"},
                               {"install", "in", "localinstall", "groupinstall"});
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportInstallWithoutAssumeYes(context, emitter, &IsInstall);
}

}  // namespace

extern const Rule kDockerBp026{
    .meta =
        {
            .id = "DOCKER-BP-026",
            .name = "Missing -y flag for dnf",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "dnf", "fedora", "rhel", "non-interactive",
                     "package-manager"},
            .summary = "`dnf install` without -y stops at the confirmation prompt and fails "
                       "the build.",
            .docs =
                {
                    .what =
                        "Reports a `dnf install` command (also `in`, `localinstall` and "
                        "`groupinstall`; `dnf` or `dnf5`) in a RUN instruction that does not "
                        "answer dnf's confirmation prompt. Accepted answers: `-y` (also in a "
                        "group such as `-yq`), `--assumeyes`, `--setopt=assumeyes=True` and "
                        "input piped from `yes`. `microdnf` is not reported: it does not ask "
                        "for confirmation. The command is found in the parsed shell script of "
                        "the RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in "
                        "heredoc scripts and across `\\` continuations; text in comments or "
                        "strings (`echo \"dnf install\"`) and a command named by a variable are "
                        "not commands. One finding per RUN instruction, on the `install` "
                        "word. RUN instructions under a PowerShell or cmd SHELL are not "
                        "checked. `assumeyes=True` in `/etc/dnf/dnf.conf` is not seen.",
                    .why = "A build has no terminal: dnf's \"Is this ok [y/N]\" prompt reads end "
                           "of input, takes the default answer no and exits with \"Operation "
                           "aborted\", so the build fails.",
                    .fix = "Add `-y` to every `dnf install`: `dnf install -y httpd && dnf clean "
                           "all`.",
                    .bad_example = "FROM fedora:40\n"
                                   "RUN dnf install httpd && dnf clean all\n",
                    .good_example = "FROM fedora:40\n"
                                    "RUN dnf install -y httpd && dnf clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://dnf.readthedocs.io/en/latest/command_ref.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

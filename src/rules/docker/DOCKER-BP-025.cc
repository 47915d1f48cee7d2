// DOCKER-BP-025: yum install without -y.

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsToolSubcommand(cmd, {"yum"}, {"install", "in", "localinstall", "groupinstall"});
}

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportInstallWithoutAssumeYes(context, emitter, &IsInstall);
}

}  // namespace

extern const Rule kDockerBp025{
    .meta =
        {
            .id = "DOCKER-BP-025",
            .name = "Missing -y flag for yum",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "yum", "centos", "rhel", "non-interactive",
                     "package-manager"},
            .summary = "`yum install` without -y stops at the confirmation prompt and fails "
                       "the build.",
            .docs =
                {
                    .what = "Reports a `yum install` command (also `localinstall` and "
                            "`groupinstall`, and `in` where yum is dnf) in a RUN instruction that "
                            "does not answer yum's confirmation prompt. Accepted answers: `-y` "
                            "(also in a group such as `-yq`), `--assumeyes`, "
                            "`--setopt=assumeyes=1` and input piped from `yes`. The command is "
                            "found in the parsed shell script of the RUN: after `sudo`/`env` "
                            "wrappers, inside `sh -c '...'`, in heredoc scripts and across `\\` "
                            "continuations; text in comments or strings (`echo \"yum install\"`) "
                            "and a command named by a variable are not commands. One finding per "
                            "RUN instruction, on the `install` word. RUN instructions under a "
                            "PowerShell or cmd SHELL are not checked. `assumeyes=1` in "
                            "`/etc/yum.conf` is not seen.",
                    .why = "A build has no terminal: yum's \"Is this ok [y/d/N]\" prompt reads end "
                           "of input, takes the default answer no and exits with an error, so "
                           "the build fails.",
                    .fix = "Add `-y` to every `yum install`: `yum install -y httpd && yum clean "
                           "all`.",
                    .bad_example = "FROM centos:7\n"
                                   "RUN yum install httpd && yum clean all\n",
                    .good_example = "FROM centos:7\n"
                                    "RUN yum install -y httpd && yum clean all\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://man7.org/linux/man-pages/man8/yum.8.html",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

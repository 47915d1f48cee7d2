// DOCKER-SEC-106: RUN --security=insecure.
#include <fmt/format.h>

#include <string>

#include "rules/docker/add_sources.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

std::string Unquote(const std::string& value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const AddSite& site : InstructionsNamed(context.file, "run")) {
    for (const dockerfile::Flag& flag : site.add->flags) {
      if (flag.name != "security" || !flag.has_value) continue;
      if (Unquote(flag.value) != "insecure") continue;
      emitter.Report(flag.range,
                     "RUN --security=insecure runs this step without the sandbox, like a "
                     "privileged container (all capabilities, host devices, no seccomp or "
                     "AppArmor): drop the flag, or grant only what the step needs; it also "
                     "requires the builder to allow security.insecure, so keep that entitlement "
                     "off where untrusted Dockerfiles are built",
                     flag.raw);
      break;
    }
  }
}

}  // namespace

extern const Rule kDockerSec106{
    .meta =
        {
            .id = "DOCKER-SEC-106",
            .name = "Insecure RUN Security Mode",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-250",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "run", "buildkit", "privileged", "sandbox",
                     "entitlement"},
            .summary = "RUN --security=insecure runs a build step as a privileged container.",
            .docs =
                {
                    .what = "Reports a `RUN` instruction (also under `ONBUILD`) with the BuildKit "
                            "flag `--security=insecure`. `--security=sandbox`, the default, is not "
                            "reported. The finding points at the flag.",
                    .why =
                        "`--security=insecure` runs the command like `docker run --privileged`: "
                        "with every capability, access to the host's devices, and without the "
                        "seccomp and AppArmor profiles that normally confine build steps. A "
                        "compromised dependency or script fetched during that step can load "
                        "kernel modules, mount host devices or escape to the build host. It only "
                        "works when the builder is started with the `security.insecure` "
                        "entitlement, so a Dockerfile that needs it also forces a weaker builder "
                        "configuration on everyone who builds it.",
                    .fix =
                        "Remove the flag and find a way to do the step without privileges "
                        "(most steps that seem to need it, such as mounting or loop devices, can "
                        "be replaced by unprivileged tools or done at run time). If it is truly "
                        "needed, isolate that build on a dedicated builder and keep "
                        "`security.insecure` disabled on shared builders.",
                    .bad_example = "# syntax=docker/dockerfile:1-labs\n"
                                   "FROM ubuntu:24.04\n"
                                   "RUN --security=insecure mount -t tmpfs none /mnt\n",
                    .good_example = "# syntax=docker/dockerfile:1-labs\n"
                                    "FROM ubuntu:24.04\n"
                                    "RUN --security=sandbox make test\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/250.html",
                            "https://docs.docker.com/reference/dockerfile/#run---security",
                            "https://docs.docker.com/reference/cli/docker/buildx/build/#allow",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

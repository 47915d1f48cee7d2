// DOCKER-BP-007: apk add without --no-cache.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

constexpr std::string_view kCacheDirs[] = {"/var/cache/apk", "/etc/apk/cache"};

bool Cleans(const shell::SimpleCommand& cmd) { return pkg::RemovesDir(cmd, kCacheDirs[0]); }

void Check(const DockerContext& context, Emitter& emitter) {
  pkg::ReportFirstPerRun(
      context, emitter,
      [&](const pkg::RunCommands& run, std::size_t i) -> std::optional<pkg::Offense> {
        const pkg::RunCommand& at = run.commands[i];
        const shell::SimpleCommand& cmd = *at.command;
        if (!pkg::IsToolSubcommand(cmd, {"apk"}, {"add"})) return std::nullopt;
        // --no-network fetches nothing, so no index is written either.
        if (shell::HasFlag(cmd, {"--no-cache", "--no-network"}) || pkg::AnyLater(run, i, Cleans)) {
          return std::nullopt;
        }
        for (std::string_view dir : kCacheDirs) {
          if (pkg::MountCovers(context, *at.script, dir)) return std::nullopt;
        }
        return pkg::Offense{&pkg::SubcommandWord(cmd),
                            "`apk add` without --no-cache leaves the package index in the "
                            "layer; add --no-cache",
                            "apk add"};
      });
}

}  // namespace

extern const Rule kDockerBp007{
    .meta =
        {
            .id = "DOCKER-BP-007",
            .name = "apk add Without --no-cache",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "performance",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "apk", "alpine", "cache", "image-size",
                     "package-manager"},
            .summary = "`apk add` without --no-cache leaves the package index in the image.",
            .docs =
                {
                    .what =
                        "Reports an `apk add` command in a RUN instruction without "
                        "`--no-cache`, which may stand anywhere among the options (`apk "
                        "--no-cache add`, `apk add --virtual .build-deps --no-cache gcc`). "
                        "Also silent when nothing reaches the layer anyway: `--no-network` "
                        "(apk then downloads no index), a later `rm` of "
                        "the cache in the same RUN (`rm -rf /var/cache/apk/*`), or a `RUN "
                        "--mount=type=cache` (or tmpfs) on `/var/cache/apk` or "
                        "`/etc/apk/cache`. Commands are found in the parsed shell script of "
                        "the RUN: after `sudo`/`env` wrappers, inside `sh -c '...'`, in "
                        "heredoc scripts and across `\\` continuations; text in comments or "
                        "strings (`echo \"apk add\"`) and a command named by a variable are not "
                        "commands. One finding per RUN instruction, on the `add` word of the "
                        "first offending command. RUN instructions under a PowerShell or cmd "
                        "SHELL are not checked.",
                    .why = "Without --no-cache, apk stores the downloaded APKINDEX files under "
                           "/var/cache/apk. Whatever a RUN leaves on disk is stored in its layer "
                           "for good, so every image carries a few megabytes of index that no "
                           "container uses; deleting it in a later RUN does not make the image "
                           "smaller.",
                    .fix = "Use `apk add --no-cache pkg` (it also makes a separate `apk update` "
                           "unnecessary). For temporary build dependencies: `apk add --no-cache "
                           "--virtual .build-deps gcc musl-dev && ... && apk del .build-deps`.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "RUN apk update && apk add curl\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "RUN apk add --no-cache curl\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
                            "https://docs.docker.com/build/building/best-practices/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

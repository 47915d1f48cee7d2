// DOCKER-BP-011: ADD of local files that ADD would not extract; COPY does
// the same with fewer surprises.
#include <fmt/format.h>

#include <string>

#include "rules/docker/add_sources.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const AddSite& site : InstructionsNamed(context.file, "add")) {
    for (const AddSource& source : AddSources(context, *site.add, *site.scope)) {
      if (source.kind == AddSourceKind::kHeredoc) {
        emitter.Report(source.word->range,
                       fmt::format("ADD {} creates a file from an inline heredoc, which COPY "
                                   "does the same way; use COPY and keep ADD for the cases "
                                   "that need it (extracting local archives, remote sources)",
                                   source.word->text),
                       source.word->text);
        break;
      }
      if (source.kind != AddSourceKind::kLocal || !source.resolved) continue;
      if (IsPossibleArchive(source.value)) continue;
      const std::string& text = source.word->text;
      std::string shown =
          source.value == text ? text : fmt::format("{} (from {})", source.value, text);
      emitter.Report(source.word->range,
                     fmt::format("ADD of local {}, which is not an archive to extract: use "
                                 "COPY, whose behaviour is explicit (ADD also unpacks "
                                 "archives and fetches URLs)",
                                 shown),
                     source.value);
      break;
    }
  }
}

}  // namespace

extern const Rule kDockerBp011{
    .meta =
        {
            .id = "DOCKER-BP-011",
            .name = "Prefer COPY Over ADD",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "add", "copy", "maintainability"},
            .summary = "ADD of local files that are not archives to extract: COPY does the same "
                       "explicitly.",
            .docs =
                {
                    .what =
                        "Reports an `ADD` instruction (also under `ONBUILD`) that copies a local "
                        "file or directory from the build context which ADD would not unpack: "
                        "anything but a tar archive. Sources ending in `.tar`, `.tar.gz`, `.tgz`, "
                        "`.tar.bz2`, `.tbz2`, `.tar.xz`, `.txz`, `.tar.zst`, `.tar.lzma` and the "
                        "like, or in a bare compression suffix (`.gz`, `.bz2`, `.xz`, `.zst`, "
                        "whose content ADD inspects), and wildcards that may match them "
                        "(`*.tar.gz`, `dist.*`), are legitimate uses of ADD and not reported. "
                        "Remote sources (http(s) URLs, git repositories) are DOCKER-SEC-103's "
                        "concern and not reported here. An inline heredoc source (`ADD <<EOF "
                        "/etc/motd`) is reported: COPY creates heredoc files the same way. "
                        "Sources are expanded first; a source whose value cannot be resolved is "
                        "not reported. One finding per instruction, on the first such source.",
                    .why =
                        "ADD does more than copy: it extracts local tar archives and fetches "
                        "URLs. Using it for plain files hides intent, and the behaviour changes "
                        "silently when a file later becomes an archive (it is unpacked instead "
                        "of copied) or a path is replaced by a URL. COPY does exactly one thing, "
                        "so a reader and a reviewer know what ends up in the image.",
                    .fix = "Replace `ADD` with `COPY` for local files and directories (`COPY "
                           "--chown`, `--chmod` and `--link` work the same). Keep `ADD` only to "
                           "extract a local tar archive, and use `ADD --checksum` or a verified "
                           "download for remote files.",
                    .bad_example = "FROM python:3.12-slim\n"
                                   "ADD requirements.txt /app/\n",
                    .good_example = "FROM python:3.12-slim\n"
                                    "COPY requirements.txt /app/\n"
                                    "ADD vendor.tar.gz /opt/vendor/\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/best-practices/#add-or-copy",
                            "https://docs.docker.com/reference/dockerfile/#add",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

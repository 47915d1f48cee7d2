// DOCKER-SEC-103: ADD of a remote URL without --checksum, or of an unpinned
// git repository.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/docker/add_sources.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

const dockerfile::Flag* FindFlag(const dockerfile::Instruction& inst, std::string_view name) {
  for (const dockerfile::Flag& flag : inst.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

std::string LowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// URLs and destinations people use only to make BuildKit re-run later
// steps when something upstream changes (a branch head, a random value).
bool LooksLikeCacheBust(std::string_view url, std::string_view dest) {
  const std::string u = LowerCopy(url);
  const std::string d = LowerCopy(dest);
  for (std::string_view marker : {"/git/refs/", "/commits", "random.org", "worldtimeapi", "uuid",
                                  "nocache", "cachebust", "cache-bust", "timestamp"}) {
    if (u.find(marker) != std::string::npos) return true;
  }
  for (std::string_view marker : {"cache", "bust", "/dev/null", "version.json"}) {
    if (d.find(marker) != std::string::npos) return true;
  }
  return false;
}

// The downloaded file's path or name appears in no instruction after the
// ADD: nothing reads, runs or copies it.
bool NeverUsed(const DockerContext& context, const dockerfile::Instruction& add,
               std::string_view url) {
  if (add.args.size() < 2) return false;
  std::string dest = add.args.back().text;
  std::string name = std::string(url.substr(url.rfind('/') + 1));
  name = name.substr(0, name.find('?'));
  if (!dest.empty() && dest.back() != '/') {
    name = dest.substr(dest.rfind('/') + 1);
  }
  bool after = false;
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    if (&inst == &add) {
      after = true;
      continue;
    }
    if (!after) continue;
    if (inst.original.find(dest) != std::string::npos) return false;
    if (!name.empty() && inst.original.find(name) != std::string::npos) return false;
  }
  return true;
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const AddSite& site : InstructionsNamed(context.file, "add")) {
    const dockerfile::Flag* checksum = FindFlag(*site.add, "checksum");
    const bool has_checksum =
        checksum != nullptr && checksum->has_value && !checksum->value.empty();
    for (const AddSource& source : AddSources(context, *site.add, *site.scope)) {
      const std::string& text = source.word->text;
      std::string shown =
          source.value == text ? text : fmt::format("{} (from {})", source.value, text);
      if (source.kind == AddSourceKind::kHttp && !has_checksum) {
        // A cache-busting download is never run: nothing to verify.
        if (site.add == site.scope && site.add->args.size() >= 2 &&
            LooksLikeCacheBust(source.value, site.add->args.back().text) &&
            NeverUsed(context, *site.add, source.value)) {
          continue;
        }
        emitter.Report(source.word->range,
                       fmt::format("ADD downloads {} without --checksum: the content is not "
                                   "verified and can change or be tampered with between "
                                   "builds; add --checksum=sha256:<digest> (or download in a "
                                   "RUN step that verifies a checksum or signature)",
                                   shown),
                       source.value);
        break;
      }
      if (source.kind == AddSourceKind::kGit) {
        if (IsGitSourcePinned(source.value)) continue;
        // BuildKit checks --checksum against the commit of a git source.
        if (has_checksum && IsFullCommitId(checksum->value)) continue;
        if (!source.resolved) continue;
        emitter.Report(source.word->range,
                       fmt::format("ADD clones git repository {} without pinning a commit: a "
                                   "branch or tag can move, so builds are not reproducible and "
                                   "a compromised upstream flows in; pin the full commit id "
                                   "(`repo.git#<40-hex commit>` or `?commit=<commit>`, or "
                                   "--checksum=<commit>)",
                                   shown),
                       source.value);
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kDockerSec103{
    .meta =
        {
            .id = "DOCKER-SEC-103",
            .name = "Remote ADD Without Checksum",
            .severity = Severity::kMedium,
            .category = "security",
            .cwe = "CWE-494",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "add", "checksum", "integrity", "supply-chain", "git",
                     "reproducibility"},
            .summary = "ADD of an http(s) URL without --checksum, or of a git repository not "
                       "pinned to a commit.",
            .docs =
                {
                    .what =
                        "Reports an `ADD` instruction (also under `ONBUILD`) that fetches remote "
                        "content without pinning it. An `http://` or `https://` source is "
                        "reported when the instruction has no `--checksum=` flag. A git source "
                        "(`git@host:org/repo`, `ssh://...`, `git://...`, or an http(s) URL whose "
                        "path ends in `.git`, which BuildKit clones instead of downloading) is "
                        "reported unless it is pinned to a full commit id: "
                        "`repo.git#<40-hex commit>` (optionally `:subdir`), the `?commit=`, "
                        "`?checksum=` or `?ref=` query parameter with a full commit id, or "
                        "`--checksum=<commit id>`. Branches, tags and abbreviated ids are not "
                        "pins. Sources are expanded first (ARG/ENV); a git source whose value "
                        "cannot be resolved is not reported. Local paths are never reported "
                        "(DOCKER-BP-011 covers them). One finding per instruction, on the first "
                        "unpinned source. Not reported: a download that only busts the build cache "
                        "(a branch-head or random-value URL such as `api.github.com/.../git/refs/"
                        "heads/main`, or a destination named for it, like `/tmp/cachebust`) "
                        "whose file no later instruction mentions.",
                    .why =
                        "Without a checksum, ADD trusts whatever the server returns at build "
                        "time: a compromised or hijacked download host, a moved release asset or "
                        "a man-in-the-middle on plain http puts different content into the image "
                        "without any error. Branches and tags of a git repository can be moved "
                        "or force-pushed the same way. Builds then stop being reproducible and "
                        "the supply chain has an unverified link.",
                    .fix =
                        "For downloads, add the expected digest: `ADD "
                        "--checksum=sha256:<digest> https://example.com/tool.tar.gz /tmp/` "
                        "(BuildKit fails the build on a mismatch), or download in a `RUN` step "
                        "that verifies a checksum or signature. For git sources, pin the commit: "
                        "`ADD https://github.com/org/repo.git#<full commit id> /src` or "
                        "`?commit=<full commit id>` next to the tag for readability.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "ADD https://example.com/tool-1.2.3.tar.gz /tmp/\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "ADD --checksum=sha256:"
                                    "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1"
                                    "dc68d https://example.com/tool-1.2.3.tar.gz /tmp/\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/494.html",
                            "https://docs.docker.com/reference/dockerfile/#add---checksum",
                            "https://docs.docker.com/reference/dockerfile/"
                            "#adding-files-from-a-git-repository",
                            "https://docs.docker.com/build/concepts/context/#url-queries",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

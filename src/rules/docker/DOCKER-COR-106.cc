// DOCKER-COR-106: a FROM image that is empty or invalid with the ARG
// defaults (BuildKit's InvalidDefaultArgInFrom).
#include <fmt/format.h>

#include <optional>
#include <string>

#include "dockerfile/validate.h"
#include "rules/docker/image_ref.h"
#include "rules/docker/variable_refs.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    if (stage.from == nullptr) continue;
    FromImage image = DescribeFrom(context, stage);
    if (image.word == nullptr) continue;
    // Only images that depend on variables; a literal typo is a syntax error.
    if (FindVariableRefs(image.word->text, context.model.escape(), true).empty()) continue;
    dockerfile::ExpandResult expanded = context.model.Expand(*stage.from, image.word->text);
    if (!expanded.ok) continue;
    // Unknown values (the platform ARGs) are not guessed; an ARG without a
    // default is empty, which is what this rule is about.
    const dockerfile::Env& env = context.model.EnvAt(*stage.from);
    bool unknown = false;
    for (const std::string& name : expanded.unresolved) unknown = unknown || env.IsUnknown(name);
    if (unknown) continue;
    std::optional<std::string> error;
    if (expanded.word.empty()) {
      error = "an empty image name";
    } else if (auto invalid = dockerfile::ImageReferenceError(expanded.word)) {
      error = fmt::format("`{}`, which is not a valid image reference", expanded.word);
    }
    if (!error) continue;
    emitter.Report(image.word->range,
                   fmt::format("with the ARG defaults, `{}` gives {}; give the ARG a default "
                               "that makes a valid image, or use `${{NAME:-default}}`",
                               image.word->text, *error),
                   image.word->text);
  }
}

}  // namespace

extern const Rule kDockerCor106{
    .meta =
        {
            .id = "DOCKER-COR-106",
            .name = "Invalid Default ARG in FROM",
            .severity = Severity::kMedium,
            .category = "correctness",
            .cwe = "CWE-1188",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "from", "arg", "variables", "InvalidDefaultArgInFrom"},
            .summary = "A FROM image built from ARGs is empty or invalid unless --build-arg "
                       "is given.",
            .docs =
                {
                    .what = "Expands the image of each FROM line that uses variables with the "
                            "global ARG defaults (an ARG without a default is empty) and "
                            "reports it when the result is empty or not a valid image "
                            "reference: `ARG TAG` then `FROM busybox:${TAG}` gives "
                            "`busybox:`. An ARG may stay empty when the image is still valid "
                            "(`FROM busybox:stable${VARIANT}`), and `${TAG:-3.20}` supplies a "
                            "default. Values given to the scanner with `--build-arg` are used "
                            "too, so a CI that always passes the argument can say so; BuildKit "
                            "itself checks the defaults alone. Platform ARGs, whose values are "
                            "only known at build time, are not guessed. BuildKit reports the "
                            "same as its InvalidDefaultArgInFrom check (`# check=skip="
                            "InvalidDefaultArgInFrom` applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it reported "
                            "nothing (the fixtures show what it catches).",
                    .why = "A build that only works with the right `--build-arg` fails with a "
                           "confusing reference error for anyone who runs a plain `docker "
                           "build`, and tools that read the Dockerfile cannot tell which base "
                           "image it uses.",
                    .fix = "Give the ARG a default (`ARG TAG=1.36`), or a default at the point "
                           "of use (`FROM busybox:${TAG:-1.36}`).",
                    .bad_example = "ARG TAG\n"
                                   "FROM busybox:${TAG}\n",
                    .good_example = "ARG TAG=1.36\n"
                                    "FROM busybox:${TAG}\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1188.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "invalid-default-arg-in-from/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

// DOCKER-SEC-005: ARG whose name says it carries a secret.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/secret_names.h"

namespace pf::rules {

namespace {

void CheckArg(const DockerContext& context, const dockerfile::Instruction& arg, Emitter& emitter) {
  std::vector<std::string> names;
  const dockerfile::Word* first = nullptr;
  for (const dockerfile::Word& word : arg.args) {
    std::string name = word.text.substr(0, word.text.find('='));
    if (!IsSecretName(name, *context.options)) continue;
    if (first == nullptr) first = &word;
    names.push_back(std::move(name));
  }
  if (first == nullptr) return;
  std::string message = fmt::format(
      "build argument{} {} look{} like {}: ARG values are visible in the image "
      "history (`docker history`) and to every later RUN; pass secrets with `RUN "
      "--mount=type=secret,id=...` and `docker build --secret` instead",
      names.size() > 1 ? "s" : "", fmt::join(names, ", "), names.size() > 1 ? "" : "s",
      names.size() > 1 ? "secrets" : "a secret");
  emitter.Report(first->range, std::move(message), fmt::format("{}", fmt::join(names, " ")));
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const auto& inst : context.file.instructions) {
    if (inst.keyword == "arg") CheckArg(context, inst, emitter);
    if (inst.keyword == "onbuild" && inst.child && inst.child->keyword == "arg") {
      CheckArg(context, *inst.child, emitter);
    }
  }
}

}  // namespace

extern const Rule kDockerSec005{
    .meta =
        {
            .id = "DOCKER-SEC-005",
            .name = "Secret in Build Argument",
            .severity = Severity::kCritical,
            .category = "security",
            .cwe = "CWE-538",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "arg", "secret", "credentials", "build-args",
                     "history"},
            .summary = "ARG whose name says it carries a password, token, key or other secret.",
            .docs =
                {
                    .what =
                        "Reports an `ARG` instruction that declares a build argument whose name "
                        "says it holds a secret. Names are split into words on `_`, `-`, `.`, "
                        "camelCase humps and digits, and compared word by word, case-insensitive: "
                        "a word `password`, `passwd`, `pword`, `passphrase`, `secret`, `token`, "
                        "`credential(s)`, `creds`, `apikey`, `auth`, `authtoken`, or `pwd` in a "
                        "longer name (`DB_PWD`) makes it a secret, and so does a last word `key` "
                        "after a qualifier (`API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`, "
                        "`stripeKey`). Not reported: names that merely contain those letters "
                        "(`MONKEY`, `AUTHOR`, `TOKENIZERS_PARALLELISM`); names with the word "
                        "`public` (`PUBLIC_KEY_URL`, `NEXT_PUBLIC_API_KEY`); names whose last "
                        "word says they point at a secret or configure it rather than hold it "
                        "(`*_FILE`, `*_PATH`, `*_DIR`, `*_URL`, `*_VERSION`, `*_NAME`, `*_TYPE`, "
                        "`*_USER`, `*_ENABLED`, ...); a bare `KEY`; `GPG_KEY` and other key ids "
                        "or lookup keys (`CACHE_KEY`, `PRIMARY_KEY`); and the shell's `PWD`. "
                        "Whether the ARG has a default value does not matter. One finding per "
                        "instruction, on the first secret-like name; the message lists all of "
                        "them.",
                    .why =
                        "Build arguments are not a secret store. Their values are recorded in the "
                        "image: every `RUN` after the `ARG` gets them as environment variables and "
                        "`docker history --no-trunc` shows them, and build caches and provenance "
                        "attestations keep them too. Anyone who can pull the image, or read the CI "
                        "log that passed `--build-arg`, can read the secret.",
                    .fix =
                        "Use a build secret: declare nothing in the Dockerfile, mount the secret "
                        "only into the step that needs it with `RUN "
                        "--mount=type=secret,id=npm_token "
                        "...` (read it from `/run/secrets/npm_token`, or `env=NPM_TOKEN` to get "
                        "an environment variable), and pass it with `docker build --secret "
                        "id=npm_token,env=NPM_TOKEN`. For SSH keys use `RUN --mount=type=ssh`.",
                    .bad_example = "FROM node:22-alpine\n"
                                   "ARG NPM_TOKEN\n"
                                   "RUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > "
                                   ".npmrc && npm ci\n",
                    .good_example = "FROM node:22-alpine\n"
                                    "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n"
                                    "    echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" "
                                    "> .npmrc && npm ci && rm .npmrc\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/538.html",
                            "https://docs.docker.com/build/building/secrets/",
                            "https://docs.docker.com/reference/build-checks/"
                            "secrets-used-in-arg-or-env/",
                            "https://docs.docker.com/reference/dockerfile/#arg",
                        },
                },
            .options = SecretNameOptions(),
        },
    .docker = &Check,
};

}  // namespace pf::rules

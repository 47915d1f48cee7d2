// DOCKER-SEC-102: ENV that stores a literal secret in the image.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/secret_names.h"

namespace pf::rules {

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Removes one level of matching quotes around the whole value.
std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

// True when `text` is made only of variable references: `$X`, `${X}`, or
// `${X:-word}` / `${X-word}` / `${X:+word}` / `${X:?msg}` whose word is itself
// references only (or empty). Such a value comes from outside the file.
bool OnlyReferences(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '$' || i + 1 >= text.size()) return false;
    ++i;
    if (text[i] != '{') {
      std::size_t start = i;
      while (i < text.size() && IsNameChar(text[i])) ++i;
      if (i == start) return false;
      continue;
    }
    // Find the matching brace.
    int depth = 1;
    std::size_t j = i + 1;
    while (j < text.size() && depth > 0) {
      if (text[j] == '{') ++depth;
      if (text[j] == '}') --depth;
      if (depth > 0) ++j;
    }
    if (depth != 0) return false;
    std::string_view inner = text.substr(i + 1, j - i - 1);
    std::size_t n = 0;
    while (n < inner.size() && IsNameChar(inner[n])) ++n;
    if (n == 0) return false;
    std::string_view rest = inner.substr(n);
    if (!rest.empty()) {
      if (rest.front() == ':') rest.remove_prefix(1);
      if (rest.empty()) return false;
      const char op = rest.front();
      rest.remove_prefix(1);
      if (op == '?') {
        // Fails the build when unset: no value of its own.
      } else if (op == '-' || op == '+' || op == '=') {
        if (!rest.empty() && !OnlyReferences(Unquote(rest))) return false;
      } else {
        return false;
      }
    }
    i = j + 1;
  }
  return true;
}

bool IsSwitchValue(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::string_view kSwitches[] = {"true", "false", "yes",  "no",      "on",
                                                   "off",  "none",  "null", "enabled", "disabled"};
  return std::find(std::begin(kSwitches), std::end(kSwitches), lower) != std::end(kSwitches);
}

// An absolute or home-relative path without spaces: where a secret lives
// (`/run/secrets/db`, `/etc/ssl/private/key.pem`), not the secret itself.
bool IsPathValue(std::string_view value) {
  if (value.empty() || value.find_first_of(" \t") != std::string_view::npos) return false;
  if (value.front() == '/' || value.substr(0, 2) == "~/" || value.substr(0, 2) == "./") {
    return true;
  }
  return value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
         value[1] == ':' && (value[2] == '\\' || value[2] == '/');
}

bool IsLiteralSecretValue(std::string_view raw) {
  std::string_view value = Unquote(raw);
  if (value.empty()) return false;
  if (value.find('$') != std::string_view::npos && OnlyReferences(value)) return false;
  if (IsSwitchValue(value) || IsPathValue(value)) return false;
  return true;
}

void CheckEnv(const DockerContext& context, const dockerfile::Instruction& env, Emitter& emitter) {
  std::vector<std::string> names;
  const dockerfile::Word* first = nullptr;
  // ENV words come as key, value, separator triplets.
  for (std::size_t i = 0; i + 1 < env.args.size(); i += 3) {
    const dockerfile::Word& key = env.args[i];
    const dockerfile::Word& value = env.args[i + 1];
    if (key.text.find('$') != std::string::npos || !IsSecretName(key.text, *context.options))
      continue;
    if (!IsLiteralSecretValue(value.text)) continue;
    if (first == nullptr) first = &key;
    // The value itself never goes into the message.
    names.push_back(fmt::format("{} ({} characters)", key.text, Unquote(value.text).size()));
  }
  if (first == nullptr) return;
  std::string message = fmt::format(
      "ENV stores a literal secret in the image: {}; ENV values are saved in the image "
      "config and visible to anyone who can pull it (`docker inspect`); mount the secret at "
      "build time with `RUN --mount=type=secret` and provide it at run time (orchestrator "
      "secrets, `docker run -e` / `--env-file`)",
      fmt::join(names, ", "));
  emitter.Report(first->range, std::move(message), first->text);
}

void Check(const DockerContext& context, Emitter& emitter) {
  for (const auto& inst : context.file.instructions) {
    if (inst.keyword == "env") CheckEnv(context, inst, emitter);
    if (inst.keyword == "onbuild" && inst.child && inst.child->keyword == "env") {
      CheckEnv(context, *inst.child, emitter);
    }
  }
}

}  // namespace

extern const Rule kDockerSec102{
    .meta =
        {
            .id = "DOCKER-SEC-102",
            .name = "Secret in ENV",
            .severity = Severity::kCritical,
            .category = "security",
            .cwe = "CWE-798",
            .bundle = "security",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "env", "secret", "credentials", "hardcoded",
                     "password"},
            .summary = "ENV that sets a secret-like variable to a literal value baked into "
                       "the image.",
            .docs =
                {
                    .what =
                        "Reports an `ENV` instruction that sets a variable whose name says it "
                        "holds a secret (the same word-based test as DOCKER-SEC-005: "
                        "`DB_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`, `secretKey`; not `PUBLIC_KEY`, "
                        "`*_FILE`, `*_PATH`, `*_URL`, `*_VERSION`, `AUTHOR`...) to a literal "
                        "value. Not reported: an empty value (`ENV API_KEY=` or `\"\"`); a value "
                        "made only of variable references (`$DB_PASSWORD`, `\"${TOKEN}\"`, "
                        "`${TOKEN:-$FALLBACK}`, `${TOKEN:?required}`), which copies a value from "
                        "a build argument instead of writing one in the file (DOCKER-SEC-005 "
                        "reports that ARG); a path (`/run/secrets/db_password`, `~/.ssh/id_rsa`); "
                        "and switch values (`true`, `false`, `yes`, `no`, `on`, `off`, `none`, "
                        "`null`, `enabled`, `disabled`), which turn a feature on or off rather "
                        "than hold a secret. A value with a literal part (`abc$SUFFIX`, "
                        "`${TOKEN:-changeme}`) is reported. One finding per instruction, on the "
                        "first such variable. The message names the variables and the length of "
                        "each value, never the value itself.",
                    .why =
                        "ENV values become part of the image configuration. Anyone who can pull "
                        "the image reads them with `docker inspect` or `docker history`, every "
                        "container started from it has them in its environment (and in "
                        "`/proc/<pid>/environ`, crash reports and debug endpoints), and the value "
                        "is committed to source control with the Dockerfile. A credential written "
                        "there is effectively public and hard to rotate.",
                    .fix =
                        "Remove the value from the Dockerfile. For build steps that need it, use "
                        "`RUN --mount=type=secret,id=db_password ...` with `docker build "
                        "--secret id=db_password,src=...`. For the running container, provide the "
                        "secret at run time: Docker/Compose/Kubernetes secrets mounted as files "
                        "(many images accept `*_FILE` variables such as "
                        "`POSTGRES_PASSWORD_FILE=/run/secrets/db_password`), or `docker run -e` "
                        "/ `--env-file` from a secret store. Rotate any credential that was "
                        "committed.",
                    .bad_example = "FROM postgres:16\n"
                                   "ENV POSTGRES_PASSWORD=SuperSecret123\n",
                    .good_example = "FROM postgres:16\n"
                                    "ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/798.html",
                            "https://docs.docker.com/build/building/secrets/",
                            "https://docs.docker.com/reference/build-checks/"
                            "secrets-used-in-arg-or-env/",
                            "https://docs.docker.com/compose/how-tos/use-secrets/",
                        },
                },
            .options = SecretNameOptions(),
        },
    .docker = &Check,
};

}  // namespace pf::rules

// COMPOSE-SEC-103: a secret written as a literal in a service's environment.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "compose/interpolate.h"
#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"
#include "rules/secret_names.h"

namespace pf::rules {

namespace {

bool IsSwitchValue(std::string_view value) {
  static constexpr std::string_view kSwitches[] = {"true", "false", "yes",  "no",      "on",
                                                   "off",  "none",  "null", "enabled", "disabled"};
  const std::string lower = compose_rules::Lower(value);
  return std::find(std::begin(kSwitches), std::end(kSwitches), lower) != std::end(kSwitches);
}

// Where a secret lives (`/run/secrets/db`, `~/.ssh/id_rsa`, `C:\keys\a.pem`),
// not the secret itself.
bool IsPathValue(std::string_view value) {
  if (value.find_first_of(" \t") != std::string_view::npos) return false;
  if (value.starts_with("/") || value.starts_with("~/") || value.starts_with("./")) return true;
  return value.size() > 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
         value[1] == ':' && (value[2] == '\\' || value[2] == '/');
}

// The part of a value written in the file itself: the text interpolated as
// if no variable were set, so `${DB_PASSWORD}` (from the shell or .env)
// leaves nothing and `${DB_PASSWORD:-changeme}` leaves its default.
std::optional<std::string> LiteralPart(std::string_view written) {
  compose::InterpolationResult r =
      compose::Interpolate(written, [](std::string_view) { return std::nullopt; });
  if (!r.ok()) return std::nullopt;
  return r.value;
}

struct Variable {
  std::string name;
  std::string written;  // the value as written in the file, before interpolation
  const compose::Node* node;
};

void CheckVariable(const ComposeContext& context, Emitter& emitter, const compose::Service& service,
                   const Variable& var) {
  if (var.node->unresolved || var.name.find('$') != std::string::npos) return;
  if (!IsSecretName(var.name, *context.options)) return;
  std::optional<std::string> literal = LiteralPart(var.written);
  if (!literal || literal->empty() || IsSwitchValue(*literal) || IsPathValue(*literal)) return;
  // The value itself never goes into the message.
  compose_rules::ReportValue(
      context, emitter, service, var.node->file, var.node->range,
      fmt::format("service '{}' sets {} to a literal value ({} characters) in the compose "
                  "file: anyone who can read the file or inspect the container sees it; pass "
                  "it with secrets: (and {}_FILE) or from the environment (${{{}}})",
                  service.name, var.name, literal->size(), var.name, var.name),
      var.name);
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    const compose::Node* env = service->Raw("environment");
    if (env == nullptr) continue;
    for (const compose::Node& item : env->items) {
      if (!item.IsScalar()) continue;
      const std::string& text = item.raw.empty() ? item.value : item.raw;
      std::size_t eq = text.find('=');
      if (eq == std::string::npos) continue;  // `- NAME` takes the value from the shell
      CheckVariable(context, emitter, *service,
                    Variable{text.substr(0, eq), text.substr(eq + 1), &item});
    }
    for (const compose::MapEntry& entry : env->entries) {
      const compose::Node& value = entry.value;
      if (!value.IsScalar()) continue;  // `NAME:` (null) takes the value from the shell
      CheckVariable(context, emitter, *service,
                    Variable{entry.key, value.raw.empty() ? value.value : value.raw, &value});
    }
  }
}

}  // namespace

extern const Rule kComposeSec103{
    .meta =
        {
            .id = "COMPOSE-SEC-103",
            .name = "Secret in Environment",
            .severity = Severity::kHigh,
            .category = "security",
            .cwe = "CWE-798",
            .bundle = "security",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "environment", "secret", "credentials",
                     "hardcoded", "password", "security"},
            .summary = "A service's `environment` sets a secret-like variable to a literal "
                       "value written in the compose file.",
            .docs =
                {
                    .what =
                        "Reports each `environment` variable (list form `- NAME=value` or map "
                        "form `NAME: value`) whose name says it holds a secret, by the same "
                        "word-based test as DOCKER-SEC-005 and DOCKER-SEC-102 (`DB_PASSWORD`, "
                        "`API_KEY`, `GITHUB_TOKEN`, `secretKey`; not `PUBLIC_KEY`, `*_FILE`, "
                        "`*_PATH`, `*_URL`, `*_VERSION`, `AUTHOR`...), when its value is written "
                        "in the file. Not reported: `${VAR}` references (the value comes from "
                        "the shell or `.env`, not from this file), a variable without a value "
                        "(`- API_KEY`, `API_KEY:`), an empty value, a path "
                        "(`/run/secrets/db_password`), a switch value (`true`, `false`, `yes`, "
                        "`no`, `on`, `off`, `none`, `null`, `enabled`, `disabled`), and a value "
                        "that depends on an unset variable. A reference with a literal default "
                        "(`${DB_PASSWORD:-changeme}`) is reported: the default is a secret "
                        "written in the file. One finding per variable, on its value; the "
                        "message gives the value's length, never the value.",
                    .why = "The compose file is committed, shared and copied into CI logs and "
                           "tickets, so a credential written there is effectively public and "
                           "hard to rotate. Values set through `environment` are also visible to "
                           "anyone who can run `docker inspect` on the container, in "
                           "`/proc/<pid>/environ`, and in crash reports of the process.",
                    .fix = "Move the value out of the file. Best: a compose secret mounted as a "
                           "file (`secrets: [db_password]` with a top-level `secrets:` entry) and "
                           "the image's `*_FILE` variable (`POSTGRES_PASSWORD_FILE: "
                           "/run/secrets/db_password`). Otherwise reference a variable "
                           "(`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`) provided by the "
                           "shell or an uncommitted `.env`. Rotate any credential that was "
                           "committed.",
                    .bad_example = "services:\n"
                                   "  db:\n"
                                   "    image: postgres:16.4\n"
                                   "    environment:\n"
                                   "      POSTGRES_PASSWORD: SuperSecret123\n",
                    .good_example = "services:\n"
                                    "  db:\n"
                                    "    image: postgres:16.4\n"
                                    "    environment:\n"
                                    "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n"
                                    "    secrets:\n"
                                    "      - db_password\n"
                                    "secrets:\n"
                                    "  db_password:\n"
                                    "    file: ./db_password.txt\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/798.html",
                            "https://docs.docker.com/compose/how-tos/use-secrets/",
                            "https://docs.docker.com/compose/how-tos/environment-variables/"
                            "best-practices/",
                        },
                },
            .options = SecretNameOptions(),
        },
    .compose = &Check,
};

}  // namespace pf::rules

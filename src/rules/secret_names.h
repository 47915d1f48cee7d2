#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/options.h"

namespace pf::rules {

// The words of a variable name, lower case: split on `_`, `-`, `.`, on
// camelCase humps (`dbPassword`, `APIKey`) and between letters and digits;
// words made only of digits are dropped. "GITHUB_TOKEN" -> {github, token}.
std::vector<std::string> NameWords(std::string_view name);

// True when a variable name says it holds a secret: a whole word such as
// password, passwd, passphrase, secret, token, credentials, apikey or auth,
// or `key` after a qualifier such as api/private/access/secret (`API_KEY`,
// `stripeKey`). Not secret: names that only contain such letters (MONKEY,
// AUTHOR, TOKENIZERS_PARALLELISM), names with the word `public`
// (PUBLIC_KEY_URL, NEXT_PUBLIC_API_KEY), names whose last word says they
// hold a reference rather than the secret (`*_FILE`, `*_PATH`, `*_DIR`,
// `*_URL`, `*_VERSION`, `*_NAME`, ...), GPG/PGP key ids (GPG_KEY), and the
// shell's PWD/OLDPWD. Shared by the Dockerfile ARG/ENV rules and the compose
// environment rule so they agree.
bool IsSecretName(std::string_view name);

// The options of the secret-name rules (DOCKER-SEC-005, DOCKER-SEC-102,
// COMPOSE-SEC-103): extra_names and allowed_names.
std::vector<OptionSpec> SecretNameOptions();

// IsSecretName as the rule's options adjust it: a name matching
// allowed_names is never a secret, one matching extra_names always is
// (allowed wins). Entries compare case-blind; `*` matches any run of
// characters (`*_SEED`).
bool IsSecretName(std::string_view name, const RuleOptions& options);

}  // namespace pf::rules

#pragma once

#include <string>
#include <string_view>
#include <vector>

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

}  // namespace pf::rules

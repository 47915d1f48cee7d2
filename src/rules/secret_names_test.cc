#include "rules/secret_names.h"

#include <gtest/gtest.h>

namespace pf::rules {
namespace {

TEST(NameWords, SplitsSeparatorsHumpsAndDigits) {
  EXPECT_EQ(NameWords("GITHUB_TOKEN"), (std::vector<std::string>{"github", "token"}));
  EXPECT_EQ(NameWords("dbPassword"), (std::vector<std::string>{"db", "password"}));
  EXPECT_EQ(NameWords("APIKey"), (std::vector<std::string>{"api", "key"}));
  EXPECT_EQ(NameWords("oauth2-client.secret"),
            (std::vector<std::string>{"oauth", "client", "secret"}));
  EXPECT_EQ(NameWords("__"), (std::vector<std::string>{}));
}

TEST(IsSecretName, SecretWordsOnWordBoundaries) {
  for (const char* name :
       {"PASSWORD", "DB_PASSWORD", "API_KEY", "apiKey", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY",
        "NPM_AUTH", "DB_PWD", "APIKEY", "SSH_PRIVATE_KEY", "client_credentials", "STRIPE_KEY",
        "Passphrase", "DB_PASS", "SMTP_PASS"}) {
    EXPECT_TRUE(IsSecretName(name)) << name;
  }
}

TEST(IsSecretName, LookalikesReferencesAndPublicNames) {
  for (const char* name : {"MONKEY",
                           "AUTHOR",
                           "TOKENIZERS_PARALLELISM",
                           "PUBLIC_KEY_URL",
                           "NEXT_PUBLIC_API_KEY",
                           "DB_PASSWORD_FILE",
                           "SECRET_KEY_PATH",
                           "VAULT_TOKEN_VERSION",
                           "TOKEN_URL",
                           "GPG_KEY",
                           "CACHE_KEY",
                           "KEY",
                           "PWD",
                           "OLDPWD",
                           "AWS_ACCESS_KEY_ID",
                           "SECRET_NAME",
                           "AUTH_BACKENDS",
                           "AIRFLOW__API__AUTH_BACKENDS",
                           "TOKEN_PROVIDERS",
                           ""}) {
    EXPECT_FALSE(IsSecretName(name)) << name;
  }
}

}  // namespace
}  // namespace pf::rules

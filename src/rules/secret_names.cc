#include "rules/secret_names.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pf::rules {

namespace {

bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

template <std::size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view word) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// Words that by themselves say the value is a secret.
constexpr std::array<std::string_view, 25> kSecretWords = {
    "password",   "passwords",  "passwd",        "pword",      "passphrase",  "secret", "pass",
    "secrets",    "token",      "tokens",        "credential", "credentials", "creds",  "apikey",
    "apikeys",    "privatekey", "accesskey",     "secretkey",  "authtoken",   "auth",   "masterkey",
    "signingkey", "licensekey", "encryptionkey", "pwd",
};

// `<qualifier>_KEY` is a secret unless the qualifier says the key is public
// or not a credential at all (a GPG fingerprint, a cache or database key).
constexpr std::array<std::string_view, 17> kHarmlessKeyQualifiers = {
    "public",    "gpg",         "pgp",    "gnupg", "apt",   "cache",   "sort", "primary", "foreign",
    "partition", "idempotency", "lookup", "map",   "index", "routing", "hash", "range",
};

// A last word that makes the name refer to a secret (its file, location,
// settings) rather than hold it.
constexpr std::array<std::string_view, 66> kReferenceWords = {
    "file",     "files",    "path",   "paths",    "dir",       "dirs",     "directory",
    "folder",   "url",      "urls",   "uri",      "endpoint",  "host",     "hostname",
    "port",     "version",  "ver",    "name",     "names",     "type",     "kind",
    "length",   "len",      "size",   "ttl",      "expiry",    "expires",  "expiration",
    "timeout",  "header",   "env",    "mode",     "enabled",   "enable",   "disabled",
    "disable",  "required", "method", "provider", "strategy",  "scheme",   "realm",
    "domain",   "server",   "plugin", "backend",  "user",      "username", "email",
    "location", "ref",      "arn",    "prefix",   "suffix",    "format",   "field",
    "count",    "limit",    "policy", "backends", "providers", "methods",  "types",
    "plugins",  "servers",  "hosts",
};

}  // namespace

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty() &&
        !std::all_of(current.begin(), current.end(), [](char c) { return IsDigit(c); })) {
      std::transform(current.begin(), current.end(), current.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      words.push_back(current);
    }
    current.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!IsAlpha(c) && !IsDigit(c)) {
      flush();
      continue;
    }
    if (!current.empty()) {
      const char prev = current.back();
      const bool next_lower = i + 1 < name.size() && IsLower(name[i + 1]);
      const bool hump = IsUpper(c) && (IsLower(prev) || (IsUpper(prev) && next_lower));
      const bool digit_edge = IsDigit(c) != IsDigit(prev);
      if (hump || digit_edge) flush();
    }
    current.push_back(c);
  }
  flush();
  return words;
}

bool IsSecretName(std::string_view name) {
  const std::vector<std::string> words = NameWords(name);
  if (words.empty()) return false;
  if (std::find(words.begin(), words.end(), "public") != words.end()) return false;
  if (words.size() > 1 && In(kReferenceWords, words.back())) return false;
  for (const std::string& word : words) {
    // PWD alone is the shell's working directory; DB_PWD is a password.
    if (word == "pwd" && words.size() == 1) continue;
    if (In(kSecretWords, word)) return true;
  }
  const std::string& last = words.back();
  if ((last == "key" || last == "keys") && words.size() > 1) {
    return !In(kHarmlessKeyQualifiers, words[words.size() - 2]);
  }
  return false;
}

namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-blind glob with `*` only.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip) {
      if (GlobMatch(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  return !text.empty() && LowerAscii(pattern.front()) == LowerAscii(text.front()) &&
         GlobMatch(pattern.substr(1), text.substr(1));
}

bool MatchesAny(const std::vector<std::string>& patterns, std::string_view name) {
  for (const std::string& p : patterns) {
    if (GlobMatch(p, name)) return true;
  }
  return false;
}

}  // namespace

std::vector<OptionSpec> SecretNameOptions() {
  return {
      {.name = "extra_names",
       .type = OptionType::kStringList,
       .description = "Variable names that also hold secrets in this project (`SESSION_SEED`, "
                      "`*_SIGNING_SALT`); case-blind, `*` matches any characters.",
       .default_value = std::vector<std::string>{}},
      {.name = "allowed_names",
       .type = OptionType::kStringList,
       .description = "Variable names that look secret but are not (`AUTH_MODE`, `TOKEN_TTL`); "
                      "case-blind, `*` matches any characters. Wins over extra_names.",
       .default_value = std::vector<std::string>{}},
  };
}

bool IsSecretName(std::string_view name, const RuleOptions& options) {
  if (MatchesAny(options.Strings("allowed_names"), name)) return false;
  if (MatchesAny(options.Strings("extra_names"), name)) return true;
  return IsSecretName(name);
}

}  // namespace pf::rules

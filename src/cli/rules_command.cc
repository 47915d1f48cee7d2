#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "custom/rule_set.h"
#include "custom/selection.h"
#include "report/reporter.h"
#include "rules/registry.h"

namespace pf::cli {

namespace {

std::string_view LanguageName(rules::Language l) {
  return l == rules::Language::kDocker ? "docker" : "docker-compose";
}

void Section(std::string_view title, std::string_view body) {
  if (body.empty()) return;
  std::cout << title << "\n" << std::string(title.size(), '-') << "\n" << body;
  if (body.back() != '\n') std::cout << "\n";
  std::cout << "\n";
}

void Example(std::string_view title, std::string_view code) {
  if (code.empty()) return;
  std::cout << title << "\n" << std::string(title.size(), '-') << "\n";
  std::string_view rest = code;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::cout << "    " << rest.substr(0, nl) << "\n";
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  std::cout << "\n";
}

// "SC2086" for "SHELLCHECK-SC2086" (any case); empty for other ids.
std::string ShellCheckCode(std::string_view id) {
  constexpr std::string_view kPrefix = "SHELLCHECK-SC";
  if (id.size() <= kPrefix.size()) return "";
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(id[i])) != kPrefix[i]) return "";
  }
  std::string_view digits = id.substr(kPrefix.size());
  for (char c : digits) {
    if (c < '0' || c > '9') return "";
  }
  return "SC" + std::string(digits);
}

// Loads user rule files for `rules list/show/test`; false after printing
// every mistake.
bool LoadCustom(const std::vector<std::string>& paths, custom::RuleSet* set, bool run_examples) {
  std::vector<custom::LoadError> errors;
  set->Load(paths, &errors, run_examples);
  for (const custom::LoadError& e : errors) {
    std::cerr << fmt::format("pathfinder: error: {}\n", e.Format());
  }
  if (!errors.empty()) std::cerr << "hint: docs/custom-rules.md describes the rule file format\n";
  return errors.empty();
}

int ListRules(const std::vector<std::string>& given, const std::string& output,
              const custom::RuleSet* custom_rules) {
  std::vector<std::string> rulesets = given;
  custom::Selection custom_selection;
  if (custom_rules != nullptr) {
    std::vector<std::string> no_ignores;
    custom_selection = custom::Select(*custom_rules, &rulesets, &no_ignores);
  }
  std::string format = output;
  for (char& c : format) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (format != "text" && format != "json") {
    return UsageError(fmt::format("rules list: unknown format '{}'", output),
                      "use -o text or -o json");
  }
  std::vector<const rules::Rule*> selected;
  if (custom_selection.only_custom) {
    selected = custom_selection.rules;
  } else if (rulesets.empty()) {
    selected = rules::AllRules();
    selected.insert(selected.end(), custom_selection.rules.begin(), custom_selection.rules.end());
  } else {
    std::string error;
    for (const std::string& spec : rulesets) {
      if (!spec.empty() && !rules::SelectRules(spec, &selected, &error)) {
        return UsageError(error, "run 'pathfinder rules list' without --ruleset to see all");
      }
    }
    selected.insert(selected.end(), custom_selection.rules.begin(), custom_selection.rules.end());
    std::sort(selected.begin(), selected.end(),
              [](const rules::Rule* a, const rules::Rule* b) { return a->meta.id < b->meta.id; });
  }
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const rules::Rule* r : selected) {
      const rules::RuleMeta& m = r->meta;
      nlohmann::ordered_json tags = nlohmann::ordered_json::array();
      for (std::string_view t : m.tags) tags.push_back(t);
      list.push_back({{"id", m.id},
                      {"name", m.name},
                      {"severity", SeverityName(m.severity)},
                      {"category", m.category},
                      {"cwe", m.cwe},
                      {"language", LanguageName(m.language)},
                      {"bundle", fmt::format("{}/{}", LanguageName(m.language), m.bundle)},
                      {"ruleset", fmt::format("{}/{}", LanguageName(m.language), m.id)},
                      {"tags", tags},
                      {"summary", m.summary}});
    }
    std::cout << list.dump(2) << "\n";
    return kExitClean;
  }
  std::size_t id_w = 2, name_w = 4;
  for (const rules::Rule* r : selected) {
    id_w = std::max(id_w, r->meta.id.size());
    name_w = std::max(name_w, r->meta.name.size());
  }
  std::cout << fmt::format("{:<{}}  {:<8}  {:<{}}  {}\n", "ID", id_w, "SEVERITY", "NAME", name_w,
                           "BUNDLE");
  for (const rules::Rule* r : selected) {
    std::cout << fmt::format("{:<{}}  {:<8}  {:<{}}  {}/{}\n", r->meta.id, id_w,
                             SeverityLabel(r->meta.severity), r->meta.name, name_w,
                             LanguageName(r->meta.language), r->meta.bundle);
  }
  std::cout << fmt::format("\n{} rules\n", selected.size());
  return kExitClean;
}

int ShowRule(const std::string& given, const custom::RuleSet* custom_rules) {
  // `docker/DOCKER-AUD-003`, the form rule pages print, names the rule too.
  std::string id = given.substr(given.find('/') == std::string::npos ? 0 : given.find('/') + 1);
  if (std::string code = ShellCheckCode(id); !code.empty()) {
    std::cout << fmt::format(
        "SHELLCHECK-{0}  ShellCheck {0}\n\nReported by the shellcheck program over RUN scripts "
        "when the scan runs with --shellcheck.\nExplanation and fixes: "
        "https://www.shellcheck.net/wiki/{0}\n",
        code);
    return kExitClean;
  }
  const rules::Rule* rule = rules::FindRule(id);
  if (rule == nullptr && custom_rules != nullptr) rule = custom_rules->Find(id);
  if (rule == nullptr) {
    std::vector<const rules::Rule*> unused;
    std::string error;
    if (!rules::SelectRules(id, &unused, &error)) {
      return UsageError(fmt::format("no rule '{}'", id), error);
    }
    return UsageError(fmt::format("'{}' names a ruleset, not one rule", id),
                      fmt::format("run 'pathfinder rules list --ruleset {}'", id));
  }
  const rules::RuleMeta& m = rule->meta;
  std::string title = fmt::format("{}  {}", m.id, m.name);
  std::cout << title << "\n" << std::string(title.size(), '=') << "\n\n";
  std::cout << fmt::format("Severity:  {}\n", SeverityLabel(m.severity));
  std::cout << fmt::format("Category:  {}\n", m.category);
  if (!m.cwe.empty()) std::cout << fmt::format("CWE:       {}\n", m.cwe);
  std::cout << fmt::format("Language:  {}\n", LanguageName(m.language));
  std::cout << fmt::format("Bundle:    {}/{}\n", LanguageName(m.language), m.bundle);
  if (!m.tags.empty()) std::cout << fmt::format("Tags:      {}\n", fmt::join(m.tags, ", "));
  std::cout << fmt::format("Select:    --ruleset {}/{}\n\n", LanguageName(m.language), m.id);
  if (!m.summary.empty()) std::cout << m.summary << "\n\n";
  Section("What it does", m.docs.what);
  Section("Why it matters", m.docs.why);
  Example("Example (bad)", m.docs.bad_example);
  Example("Example (good)", m.docs.good_example);
  Section("How to fix", m.docs.fix);
  if (!m.docs.references.empty()) {
    std::cout << "References\n----------\n";
    for (std::string_view ref : m.docs.references) std::cout << "  " << ref << "\n";
  }
  return kExitClean;
}

}  // namespace

int RunRulesList(const std::vector<std::string>& rulesets, const std::string& output) {
  return ListRules(rulesets, output, nullptr);
}

int RunRulesShow(const std::string& id) { return ShowRule(id, nullptr); }

int RunRulesListWith(const std::vector<std::string>& rulesets, const std::string& output,
                     const std::vector<std::string>& rule_paths) {
  custom::RuleSet set;
  if (!LoadCustom(rule_paths, &set, true)) return kExitError;
  return ListRules(rulesets, output, &set);
}

int RunRulesShowWith(const std::string& id, const std::vector<std::string>& rule_paths) {
  custom::RuleSet set;
  if (!LoadCustom(rule_paths, &set, true)) return kExitError;
  return ShowRule(id, &set);
}

int RunRulesTest(const std::vector<std::string>& rule_paths) {
  custom::RuleSet set;
  if (!LoadCustom(rule_paths, &set, false)) return kExitError;
  std::vector<custom::ExampleResult> results = set.TestExamples();
  std::size_t id_w = 4;
  for (const rules::Rule* r : set.rules()) id_w = std::max(id_w, r->meta.id.size());
  std::cout << fmt::format("{:<{}}  {:<7}  {}\n", "RULE", id_w, "EXAMPLE", "RESULT");
  std::size_t failed = 0;
  for (const rules::Rule* r : set.rules()) {
    bool any = false;
    for (const custom::ExampleResult& e : results) {
      if (e.rule_id != r->meta.id) continue;
      any = true;
      if (!e.passed) ++failed;
      std::cout << fmt::format("{:<{}}  {:<7}  {}\n", e.rule_id, id_w, e.example,
                               e.passed ? "pass" : "FAIL  " + e.detail);
    }
    if (!any) std::cout << fmt::format("{:<{}}  {:<7}  {}\n", r->meta.id, id_w, "-", "no examples");
  }
  std::cout << fmt::format("\n{} rules, {} examples, {} failed\n", set.rules().size(),
                           results.size(), failed);
  return failed > 0 ? kExitFindings : kExitClean;
}

int RunVersion() {
#if defined(__clang__)
  std::string compiler =
      fmt::format("clang {}.{}.{}", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
  std::string compiler = fmt::format("gcc {}.{}.{}", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
  std::string compiler = "unknown";
#endif
#if defined(PF_BUILD_TYPE)
  std::string build_type = PF_BUILD_TYPE;
#elif defined(NDEBUG)
  std::string build_type = "release";
#else
  std::string build_type = "debug";
#endif
  std::cout << fmt::format("pathfinder {}\n", report::kToolVersion);
  std::cout << fmt::format("compiler:   {}\n", compiler);
  std::cout << fmt::format("build type: {}\n", build_type);
  std::cout << fmt::format("C++:        {}\n", __cplusplus);
  std::cout << fmt::format("rules:      {}\n", rules::AllRules().size());
  return kExitClean;
}

}  // namespace pf::cli

#include "docs/markdown.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/severity.h"

namespace pf::docs {

namespace {

std::string_view LanguageName(rules::Language language) {
  return language == rules::Language::kDocker ? "Dockerfile" : "docker-compose";
}

std::string_view RulesetPrefix(rules::Language language) {
  return language == rules::Language::kDocker ? "docker" : "docker-compose";
}

std::string CweLink(std::string_view cwe) {
  std::string_view number = cwe.substr(cwe.find('-') + 1);
  return fmt::format("[{}](https://cwe.mitre.org/data/definitions/{}.html)", cwe, number);
}

std::string_view ExampleLanguage(rules::Language language) {
  return language == rules::Language::kDocker ? "dockerfile" : "yaml";
}

// Table cells must not break the row.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// What `.pathfinder.yml` may set for the rule, from the same declaration
// the config validator reads.
std::string OptionsSection(const rules::RuleMeta& m) {
  if (m.options.empty()) return "";
  std::string out = "## Options\n\n";
  out += "| option | type | default | meaning |\n|---|---|---|---|\n";
  for (const rules::OptionSpec& spec : m.options) {
    out += fmt::format("| `{}` | {} | `{}` | {} |\n", spec.name, rules::OptionTypeName(spec.type),
                       rules::FormatOptionValue(spec.default_value), Cell(spec.description));
  }
  out += fmt::format("\nSet them in `.pathfinder.yml`:\n\n```yaml\nrules:\n  {}:\n", m.id);
  for (const rules::OptionSpec& spec : m.options) {
    out += fmt::format("    {}: {}\n", spec.name, rules::FormatOptionValue(spec.default_value));
  }
  out += "```\n\n";
  return out;
}

}  // namespace

std::string RulePage(const rules::Rule& rule) {
  const rules::RuleMeta& m = rule.meta;
  std::string page;
  page += fmt::format("# {}: {}\n\n", m.id, m.name);
  page += fmt::format("| | |\n|---|---|\n");
  page += fmt::format("| Severity | {} |\n", SeverityLabel(m.severity));
  page += fmt::format("| Language | {} |\n", LanguageName(m.language));
  page += fmt::format("| Category | {} |\n", m.category);
  page += fmt::format("| CWE | {} |\n", CweLink(m.cwe));
  page += fmt::format("| Bundle | `{}/{}` |\n", RulesetPrefix(m.language), m.bundle);
  page += fmt::format("| Run it | `pathfinder scan --ruleset {}/{} --project .` |\n\n",
                      RulesetPrefix(m.language), m.id);
  page += fmt::format("{}\n\n", m.summary);
  page += fmt::format("## What it does\n\n{}\n\n", m.docs.what);
  page += fmt::format("## Why it matters\n\n{}\n\n", m.docs.why);
  page += "## Example\n\n";
  page +=
      fmt::format("Reported:\n\n```{}\n{}```\n\n", ExampleLanguage(m.language), m.docs.bad_example);
  page += fmt::format("Not reported:\n\n```{}\n{}```\n\n", ExampleLanguage(m.language),
                      m.docs.good_example);
  page += fmt::format("## How to fix\n\n{}\n\n", m.docs.fix);
  page += OptionsSection(m);
  page += "## References\n\n";
  for (std::string_view ref : m.docs.references) page += fmt::format("- <{}>\n", ref);
  return page;
}

std::string ReadmeTable(const std::vector<const rules::Rule*>& rules) {
  std::string table = "| id | name | severity | bundle |\n|---|---|---|---|\n";
  for (const rules::Rule* rule : rules) {
    const rules::RuleMeta& m = rule->meta;
    table +=
        fmt::format("| [{}](docs/rules/{}.md) | {} | {} | `{}/{}` |\n", m.id, m.id, Cell(m.name),
                    SeverityName(m.severity), RulesetPrefix(m.language), m.bundle);
  }
  return table;
}

std::string IndexPage(const std::vector<const rules::Rule*>& rules) {
  std::string page = "# Rules\n\n";
  page += fmt::format(
      "{} rules. Each page says what the rule reports, why it matters, an "
      "example and how to fix it.\n\n",
      rules.size());
  for (rules::Language language : {rules::Language::kDocker, rules::Language::kCompose}) {
    page += fmt::format("## {}\n\n", LanguageName(language));
    page += "| id | name | severity | bundle | summary |\n|---|---|---|---|---|\n";
    for (const rules::Rule* rule : rules) {
      const rules::RuleMeta& m = rule->meta;
      if (m.language != language) continue;
      page += fmt::format("| [{}]({}.md) | {} | {} | `{}/{}` | {} |\n", m.id, m.id, Cell(m.name),
                          SeverityName(m.severity), RulesetPrefix(m.language), m.bundle,
                          Cell(m.summary));
    }
    page += "\n";
  }
  return page;
}

bool SpliceReadmeTable(std::string* readme, const std::string& table) {
  std::size_t begin = readme->find(kTableBegin);
  std::size_t end = readme->find(kTableEnd);
  if (begin == std::string::npos || end == std::string::npos || end < begin) return false;
  begin += kTableBegin.size();
  readme->replace(begin, end - begin, "\n" + table);
  return true;
}

std::vector<std::pair<std::string, std::string>> DocsTree(
    const std::vector<const rules::Rule*>& rules) {
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("README.md", IndexPage(rules));
  for (const rules::Rule* rule : rules) {
    files.emplace_back(fmt::format("{}.md", rule->meta.id), RulePage(*rule));
  }
  return files;
}

}  // namespace pf::docs

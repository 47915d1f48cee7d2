#pragma once

#include <string>
#include <vector>

#include "rules/rule.h"

namespace pf::docs {

// The Markdown page of one rule (docs/rules/<ID>.md).
std::string RulePage(const rules::Rule& rule);

// The index page (docs/rules/README.md): every rule, by language and bundle.
std::string IndexPage(const std::vector<const rules::Rule*>& rules);

// The rule table of the project README, placed between kTableBegin and
// kTableEnd.
std::string ReadmeTable(const std::vector<const rules::Rule*>& rules);
inline constexpr std::string_view kTableBegin = "<!-- rules:begin (generated) -->";
inline constexpr std::string_view kTableEnd = "<!-- rules:end -->";

// Replaces the text between the markers of `readme` with `table`; returns
// false when the markers are missing.
bool SpliceReadmeTable(std::string* readme, const std::string& table);

// Files to write under a docs folder: relative path -> content.
std::vector<std::pair<std::string, std::string>> DocsTree(
    const std::vector<const rules::Rule*>& rules);

}  // namespace pf::docs

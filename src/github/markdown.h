#pragma once

// Small Markdown pieces shared by the summary and the inline comments.

#include <string>
#include <string_view>

#include "github/pull_request.h"

namespace pf::github {

// 0 for critical up to 4 for info; unknown severities sort last.
int SeverityRank(std::string_view severity);
std::string SeverityLabel(std::string_view severity);  // "Critical"
std::string SeverityIcon(std::string_view severity);   // a coloured square

// Text safe inside a table cell or a one-line list item: no line breaks,
// pipes escaped, and no raw HTML.
std::string EscapeCell(std::string_view text);

// The web address for links: options.server_url, else derived from api_url
// (https://api.github.com -> https://github.com, https://HOST/api/v3 ->
// https://HOST, https://api.HOST -> https://HOST).
std::string WebUrl(const PrOptions& options);

// https://WEB/REPO/blob/SHA/PATH#L1-L3, the path percent-encoded.
std::string BlobLink(const std::string& web_url, const std::string& repo, const std::string& sha,
                     const PrFinding& finding);

// Sort order for reports: severity, path, line, rule.
bool FindingBefore(const PrFinding& a, const PrFinding& b);

}  // namespace pf::github

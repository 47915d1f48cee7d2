#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pf::github {

// The URL of the rel="next" entry of an HTTP Link header (RFC 8288), as
// GitHub sends for paged lists: `<url>; rel="next", <url>; rel="last"`.
std::optional<std::string> NextPageUrl(std::string_view link_header);

}  // namespace pf::github

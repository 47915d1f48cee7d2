#pragma once

#include <string>
#include <string_view>

namespace pf::report {

// A file path as an RFC 3986 URI path: '/' separates segments and stays;
// unreserved characters and sub-delimiters stay; everything else (space,
// '%', '#', '?', ':', non-ASCII bytes, controls) is percent-encoded.
// Encoding ':' keeps a relative reference from reading as a scheme.
std::string PercentEncodePath(std::string_view path);

// "file:///abs/dir/" for an absolute folder (trailing slash added, so
// relative references resolve inside it).
std::string FileUriForFolder(std::string_view absolute_dir);

// "file:///abs/file" for an absolute file path.
std::string FileUri(std::string_view absolute_path);

}  // namespace pf::report

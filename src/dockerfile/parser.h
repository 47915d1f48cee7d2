#pragma once

#include <string_view>
#include <variant>

#include "core/source.h"
#include "dockerfile/ast.h"

namespace pf::dockerfile {

// Parses a Dockerfile exactly as BuildKit's parser.Parse does (directives,
// escape character, continuations, comments inside continuations, heredocs,
// JSON vs shell form, flags). Positions refer to `source`. A leading UTF-8
// BOM is skipped; "\r\n" line ends are accepted.
// Returns the AST, or the first error with its position.
std::variant<Dockerfile, ParseError> Parse(const SourceFile& source);

// BuildKit-style dump of the tree (see conformance/buildkit/README.md).
std::string Dump(const Dockerfile& file);

}  // namespace pf::dockerfile

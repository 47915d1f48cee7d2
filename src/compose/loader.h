#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "compose/model.h"
#include "core/position.h"
#include "core/source.h"

namespace pf::compose {

struct LoadOptions {
  // Also read variables from the process environment (they win over .env).
  bool use_process_env = false;
  // Variables given by the caller; they win over everything else.
  std::map<std::string, std::string> environment;
  // Read `.env` beside the compose file.
  bool use_dotenv = true;
  // Safety limits; hostile input fails with an error, never a crash.
  std::size_t max_file_bytes = 16u << 20;  // per file
  int max_depth = 512;                     // nesting of YAML collections
  std::size_t max_nodes = 250000;          // per file, counted after alias expansion
  int max_files = 64;                      // extends + include files in total
};

struct LoadError {
  std::string message;
  std::string file;   // the file at fault (may be an included or .env file)
  Position position;  // {0, 0} when the error has no position
  // When `file` is another file: where the loaded file refers to it (the
  // `include` path or `extends` file value that led there); else {0, 0}.
  Position origin;
};

struct LoadResult {
  std::optional<Project> project;
  LoadError error;
  bool ok() const { return project.has_value(); }
};

// Loads a compose file: YAML (anchors, aliases, merge keys `<<`), then
// interpolation, then `extends` and top-level `include` (paths relative to
// the file's directory), then the typed model.
//
// Several YAML documents in one file are merged in order, as Compose merges
// override files: mappings merge key by key, sequences are concatenated,
// scalars of later documents win.
//
// Never throws. Errors: unreadable or too large files, invalid UTF-8, tabs
// used as indentation, YAML syntax errors, nesting deeper than max_depth,
// alias expansion beyond max_nodes, duplicate keys, top-level keys the spec
// does not define (the version 1 format), a root that is not a
// mapping, invalid interpolation or missing required variables, `extends`
// and `include` problems (missing file or service, cycles, conflicts).
LoadResult Load(const SourceFile& file, const LoadOptions& opts);

// The cheap checks run before the YAML parser: size, UTF-8, tab indentation
// and nesting depth. Returns an error message and sets `offset`, or "".
std::string PrescanYaml(std::string_view text, const LoadOptions& opts, std::size_t& offset);

}  // namespace pf::compose

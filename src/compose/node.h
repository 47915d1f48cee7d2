#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/position.h"

namespace pf::compose {

struct MapEntry;

// A YAML value after alias and merge-key resolution and interpolation, with
// positions. This is the generic, schema-free view of a compose file: use it
// for any key the typed model does not cover.
struct Node {
  enum class Kind { kNull, kScalar, kSequence, kMapping };
  Kind kind = Kind::kNull;
  std::string value;  // scalar text after interpolation ("" for null)
  // Scalar text as written, kept only when interpolation changed it.
  std::string raw;
  bool quoted = false;            // scalar was written '...' or "..."
  bool unresolved = false;        // interpolation met an unset variable without default
  Range range;                    // the value's position; collections end after their last child
  int file = 0;                   // index into Project::files (0 = the loaded file)
  std::vector<Node> items;        // kSequence
  std::vector<MapEntry> entries;  // kMapping, in file order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMapping() const { return kind == Kind::kMapping; }
  // Value of `key` in a mapping, or nullptr (also for non-mappings).
  const Node* Find(std::string_view key) const;
  const MapEntry* FindEntry(std::string_view key) const;
  Node* FindMutable(std::string_view key);
};

struct MapEntry {
  std::string key;
  Range key_range;
  Node value;
};

}  // namespace pf::compose

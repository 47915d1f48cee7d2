#pragma once

// Read-only questions to the `git` program, for diff-aware scans.

#include <optional>
#include <string>
#include <vector>

namespace pf::git {

// The top folder of the work tree that holds `dir` (git rev-parse
// --show-toplevel). nullopt with a one-line *error when `dir` is not inside a
// git work tree or git cannot run.
std::optional<std::string> RepoRoot(const std::string& dir, std::string* error);

// One entry of a diff between two commits.
struct ChangedFile {
  std::string path;      // relative to the repo root; the new name for renames and copies
  std::string old_path;  // the source for renames (R) and copies (C), else empty
  char status = 'M';     // A added, M modified, D deleted, R renamed, C copied, T type changed
};

// Files changed on head since it left base: the diff between the merge base
// of `base` and `head`, and `head` (an empty head means HEAD), with renames
// detected. Work-tree and index changes are not included. Returns false with
// a one-line *error when a ref is unknown ("unknown git ref 'origin/nope'"),
// the histories share no commit, or git fails.
bool ChangedFiles(const std::string& repo_root, const std::string& base, const std::string& head,
                  std::vector<ChangedFile>* out, std::string* error);

}  // namespace pf::git

#include <filesystem>

#include "cli/scan_pipeline.h"
#include "git/git.h"

namespace pf::cli {

bool ResolveDiffScope(const std::string& dir, const std::string& base, const std::string& head,
                      std::set<std::string>* changed, std::string* repo_root, std::string* error) {
  if (base.empty()) {
    *error = "--diff-aware needs --base REF (the branch the changes are compared with)";
    return false;
  }
  std::optional<std::string> root = git::RepoRoot(dir, error);
  if (!root) return false;
  std::vector<git::ChangedFile> files;
  if (!git::ChangedFiles(*root, base, head, &files, error)) return false;
  // A deleted file has nothing left to report; a renamed one is new under
  // its new name.
  for (const git::ChangedFile& f : files) {
    if (f.status == 'D') continue;
    std::error_code ec;
    std::filesystem::path path = std::filesystem::path(*root) / f.path;
    std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
    changed->insert((ec ? path : real).lexically_normal().string());
  }
  *repo_root = *root;
  return true;
}

}  // namespace pf::cli

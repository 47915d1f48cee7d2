#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/ast.h"
#include "rules/rule.h"

namespace pf::rules {

// What an ADD source is, the way BuildKit decides it: a git repository
// (`git@host:repo`, `ssh://`, `git://`, or an http(s) URL whose path ends in
// `.git`), another http(s) URL (downloaded, never extracted), an inline
// heredoc, or a path in the build context.
enum class AddSourceKind { kGit, kHttp, kHeredoc, kLocal };

struct AddSource {
  const dockerfile::Word* word = nullptr;  // the source as written
  std::string value;                       // after variable expansion
  bool resolved = true;                    // false: a variable in it has no known value
  AddSourceKind kind = AddSourceKind::kLocal;
};

// The sources of an ADD (or COPY) instruction: every argument but the last,
// expanded at `scope` (the instruction itself, or the ONBUILD holding it).
std::vector<AddSource> AddSources(const DockerContext& context, const dockerfile::Instruction& add,
                                  const dockerfile::Instruction& scope);

AddSourceKind ClassifyAddSource(std::string_view source);

// A git source pinned to a commit: a full 40- (or 64-) hex commit id as
// the `#ref` fragment (before any `:subdir`), or as the `ref`, `commit` or
// `checksum` query parameter (`repo.git?commit=<sha>`).
bool IsGitSourcePinned(std::string_view source);

// A local path ADD would extract: a tar archive, plain or compressed
// (`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tbz2`, `.tar.xz`, `.txz`,
// `.tar.zst`, ...), or a compressed file that may hold one (`.gz`, `.bz2`,
// `.xz`, `.zst`): ADD looks at the content, so these are not second-guessed.
bool IsPossibleArchive(std::string_view path);

// A lower-case 40 or 64 hex digit string.
bool IsFullCommitId(std::string_view text);

struct AddSite {
  const dockerfile::Instruction* add = nullptr;
  const dockerfile::Instruction* scope = nullptr;
};

// Every instruction with the given keyword, including those under ONBUILD.
std::vector<AddSite> InstructionsNamed(const dockerfile::Dockerfile& file,
                                       std::string_view keyword);

}  // namespace pf::rules

#include "git/git.h"

#include "git/process.h"

namespace pf::git {
namespace {

// No prompts for credentials, no lock files taken behind the back of a
// concurrent git, messages in one language.
const std::vector<std::string> kGitEnvironment = {"GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0",
                                                  "LC_ALL=C"};

// The first line of git's complaint, for a one-line error.
std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// Runs `git -C dir args...`; true when git exited with status 0.
bool RunGit(const std::string& dir, const std::vector<std::string>& args, ProcessResult* result,
            std::string* error) {
  std::vector<std::string> argv = {"git", "--no-pager", "-C", dir};
  argv.insert(argv.end(), args.begin(), args.end());
  if (!RunProcess(argv, result, error, kGitEnvironment)) return false;
  if (result->exit_code != 0) {
    std::string why = FirstLine(result->err);
    *error = "git " + args.front() + " failed" + (why.empty() ? "" : ": " + why);
    return false;
  }
  return true;
}

std::string TrimNewline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The commit a ref names, or nullopt when git does not know it. A ref that
// starts with '-' would be read as an option, so it is never a ref.
std::optional<std::string> ResolveCommit(const std::string& repo_root, const std::string& ref,
                                         std::string* error) {
  if (ref.empty() || ref.front() == '-') {
    *error = "unknown git ref '" + ref + "'";
    return std::nullopt;
  }
  ProcessResult result;
  std::string run_error;
  if (!RunProcess({"git", "--no-pager", "-C", repo_root, "rev-parse", "--verify", "--quiet",
                   ref + "^{commit}"},
                  &result, &run_error, kGitEnvironment)) {
    *error = run_error;
    return std::nullopt;
  }
  if (result.exit_code == 0) return TrimNewline(result.out);
  // --quiet makes an unknown ref exit 1 in silence; anything else is git
  // failing, most often outside a repository.
  if (result.exit_code == 1) {
    *error = "unknown git ref '" + ref + "'";
  } else if (result.err.find("not a git repository") != std::string::npos) {
    *error = "not a git repository: " + repo_root;
  } else {
    *error = "git rev-parse failed: " + FirstLine(result.err);
  }
  return std::nullopt;
}

// Parses `git diff-tree -z --name-status` output: a status field, then one
// path, or two for renames and copies, each ended by NUL.
bool ParseNameStatus(const std::string& text, std::vector<ChangedFile>* out, std::string* error) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  for (size_t i = 0; i < fields.size();) {
    const std::string& status = fields[i];
    if (status.empty()) {
      *error = "unexpected output from git diff-tree";
      return false;
    }
    ChangedFile file;
    file.status = status[0];
    bool two_paths = file.status == 'R' || file.status == 'C';
    size_t needed = two_paths ? 2 : 1;
    if (i + needed >= fields.size()) {
      *error = "truncated output from git diff-tree";
      return false;
    }
    if (two_paths) {
      file.old_path = fields[i + 1];
      file.path = fields[i + 2];
    } else {
      file.path = fields[i + 1];
    }
    out->push_back(std::move(file));
    i += needed + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> RepoRoot(const std::string& dir, std::string* error) {
  ProcessResult result;
  std::string run_error;
  if (!RunProcess({"git", "--no-pager", "-C", dir, "rev-parse", "--show-toplevel"}, &result,
                  &run_error, kGitEnvironment)) {
    *error = run_error;
    return std::nullopt;
  }
  std::string root = TrimNewline(result.out);
  if (result.exit_code != 0 || root.empty()) {
    *error = "not a git repository: " + dir;
    return std::nullopt;
  }
  return root;
}

bool ChangedFiles(const std::string& repo_root, const std::string& base, const std::string& head,
                  std::vector<ChangedFile>* out, std::string* error) {
  std::optional<std::string> base_commit = ResolveCommit(repo_root, base, error);
  if (!base_commit) return false;
  std::optional<std::string> head_commit =
      ResolveCommit(repo_root, head.empty() ? "HEAD" : head, error);
  if (!head_commit) return false;

  ProcessResult result;
  std::string run_error;
  if (!RunProcess({"git", "--no-pager", "-C", repo_root, "merge-base", *base_commit, *head_commit},
                  &result, &run_error, kGitEnvironment)) {
    *error = run_error;
    return false;
  }
  if (result.exit_code != 0) {
    *error = "no common commit between '" + base + "' and '" + (head.empty() ? "HEAD" : head) +
             "'" + (result.exit_code == 1 ? "" : ": " + FirstLine(result.err));
    return false;
  }
  std::string merge_base = TrimNewline(result.out);

  // diff-tree is plumbing: user settings such as diff.renames or external diff
  // drivers do not change its output.
  if (!RunGit(repo_root, {"diff-tree", "-r", "-z", "-M", "--name-status", merge_base, *head_commit},
              &result, error)) {
    return false;
  }
  out->clear();
  return ParseNameStatus(result.out, out, error);
}

}  // namespace pf::git

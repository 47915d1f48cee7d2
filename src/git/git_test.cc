#include "git/git.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "git/process.h"

namespace pf::git {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the test temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::path(testing::TempDir()) / "pf-git-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A real git repository made for one test.
class Repo {
 public:
  Repo() {
    Git({"init", "-q", "-b", "main"});
    Git({"config", "user.name", "Test User"});
    Git({"config", "user.email", "test@example.com"});
    Git({"config", "commit.gpgsign", "false"});
  }
  const std::string& root() const { return dir_.path(); }

  std::string Git(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"git", "-C", root()};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult result;
    std::string error;
    EXPECT_TRUE(RunProcess(argv, &result, &error)) << error;
    EXPECT_EQ(result.exit_code, 0) << args.front() << ": " << result.err;
    return result.out;
  }
  void Write(const std::string& path, const std::string& text) {
    fs::path full = fs::path(root()) / path;
    fs::create_directories(full.parent_path());
    std::ofstream(full) << text;
  }
  void Commit(const std::string& message) {
    Git({"add", "-A"});
    Git({"commit", "-q", "-m", message});
  }

 private:
  TempDir dir_;
};

// Lines long enough that git's rename detection has content to compare.
std::string Body(const std::string& tag) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "RUN echo line " + std::to_string(i) + "\n";
  return "FROM alpine\n" + text + "# " + tag + "\n";
}

std::vector<ChangedFile> Changes(Repo& repo, const std::string& base, const std::string& head) {
  std::vector<ChangedFile> files;
  std::string error;
  EXPECT_TRUE(ChangedFiles(repo.root(), base, head, &files, &error)) << error;
  return files;
}

const ChangedFile* Find(const std::vector<ChangedFile>& files, const std::string& path) {
  for (const ChangedFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

TEST(RunProcess, CapturesOutputAndStatusWithStdinClosed) {
  ProcessResult result;
  std::string error;
  // cat would wait forever on an open terminal; with /dev/null it ends at once.
  ASSERT_TRUE(RunProcess({"cat"}, &result, &error)) << error;
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  ASSERT_TRUE(RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"}, &result, &error));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "out\n");
  EXPECT_EQ(result.err, "err\n");
}

TEST(RunProcess, ArgumentsAreNotShellWords) {
  ProcessResult result;
  std::string error;
  ASSERT_TRUE(RunProcess({"printf", "%s|", "a b", "$HOME", ";", "*"}, &result, &error));
  EXPECT_EQ(result.out, "a b|$HOME|;|*|");
}

TEST(RunProcess, MissingProgramIsAnError) {
  ProcessResult result;
  std::string error;
  EXPECT_FALSE(RunProcess({"pf-no-such-program-here"}, &result, &error));
  EXPECT_NE(error.find("pf-no-such-program-here"), std::string::npos) << error;
}

TEST(RunProcess, ExtraEnvironmentReplacesInherited) {
  ProcessResult result;
  std::string error;
  ASSERT_TRUE(RunProcess({"sh", "-c", "echo \"$HOME:$PF_EXTRA\""}, &result, &error,
                         {"HOME=/elsewhere", "PF_EXTRA=yes"}));
  EXPECT_EQ(result.out, "/elsewhere:yes\n");
}

TEST(RunProcess, LargeOutputOnBothStreamsDoesNotBlock) {
  ProcessResult result;
  std::string error;
  ASSERT_TRUE(
      RunProcess({"sh", "-c",
                  "i=0; while [ $i -lt 3000 ]; do echo 0123456789012345678901234567890123456789; "
                  "echo 0123456789012345678901234567890123456789 >&2; i=$((i+1)); done"},
                 &result, &error));
  EXPECT_EQ(result.out.size(), 3000u * 41);
  EXPECT_EQ(result.err.size(), 3000u * 41);
}

TEST(RepoRoot, FindsTopFromSubfolder) {
  Repo repo;
  repo.Write("sub/dir/Dockerfile", "FROM alpine\n");
  repo.Commit("init");
  std::string error;
  std::optional<std::string> root = RepoRoot(repo.root() + "/sub/dir", &error);
  ASSERT_TRUE(root) << error;
  EXPECT_EQ(fs::canonical(*root), fs::canonical(repo.root()));
}

TEST(RepoRoot, NotARepository) {
  TempDir dir;
  std::string error;
  EXPECT_FALSE(RepoRoot(dir.path(), &error));
  EXPECT_EQ(error, "not a git repository: " + dir.path());
}

TEST(ChangedFiles, AddedModifiedDeleted) {
  Repo repo;
  repo.Write("Dockerfile", Body("one"));
  repo.Write("old/Dockerfile", Body("old"));
  repo.Write("same.yml", "services: {}\n");
  repo.Commit("base");
  repo.Git({"branch", "base"});
  repo.Write("Dockerfile", Body("two"));
  repo.Write("new/compose.yml", "services: {}\n");
  fs::remove(fs::path(repo.root()) / "old/Dockerfile");
  repo.Commit("change");

  std::vector<ChangedFile> files = Changes(repo, "base", "");
  ASSERT_EQ(files.size(), 3u);
  const ChangedFile* modified = Find(files, "Dockerfile");
  const ChangedFile* added = Find(files, "new/compose.yml");
  const ChangedFile* deleted = Find(files, "old/Dockerfile");
  ASSERT_TRUE(modified && added && deleted);
  EXPECT_EQ(modified->status, 'M');
  EXPECT_EQ(added->status, 'A');
  EXPECT_EQ(deleted->status, 'D');
  EXPECT_EQ(added->old_path, "");
  EXPECT_FALSE(Find(files, "same.yml"));
}

TEST(ChangedFiles, RenameWithoutEdit) {
  Repo repo;
  repo.Write("Dockerfile", Body("same"));
  repo.Commit("base");
  fs::create_directory(fs::path(repo.root()) / "build");
  repo.Git({"mv", "Dockerfile", "build/Dockerfile.prod"});
  repo.Commit("move");

  std::vector<ChangedFile> files = Changes(repo, "HEAD~1", "HEAD");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].status, 'R');
  EXPECT_EQ(files[0].old_path, "Dockerfile");
  EXPECT_EQ(files[0].path, "build/Dockerfile.prod");
}

TEST(ChangedFiles, RenameWithEdit) {
  Repo repo;
  repo.Write("Dockerfile", Body("before"));
  repo.Commit("base");
  repo.Git({"mv", "Dockerfile", "Containerfile"});
  repo.Write("Containerfile", Body("after"));
  repo.Commit("move and edit");

  std::vector<ChangedFile> files = Changes(repo, "HEAD~1", "");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].status, 'R');
  EXPECT_EQ(files[0].old_path, "Dockerfile");
  EXPECT_EQ(files[0].path, "Containerfile");
}

TEST(ChangedFiles, OddFileNamesAreExact) {
  Repo repo;
  repo.Write("README", "x\n");
  repo.Commit("base");
  repo.Write("my app/Docker file", Body("space"));
  repo.Write("tab\tand \"quote\".yml", "services: {}\n");
  repo.Write("caf\xc3\xa9/Dockerfile", Body("utf8"));
  repo.Commit("odd names");

  std::vector<ChangedFile> files = Changes(repo, "HEAD~1", "");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(Find(files, "my app/Docker file"));
  EXPECT_TRUE(Find(files, "tab\tand \"quote\".yml"));
  EXPECT_TRUE(Find(files, "caf\xc3\xa9/Dockerfile"));
}

TEST(ChangedFiles, TypeChange) {
  Repo repo;
  repo.Write("Dockerfile", Body("real"));
  repo.Write("other", Body("other"));
  repo.Commit("base");
  fs::remove(fs::path(repo.root()) / "Dockerfile");
  fs::create_symlink("other", fs::path(repo.root()) / "Dockerfile");
  repo.Commit("symlink");

  std::vector<ChangedFile> files = Changes(repo, "HEAD~1", "");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].status, 'T');
  EXPECT_EQ(files[0].path, "Dockerfile");
}

TEST(ChangedFiles, AncestorBase) {
  Repo repo;
  repo.Write("a/Dockerfile", Body("a"));
  repo.Commit("one");
  repo.Write("b/Dockerfile", Body("b"));
  repo.Commit("two");
  repo.Write("c/Dockerfile", Body("c"));
  repo.Commit("three");

  std::vector<ChangedFile> files = Changes(repo, "HEAD~2", "");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(Find(files, "b/Dockerfile"));
  EXPECT_TRUE(Find(files, "c/Dockerfile"));
}

// main moved on after the feature branch left it: only the branch's own
// changes count, not the reverse of what main did meanwhile.
TEST(ChangedFiles, DivergedBranchUsesMergeBase) {
  Repo repo;
  repo.Write("Dockerfile", Body("base"));
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("feature/Dockerfile", Body("feature"));
  repo.Commit("feature work");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("main-only/compose.yml", "services: {}\n");
  repo.Write("Dockerfile", Body("main edit"));
  repo.Commit("main work");

  std::vector<ChangedFile> files = Changes(repo, "main", "feature");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "feature/Dockerfile");
  EXPECT_EQ(files[0].status, 'A');

  // HEAD is main here; the other direction sees main's work only.
  files = Changes(repo, "feature", "");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(Find(files, "main-only/compose.yml"));
  EXPECT_TRUE(Find(files, "Dockerfile"));
}

TEST(ChangedFiles, NothingChanged) {
  Repo repo;
  repo.Write("Dockerfile", Body("x"));
  repo.Commit("base");
  std::vector<ChangedFile> files = {{"stale", "", 'M'}};
  std::string error;
  ASSERT_TRUE(ChangedFiles(repo.root(), "HEAD", "", &files, &error)) << error;
  EXPECT_TRUE(files.empty());
}

TEST(ChangedFiles, UnknownBaseRef) {
  Repo repo;
  repo.Write("Dockerfile", Body("x"));
  repo.Commit("base");
  std::vector<ChangedFile> files;
  std::string error;
  EXPECT_FALSE(ChangedFiles(repo.root(), "origin/nope", "", &files, &error));
  EXPECT_EQ(error, "unknown git ref 'origin/nope'");
  EXPECT_FALSE(ChangedFiles(repo.root(), "HEAD", "no-such-head", &files, &error));
  EXPECT_EQ(error, "unknown git ref 'no-such-head'");
}

TEST(ChangedFiles, RefLookingLikeAnOptionIsUnknown) {
  Repo repo;
  repo.Write("Dockerfile", Body("x"));
  repo.Commit("base");
  std::vector<ChangedFile> files;
  std::string error;
  EXPECT_FALSE(ChangedFiles(repo.root(), "--all", "", &files, &error));
  EXPECT_EQ(error, "unknown git ref '--all'");
}

TEST(ChangedFiles, UnrelatedHistories) {
  Repo repo;
  repo.Write("Dockerfile", Body("x"));
  repo.Commit("base");
  repo.Git({"checkout", "-q", "--orphan", "other"});
  repo.Write("Other", Body("y"));
  repo.Commit("other root");
  std::vector<ChangedFile> files;
  std::string error;
  EXPECT_FALSE(ChangedFiles(repo.root(), "main", "", &files, &error));
  EXPECT_EQ(error, "no common commit between 'main' and 'HEAD'");
}

TEST(ChangedFiles, NotARepository) {
  TempDir dir;
  std::vector<ChangedFile> files;
  std::string error;
  EXPECT_FALSE(ChangedFiles(dir.path(), "main", "", &files, &error));
  EXPECT_EQ(error, "not a git repository: " + dir.path());
}

}  // namespace
}  // namespace pf::git

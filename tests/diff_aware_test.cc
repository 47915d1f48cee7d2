// End-to-end: diff-aware scans on real git repositories made here.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e_util.h"
#include "git_repo.h"

namespace pf::e2e {
namespace {

using Repo = GitRepo;

std::set<std::string> FilesWithFindings(const std::string& json) {
  std::set<std::string> files;
  nlohmann::json doc = nlohmann::json::parse(json);
  for (const auto& r : doc["results"]) files.insert(r["location"]["file"].get<std::string>());
  return files;
}

const char* kPrivileged = "FROM nginx:1.27\nEXPOSE 80\n";

// main holds four Dockerfiles with a finding each and a compose file; the
// feature branch edits one, renames one, deletes one and changes only a
// build arg in compose.
void MakeHistory(Repo& repo) {
  repo.dir().Write("edited/Dockerfile", kPrivileged);
  repo.dir().Write("same/Dockerfile", kPrivileged);
  repo.dir().Write("old/Dockerfile", kPrivileged);
  repo.dir().Write("gone/Dockerfile", kPrivileged);
  repo.dir().Write("api/Dockerfile", "FROM python:3.12\nARG PORT=8080\nEXPOSE $PORT\n");
  repo.dir().Write("compose.yaml",
                   "services:\n  api:\n    build:\n      context: api\n      args:\n"
                   "        PORT: \"8080\"\n");
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.dir().Write("edited/Dockerfile", "FROM nginx:1.27\n\nEXPOSE 80\n");
  repo.Git({"mv", "old", "renamed"});
  repo.Git({"rm", "-q", "-r", "gone"});
  repo.dir().Write("compose.yaml",
                   "services:\n  api:\n    build:\n      context: api\n      args:\n"
                   "        PORT: \"443\"\n");
  repo.Commit("feature work");
}

TEST(DiffAware, CiReportsOnlyChangedFiles) {
  Repo repo;
  MakeHistory(repo);
  RunResult r = RunPathfinder(
      {"ci", "-p", ".", "--base", "main", "-o", "json", "--ruleset", "docker/DOCKER-AUD-003"},
      repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FilesWithFindings(r.out),
            (std::set<std::string>{"api/Dockerfile", "edited/Dockerfile", "renamed/Dockerfile"}));
}

TEST(DiffAware, ScanFlagDoesTheSameAndNoDiffScansAll) {
  Repo repo;
  MakeHistory(repo);
  RunResult r = RunPathfinder({"scan", "-p", ".", "--diff-aware", "--base", "main", "--head",
                               "feature", "-o", "json", "--ruleset", "docker/DOCKER-AUD-003"},
                              repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FilesWithFindings(r.out).size(), 3u);
  r = RunPathfinder({"ci", "-p", ".", "--base", "main", "--no-diff", "-o", "json", "--ruleset",
                     "docker/DOCKER-AUD-003"},
                    repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FilesWithFindings(r.out),
            (std::set<std::string>{"api/Dockerfile", "edited/Dockerfile", "renamed/Dockerfile",
                                   "same/Dockerfile"}));
}

TEST(DiffAware, BaseFromTheGithubEnvironment) {
  Repo repo;
  MakeHistory(repo);
  // GitHub checks out the base as origin/<branch>.
  repo.Git({"update-ref", "refs/remotes/origin/main", "main"});
  RunResult r = RunPathfinder({"ci", "-p", ".", "-o", "json", "--ruleset", "docker/DOCKER-AUD-003"},
                              repo.path(), {"GITHUB_BASE_REF=main"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(FilesWithFindings(r.out).size(), 3u);
}

TEST(DiffAware, NoBaseScansEverythingWithANotice) {
  Repo repo;
  MakeHistory(repo);
  RunResult r =
      RunPathfinder({"ci", "-p", ".", "-o", "json", "--ruleset", "docker/DOCKER-AUD-003"},
                    repo.path(), {"GITHUB_BASE_REF=", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME="});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("scanning all files"), std::string::npos) << r.err;
  EXPECT_EQ(FilesWithFindings(r.out).size(), 4u);
}

TEST(DiffAware, UnknownBaseIsAOneLineError) {
  Repo repo;
  MakeHistory(repo);
  std::string report = repo.path() + "/out.sarif";
  RunResult r =
      RunPathfinder({"ci", "-p", ".", "--base", "origin/nope", "-f", report}, repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("origin/nope"), std::string::npos) << r.err;
  EXPECT_FALSE(std::ifstream(report).good()) << "no report may be left behind";
}

TEST(RepositoryPaths, GithubAnnotationsNameFilesFromTheRepositoryRoot) {
  Repo repo;
  repo.dir().Write("services/web/Dockerfile", kPrivileged);
  repo.Commit("web");
  RunResult r =
      RunPathfinder({"scan", "-p", ".", "-o", "github", "--ruleset", "docker/DOCKER-AUD-003"},
                    repo.path() + "/services");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("file=services/web/Dockerfile,line=2"), std::string::npos) << r.out;
  // The text report stays relative to where the command ran.
  r = RunPathfinder({"scan", "-p", ".", "--ruleset", "docker/DOCKER-AUD-003"},
                    repo.path() + "/services");
  EXPECT_NE(r.out.find("web/Dockerfile:2:8"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pf::e2e

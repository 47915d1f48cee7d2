#pragma once

// A real git repository in a temporary folder, for end-to-end tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e_util.h"

namespace pf::e2e {

class GitRepo {
 public:
  GitRepo() {
    Git({"init", "-q", "-b", "main"});
    Git({"config", "user.email", "dev@example.com"});
    Git({"config", "user.name", "Dev"});
    Git({"config", "commit.gpgsign", "false"});
  }
  void Git(const std::vector<std::string>& args) const {
    RunResult r = RunProgram("/usr/bin/git", args, dir_.path());
    ASSERT_EQ(r.exit_code, 0) << "git failed: " << r.err;
  }
  void Commit(const std::string& message) const {
    Git({"add", "-A"});
    Git({"commit", "-q", "-m", message});
  }
  const TempDir& dir() const { return dir_; }
  const std::string& path() const { return dir_.path(); }

 private:
  TempDir dir_;
};

}  // namespace pf::e2e

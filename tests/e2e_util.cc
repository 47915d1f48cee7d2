#include "e2e_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

extern char** environ;

namespace pf::e2e {

namespace fs = std::filesystem;

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult RunPathfinder(const std::vector<std::string>& args, const std::string& cwd,
                        const std::vector<std::string>& env) {
  return RunProgram(PF_BINARY, args, cwd, env);
}

RunResult RunPathfinderWithInput(const std::vector<std::string>& args, const std::string& input,
                                 const std::string& cwd, const std::vector<std::string>& env) {
  return RunProgram(PF_BINARY, args, cwd, env, &input);
}

RunResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                     const std::string& cwd, const std::vector<std::string>& env,
                     const std::string* input) {
  TempDir io;
  std::string in_path = "/dev/null";
  if (input != nullptr) {
    in_path = io.path() + "/in";
    std::ofstream(in_path, std::ios::binary) << *input;
  }
  std::string out_path = io.path() + "/out";
  std::string err_path = io.path() + "/err";
  std::vector<std::string> argv_s = {program};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view kv = *e;
    if (!kv.starts_with("NO_COLOR=")) env_s.emplace_back(kv);
  }
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  RunResult result;
  if (rc != 0) return result;
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFileText(out_path);
  result.err = ReadFileText(err_path);
  return result;
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "pf-e2e-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  path_ = made != nullptr ? made : "";
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, then delete.
  for (auto it = fs::recursive_directory_iterator(path_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink())
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

void TempDir::Write(const std::string& rel, const std::string& text) const {
  fs::path p = fs::path(path_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string NormaliseJson(std::string json) {
  json = std::regex_replace(json, std::regex(R"("timestamp": "[^"]*")"),
                            R"("timestamp": "1970-01-01T00:00:00Z")");
  json = std::regex_replace(json, std::regex(R"("duration": [0-9.eE+-]+)"), R"("duration": 0)");
  return json;
}

namespace {

// The first line where two texts differ, for a short failure message.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la));
    bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "texts differ only in the final newline";
    if (la != lb || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  golden: " + (more_a ? la : "<end>") +
             "\n  actual: " + (more_b ? lb : "<end>");
    }
  }
}

}  // namespace

void CheckGolden(const std::string& name, const std::string& actual) {
  std::string path = kGolden + "/" + name;
  if (std::getenv("PF_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << path;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; create it with PF_UPDATE_GOLDEN=1";
  std::string golden = ReadFileText(path);
  EXPECT_TRUE(golden == actual) << "golden " << name << " differs at "
                                << FirstDifference(golden, actual)
                                << "\nrerun with PF_UPDATE_GOLDEN=1 and review the diff";
}

}  // namespace pf::e2e

#pragma once

#include <string>
#include <vector>

namespace pf::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built pathfinder binary with `args` in `cwd` (no shell), with
// NO_COLOR unset unless `env` adds it.
RunResult RunPathfinder(const std::vector<std::string>& args, const std::string& cwd = ".",
                        const std::vector<std::string>& env = {});

// The same with `input` as standard input.
RunResult RunPathfinderWithInput(const std::vector<std::string>& args, const std::string& input,
                                 const std::string& cwd = ".",
                                 const std::vector<std::string>& env = {});

// Runs `program` (an absolute path) with `args`, the same way; standard
// input is empty unless `input` is given.
RunResult RunProgram(const std::string& program, const std::vector<std::string>& args,
                     const std::string& cwd = ".", const std::vector<std::string>& env = {},
                     const std::string* input = nullptr);

// A fresh temporary folder, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `text` to path()/rel, creating folders.
  void Write(const std::string& rel, const std::string& text) const;

 private:
  std::string path_;
};

// Replaces the JSON "timestamp" and "duration" values with fixed ones.
std::string NormaliseJson(std::string json);

std::string ReadFileText(const std::string& path);

// Golden reports live in tests/golden; a fixed selection of rules keeps
// them about the reporters, not the catalogue.
inline const std::string kGolden = std::string(PF_SOURCE_DIR) + "/tests/golden";
inline const std::string kGoldenRules =
    "docker/DOCKER-AUD-003,docker/DOCKER-AUD-100,docker/DOCKER-COR-100";

// Expects `actual` to equal tests/golden/<name>, naming the first line that
// differs; with PF_UPDATE_GOLDEN set it rewrites the golden and skips.
void CheckGolden(const std::string& name, const std::string& actual);

}  // namespace pf::e2e

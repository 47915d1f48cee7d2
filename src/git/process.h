#pragma once

#include <string>
#include <vector>

namespace pf::git {

// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH) with the given arguments, without a shell.
// stdin is /dev/null so the child can never wait for input; stdout and stderr
// are captured. Returns false with *error set when the program cannot be
// started; a non-zero exit is not an error here, see result->exit_code.
// extra_env entries ("NAME=value") are added to, or replace, the inherited
// environment.
bool RunProcess(const std::vector<std::string>& argv, ProcessResult* result, std::string* error,
                const std::vector<std::string>& extra_env = {});

}  // namespace pf::git

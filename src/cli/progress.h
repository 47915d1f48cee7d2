#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace pf::cli {

// True when a progress line may be drawn: stderr is a terminal, CI is not
// set (CI logs keep every carriage return) and --quiet was not given.
bool ProgressWanted(bool quiet);

// One self-rewriting line on stderr: files done, files/s and ETA. Drawn
// only once a scan has run for a second, at most five times a second, and
// erased when the scan ends, so short scans and reports stay untouched.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out = stderr);
  ~ProgressLine();
  void Update(std::size_t done, std::size_t total);
  void Clear();

 private:
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::chrono::steady_clock::time_point first_;  // when the first file was done
  std::size_t first_done_ = 0;
  bool shown_ = false;
};

}  // namespace pf::cli

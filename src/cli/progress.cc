#include "cli/progress.h"

#include <unistd.h>

#include <cstdlib>

namespace pf::cli {

bool ProgressWanted(bool quiet) {
  const char* ci = std::getenv("CI");
  return !quiet && (ci == nullptr || *ci == '\0') && isatty(STDERR_FILENO) == 1;
}

ProgressLine::ProgressLine(std::FILE* out)
    : out_(out), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(std::size_t done, std::size_t total) {
  using std::chrono::duration;
  auto now = std::chrono::steady_clock::now();
  // The rate counts from the first file done: discovery is not scanning.
  if (first_done_ == 0) {
    first_done_ = done;
    first_ = now;
  }
  if (now - start_ < std::chrono::seconds(1) || now - first_ < std::chrono::milliseconds(250) ||
      now - last_ < std::chrono::milliseconds(200)) {
    return;
  }
  last_ = now;
  double elapsed = duration<double>(now - first_).count();
  double rate = static_cast<double>(done - first_done_) / elapsed;
  double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  // \r and erase-to-end keep it one line however the numbers shrink.
  std::fprintf(out_, "\rpathfinder: %zu/%zu files, %.0f files/s, ETA %.0fs\x1b[K", done, total,
               rate, eta);
  std::fflush(out_);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  shown_ = false;
}

}  // namespace pf::cli

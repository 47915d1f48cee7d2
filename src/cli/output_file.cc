#include "cli/output_file.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pf::cli {

OutputFile::~OutputFile() {
  if (!temp_path_.empty() && !committed_) {
    stream_.close();
    std::remove(temp_path_.c_str());
  }
}

bool OutputFile::Open(const std::string& path, std::string* error) {
  path_ = path;
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // /dev/null, a FIFO, /dev/stdout: written in place, never replaced.
    stream_.open(path, std::ios::binary);
    if (!stream_) {
      *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
      return false;
    }
    return true;
  }
  temp_path_ = fmt::format("{}.tmp-{}", path, getpid());
  stream_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    *error = fmt::format("cannot write '{}': {}", path, std::strerror(errno));
    temp_path_.clear();
    return false;
  }
  return true;
}

bool OutputFile::Commit(std::string* error) {
  stream_.close();
  if (!stream_) {
    *error = fmt::format("cannot write '{}': {}", path_, std::strerror(errno));
    return false;
  }
  if (temp_path_.empty()) return true;  // written in place
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    *error = fmt::format("cannot write '{}': {}", path_, std::strerror(errno));
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace pf::cli

#pragma once

#include <cstdio>
#include <fstream>
#include <string>

namespace pf::cli {

// A report file written whole or not at all: the report goes to a
// temporary file beside the target, renamed over it on Commit. Opening
// fails early (before any scanning) when the folder is not writable. A
// target that exists and is not a regular file (/dev/null, a FIFO) is
// written in place.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  bool Open(const std::string& path, std::string* error);
  std::ostream& stream() { return stream_; }
  bool Commit(std::string* error);

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace pf::cli

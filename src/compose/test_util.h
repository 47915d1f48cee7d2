#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "compose/loader.h"
#include "core/source.h"

namespace pf::compose::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("pf-compose-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline LoadResult LoadText(const std::string& text, LoadOptions opts = {}) {
  opts.use_dotenv = false;
  SourceFile src("compose.yaml", text);
  return Load(src, opts);
}

}  // namespace pf::compose::testing

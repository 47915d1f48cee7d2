#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.h"

namespace pf::discover {

enum class FileKind { kDockerfile, kCompose };

struct DiscoveredFile {
  std::string path;     // path to open
  std::string display;  // relative to the project root; file name for a single file
  FileKind kind = FileKind::kDockerfile;
};

struct DiscoverOptions {
  std::string root;                   // a folder or a single file
  std::vector<std::string> excludes;  // gitignore-style globs, relative to the root
};

struct DiscoverResult {
  std::vector<DiscoveredFile> files;  // sorted by display path
  std::vector<ScanError> errors;      // entries that could not be examined
  std::string fatal_error;            // set when the root itself is unusable
  bool single_file = false;
  // Paths (as opened) that --exclude or a .gitignore left out; a compose
  // build that points into one of them is not scanned either.
  std::vector<std::string> excluded;
};

// Kind of a file from its name alone; nullopt when it is neither a
// Dockerfile nor a compose file.
std::optional<FileKind> ClassifyName(std::string_view file_name);
// Kind of a file given explicitly: by name, else by content.
FileKind GuessKind(std::string_view file_name, std::string_view content);

DiscoverResult Discover(const DiscoverOptions& options);

}  // namespace pf::discover

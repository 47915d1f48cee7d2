// `pathfinder config print` and `pathfinder config init`.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/adoption.h"
#include "config/config.h"

namespace pf::cli {

int RunConfigPrint(ScanFlags flags) {
  Adoption adoption;
  std::string error;
  if (!adoption.Load(&flags, &error, /*read_baseline=*/false)) {
    return UsageError(error, "fix the configuration, or run without it with --no-config");
  }
  std::cout << config::RenderEffectiveConfig(adoption.config());
  return kExitClean;
}

int RunConfigInit(const std::string& dir, bool force) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return UsageError(fmt::format("'{}' is not a folder", dir), "give the project root with -p");
  }
  const fs::path path = fs::path(dir) / config::kConfigNames[0];
  if (!force) {
    for (const char* name : config::kConfigNames) {
      if (fs::exists(fs::path(dir) / name, ec)) {
        return UsageError(
            fmt::format("{} already exists", (fs::path(dir) / name).lexically_normal().string()),
            "use --force to replace it");
      }
    }
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << config::StarterConfig();
  out.close();
  if (!out) {
    std::cerr << fmt::format("pathfinder: error: cannot write {}\n", path.string());
    return kExitError;
  }
  std::cerr << fmt::format("pathfinder: wrote {}\n", path.lexically_normal().string());
  return kExitClean;
}

}  // namespace pf::cli

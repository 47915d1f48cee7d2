#include "cli/scan_pipeline.h"

namespace pf::cli {

bool ResolveDiffScope(const std::string& /*base*/, const std::string& /*head*/,
                      std::set<std::string>* /*changed*/, std::string* /*repo_root*/,
                      std::string* error) {
  *error = "--diff-aware: git support is not built in yet";
  return false;
}

}  // namespace pf::cli

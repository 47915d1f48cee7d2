#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "docs/markdown.h"
#include "rules/registry.h"

namespace pf::cli {

namespace {

namespace fs = std::filesystem;

bool WriteText(const fs::path& path, const std::string& content, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) {
    *error = fmt::format("cannot write {}", path.string());
    return false;
  }
  return true;
}

}  // namespace

int RunRulesDocs(const DocsFlags& flags) {
  if (flags.format != "md") {
    return UsageError(fmt::format("unknown docs format '{}'", flags.format),
                      "the supported format is md");
  }
  const auto& rules = rules::AllRules();
  std::error_code ec;
  const fs::path out_dir(flags.out);
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "pathfinder: error: cannot create %s: %s\n", flags.out.c_str(),
                 ec.message().c_str());
    return kExitError;
  }
  // Pages of rules that no longer exist must not linger.
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    if (entry.path().extension() == ".md") fs::remove(entry.path(), ec);
  }
  std::string error;
  for (const auto& [name, content] : docs::DocsTree(rules)) {
    if (!WriteText(out_dir / name, content, &error)) {
      std::fprintf(stderr, "pathfinder: error: %s\n", error.c_str());
      return kExitError;
    }
  }
  std::size_t written = rules.size() + 1;
  if (!flags.readme.empty()) {
    std::ifstream in(flags.readme, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string readme = text.str();
    if (!in || !docs::SpliceReadmeTable(&readme, docs::ReadmeTable(rules))) {
      std::fprintf(stderr, "pathfinder: error: %s has no rule table markers (%s ... %s)\n",
                   flags.readme.c_str(), std::string(docs::kTableBegin).c_str(),
                   std::string(docs::kTableEnd).c_str());
      return kExitError;
    }
    if (!WriteText(flags.readme, readme, &error)) {
      std::fprintf(stderr, "pathfinder: error: %s\n", error.c_str());
      return kExitError;
    }
    ++written;
  }
  std::printf("wrote %zu files to %s\n", written, flags.out.c_str());
  return kExitClean;
}

}  // namespace pf::cli

#include "engine/file_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>

#include "compose/loader.h"
#include "rules/run.h"

namespace pf::engine {

namespace {

constexpr std::string_view kSyntaxErrorId = "DOCKER-COR-100";

bool LooksBinary(std::string_view text) {
  std::size_t n = std::min(text.size(), kBinaryProbeBytes);
  return std::memchr(text.data(), '\0', n) != nullptr;
}

void ReportEmpty(const SourceFile& source, const std::vector<const rules::Rule*>& rules,
                 std::vector<Finding>* findings) {
  for (const rules::Rule* rule : rules) {
    if (rule->meta.id != kSyntaxErrorId) continue;
    rules::Emitter emitter(rule->meta, source, *findings);
    emitter.Report(Range{{1, 1}, {1, 1}},
                   "the file is empty: BuildKit rejects a Dockerfile with no instructions",
                   "empty file");
  }
}

// run.h reports rule failures as "<path>: <message>"; keep the message.
std::string StripPathPrefix(const std::string& path, const std::string& message) {
  std::string prefix = path + ": ";
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

void CheckDockerfile(const SourceFile& source, const std::vector<const rules::Rule*>& rules,
                     const dockerfile::BuildArgs& build_args, FileOutcome& out) {
  if (source.text().empty()) {
    ReportEmpty(source, rules, &out.findings);
    return;
  }
  std::vector<std::string> failures;
  try {
    rules::RunDockerRules(source, rules, build_args, &out.findings, &failures);
  } catch (const std::exception& e) {
    failures.push_back(fmt::format("internal error while checking: {}", e.what()));
  } catch (...) {
    failures.push_back("internal error while checking");
  }
  for (const std::string& failure : failures) {
    out.errors.push_back(ScanError{source.path(), StripPathPrefix(source.path(), failure)});
  }
}

// The loader names files by the path it was given; show them relative to
// the project like every other path in a report.
std::string RelativeToProject(std::string message, const std::string& fs_path,
                              const std::string& display) {
  if (fs_path.size() <= display.size() || !fs_path.ends_with(display)) return message;
  const std::string prefix = fs_path.substr(0, fs_path.size() - display.size());
  for (std::size_t at = message.find(prefix); at != std::string::npos;
       at = message.find(prefix, at)) {
    message.erase(at, prefix.size());
  }
  return message;
}

bool IsRemoteContext(std::string_view context) {
  return context.find("://") != std::string_view::npos || context.starts_with("git@") ||
         context.starts_with("github.com/");
}

// Where each service's Dockerfile is and which build args compose gives
// it. Paths are relative to the file that wrote the `build` key.
void CollectBuildUses(const compose::Project& project, const std::string& compose_display,
                      std::vector<BuildUse>& uses) {
  namespace fs = std::filesystem;
  for (const compose::Service& service : project.services) {
    if (!service.build) continue;
    const compose::Build& build = *service.build;
    const auto file = static_cast<std::size_t>(build.file);
    if (file >= project.files.size()) continue;
    const fs::path base = fs::path(project.files[file]).parent_path();
    std::string context = ".";
    if (build.context) {
      if (build.context->unresolved || IsRemoteContext(build.context->value)) continue;
      context = build.context->value;
    }
    std::string dockerfile = "Dockerfile";
    if (build.dockerfile) {
      if (build.dockerfile->unresolved) continue;
      dockerfile = build.dockerfile->value;
    }
    BuildUse use;
    use.dockerfile = (base / context / dockerfile).lexically_normal().string();
    use.compose_file = compose_display;
    use.service = service.name;
    for (const compose::EnvVar& arg : build.args) {
      if (arg.value && !arg.unresolved) use.args[arg.name] = *arg.value;
    }
    uses.push_back(std::move(use));
  }
}

// Loads a compose file from its real path (for .env, extends, include) and
// reports it under its display name. A file that does not load is a
// COMPOSE-COR-100 finding, as a Dockerfile that does not parse is one.
void CheckCompose(const SourceFile& source, const std::string& fs_path,
                  const std::vector<const rules::Rule*>& rules, FileOutcome& out) {
  compose::LoadOptions load_options;
  // An in-memory text has no folder: no .env beside it to read.
  load_options.use_dotenv = !fs_path.empty();
  SourceFile located(fs_path.empty() ? source.path() : fs_path, source.text());
  std::vector<Finding> found;
  std::vector<std::string> failures;
  std::optional<compose::Project> project;
  rules::RunComposeRules(located, rules, load_options, &found, &failures, &project);
  if (project && !fs_path.empty()) CollectBuildUses(*project, source.path(), out.build_uses);
  for (Finding& f : found) {
    f.file = source.path();
    f.message = RelativeToProject(std::move(f.message), located.path(), source.path());
    out.findings.push_back(std::move(f));
  }
  for (const std::string& failure : failures) {
    out.errors.push_back(
        ScanError{source.path(), RelativeToProject(StripPathPrefix(located.path(), failure),
                                                   located.path(), source.path())});
  }
  out.scanned = true;
}

}  // namespace

FileOutcome CheckFile(const std::string& display, const std::string& fs_path, std::string text,
                      discover::FileKind kind, const std::vector<const rules::Rule*>& rules,
                      const dockerfile::BuildArgs& build_args) {
  FileOutcome out;
  if (LooksBinary(text)) {
    out.errors.push_back(ScanError{display, "binary file (NUL byte in the first 8 KiB); skipped"});
    return out;
  }
  auto source = std::make_shared<const SourceFile>(display, std::move(text));
  out.source = source;
  if (kind == discover::FileKind::kCompose) {
    try {
      CheckCompose(*source, fs_path, rules, out);
    } catch (const std::exception& e) {
      out.errors.push_back(ScanError{display, fmt::format("internal error: {}", e.what())});
    }
    return out;
  }
  CheckDockerfile(*source, rules, build_args, out);
  out.scanned = true;
  return out;
}

}  // namespace pf::engine

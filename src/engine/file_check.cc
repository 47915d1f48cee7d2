#include "engine/file_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <exception>

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

}  // namespace

FileOutcome CheckFile(const std::string& display, std::string text, discover::FileKind kind,
                      const std::vector<const rules::Rule*>& rules,
                      const dockerfile::BuildArgs& build_args) {
  FileOutcome out;
  if (LooksBinary(text)) {
    out.errors.push_back(ScanError{display, "binary file (NUL byte in the first 8 KiB); skipped"});
    return out;
  }
  auto source = std::make_shared<const SourceFile>(display, std::move(text));
  out.source = source;
  if (kind == discover::FileKind::kCompose) {
    out.notes.push_back(fmt::format("{}: compose files are not supported yet; skipped", display));
    return out;
  }
  CheckDockerfile(*source, rules, build_args, out);
  out.scanned = true;
  return out;
}

}  // namespace pf::engine

#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.h"
#include "discover/discover.h"
#include "dockerfile/model.h"
#include "report/sink.h"
#include "rules/rule.h"

namespace pf::engine {

inline constexpr std::size_t kDefaultMaxFileSize = 16u << 20;  // 16 MiB

struct ScanOptions {
  std::string project;  // folder or single file
  // Several folders or files (positional paths); `project` is used when
  // empty. "-" is standard input, read already into `stdin_text`.
  std::vector<std::string> paths;
  std::string stdin_text;
  std::string stdin_name = "Dockerfile";  // how findings name standard input
  std::vector<const rules::Rule*> rules;  // the selected rules, run in this order
  dockerfile::BuildArgs build_args;
  std::vector<std::string> excludes;  // gitignore-style globs
  int jobs = 0;                       // worker threads; 0 = hardware concurrency
  std::size_t max_file_size = kDefaultMaxFileSize;
  // Verbose notes (one line each, in file order); not called when empty.
  std::function<void(std::string_view)> log;
  // When set (--shellcheck), the shellcheck executable to run over each
  // Dockerfile's RUN scripts (rules::LocateShellCheck finds it).
  std::string shellcheck_binary;
  // Called on the calling thread after each file is handed on (files done,
  // files in the run); a progress display. Not called when empty.
  std::function<void(std::size_t, std::size_t)> progress;
};

// Discovers, reads, parses and checks every file of the project and
// streams the files to `sink` in path order (Begin, File per file, End).
// Paths are shown relative to the working directory when the project lies
// inside it, else relative to the project. Never throws on user input:
// unreadable files, rule failures and the like become Summary::errors. An
// unusable project path is an error entry with no file scanned.
void Scan(const ScanOptions& options, report::ReportSink& sink);

// The same scan collected into one value (tests, small inputs).
ScanResult Scan(const ScanOptions& options);

// Checks one in-memory file (tests, playground). `path` is the name shown
// in findings. A compose text reads no .env; note that its `include` and
// `extends` entries are still resolved relative to the working directory.
ScanResult ScanText(std::string path, std::string text,
                    const std::vector<const rules::Rule*>& rules,
                    const dockerfile::BuildArgs& build_args = {},
                    discover::FileKind kind = discover::FileKind::kDockerfile);

}  // namespace pf::engine

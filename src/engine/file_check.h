#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/scan_result.h"
#include "discover/discover.h"
#include "dockerfile/model.h"
#include "rules/rule.h"

namespace pf::engine {

// A compose service that builds a Dockerfile: its args feed that
// Dockerfile's ARGs.
struct BuildUse {
  std::string dockerfile;    // filesystem path, lexically normal
  std::string compose_file;  // display path of the compose file
  std::string service;
  dockerfile::BuildArgs args;  // the values compose resolves; unknown ones left out
};

// What checking one file produced.
struct FileOutcome {
  bool scanned = false;  // the rules ran (or a syntax error was reported)
  std::shared_ptr<const SourceFile> source;
  std::vector<Finding> findings;
  std::vector<ScanError> errors;
  std::vector<std::string> notes;    // verbose-only remarks
  std::vector<BuildUse> build_uses;  // compose files: the Dockerfiles services build
};

inline constexpr std::size_t kBinaryProbeBytes = 8192;

// Runs the rules that apply to `kind` over one file's text. `fs_path` is
// where the file lives (compose files load .env, extends and include
// relative to it; empty for an in-memory text); findings name `display`. Does not throw for
// anything a rule, the parser or the loader throws.
FileOutcome CheckFile(const std::string& display, const std::string& fs_path, std::string text,
                      discover::FileKind kind, const std::vector<const rules::Rule*>& rules,
                      const dockerfile::BuildArgs& build_args);

}  // namespace pf::engine

#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/severity.h"
#include "core/source.h"
#include "dockerfile/ast.h"
#include "dockerfile/model.h"
#include "rules/options.h"
#include "rules/run_scripts.h"

namespace pf::compose {
struct Project;  // compose/model.h
}

namespace pf::rules {

enum class Language { kDocker, kCompose };

// Everything a rule page says, kept beside the check in the rule's file.
struct RuleDocs {
  std::string_view what;                     // What it does
  std::string_view why;                      // Why it matters
  std::string_view fix;                      // How to fix
  std::string_view bad_example;              // must fire (tested)
  std::string_view good_example;             // must stay silent (tested)
  std::vector<std::string_view> references;  // URLs
};

struct RuleMeta {
  std::string_view id;    // "DOCKER-AUD-003"
  std::string_view name;  // "Privileged Port Exposed"
  Severity severity = Severity::kInfo;
  std::string_view category;  // "audit", "security", ...
  std::string_view cwe;       // "CWE-250"
  std::string_view bundle;    // "best-practice" (docker/<bundle>)
  Language language = Language::kDocker;
  std::vector<std::string_view> tags;
  std::string_view summary;  // one line
  RuleDocs docs;
  // What `.pathfinder.yml` may set for this rule (rules.<ID>.<option>).
  std::vector<OptionSpec> options = {};
  // What a rule loaded from a user rule file reads: its compiled matcher
  // (checks are plain function pointers). Null for built-in rules.
  const void* data = nullptr;
};

// Collects findings of one rule for one file; fills id, name, severity,
// CWE and file so checks only say where and why.
class Emitter {
 public:
  Emitter(const RuleMeta& meta, const SourceFile& source, std::vector<Finding>& out)
      : meta_(meta), source_(source), out_(out) {}
  void Report(Range range, std::string message, std::string offending_text = {},
              std::string service = {});
  void Report(ByteSpan span, std::string message, std::string offending_text = {},
              std::string service = {});
  const SourceFile& source() const { return source_; }
  const RuleMeta& meta() const { return meta_; }

 private:
  const RuleMeta& meta_;
  const SourceFile& source_;
  std::vector<Finding>& out_;
};

struct DockerContext {
  DockerContext(const SourceFile& s, const dockerfile::Dockerfile& f, const dockerfile::Model& m)
      : source(s), file(f), model(m) {}
  const SourceFile& source;
  const dockerfile::Dockerfile& file;
  const dockerfile::Model& model;
  // The running rule's options (set before each check; never null then).
  const RuleOptions* options = nullptr;

  // Every RUN's shell script, parsed on first use and then shared by the
  // rules of this file (one context per file, one thread per file).
  const std::vector<RunScript>& run_scripts() const {
    if (!run_scripts_) run_scripts_ = CollectRunScripts(file, model);
    return *run_scripts_;
  }

 private:
  mutable std::optional<std::vector<RunScript>> run_scripts_;
};

struct ComposeContext {
  const SourceFile& source;
  const compose::Project& project;
  // The running rule's options (set before each check; never null then).
  const RuleOptions* options = nullptr;
};

using DockerCheck = void (*)(const DockerContext&, Emitter&);
using ComposeCheck = void (*)(const ComposeContext&, Emitter&);

struct Rule {
  RuleMeta meta;
  DockerCheck docker = nullptr;
  ComposeCheck compose = nullptr;
  // Values from the config; null means the declared defaults. A configured
  // rule is a copy of the built-in one with this set.
  const RuleOptions* options = nullptr;
};

}  // namespace pf::rules

#include "cli/adoption.h"

#include <fmt/format.h>

#include <filesystem>

namespace pf::cli {

namespace {

namespace fs = std::filesystem;

const config::Origin kCommandLine{config::Origin::Kind::kCommandLine, "", 0, 0};

// A path written in the config is relative to the config's folder.
std::string BesideConfig(const std::string& config_path, const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) return path;
  fs::path dir = fs::path(config_path).parent_path();
  return dir.empty() ? path : (dir / path).lexically_normal().string();
}

// Settings the command line gave: config print shows them as such.
void MarkCommandLine(const ScanFlags& flags, config::Config& c) {
  if (flags.rulesets_given) c.rulesets = {flags.rulesets, kCommandLine};
  if (flags.fail_on_given) c.fail_on = {flags.fail_on, kCommandLine};
  if (!flags.min_severity.empty()) c.min_severity = {flags.min_severity, kCommandLine};
  if (!flags.baseline.empty()) c.baseline = {flags.baseline, kCommandLine};
  if (flags.no_inline_ignore) c.inline_ignore = {false, kCommandLine};
}

}  // namespace

std::string ProjectDirOf(const ScanFlags& flags) {
  std::string root = flags.project;
  if (root.empty()) {
    for (const std::string& p : flags.paths) {
      if (p != "-") {
        root = p;
        break;
      }
    }
  }
  return root.empty() ? "." : root;
}

bool Adoption::Load(ScanFlags* flags, std::string* error, bool read_baseline) {
  std::optional<std::string> path;
  if (!flags->config_path.empty()) {
    path = flags->config_path;
  } else if (!flags->no_config) {
    path = config::FindConfig(ProjectDirOf(*flags));
  }
  if (path && !config::LoadConfig(*path, &config_, error)) return false;
  MarkCommandLine(*flags, config_);
  const config::Config& c = config_;

  // Command-line flags win; list flags that add up (ignore, exclude,
  // build args) take the config's entries first.
  if (!flags->rulesets_given && c.rulesets.set()) flags->rulesets = c.rulesets.value;
  if (!flags->fail_on_given && c.fail_on.set()) {
    flags->fail_on = c.fail_on.value;
    flags->fail_on_given = true;
  }
  if (flags->min_severity.empty()) flags->min_severity = c.min_severity.value;
  flags->ignore.insert(flags->ignore.begin(), c.ignore.value.begin(), c.ignore.value.end());
  flags->excludes.insert(flags->excludes.begin(), c.excludes.value.begin(), c.excludes.value.end());
  std::vector<std::string> args;
  for (const auto& [name, value] : c.build_args.value) args.push_back(name + "=" + value);
  flags->build_args.insert(flags->build_args.begin(), args.begin(), args.end());
  if (flags->rules_path.empty() && !c.rules_paths.value.empty()) {
    flags->rules_path = BesideConfig(c.path, c.rules_paths.value.front());
  }
  inline_ignore_ = !flags->no_inline_ignore && c.inline_ignore.value;
  baseline_path_ =
      !flags->baseline.empty() ? flags->baseline : BesideConfig(c.path, c.baseline.value);

  if (!flags->write_baseline.empty()) {
    // Writing records every current finding: the old baseline is not applied.
    write_path_ = flags->write_baseline;
    writer_.emplace(write_path_);
  } else if (read_baseline && !baseline_path_.empty() &&
             !engine::ReadBaseline(baseline_path_, &baseline_, error)) {
    return false;
  }
  return true;
}

report::ReportSink* Adoption::WrapFilters(report::ReportSink* head,
                                          std::function<void(std::string_view)> note) {
  if (!writer_ && !baseline_path_.empty()) {
    head = &baseline_filter_.emplace(*head, baseline_, baseline_path_);
  }
  if (inline_ignore_) head = &suppression_.emplace(*head, std::move(note));
  std::map<std::string, Severity> overrides = config::SeverityOverrides(config_);
  if (!overrides.empty()) head = &severity_.emplace(*head, std::move(overrides));
  return head;
}

bool Adoption::Finish(std::string* error, std::string* note) {
  if (!writer_) return true;
  if (!writer_->ok()) {
    *error = writer_->error();
    return false;
  }
  *note = fmt::format("wrote {} findings to the baseline {}", writer_->written(), write_path_);
  return true;
}

}  // namespace pf::cli

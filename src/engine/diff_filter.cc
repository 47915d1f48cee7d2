#include "engine/diff_filter.h"

#include <algorithm>
#include <filesystem>

namespace pf::engine {

void DiffFilter::Begin(const report::RunInfo& info) {
  base_dir_ = info.base_dir;
  next().Begin(info);
}

bool DiffFilter::IsChanged(const std::string& display) const {
  std::filesystem::path path(display);
  if (path.is_relative() && !base_dir_.empty()) path = std::filesystem::path(base_dir_) / path;
  // git names files by their real path.
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  return changed_.count((ec ? path : real).lexically_normal().string()) != 0;
}

bool DiffFilter::Changed(const report::FileReport& file) const {
  if (IsChanged(file.display)) return true;
  return std::any_of(file.built_by.begin(), file.built_by.end(),
                     [&](const std::string& compose) { return IsChanged(compose); });
}

void DiffFilter::File(report::FileReport& file) {
  if (!Changed(file)) file.findings.clear();
  next().File(file);
}

void MinSeverityFilter::File(report::FileReport& file) {
  // Severity values grow as severity falls: critical is 0.
  std::erase_if(file.findings, [&](const Finding& f) { return f.severity > min_; });
  next().File(file);
}

}  // namespace pf::engine

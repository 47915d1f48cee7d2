#include "engine/baseline.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

namespace pf::engine {

namespace {

using Json = nlohmann::ordered_json;

bool EntryLess(const BaselineEntry& a, const BaselineEntry& b) {
  return std::tie(a.file, a.line, a.rule_id, a.fingerprint) <
         std::tie(b.file, b.line, b.rule_id, b.fingerprint);
}

}  // namespace

std::string BaselineJson(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), EntryLess);
  Json findings = Json::array();
  for (const BaselineEntry& e : entries) {
    findings.push_back(Json{{"fingerprint", e.fingerprint},
                            {"rule_id", e.rule_id},
                            {"file", e.file},
                            {"line", e.line},
                            {"message", e.message}});
  }
  Json doc{{"version", kBaselineVersion}, {"tool", "pathfinder"}, {"findings", findings}};
  return doc.dump(2) + "\n";
}

bool ReadBaseline(const std::string& path, std::vector<BaselineEntry>* entries,
                  std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("{}: cannot open the baseline file", path);
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Json doc = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    *error = fmt::format(
        "{}: not a pathfinder baseline (not a JSON object); write one with "
        "--write-baseline",
        path);
    return false;
  }
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() ||
      version->get<int>() != kBaselineVersion) {
    *error = fmt::format("{}: unsupported baseline version {} (this pathfinder reads version {})",
                         path, version == doc.end() ? "(none)" : version->dump(), kBaselineVersion);
    return false;
  }
  auto findings = doc.find("findings");
  if (findings == doc.end() || !findings->is_array()) {
    *error = fmt::format("{}: baseline has no \"findings\" list", path);
    return false;
  }
  std::vector<BaselineEntry> out;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    const Json& f = (*findings)[i];
    auto text_of = [&](const char* key) -> std::string {
      auto it = f.is_object() ? f.find(key) : f.end();
      return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    BaselineEntry e;
    e.fingerprint = text_of("fingerprint");
    if (e.fingerprint.empty()) {
      *error = fmt::format("{}: findings[{}] has no fingerprint", path, i);
      return false;
    }
    e.rule_id = text_of("rule_id");
    e.file = text_of("file");
    e.message = text_of("message");
    if (auto line = f.find("line"); line != f.end() && line->is_number_integer()) {
      e.line = line->get<int>();
    }
    out.push_back(std::move(e));
  }
  *entries = std::move(out);
  return true;
}

bool WriteBaseline(const std::string& path, std::vector<BaselineEntry> entries,
                   std::string* error) {
  namespace fs = std::filesystem;
  const std::string temp = fmt::format("{}.tmp.{}", path, static_cast<long>(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << BaselineJson(std::move(entries));
    out.flush();
    if (!out) {
      *error = fmt::format("{}: cannot write the baseline", path);
      std::remove(temp.c_str());
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    *error = fmt::format("{}: cannot write the baseline: {}", path, ec.message());
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

void BaselineWriter::File(report::FileReport& file) {
  for (const Finding& f : file.findings) {
    if (f.suppression && f.suppression->kind == Suppression::Kind::kInSource) continue;
    entries_.push_back(
        BaselineEntry{f.fingerprint, f.rule_id, f.file, f.range.start.line, f.message});
  }
}

void BaselineWriter::End(report::Summary& /*summary*/) {
  std::string error;
  if (!WriteBaseline(path_, entries_, &error)) error_ = error;
}

BaselineFilter::BaselineFilter(report::ReportSink& next, const std::vector<BaselineEntry>& entries,
                               std::string path)
    : FilterSink(next), justification_(fmt::format("in baseline {}", path)) {
  for (const BaselineEntry& e : entries) fingerprints_.insert(e.fingerprint);
}

void BaselineFilter::File(report::FileReport& file) {
  for (Finding& f : file.findings) {
    if (fingerprints_.count(f.fingerprint) == 0) continue;
    matched_.insert(f.fingerprint);
    if (!f.suppression) {
      f.suppression = Suppression{Suppression::Kind::kExternal, justification_, "baseline"};
    }
  }
  next().File(file);
}

void BaselineFilter::End(report::Summary& summary) {
  summary.baseline_unmatched = static_cast<int>(fingerprints_.size() - matched_.size());
  next().End(summary);
}

}  // namespace pf::engine

#include "engine/scan.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "engine/file_check.h"
#include "rules/shellcheck.h"

namespace pf::engine {

namespace {

std::string NowRfc3339() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Reads a whole regular file with one read where possible.
bool ReadFile(const discover::DiscoveredFile& file, std::size_t max_size, std::string* text,
              std::string* error) {
  int fd = open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = fmt::format("cannot open: {}", std::strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *error = "not a regular file";
    return false;
  }
  auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_size) {
    close(fd);
    *error = fmt::format("file too large: {} bytes (limit {} bytes); skipped", size, max_size);
    return false;
  }
  text->resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, text->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = fmt::format("cannot read: {}", std::strerror(errno));
      close(fd);
      return false;
    }
    if (n == 0) break;  // shrank while reading
    done += static_cast<std::size_t>(n);
  }
  text->resize(done);
  close(fd);
  return true;
}

// Makes equal fingerprints distinct by an occurrence suffix, in sorted order.
void AssignFingerprints(std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  for (Finding& f : findings) {
    std::string fp = ComputeFingerprint(f);
    int n = seen[fp]++;
    f.fingerprint = n == 0 ? fp : fmt::format("{}-{}", fp, n);
  }
}

void Finish(ScanResult& result) {
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  AssignFingerprints(result.findings);
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const ScanError& a, const ScanError& b) { return a.file < b.file; });
}

FileOutcome ReadAndCheck(const discover::DiscoveredFile& file, bool guess_kind,
                         const ScanOptions& options, const dockerfile::BuildArgs& build_args) {
  FileOutcome out;
  std::string text;
  std::string error;
  if (!ReadFile(file, options.max_file_size, &text, &error)) {
    out.errors.push_back(ScanError{file.display, error});
    return out;
  }
  discover::FileKind kind = guess_kind ? discover::GuessKind(file.display, text) : file.kind;
  out =
      CheckFile(file.display, file.path, std::move(text), kind, options.rules, options.build_args);
  if (!options.shellcheck_binary.empty() && kind == discover::FileKind::kDockerfile &&
      out.scanned && out.source) {
    // ShellCheck trouble (a timeout, odd output) is a verbose note, not a
    // scan error: the optional pass must not fail the scan.
    rules::ShellCheckResult checked =
        rules::RunShellCheck(*out.source, build_args, options.shellcheck_binary);
    for (Finding& f : checked.findings) out.findings.push_back(std::move(f));
    for (std::string& e : checked.errors) out.notes.push_back(file.display + ": " + e);
  }
  return out;
}

// Runs `check` over every file on --jobs threads; outcomes in file order.
template <typename Check>
std::vector<FileOutcome> RunAll(const std::vector<discover::DiscoveredFile>& files,
                                const ScanOptions& options, Check check) {
  const std::size_t count = files.size();
  std::vector<FileOutcome> outcomes(count);
  std::size_t jobs = options.jobs > 0 ? static_cast<std::size_t>(options.jobs)
                                      : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min(jobs, std::max<std::size_t>(count, 1));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        outcomes[i] = check(files[i]);
      } catch (const std::exception& e) {
        outcomes[i] = FileOutcome{};
        outcomes[i].errors.push_back(
            ScanError{files[i].display, fmt::format("internal error: {}", e.what())});
      }
    }
  };
  if (jobs <= 1) {
    work();
  } else {
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < jobs; ++t) threads.emplace_back(work);
    for (std::thread& t : threads) t.join();
  }
  return outcomes;
}

std::string NormalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
}

// Dockerfiles that compose services build but discovery did not list (an
// unusual name such as `build/web.docker`) are scanned too.
void AddBuiltDockerfiles(const std::string& project, const std::vector<BuildUse>& uses,
                         std::vector<discover::DiscoveredFile>& dockerfiles) {
  namespace fs = std::filesystem;
  std::set<std::string> known;
  for (const auto& f : dockerfiles) known.insert(NormalPath(f.path));
  const fs::path root = fs::path(NormalPath(project));
  for (const BuildUse& use : uses) {
    const std::string path = NormalPath(use.dockerfile);
    if (known.count(path) > 0) continue;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    known.insert(path);
    fs::path relative = fs::path(path).lexically_relative(root);
    std::string display =
        relative.empty() || relative.begin()->string() == ".." ? path : relative.string();
    dockerfiles.push_back({use.dockerfile, display, discover::FileKind::kDockerfile});
  }
  std::sort(dockerfiles.begin(), dockerfiles.end(),
            [](const auto& a, const auto& b) { return a.display < b.display; });
}

std::string FindingKey(const Finding& f) {
  return fmt::format("{}:{}:{}", f.rule_id, f.range.start.line, f.range.start.column);
}

// Scans a Dockerfile as given, then once more per compose service that
// builds it with args; findings only those args reveal say where the
// values came from.
FileOutcome CheckWithBuildUses(const discover::DiscoveredFile& file, bool guess_kind,
                               const ScanOptions& options, const std::vector<BuildUse>& uses) {
  FileOutcome out = ReadAndCheck(file, guess_kind, options, options.build_args);
  if (!out.scanned || uses.empty()) return out;
  const std::string path = NormalPath(file.path);
  std::set<std::string> seen;
  for (const Finding& f : out.findings) seen.insert(FindingKey(f));
  for (const BuildUse& use : uses) {
    if (use.args.empty() || NormalPath(use.dockerfile) != path) continue;
    dockerfile::BuildArgs args = use.args;
    // --build-arg on the command line wins, as it does over compose's args.
    for (const auto& [name, value] : options.build_args) args[name] = value;
    FileOutcome with_args =
        CheckFile(file.display, file.path, out.source->text(), file.kind, options.rules, args);
    for (Finding& f : with_args.findings) {
      if (!seen.insert(FindingKey(f)).second) continue;
      f.message += fmt::format(" (build args from {}, service {})", use.compose_file, use.service);
      f.service = use.service;
      out.findings.push_back(std::move(f));
    }
  }
  return out;
}
}  // namespace

ScanResult Scan(const ScanOptions& options) {
  auto started = std::chrono::steady_clock::now();
  ScanResult result;
  result.target = options.project;
  result.timestamp = NowRfc3339();
  result.rules_executed = static_cast<int>(options.rules.size());

  discover::DiscoverResult found = discover::Discover({options.project, options.excludes});
  if (!found.fatal_error.empty()) {
    result.errors.push_back(ScanError{options.project, found.fatal_error});
    return result;
  }
  result.errors = std::move(found.errors);
  if (options.log) {
    auto compose = std::count_if(found.files.begin(), found.files.end(), [](const auto& f) {
      return f.kind == discover::FileKind::kCompose;
    });
    options.log(fmt::format("found {} Dockerfiles and {} compose files; {} entries not examined",
                            static_cast<long>(found.files.size()) - compose, compose,
                            result.errors.size()));
  }

  // Compose files first: the Dockerfiles their services build are then
  // scanned with the services' build args too.
  std::vector<discover::DiscoveredFile> compose_files;
  std::vector<discover::DiscoveredFile> dockerfiles;
  for (discover::DiscoveredFile& f : found.files) {
    (f.kind == discover::FileKind::kCompose ? compose_files : dockerfiles).push_back(std::move(f));
  }
  const bool guess_kind = found.single_file;
  std::vector<FileOutcome> compose_outcomes =
      RunAll(compose_files, options, [&](const discover::DiscoveredFile& file) {
        return ReadAndCheck(file, guess_kind, options, options.build_args);
      });
  std::vector<BuildUse> uses;
  for (FileOutcome& o : compose_outcomes) {
    for (BuildUse& use : o.build_uses) uses.push_back(std::move(use));
  }
  if (!found.single_file) AddBuiltDockerfiles(options.project, uses, dockerfiles);
  std::vector<FileOutcome> docker_outcomes =
      RunAll(dockerfiles, options, [&](const discover::DiscoveredFile& file) {
        return CheckWithBuildUses(file, guess_kind, options, uses);
      });

  auto collect = [&](std::vector<discover::DiscoveredFile>& files,
                     std::vector<FileOutcome>& outcomes) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      FileOutcome& o = outcomes[i];
      if (options.log) {
        for (const std::string& note : o.notes) options.log(note);
      }
      if (o.scanned) ++result.files_scanned;
      if (!o.findings.empty() && o.source) result.sources[files[i].display] = o.source;
      for (Finding& f : o.findings) result.findings.push_back(std::move(f));
      for (ScanError& e : o.errors) result.errors.push_back(std::move(e));
    }
  };
  collect(compose_files, compose_outcomes);
  collect(dockerfiles, docker_outcomes);
  Finish(result);
  result.duration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

ScanResult ScanText(std::string path, std::string text,
                    const std::vector<const rules::Rule*>& rules,
                    const dockerfile::BuildArgs& build_args, discover::FileKind kind) {
  auto started = std::chrono::steady_clock::now();
  ScanResult result;
  result.target = path;
  result.timestamp = NowRfc3339();
  result.rules_executed = static_cast<int>(rules.size());
  FileOutcome o;
  try {
    o = CheckFile(path, "", std::move(text), kind, rules, build_args);
  } catch (const std::exception& e) {
    o.errors.push_back(ScanError{path, fmt::format("internal error: {}", e.what())});
  }
  if (o.scanned) result.files_scanned = 1;
  if (!o.findings.empty() && o.source) result.sources[path] = o.source;
  result.findings = std::move(o.findings);
  result.errors = std::move(o.errors);
  Finish(result);
  result.duration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace pf::engine

#include "engine/scan.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

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

void SortErrors(std::vector<ScanError>& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const ScanError& a, const ScanError& b) { return a.file < b.file; });
}

void Finish(ScanResult& result) {
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);
  AssignFingerprints(result.findings);
  SortErrors(result.errors);
}

// True when some line starts with a Dockerfile instruction word; a file
// given by name with none (a README, a Makefile) is not a Dockerfile.
bool HasInstructionLine(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "add",    "arg",   "cmd",         "copy",  "entrypoint", "env",
      "expose", "from",  "healthcheck", "label", "maintainer", "onbuild",
      "run",    "shell", "stopsignal",  "user",  "volume",     "workdir"};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos) continue;
    line.remove_prefix(start);
    std::size_t end = line.find_first_of(" \t\r");
    std::string word(line.substr(0, end));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view w : kWords) {
      if (word == w) return true;
    }
  }
  return false;
}

FileOutcome ReadAndCheck(const discover::DiscoveredFile& file, bool guess_kind,
                         const ScanOptions& options, const dockerfile::BuildArgs& build_args) {
  FileOutcome out;
  std::string text;
  std::string error;
  if (file.path == "-") {
    text = options.stdin_text;
  } else if (!ReadFile(file, options.max_file_size, &text, &error)) {
    out.errors.push_back(ScanError{file.display, error});
    return out;
  }
  discover::FileKind kind = guess_kind ? discover::GuessKind(file.display, text) : file.kind;
  if (guess_kind && kind == discover::FileKind::kDockerfile && file.path != "-" &&
      !discover::ClassifyName(std::filesystem::path(file.display).filename().string()) &&
      !text.empty() && !HasInstructionLine(text)) {
    out.errors.push_back(
        ScanError{file.display, "not a Dockerfile: no line starts with an instruction"});
    return out;
  }
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

std::size_t JobCount(const ScanOptions& options, std::size_t count) {
  std::size_t jobs = options.jobs > 0 ? static_cast<std::size_t>(options.jobs)
                                      : std::max(1u, std::thread::hardware_concurrency());
  return std::min(jobs, std::max<std::size_t>(count, 1));
}

template <typename Check>
FileOutcome CheckGuarded(const discover::DiscoveredFile& file, Check& check) {
  try {
    return check(file);
  } catch (const std::exception& e) {
    FileOutcome out;
    out.errors.push_back(ScanError{file.display, fmt::format("internal error: {}", e.what())});
    return out;
  }
}

// Runs `check` over every file on --jobs threads; outcomes in file order.
template <typename Check>
std::vector<FileOutcome> RunAll(const std::vector<discover::DiscoveredFile>& files,
                                const ScanOptions& options, Check check) {
  const std::size_t count = files.size();
  std::vector<FileOutcome> outcomes(count);
  const std::size_t jobs = JobCount(options, count);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) outcomes[i] = CheckGuarded(files[i], check);
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

// Runs `check` over every file on --jobs threads and hands each outcome to
// `emit` on the calling thread, in file order. Workers stay at most a
// window of files ahead of `emit`, so memory holds a window, not the run.
template <typename Check, typename Emit>
void RunOrdered(const std::vector<discover::DiscoveredFile>& files, const ScanOptions& options,
                Check check, Emit emit) {
  const std::size_t count = files.size();
  const std::size_t jobs = JobCount(options, count);
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) emit(i, CheckGuarded(files[i], check));
    return;
  }
  const std::size_t window = 32 * jobs;
  std::vector<std::optional<FileOutcome>> slots(window);
  std::mutex mutex;
  std::condition_variable ready;  // a slot was filled
  std::condition_variable space;  // the emitter moved on
  std::size_t next = 0;
  std::size_t emitted = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] { return next >= count || next < emitted + window; });
        if (next >= count) return;
        i = next++;
      }
      FileOutcome outcome = CheckGuarded(files[i], check);
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(outcome);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (std::size_t i = 0; i < count; ++i) {
    FileOutcome outcome;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      outcome = std::move(*slots[i % window]);
      slots[i % window].reset();
      ++emitted;
    }
    space.notify_all();
    emit(i, std::move(outcome));
  }
  for (std::thread& t : threads) t.join();
}

std::string NormalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
}

// Dockerfiles that compose services build but discovery did not list (an
// unusual name such as `build/web.docker`) are scanned too.
void AddBuiltDockerfiles(const std::string& project, const std::string& prefix,
                         const std::vector<std::string>& excluded,
                         const std::vector<BuildUse>& uses,
                         std::vector<discover::DiscoveredFile>& dockerfiles) {
  namespace fs = std::filesystem;
  // Only the paths services name are looked up: a set of every discovered
  // file would cost memory in proportion to the project.
  std::set<std::string> wanted;
  for (const BuildUse& use : uses) wanted.insert(NormalPath(use.dockerfile));
  if (wanted.empty()) return;
  std::set<std::string> known;
  for (const auto& f : dockerfiles) {
    std::string path = NormalPath(f.path);
    if (wanted.count(path) > 0) known.insert(std::move(path));
  }
  std::vector<std::string> excluded_paths;
  for (const std::string& e : excluded) excluded_paths.push_back(NormalPath(e));
  auto is_excluded = [&](const std::string& path) {
    for (const std::string& e : excluded_paths) {
      if (path == e || (path.size() > e.size() && path.starts_with(e) && path[e.size()] == '/')) {
        return true;
      }
    }
    return false;
  };
  const fs::path root = fs::path(NormalPath(project));
  for (const BuildUse& use : uses) {
    const std::string path = NormalPath(use.dockerfile);
    if (known.count(path) > 0 || is_excluded(path)) continue;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    known.insert(path);
    fs::path relative = fs::path(path).lexically_relative(root);
    std::string display =
        relative.empty() || relative.begin()->string() == ".." ? path : prefix + relative.string();
    dockerfiles.push_back({use.dockerfile, display, discover::FileKind::kDockerfile});
  }
}

std::string FindingKey(const Finding& f) {
  return fmt::format("{}:{}:{}", f.rule_id, f.range.start.line, f.range.start.column);
}

// Scans a Dockerfile as given, then once more per compose service that
// builds it with args; findings only those args reveal say where the
// values came from.
// The compose services that build each Dockerfile, by normal path.
using UsesByPath = std::unordered_map<std::string, std::vector<const BuildUse*>>;

UsesByPath IndexUses(const std::vector<BuildUse>& uses) {
  UsesByPath index;
  for (const BuildUse& use : uses) index[NormalPath(use.dockerfile)].push_back(&use);
  return index;
}

const std::vector<const BuildUse*>* UsesOf(const UsesByPath& index,
                                           const discover::DiscoveredFile& file) {
  if (index.empty() || file.path == "-") return nullptr;
  auto it = index.find(NormalPath(file.path));
  return it == index.end() ? nullptr : &it->second;
}

FileOutcome CheckWithBuildUses(const discover::DiscoveredFile& file, bool guess_kind,
                               const ScanOptions& options, const UsesByPath& index) {
  FileOutcome out = ReadAndCheck(file, guess_kind, options, options.build_args);
  const std::vector<const BuildUse*>* uses = UsesOf(index, file);
  if (!out.scanned || uses == nullptr) return out;
  std::set<std::string> seen;
  for (const Finding& f : out.findings) seen.insert(FindingKey(f));
  for (const BuildUse* use_ptr : *uses) {
    const BuildUse& use = *use_ptr;
    if (use.args.empty()) continue;
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

// Where one scanned root's paths are shown from: the working directory
// when the root lies inside it (so `-p php/cli` reports
// `php/cli/Dockerfile`), else the root itself.
struct DisplayBase {
  std::string dir;     // absolute folder paths are relative to
  std::string prefix;  // "" or "php/cli/"
};

DisplayBase BaseFor(const std::string& root, bool single_file) {
  namespace fs = std::filesystem;
  fs::path abs = fs::path(NormalPath(root));
  fs::path dir = single_file ? abs.parent_path() : abs;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = dir.lexically_relative(cwd.lexically_normal());
    if (!rel.empty() && rel.begin()->string() != "..") {
      std::string prefix = rel == "." ? "" : rel.string() + "/";
      return {cwd.lexically_normal().string(), prefix};
    }
  }
  return {dir.string(), ""};
}

report::FileReport MakeFileReport(const discover::DiscoveredFile& file, FileOutcome&& o,
                                  const UsesByPath& index) {
  report::FileReport r;
  r.display = file.display;
  r.scanned = o.scanned;
  r.source = std::move(o.source);
  r.findings = std::move(o.findings);
  std::sort(r.findings.begin(), r.findings.end(), FindingLess);
  AssignFingerprints(r.findings);
  r.errors = std::move(o.errors);
  if (file.kind == discover::FileKind::kDockerfile) {
    if (const std::vector<const BuildUse*>* uses = UsesOf(index, file)) {
      for (const BuildUse* use : *uses) r.built_by.push_back(use->compose_file);
    }
  }
  return r;
}

}  // namespace

void Scan(const ScanOptions& options, report::ReportSink& sink) {
  auto started = std::chrono::steady_clock::now();
  std::vector<std::string> roots = options.paths;
  if (roots.empty()) roots.push_back(options.project);

  report::RunInfo info;
  info.target = fmt::format("{}", fmt::join(roots, " "));
  info.timestamp = NowRfc3339();
  info.rules = options.rules;
  report::Summary summary;
  summary.rules_executed = static_cast<int>(options.rules.size());

  std::vector<discover::DiscoveredFile> found_files;
  std::vector<std::string> excluded;
  bool single_file = false;
  std::string first_root = roots.front();
  std::string first_prefix;
  for (const std::string& root : roots) {
    if (root == "-") {
      found_files.push_back(
          {"-", options.stdin_name,
           discover::ClassifyName(options.stdin_name).value_or(discover::FileKind::kDockerfile)});
      single_file = true;
      continue;
    }
    discover::DiscoverResult found = discover::Discover({root, options.excludes});
    if (!found.fatal_error.empty()) {
      summary.errors.push_back(ScanError{root, found.fatal_error});
      continue;
    }
    DisplayBase base = BaseFor(root, found.single_file);
    // Several roots outside the working directory: absolute paths keep
    // their files apart.
    if (roots.size() > 1 && base.prefix.empty() && base.dir != NormalPath(".")) {
      base.prefix = base.dir + "/";
      base.dir.clear();
    }
    if (info.base_dir.empty() && &root == &roots.front()) info.base_dir = base.dir;
    if (&root == &roots.front()) first_prefix = base.prefix;
    single_file = single_file || found.single_file;
    for (discover::DiscoveredFile& f : found.files) {
      f.display = base.prefix + f.display;
      found_files.push_back(std::move(f));
    }
    for (ScanError& e : found.errors) {
      e.file = base.prefix + e.file;
      summary.errors.push_back(std::move(e));
    }
    for (std::string& e : found.excluded) excluded.push_back(std::move(e));
  }
  sink.Begin(info);
  if (options.log) {
    auto compose = std::count_if(found_files.begin(), found_files.end(), [](const auto& f) {
      return f.kind == discover::FileKind::kCompose;
    });
    options.log(fmt::format("found {} Dockerfiles and {} compose files; {} entries not examined",
                            static_cast<long>(found_files.size()) - compose, compose,
                            summary.errors.size()));
  }

  // A first pass loads the compose files (no rules) to learn which
  // Dockerfiles their services build and with which args; then every file
  // streams through the rules in path order.
  std::vector<discover::DiscoveredFile> compose_files;
  std::vector<discover::DiscoveredFile> dockerfiles;
  for (discover::DiscoveredFile& f : found_files) {
    (f.kind == discover::FileKind::kCompose ? compose_files : dockerfiles).push_back(std::move(f));
  }
  std::vector<discover::DiscoveredFile>().swap(found_files);  // moved from; free it now
  const bool guess_kind = single_file;
  ScanOptions load_only = options;
  load_only.rules.clear();
  load_only.shellcheck_binary.clear();
  std::vector<FileOutcome> loaded =
      RunAll(compose_files, options, [&](const discover::DiscoveredFile& file) {
        FileOutcome slim;
        slim.build_uses = ReadAndCheck(file, guess_kind, load_only, options.build_args).build_uses;
        return slim;
      });
  std::vector<BuildUse> uses;
  for (FileOutcome& o : loaded) {
    for (BuildUse& use : o.build_uses) uses.push_back(std::move(use));
  }
  loaded.clear();
  if (roots.size() == 1 && !single_file) {
    AddBuiltDockerfiles(first_root, first_prefix, excluded, uses, dockerfiles);
  }
  std::vector<discover::DiscoveredFile> files = std::move(compose_files);
  files.reserve(files.size() + dockerfiles.size());
  for (discover::DiscoveredFile& f : dockerfiles) files.push_back(std::move(f));
  std::vector<discover::DiscoveredFile>().swap(dockerfiles);
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.display < b.display; });
  const UsesByPath uses_index = IndexUses(uses);

  RunOrdered(
      files, options,
      [&](const discover::DiscoveredFile& file) {
        if (file.kind == discover::FileKind::kCompose) {
          return ReadAndCheck(file, guess_kind, options, options.build_args);
        }
        return CheckWithBuildUses(file, guess_kind, options, uses_index);
      },
      [&](std::size_t i, FileOutcome&& o) {
        if (options.log) {
          for (const std::string& note : o.notes) options.log(note);
        }
        if (o.scanned) ++summary.files_scanned;
        for (const ScanError& e : o.errors) summary.errors.push_back(e);
        report::FileReport r = MakeFileReport(files[i], std::move(o), uses_index);
        sink.File(r);
        if (options.progress) options.progress(i + 1, files.size());
      });

  SortErrors(summary.errors);
  summary.complete = !(summary.files_scanned == 0 && !summary.errors.empty());
  summary.duration_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  sink.End(summary);
}

namespace {

// Gathers a streamed scan back into one ScanResult.
class CollectSink : public report::ReportSink {
 public:
  explicit CollectSink(ScanResult& result) : result_(result) {}
  void Begin(const report::RunInfo& info) override {
    result_.target = info.target;
    result_.timestamp = info.timestamp;
    result_.rules_executed = static_cast<int>(info.rules.size());
  }
  void File(report::FileReport& file) override {
    if (!file.findings.empty() && file.source) result_.sources[file.display] = file.source;
    for (Finding& f : file.findings) result_.findings.push_back(std::move(f));
  }
  void End(report::Summary& summary) override {
    result_.files_scanned = summary.files_scanned;
    result_.errors = summary.errors;
    result_.duration_seconds = summary.duration_seconds;
  }

 private:
  ScanResult& result_;
};

}  // namespace

ScanResult Scan(const ScanOptions& options) {
  ScanResult result;
  CollectSink sink(result);
  Scan(options, sink);
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

#include "discover/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "discover/ignore.h"

namespace pf::discover {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWithYaml(std::string_view name) {
  return name.ends_with(".yml") || name.ends_with(".yaml");
}

std::string JoinRel(std::string_view rel, std::string_view name) {
  return rel.empty() ? std::string(name) : fmt::format("{}/{}", rel, name);
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  if (!dir.empty() && dir.back() == '/') return fmt::format("{}{}", dir, name);
  return fmt::format("{}/{}", dir, name);
}

bool IsSkippedDir(std::string_view name) {
  return name == ".git" || name == "node_modules" || name == "vendor";
}

std::string FileTypeName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Reads a small text file (a .gitignore) whole; empty on failure.
std::string ReadSmallFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return {};
  std::string text;
  char buf[8192];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0 || text.size() > (1u << 20)) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  return text;
}

using DirId = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const DiscoverOptions& options, DiscoverResult& out) : out_(out) {
    for (const std::string& glob : options.excludes) {
      if (auto p = ParseIgnoreLine(glob, "")) excludes_.Add(std::move(*p));
    }
  }

  // Walks the root, then the symlinked folders found on the way.
  void Run(const std::string& root, const struct stat& root_stat) {
    Walk(root, "", root_stat);
    for (std::size_t i = 0; i < deferred_.size(); ++i) {
      DeferredLink link = deferred_[i];  // copy: Walk may grow deferred_
      if (visited_.count(DirId{link.st.st_dev, link.st.st_ino}) != 0) continue;
      gitignore_ = std::move(link.gitignore);
      Walk(link.path, link.rel, link.st);
    }
  }

 private:
  struct DeferredLink {
    std::string path;
    std::string rel;
    struct stat st;
    IgnoreList gitignore;  // patterns in force where the link was found
  };

  void Walk(const std::string& dir, const std::string& rel, const struct stat& dir_stat) {
    DirId id{dir_stat.st_dev, dir_stat.st_ino};
    ancestors_.insert(id);
    visited_.insert(id);
    std::size_t ignore_mark = gitignore_.size();
    std::string gitignore_path = JoinPath(dir, ".gitignore");
    struct stat gst;
    if (stat(gitignore_path.c_str(), &gst) == 0 && S_ISREG(gst.st_mode)) {
      gitignore_.AddFile(ReadSmallFile(gitignore_path), rel);
    }
    std::vector<std::string> names;
    if (ListDir(dir, rel, &names)) {
      for (const std::string& name : names) Visit(dir, rel, name);
    }
    ancestors_.erase(id);
    gitignore_.Truncate(ignore_mark);
  }

  bool ListDir(const std::string& dir, const std::string& rel, std::vector<std::string>* names) {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      AddError(rel.empty() ? "." : rel,
               fmt::format("cannot read directory: {}", std::strerror(errno)));
      return false;
    }
    while (struct dirent* e = readdir(d)) {
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      names->emplace_back(name);
    }
    closedir(d);
    std::sort(names->begin(), names->end());
    return true;
  }

  void Visit(const std::string& dir, const std::string& rel, const std::string& name) {
    std::string path = JoinPath(dir, name);
    std::string child_rel = JoinRel(rel, name);
    std::optional<FileKind> kind = ClassifyName(name);
    struct stat lst;
    if (lstat(path.c_str(), &lst) != 0) {
      if (kind) AddError(child_rel, fmt::format("cannot examine: {}", std::strerror(errno)));
      return;
    }
    struct stat st = lst;
    bool is_link = S_ISLNK(lst.st_mode);
    if (is_link && stat(path.c_str(), &st) != 0) {
      int err = errno;
      if (IsExcluded(child_rel, false)) return;
      if (err == ELOOP) {
        AddError(child_rel, "symbolic link loop: the chain of links never reaches a file");
      } else if (kind && err == ENOENT) {
        AddError(child_rel, fmt::format("dangling symbolic link: target '{}' does not exist",
                                        LinkTarget(path)));
      } else if (kind) {
        AddError(child_rel, fmt::format("cannot follow symbolic link: {}", std::strerror(err)));
      }
      return;
    }
    bool is_dir = S_ISDIR(st.st_mode);
    if (is_dir && IsSkippedDir(name)) return;
    if (IsExcluded(child_rel, is_dir)) {
      out_.excluded.push_back(path);
      return;
    }
    if (is_dir) {
      DirId id{st.st_dev, st.st_ino};
      if (ancestors_.count(id) != 0) {
        AddError(child_rel, fmt::format("symbolic link loop: '{}' points to a directory that "
                                        "contains it; not followed",
                                        LinkTarget(path)));
        return;
      }
      if (is_link) {
        // Real folders come first: a linked folder is walked at the end,
        // and only if nothing reached its target under its real name.
        deferred_.push_back(DeferredLink{path, child_rel, st, gitignore_});
        return;
      }
      if (visited_.count(id) != 0) return;
      Walk(path, child_rel, st);
      return;
    }
    if (!kind) return;
    if (!S_ISREG(st.st_mode)) {
      AddError(child_rel, fmt::format("not scanned: {}", FileTypeName(st.st_mode)));
      return;
    }
    out_.files.push_back(DiscoveredFile{path, child_rel, *kind});
  }

  bool IsExcluded(const std::string& rel, bool is_dir) const {
    return excludes_.IsIgnored(rel, is_dir) || gitignore_.IsIgnored(rel, is_dir);
  }

  static std::string LinkTarget(const std::string& path) {
    char buf[4096];
    ssize_t n = readlink(path.c_str(), buf, sizeof buf - 1);
    return n < 0 ? std::string("?") : std::string(buf, static_cast<std::size_t>(n));
  }

  void AddError(std::string file, std::string message) {
    out_.errors.push_back(ScanError{std::move(file), std::move(message)});
  }

  DiscoverResult& out_;
  IgnoreList excludes_;
  IgnoreList gitignore_;
  std::set<DirId> ancestors_;
  std::set<DirId> visited_;
  std::vector<DeferredLink> deferred_;
};

std::string BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

std::optional<FileKind> ClassifyName(std::string_view file_name) {
  std::string name = Lower(file_name);
  if (name.ends_with(".dockerignore")) return std::nullopt;
  if (name == "dockerfile" || name.starts_with("dockerfile.") || name.starts_with("dockerfile-") ||
      name.ends_with(".dockerfile") || name.starts_with("containerfile")) {
    return FileKind::kDockerfile;
  }
  if ((name.starts_with("docker-compose") || name.starts_with("compose")) && EndsWithYaml(name)) {
    return FileKind::kCompose;
  }
  return std::nullopt;
}

FileKind GuessKind(std::string_view file_name, std::string_view content) {
  if (auto kind = ClassifyName(file_name)) return *kind;
  if (EndsWithYaml(Lower(file_name))) return FileKind::kCompose;
  // A top-level `services:` key makes it a compose file.
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    std::string_view line =
        content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (line.starts_with("services:")) return FileKind::kCompose;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return FileKind::kDockerfile;
}

DiscoverResult Discover(const DiscoverOptions& options) {
  DiscoverResult out;
  struct stat st;
  if (options.root.empty()) {
    out.fatal_error = "no project path given";
    return out;
  }
  if (stat(options.root.c_str(), &st) != 0) {
    out.fatal_error =
        fmt::format("project path '{}' cannot be used: {}", options.root, std::strerror(errno));
    return out;
  }
  if (S_ISDIR(st.st_mode)) {
    Walker walker(options, out);
    walker.Run(options.root, st);
  } else if (S_ISREG(st.st_mode)) {
    out.single_file = true;
    // The kind is settled by the engine once the content is read.
    out.files.push_back(
        DiscoveredFile{options.root, BaseName(options.root),
                       ClassifyName(BaseName(options.root)).value_or(FileKind::kDockerfile)});
  } else {
    out.fatal_error =
        fmt::format("project path '{}' is {}", options.root, FileTypeName(st.st_mode));
    return out;
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.display < b.display; });
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const ScanError& a, const ScanError& b) { return a.file < b.file; });
  return out;
}

}  // namespace pf::discover

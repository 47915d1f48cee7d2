#include "compose/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "compose/dotenv.h"
#include "compose/interpolate.h"

extern char** environ;

namespace pf::compose {
namespace fs = std::filesystem;
namespace {

// Sequences that replace, rather than extend, the value they override.
bool ReplacesOnMerge(std::string_view key) {
  return key == "command" || key == "entrypoint" || key == "test";
}

void MergeInto(Node& base, const Node& over) {
  if (base.IsMapping() && over.IsMapping()) {
    for (const MapEntry& e : over.entries) {
      Node* existing = base.FindMutable(e.key);
      if (existing == nullptr) {
        base.entries.push_back(e);
      } else if (ReplacesOnMerge(e.key)) {
        *existing = e.value;
      } else {
        MergeInto(*existing, e.value);
      }
    }
    return;
  }
  if (base.IsSequence() && over.IsSequence()) {
    base.items.insert(base.items.end(), over.items.begin(), over.items.end());
    return;
  }
  base = over;
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string s;
  for (const auto& p : path) {
    if (!s.empty()) s += '.';
    s += p;
  }
  return s;
}

struct Failure {};  // unwinds the loader after error_ is set; caught in Load

class Loader {
 public:
  Loader(const LoadOptions& opts, Project& project) : opts_(opts), project_(project) {}

  const LoadError& error() const { return error_; }

  void Run(const SourceFile& file) {
    project_.files.push_back(file.path());
    sources_.push_back(&file);
    BuildEnvironment(file.path());
    Node root = ParseFile(0);
    std::vector<std::string> include_stack{Canonical(file.path())};
    ResolveFile(root, 0, include_stack);
    project_.root = std::move(root);
    BuildModel();
  }

 private:
  [[noreturn]] void Fail(std::string message, int file, std::size_t offset, bool has_pos = true) {
    error_.message = std::move(message);
    error_.file = project_.files[static_cast<std::size_t>(file)];
    if (has_pos) error_.position = sources_[static_cast<std::size_t>(file)]->PositionAt(offset);
    if (file != 0) error_.origin = origin_;
    throw Failure{};
  }
  [[noreturn]] void FailAt(std::string message, int file, Position pos) {
    error_.message = std::move(message);
    error_.file = project_.files[static_cast<std::size_t>(file)];
    error_.position = pos;
    if (file != 0) error_.origin = origin_;
    throw Failure{};
  }

  static std::string Canonical(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::path(path), ec);
    return ec ? path : p.string();
  }

  static std::string DirOf(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
  }

  // Reads a file within the size limit; nullopt with `why` set otherwise.
  std::optional<std::string> ReadText(const std::string& path, std::string& why) const {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      why = "no such file";
      return std::nullopt;
    }
    auto size = fs::file_size(path, ec);
    if (ec) {
      why = ec.message();
      return std::nullopt;
    }
    if (size > opts_.max_file_bytes) {
      why = "file is too large (" + std::to_string(size) + " bytes, limit " +
            std::to_string(opts_.max_file_bytes) + ")";
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      why = "cannot open file";
      return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  void BuildEnvironment(const std::string& compose_path) {
    std::map<std::string, std::string> env = opts_.environment;
    if (opts_.use_process_env) {
      for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        std::string_view kv(*e);
        std::size_t eq = kv.find('=');
        if (eq == std::string_view::npos) continue;
        env.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
      }
    }
    if (opts_.use_dotenv) {
      std::string path = (fs::path(DirOf(compose_path)) / ".env").string();
      std::string why;
      std::error_code ec;
      if (fs::exists(path, ec)) {
        auto text = ReadText(path, why);
        if (!text) {
          error_ = {"cannot read " + path + ": " + why, path, {}, {}};
          throw Failure{};
        }
        Lookup lookup = [&env](std::string_view name) -> std::optional<std::string> {
          auto it = env.find(std::string(name));
          if (it == env.end()) return std::nullopt;
          return it->second;
        };
        DotenvResult parsed = ParseDotenv(*text, lookup);
        if (!parsed.ok()) {
          error_ = {"failed to read " + path + ": " + parsed.error, path, {}, {}};
          throw Failure{};
        }
        for (auto& [k, v] : parsed.values) env.emplace(k, v);
      }
    }
    project_.environment = std::move(env);
    lookup_ = [this](std::string_view name) -> std::optional<std::string> {
      auto it = project_.environment.find(std::string(name));
      if (it == project_.environment.end()) return std::nullopt;
      return it->second;
    };
  }

  // Adds another file (extends/include); returns its index.
  int AddFile(const std::string& path, int from_file, Range at) {
    std::string canonical = Canonical(path);
    auto cached = file_index_.find(canonical);
    if (cached != file_index_.end()) return cached->second;
    if (static_cast<int>(project_.files.size()) >= opts_.max_files) {
      FailAt("too many files referenced by extends/include (limit " +
                 std::to_string(opts_.max_files) + ")",
             from_file, at.start);
    }
    std::string why;
    auto text = ReadText(path, why);
    if (!text) FailAt("cannot load " + path + ": " + why, from_file, at.start);
    owned_.push_back(std::make_unique<SourceFile>(path, std::move(*text)));
    sources_.push_back(owned_.back().get());
    project_.files.push_back(path);
    int index = static_cast<int>(project_.files.size()) - 1;
    file_index_[canonical] = index;
    return index;
  }

  // --- YAML to Node -------------------------------------------------------

  Node ParseFile(int file) {
    const SourceFile& src = *sources_[static_cast<std::size_t>(file)];
    std::size_t offset = 0;
    std::string problem = PrescanYaml(src.text(), opts_, offset);
    if (!problem.empty()) Fail(problem, file, offset);
    std::vector<YAML::Node> docs;
    try {
      docs = YAML::LoadAll(src.text());
    } catch (const YAML::Exception& e) {
      std::string msg = e.msg.empty() ? std::string(e.what()) : e.msg;
      if (e.mark.is_null()) Fail("invalid YAML: " + msg, file, 0, false);
      Fail("invalid YAML: " + msg, file, static_cast<std::size_t>(e.mark.pos));
    } catch (const std::exception& e) {
      Fail(std::string("invalid YAML: ") + e.what(), file, 0, false);
    }
    Node root;
    root.kind = Node::Kind::kMapping;
    root.file = file;
    for (const YAML::Node& doc : docs) {
      nodes_ = 0;
      std::vector<std::string> path;
      Node converted;
      Convert(doc, file, 0, path, converted);
      if (converted.IsNull()) continue;
      if (!converted.IsMapping()) {
        FailAt("top-level object must be a mapping", file, converted.range.start);
      }
      CheckTopLevelKeys(converted, file);
      MergeInto(root, converted);
    }
    return root;
  }

  // Compose validates the root against its schema: only the spec's keys and
  // `x-` extensions. A service at the top level is the old version 1 format,
  // which Compose no longer reads.
  void CheckTopLevelKeys(const Node& doc, int file) {
    static constexpr std::string_view kKeys[] = {"version",  "name",     "include",
                                                 "services", "networks", "volumes",
                                                 "secrets",  "configs",  "models"};
    for (const MapEntry& e : doc.entries) {
      if (e.key.starts_with("x-")) continue;
      if (std::find(std::begin(kKeys), std::end(kKeys), e.key) != std::end(kKeys)) continue;
      std::string message = "additional property \"" + e.key + "\" is not allowed at the top level";
      if (e.value.IsMapping()) {
        message +=
            ": services go under \"services:\" (the version 1 format, with services at the top "
            "level, is no longer supported)";
      }
      FailAt(message, file, e.key_range.start);
    }
  }

  Range ScalarRange(const SourceFile& src, std::size_t pos, const std::string& text) const {
    const std::string& t = src.text();
    std::size_t end = pos;
    if (pos < t.size() && (t[pos] == '"' || t[pos] == '\'')) {
      char q = t[pos];
      end = pos + 1;
      while (end < t.size()) {
        if (q == '"' && t[end] == '\\') {
          end += 2;
          continue;
        }
        if (t[end] == q) {
          if (q == '\'' && end + 1 < t.size() && t[end + 1] == '\'') {
            end += 2;
            continue;
          }
          ++end;
          break;
        }
        ++end;
      }
      end = std::min(end, t.size());
    } else if (t.compare(pos, text.size(), text) == 0) {
      end = pos + text.size();
    } else {
      end = t.find('\n', pos);
      if (end == std::string::npos) end = t.size();
      std::size_t hash = t.find(" #", pos);
      if (hash != std::string::npos && hash < end) end = hash;
      while (end > pos && (t[end - 1] == ' ' || t[end - 1] == '\r' || t[end - 1] == '\t')) --end;
    }
    return src.RangeOf({pos, end});
  }

  void Convert(const YAML::Node& y, int file, int depth, std::vector<std::string>& path,
               Node& out) {
    const SourceFile& src = *sources_[static_cast<std::size_t>(file)];
    if (depth > opts_.max_depth) {
      Fail("nesting deeper than " + std::to_string(opts_.max_depth) +
               " levels (or a recursive alias)",
           file, static_cast<std::size_t>(y.Mark().pos));
    }
    if (++nodes_ > opts_.max_nodes) {
      Fail("document expands to more than " + std::to_string(opts_.max_nodes) +
               " nodes (alias expansion)",
           file, static_cast<std::size_t>(y.Mark().pos));
    }
    out.file = file;
    const std::size_t pos = y.Mark().is_null() ? 0 : static_cast<std::size_t>(y.Mark().pos);
    out.range = src.RangeOf({pos, pos});
    switch (y.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = Node::Kind::kNull;
        return;
      case YAML::NodeType::Scalar: {
        out.kind = Node::Kind::kScalar;
        const std::string& text = y.Scalar();
        out.quoted = y.Tag() == "!";
        out.range = ScalarRange(src, pos, text);
        InterpolateInto(text, file, path, out);
        return;
      }
      case YAML::NodeType::Sequence: {
        out.kind = Node::Kind::kSequence;
        out.items.reserve(y.size());
        path.push_back("[]");
        for (auto it = y.begin(); it != y.end(); ++it) {
          out.items.emplace_back();
          Convert(*it, file, depth + 1, path, out.items.back());
        }
        path.pop_back();
        if (!out.items.empty()) out.range.end = out.items.back().range.end;
        return;
      }
      case YAML::NodeType::Map:
        ConvertMap(y, file, depth, path, out);
        return;
    }
  }

  void ConvertMap(const YAML::Node& y, int file, int depth, std::vector<std::string>& path,
                  Node& out) {
    const SourceFile& src = *sources_[static_cast<std::size_t>(file)];
    out.kind = Node::Kind::kMapping;
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<YAML::Node> merges;
    for (auto it = y.begin(); it != y.end(); ++it) {
      const YAML::Node k = it->first;  // a copy: `it->` yields a temporary
      const YAML::Node v = it->second;
      const std::size_t kpos = static_cast<std::size_t>(k.Mark().pos);
      if (k.Type() != YAML::NodeType::Scalar && k.Type() != YAML::NodeType::Null) {
        Fail("mapping keys must be strings", file, kpos);
      }
      std::string key = k.Type() == YAML::NodeType::Scalar ? k.Scalar() : std::string();
      if (key == "<<" && k.Tag() != "!") {
        merges.push_back(v);
        continue;
      }
      Range key_range = ScalarRange(src, kpos, key);
      auto [where, inserted] = seen.emplace(key, out.entries.size());
      if (!inserted) {
        Fail("duplicate key \"" + key + "\" (first defined at line " +
                 std::to_string(out.entries[where->second].key_range.start.line) + ")",
             file, kpos);
      }
      out.entries.push_back(MapEntry{key, key_range, Node{}});
      path.push_back(key);
      Convert(v, file, depth + 1, path, out.entries.back().value);
      path.pop_back();
    }
    // Merge keys: explicit keys win, then earlier merged mappings win.
    for (const YAML::Node& m : merges) {
      std::vector<YAML::Node> sources;
      if (m.IsMap()) {
        sources.push_back(m);
      } else if (m.IsSequence()) {
        for (auto it = m.begin(); it != m.end(); ++it) sources.push_back(*it);
      }
      for (const YAML::Node& s : sources) {
        if (!s.IsMap()) {
          Fail("merge key \"<<\" needs a mapping or a list of mappings", file,
               static_cast<std::size_t>(s.Mark().pos));
        }
        Node merged;
        Convert(s, file, depth + 1, path, merged);
        for (MapEntry& e : merged.entries) {
          if (seen.emplace(e.key, out.entries.size()).second) out.entries.push_back(std::move(e));
        }
      }
    }
    for (const MapEntry& e : out.entries) {
      if (e.value.range.end > out.range.end) out.range.end = e.value.range.end;
    }
  }

  void InterpolateInto(const std::string& text, int file, const std::vector<std::string>& path,
                       Node& out) {
    if (text.find('$') == std::string::npos) {
      out.value = text;
      return;
    }
    InterpolationResult r = Interpolate(text, lookup_);
    if (!r.ok()) {
      std::string where = JoinPath(path);
      if (r.error == InterpolationError::kMissingRequired) {
        FailAt("error while interpolating " + where + ": " + r.error_text, file, out.range.start);
      }
      FailAt("invalid interpolation format for " + where + ": " + r.error_text +
                 " (escape a literal $ as $$)",
             file, out.range.start);
    }
    out.unresolved = r.unresolved;
    if (r.value != text) out.raw = text;
    out.value = std::move(r.value);
  }

  // --- include and extends --------------------------------------------------

  void ResolveFile(Node& root, int file, std::vector<std::string>& include_stack) {
    ResolveExtends(root, file);
    ProcessIncludes(root, file, include_stack);
  }

  static std::vector<const Node*> IncludePaths(const Node& entry) {
    std::vector<const Node*> paths;
    if (entry.IsScalar()) {
      paths.push_back(&entry);
    } else if (entry.IsMapping()) {
      if (const Node* p = entry.Find("path")) {
        if (p->IsScalar()) paths.push_back(p);
        for (const Node& item : p->items) {
          if (item.IsScalar()) paths.push_back(&item);
        }
      }
    }
    return paths;
  }

  void ProcessIncludes(Node& root, int file, std::vector<std::string>& include_stack) {
    const Node* include = root.Find("include");
    if (include == nullptr) return;
    if (!include->IsSequence()) FailAt("include must be a list", file, include->range.start);
    const std::vector<Node> entries = include->items;
    for (const Node& entry : entries) {
      std::vector<const Node*> paths = IncludePaths(entry);
      if (paths.empty()) FailAt("include entry needs a path", file, entry.range.start);
      // Several paths in one entry are merged as override files.
      Node merged;
      merged.kind = Node::Kind::kMapping;
      for (const Node* p : paths) {
        std::string path =
            (fs::path(DirOf(project_.files[static_cast<std::size_t>(file)])) / p->value).string();
        std::string canonical = Canonical(path);
        for (const std::string& s : include_stack) {
          if (s == canonical) {
            FailAt("include cycle: " + p->value + " is already being loaded", file, p->range.start);
          }
        }
        const Position saved_origin = origin_;
        if (file == 0) origin_ = p->range.start;
        int index = AddFile(path, file, p->range);
        Node included = ParseFile(index);
        include_stack.push_back(canonical);
        ResolveFile(included, index, include_stack);
        include_stack.pop_back();
        origin_ = saved_origin;
        MergeInto(merged, included);
      }
      for (const MapEntry& top : merged.entries) {
        if (top.key == "include") continue;
        Node* mine = root.FindMutable(top.key);
        if (mine == nullptr) {
          root.entries.push_back(top);
          continue;
        }
        if (!mine->IsMapping() || !top.value.IsMapping()) continue;
        for (const MapEntry& e : top.value.entries) {
          if (mine->Find(e.key) != nullptr) {
            if (top.key == "services") {
              FailAt("service \"" + e.key + "\" from included file " + paths.front()->value +
                         " conflicts with a service of the same name",
                     file, entry.range.start);
            }
            continue;
          }
          mine->entries.push_back(e);
        }
      }
    }
  }

  void ResolveExtends(Node& root, int file) {
    Node* services = root.FindMutable("services");
    if (services == nullptr || !services->IsMapping()) return;
    const Node original = *services;
    for (MapEntry& e : services->entries) {
      if (e.value.Find("extends") == nullptr) continue;
      std::vector<std::pair<std::string, std::string>> chain{
          {Canonical(project_.files[static_cast<std::size_t>(file)]), e.key}};
      Node extended = Extend(e.value, file, original, chain);
      // The service's mapping stays in this file even when its base is elsewhere.
      extended.file = file;
      extended.range = e.value.range;
      e.value = std::move(extended);
    }
  }

  Node Extend(const Node& service, int file, const Node& file_services,
              std::vector<std::pair<std::string, std::string>>& chain) {
    const Node* ext = service.Find("extends");
    if (ext == nullptr) return service;
    if (chain.size() > 64) FailAt("extends chain is too long", file, ext->range.start);
    std::string base_name;
    const Node* file_node = nullptr;
    if (ext->IsScalar()) {
      base_name = ext->value;
    } else if (ext->IsMapping()) {
      if (const Node* s = ext->Find("service"); s != nullptr && s->IsScalar()) base_name = s->value;
      file_node = ext->Find("file");
    }
    if (base_name.empty()) FailAt("extends needs a service name", file, ext->range.start);
    int base_file = file;
    Node other_services;
    const Node* services = &file_services;
    const Position saved_origin = origin_;
    if (file_node != nullptr && file_node->IsScalar()) {
      if (file == 0) origin_ = file_node->range.start;
      std::string path =
          (fs::path(DirOf(project_.files[static_cast<std::size_t>(file)])) / file_node->value)
              .string();
      base_file = AddFile(path, file, file_node->range);
      auto cached = parsed_services_.find(base_file);
      if (cached == parsed_services_.end()) {
        Node other = ParseFile(base_file);
        const Node* s = other.Find("services");
        cached = parsed_services_.emplace(base_file, s != nullptr ? *s : Node{}).first;
      }
      services = &cached->second;
    }
    const Node* base = services->Find(base_name);
    if (base == nullptr || !base->IsMapping()) {
      FailAt("cannot extend service \"" + base_name + "\": no such service", file,
             ext->range.start);
    }
    std::pair<std::string, std::string> key{
        Canonical(project_.files[static_cast<std::size_t>(base_file)]), base_name};
    for (const auto& link : chain) {
      if (link == key) {
        std::string cycle;
        for (const auto& l : chain) cycle += l.second + " -> ";
        FailAt("circular reference in extends: " + cycle + base_name, file, ext->range.start);
      }
    }
    chain.push_back(key);
    Node result = Extend(*base, base_file, *services, chain);
    chain.pop_back();
    origin_ = saved_origin;
    Node local = service;
    std::erase_if(local.entries, [](const MapEntry& m) { return m.key == "extends"; });
    MergeInto(result, local);
    return result;
  }

  // --- typed model ------------------------------------------------------------

  void BuildModel() {
    const Node* services = project_.root.Find("services");
    if (services == nullptr || services->IsNull()) return;
    if (!services->IsMapping()) {
      FailAt("services must be a mapping", services->file, services->range.start);
    }
    for (const MapEntry& e : services->entries) {
      Node node = e.value;
      if (node.IsNull()) node.kind = Node::Kind::kMapping;
      if (!node.IsMapping()) {
        FailAt("service \"" + e.key + "\" must be a mapping", node.file, node.range.start);
      }
      int file = node.file;
      project_.services.push_back(
          BuildService(e.key, e.key_range, file, std::move(node), project_.diagnostics));
    }
  }

  const LoadOptions& opts_;
  Project& project_;
  LoadError error_;
  Lookup lookup_;
  std::vector<const SourceFile*> sources_;
  std::vector<std::unique_ptr<SourceFile>> owned_;
  std::map<std::string, int> file_index_;
  std::map<int, Node> parsed_services_;
  std::size_t nodes_ = 0;
  Position origin_;  // see LoadError::origin
};

}  // namespace

const Service* Project::FindService(std::string_view name) const {
  for (const Service& s : services) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

LoadResult Load(const SourceFile& file, const LoadOptions& opts) {
  LoadResult result;
  Project project;
  Loader loader(opts, project);
  try {
    loader.Run(file);
  } catch (const Failure&) {
    result.error = loader.error();
    return result;
  } catch (const std::exception& e) {
    result.error = {std::string("cannot load compose file: ") + e.what(), file.path(), {}, {}};
    return result;
  } catch (...) {
    result.error = {"cannot load compose file", file.path(), {}, {}};
    return result;
  }
  result.project = std::move(project);
  return result;
}

}  // namespace pf::compose

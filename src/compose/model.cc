#include "compose/model.h"

#include <algorithm>
#include <cctype>

namespace pf::compose {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<StringValue> String(const Node* n) {
  if (n == nullptr || n->IsNull() || !n->IsScalar()) return std::nullopt;
  return StringValue{n->value, n->range, n->unresolved, n->file};
}

std::optional<BoolValue> Bool(const Node* n, std::string_view key,
                              std::vector<Diagnostic>& diagnostics) {
  if (n == nullptr || !n->IsScalar()) return std::nullopt;
  BoolValue b;
  b.text = n->value;
  b.range = n->range;
  b.unresolved = n->unresolved;
  b.file = n->file;
  auto parsed = ParseComposeBool(n->value);
  if (parsed) {
    b.value = *parsed;
  } else {
    b.valid = false;
    if (!n->unresolved) {
      diagnostics.push_back(
          {std::string(key) + ": invalid boolean \"" + n->value + "\"", n->range, n->file});
    }
  }
  return b;
}

std::vector<StringValue> Strings(const Node* n) {
  std::vector<StringValue> out;
  if (n == nullptr) return out;
  if (n->IsScalar()) {
    out.push_back({n->value, n->range, n->unresolved, n->file});
    return out;
  }
  for (const Node& item : n->items) {
    if (item.IsScalar()) out.push_back({item.value, item.range, item.unresolved, item.file});
  }
  return out;
}

// environment / build.args: list of "K=V" / "K", or a map of K: V / K: null.
std::vector<EnvVar> EnvVars(const Node* n) {
  std::vector<EnvVar> out;
  if (n == nullptr) return out;
  if (n->IsSequence()) {
    for (const Node& item : n->items) {
      if (!item.IsScalar()) continue;
      EnvVar v;
      std::size_t eq = item.value.find('=');
      v.name = item.value.substr(0, eq);
      if (eq != std::string::npos) v.value = item.value.substr(eq + 1);
      v.range = item.range;
      v.name_range = item.range;
      v.unresolved = item.unresolved;
      v.file = item.file;
      out.push_back(std::move(v));
    }
  } else if (n->IsMapping()) {
    for (const MapEntry& e : n->entries) {
      EnvVar v;
      v.name = e.key;
      v.name_range = e.key_range;
      v.file = e.value.file;
      if (e.value.IsScalar()) {
        v.value = e.value.value;
        v.range = e.value.range;
        v.unresolved = e.value.unresolved;
      } else {
        v.range = e.key_range;
      }
      out.push_back(std::move(v));
    }
  }
  return out;
}

Port ShortPort(const Node& item) {
  Port p;
  p.range = item.range;
  p.unresolved = item.unresolved;
  p.file = item.file;
  PortSpecResult r = ParsePortSpec(item.value);
  if (!r.ok()) {
    p.error = r.error;
    return p;
  }
  p.host_ip = r.spec->host_ip;
  p.published = r.spec->published;
  p.target = r.spec->target;
  p.protocol = r.spec->protocol;
  return p;
}

Port LongPort(const Node& item) {
  Port p;
  p.long_syntax = true;
  p.range = item.range;
  p.file = item.file;
  for (const MapEntry& e : item.entries) {
    const Node& v = e.value;
    if (v.unresolved) p.unresolved = true;
    if (!v.IsScalar()) continue;
    if (e.key == "target") {
      PortRangeResult r = ParsePortRange(v.value);
      if (r.range) {
        p.target = r.range;
      } else {
        p.error = "invalid target port \"" + v.value + "\"";
      }
    } else if (e.key == "published") {
      if (v.value.empty()) continue;
      PortRangeResult r = ParsePortRange(v.value);
      if (r.range) {
        p.published = r.range;
      } else {
        p.error = "invalid published port \"" + v.value + "\"";
      }
    } else if (e.key == "host_ip") {
      p.host_ip = v.value;
    } else if (e.key == "protocol") {
      p.protocol = Lower(v.value);
    } else if (e.key == "mode") {
      p.mode = v.value;
    }
  }
  if (!p.target && p.error.empty()) p.error = "port is missing its target";
  return p;
}

Volume ShortVolume(const Node& item) {
  Volume v;
  v.range = item.range;
  v.source_range = item.range;
  v.unresolved = item.unresolved;
  v.file = item.file;
  VolumeSpecResult r = ParseVolumeSpec(item.value);
  if (!r.ok()) {
    v.error = r.error;
    return v;
  }
  v.type = r.spec->type;
  v.source = r.spec->source;
  v.target = r.spec->target;
  v.read_only = r.spec->read_only;
  v.bind = r.spec->bind;
  v.volume = r.spec->volume;
  return v;
}

Volume LongVolume(const Node& item, std::vector<Diagnostic>& diagnostics) {
  Volume v;
  v.long_syntax = true;
  v.range = item.range;
  v.source_range = item.range;
  v.file = item.file;
  for (const MapEntry& e : item.entries) {
    const Node& n = e.value;
    if (n.unresolved) v.unresolved = true;
    if (e.key == "type" && n.IsScalar()) {
      v.type = n.value;
    } else if (e.key == "source" && n.IsScalar()) {
      v.source = n.value;
      v.source_range = n.range;
    } else if (e.key == "target" && n.IsScalar()) {
      v.target = n.value;
    } else if (e.key == "read_only") {
      if (auto b = Bool(&n, "read_only", diagnostics)) v.read_only = b->value;
    } else if (e.key == "bind" && n.IsMapping()) {
      v.bind.emplace();
      if (auto s = String(n.Find("propagation"))) v.bind->propagation = s->value;
      if (auto s = String(n.Find("selinux"))) v.bind->selinux = s->value;
      if (auto b = Bool(n.Find("create_host_path"), "create_host_path", diagnostics)) {
        v.bind->create_host_path = b->value;
      }
    } else if (e.key == "volume" && n.IsMapping()) {
      v.volume.emplace();
      if (auto b = Bool(n.Find("nocopy"), "nocopy", diagnostics)) v.volume->nocopy = b->value;
    }
  }
  if (v.type.empty()) v.type = IsHostPath(v.source) ? "bind" : "volume";
  return v;
}

std::optional<Build> BuildOf(const Node* n) {
  if (n == nullptr || n->IsNull()) return std::nullopt;
  Build b;
  b.range = n->range;
  b.file = n->file;
  if (n->IsScalar()) {
    b.context = String(n);
    return b;
  }
  if (!n->IsMapping()) return std::nullopt;
  b.context = String(n->Find("context"));
  b.dockerfile = String(n->Find("dockerfile"));
  b.target = String(n->Find("target"));
  b.args = EnvVars(n->Find("args"));
  return b;
}

}  // namespace

std::optional<bool> ParseComposeBool(std::string_view text) {
  std::string v = Lower(text);
  if (v == "y" || v == "yes" || v == "true" || v == "on") return true;
  if (v == "n" || v == "no" || v == "false" || v == "off") return false;
  return std::nullopt;
}

Service BuildService(std::string name, Range name_range, int file, Node node,
                     std::vector<Diagnostic>& diagnostics) {
  Service s;
  s.name = std::move(name);
  s.name_range = name_range;
  s.file = file;
  s.image = String(node.Find("image"));
  s.build = BuildOf(node.Find("build"));
  if (const Node* ports = node.Find("ports")) {
    for (const Node& item : ports->items) {
      Port p;
      if (item.IsScalar()) {
        p = ShortPort(item);
      } else if (item.IsMapping()) {
        p = LongPort(item);
      } else {
        continue;
      }
      if (!p.error.empty() && !p.unresolved) {
        diagnostics.push_back({"ports: " + p.error, p.range, p.file});
      }
      s.ports.push_back(std::move(p));
    }
  }
  if (const Node* volumes = node.Find("volumes")) {
    for (const Node& item : volumes->items) {
      Volume v;
      if (item.IsScalar()) {
        v = ShortVolume(item);
      } else if (item.IsMapping()) {
        v = LongVolume(item, diagnostics);
      } else {
        continue;
      }
      if (!v.error.empty() && !v.unresolved) {
        diagnostics.push_back({"volumes: " + v.error, v.range, v.file});
      }
      s.volumes.push_back(std::move(v));
    }
  }
  s.environment = EnvVars(node.Find("environment"));
  s.security_opt = Strings(node.Find("security_opt"));
  s.cap_add = Strings(node.Find("cap_add"));
  s.cap_drop = Strings(node.Find("cap_drop"));
  s.privileged = Bool(node.Find("privileged"), "privileged", diagnostics);
  s.read_only = Bool(node.Find("read_only"), "read_only", diagnostics);
  s.network_mode = String(node.Find("network_mode"));
  s.pid = String(node.Find("pid"));
  s.ipc = String(node.Find("ipc"));
  s.uts = String(node.Find("uts"));
  s.cgroup = String(node.Find("cgroup"));
  s.userns_mode = String(node.Find("userns_mode"));
  s.user = String(node.Find("user"));
  s.node = std::move(node);
  return s;
}

}  // namespace pf::compose

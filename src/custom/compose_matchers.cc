// service_has / service_missing and the combinators over services.

#include <fmt/format.h>

#include <algorithm>

#include "core/nearest.h"
#include "custom/compose_parse.h"

namespace pf::custom {

namespace {

using compose::Node;

// `a.b.c` inside the service's mapping; null when absent.
const compose::MapEntry* FindPath(const compose::Service& s, const std::string& path) {
  const Node* node = &s.node;
  const compose::MapEntry* entry = nullptr;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string part = path.substr(start, dot == std::string::npos ? dot : dot - start);
    entry = node->FindEntry(part);
    if (entry == nullptr) return nullptr;
    node = &entry->value;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return entry;
}

bool SameScalar(const std::string& have, const std::string& want) {
  if (have == want) return true;
  auto a = compose::ParseComposeBool(have);
  auto b = compose::ParseComposeBool(want);
  return a && b && *a == *b;
}

// Item texts of a value: the scalar, each scalar item, or each key.
std::vector<std::string> Items(const Node& n) {
  std::vector<std::string> out;
  if (n.IsScalar()) out.push_back(n.value);
  for (const Node& item : n.items) {
    if (item.IsScalar()) out.push_back(item.value);
  }
  for (const auto& e : n.entries) {
    out.push_back(e.key);
    if (e.value.IsScalar()) out.push_back(e.key + "=" + e.value.value);
  }
  return out;
}

bool Contains(const Node& n, const std::string& want) {
  if (n.IsScalar()) return n.value.find(want) != std::string::npos;
  for (const std::string& item : Items(n)) {
    if (SameScalar(item, want)) return true;
  }
  return false;
}

const std::vector<std::string> kHasKeys = {"key",
                                           "equals",
                                           "not_equals",
                                           "contains",
                                           "not_contains",
                                           "contains_any",
                                           "regex",
                                           "env_name_regex",
                                           "env_value_regex",
                                           "volume_type",
                                           "source_regex",
                                           "target_regex",
                                           "published_port_less_than"};

const std::vector<std::string> kMatchers = {"service_has", "service_missing", "all_of",
                                            "any_of",      "none_of",         "not"};

std::optional<ServicePredicate> ParseServiceHas(YamlReader& r, const YAML::Node& node,
                                                std::set<std::string>* ph) {
  if (!r.Mapping(node, "service_has", kHasKeys)) return std::nullopt;
  const std::size_t before = r.errors().size();
  std::optional<std::string> key, equals, not_equals, contains, not_contains, volume_type;
  std::optional<std::vector<std::string>> contains_any;
  std::shared_ptr<const RE2> regex, env_name, env_value, source_re, target_re;
  std::optional<long long> port_less;
  auto str = [&](const char* k, std::optional<std::string>* out) {
    if (node[k]) *out = r.String(node[k], std::string("service_has.") + k);
  };
  auto re = [&](const char* k, std::shared_ptr<const RE2>* out) {
    if (node[k]) *out = r.Regex(node[k], std::string("service_has.") + k);
  };
  str("key", &key);
  str("equals", &equals);
  str("not_equals", &not_equals);
  str("contains", &contains);
  str("not_contains", &not_contains);
  str("volume_type", &volume_type);
  if (node["contains_any"])
    contains_any = r.Strings(node["contains_any"], "service_has.contains_any");
  re("regex", &regex);
  re("env_name_regex", &env_name);
  re("env_value_regex", &env_value);
  re("source_regex", &source_re);
  re("target_regex", &target_re);
  if (node["published_port_less_than"]) {
    port_less = r.Int(node["published_port_less_than"], "service_has.published_port_less_than");
  }
  if (r.errors().size() != before) return std::nullopt;
  const bool env = env_name || env_value;
  const bool vol = volume_type || source_re || target_re;
  const bool value_test = equals || not_equals || contains || not_contains || contains_any || regex;
  if (!key && !env && !vol && !port_less) {
    r.Error(node, "service_has needs 'key' (or an env_*, volume or port test)");
    return std::nullopt;
  }
  if (value_test && !key) {
    r.Error(node, "service_has: equals, contains and regex test the value of 'key'");
    return std::nullopt;
  }
  ph->insert({"service", "key", "value", "env", "volume", "port"});
  return [=](const compose::Service& s, Vars* vars, Range* at) {
    (*vars)["service"] = s.name;
    *at = s.name_range;
    if (key) {
      const compose::MapEntry* e = FindPath(s, *key);
      if (e == nullptr || e->value.unresolved) return false;
      const Node& v = e->value;
      if (equals && !(v.IsScalar() && SameScalar(v.value, *equals))) return false;
      if (not_equals && v.IsScalar() && SameScalar(v.value, *not_equals)) return false;
      if (contains && !Contains(v, *contains)) return false;
      if (not_contains && Contains(v, *not_contains)) return false;
      if (contains_any && std::none_of(contains_any->begin(), contains_any->end(),
                                       [&](const std::string& w) { return Contains(v, w); })) {
        return false;
      }
      if (regex) {
        std::vector<std::string> items = Items(v);
        if (std::none_of(items.begin(), items.end(),
                         [&](const std::string& i) { return RE2::PartialMatch(i, *regex); })) {
          return false;
        }
      }
      (*vars)["key"] = *key;
      (*vars)["value"] = v.IsScalar() ? v.value : fmt::format("{}", fmt::join(Items(v), ", "));
      if (e->key_range.start.line > 0 && s.file == 0) *at = e->key_range;
    }
    if (env) {
      auto hit = std::find_if(s.environment.begin(), s.environment.end(), [&](const auto& ev) {
        if (ev.unresolved) return false;
        if (env_name && !RE2::PartialMatch(ev.name, *env_name)) return false;
        if (env_value && !(ev.value && RE2::PartialMatch(*ev.value, *env_value))) return false;
        return true;
      });
      if (hit == s.environment.end()) return false;
      (*vars)["env"] = hit->name;
      if (hit->file == 0) *at = hit->range;
    }
    if (vol) {
      auto hit = std::find_if(s.volumes.begin(), s.volumes.end(), [&](const auto& v) {
        if (v.unresolved || !v.error.empty()) return false;
        if (volume_type && v.type != *volume_type) return false;
        if (source_re && !RE2::PartialMatch(v.source, *source_re)) return false;
        if (target_re && !RE2::PartialMatch(v.target, *target_re)) return false;
        return true;
      });
      if (hit == s.volumes.end()) return false;
      (*vars)["volume"] = hit->source.empty() ? hit->target : hit->source + ":" + hit->target;
      if (hit->file == 0) *at = hit->range;
    }
    if (port_less) {
      auto hit = std::find_if(s.ports.begin(), s.ports.end(), [&](const auto& p) {
        return !p.unresolved && p.published && p.published->start < *port_less;
      });
      if (hit == s.ports.end()) return false;
      (*vars)["port"] = std::to_string(hit->published->start);
      if (hit->file == 0) *at = hit->range;
    }
    return true;
  };
}

std::optional<ServicePredicate> ParseServiceMissing(YamlReader& r, const YAML::Node& node,
                                                    std::set<std::string>* ph) {
  if (!r.Mapping(node, "service_missing", {"key", "value_contains"})) return std::nullopt;
  if (!node["key"]) {
    r.Error(node, "service_missing needs 'key'");
    return std::nullopt;
  }
  auto key = r.String(node["key"], "service_missing.key");
  std::optional<std::string> value_contains;
  if (node["value_contains"]) {
    value_contains = r.String(node["value_contains"], "service_missing.value_contains");
    if (!value_contains) return std::nullopt;
  }
  if (!key) return std::nullopt;
  ph->insert({"service", "key"});
  const std::string k = *key;
  return [k, value_contains](const compose::Service& s, Vars* vars, Range* at) {
    (*vars)["service"] = s.name;
    (*vars)["key"] = k;
    *at = s.name_range;
    const compose::MapEntry* e = FindPath(s, k);
    if (e == nullptr) return true;
    if (!value_contains || e->value.unresolved) return false;
    if (s.file == 0 && e->key_range.start.line > 0) *at = e->key_range;
    return !Contains(e->value, *value_contains);
  };
}

}  // namespace

std::optional<ServicePredicate> ParseComposeMatcher(YamlReader& r, const YAML::Node& node,
                                                    std::set<std::string>* ph) {
  if (!node.IsMap() || node.size() != 1) {
    r.Error(node, fmt::format("a compose matcher is a mapping with exactly one of: {}",
                              fmt::join(kMatchers, ", ")));
    return std::nullopt;
  }
  const YAML::Node key_node = node.begin()->first;
  const YAML::Node value = node.begin()->second;
  const std::string key = key_node.IsScalar() ? key_node.Scalar() : "";
  if (key == "service_has") return ParseServiceHas(r, value, ph);
  if (key == "service_missing") return ParseServiceMissing(r, value, ph);
  if (key == "not") {
    auto child = ParseComposeMatcher(r, value, ph);
    if (!child) return std::nullopt;
    return [c = *child](const compose::Service& s, Vars* vars, Range* at) {
      Vars unused;
      (*vars)["service"] = s.name;
      *at = s.name_range;
      return !c(s, &unused, at);
    };
  }
  if (key == "all_of" || key == "any_of" || key == "none_of") {
    if (!value.IsSequence() || value.size() == 0) {
      r.Error(value, fmt::format("{} must be a non-empty list of matchers", key));
      return std::nullopt;
    }
    std::vector<ServicePredicate> children;
    for (const YAML::Node& item : value) {
      if (auto c = ParseComposeMatcher(r, item, ph)) children.push_back(*c);
    }
    if (children.size() != value.size()) return std::nullopt;
    const int mode = key == "all_of" ? 0 : key == "any_of" ? 1 : 2;
    return [children, mode](const compose::Service& s, Vars* vars, Range* at) {
      *at = s.name_range;
      (*vars)["service"] = s.name;
      bool any = false;
      for (const ServicePredicate& c : children) {
        Vars v;
        Range r2 = *at;
        const bool ok = c(s, &v, &r2);
        if (ok && mode != 2) {
          for (auto& [k, val] : v) (*vars)[k] = val;
          if (!any) *at = r2;  // the first child that matched places the finding
        }
        any = any || ok;
        if (mode == 0 && !ok) return false;
      }
      return mode == 0 ? true : mode == 1 ? any : !any;
    };
  }
  r.Error(key_node, fmt::format("unknown compose matcher '{}'; did you mean '{}'?", key,
                                NearestNames(key, kMatchers, 1).front()));
  return std::nullopt;
}

}  // namespace pf::custom

// The `instruction` matcher: a type and parameters that must all hold on
// the same instruction, read on the model (variables resolved, stages).

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/nearest.h"
#include "custom/docker_parse.h"
#include "rules/docker/expose_ports.h"
#include "rules/docker/image_ref.h"

namespace pf::custom {

namespace {

using Cond = std::function<bool(const DockerEval&, const Target&, Vars*)>;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> Resolve(const DockerEval& eval, const Target& t,
                                   const std::string& word) {
  return eval.context().model.Resolve(*t.scope, word);
}

const dockerfile::Flag* FindFlag(const dockerfile::Instruction& inst, std::string_view name) {
  for (const auto& f : inst.flags) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The FROM of a target that is one, described with its stage.
std::optional<rules::FromImage> FromOf(const DockerEval& eval, const Target& t) {
  if (t.inst->keyword != "from" || t.stage < 0) return std::nullopt;
  const auto& stages = eval.context().model.stages();
  if (t.stage >= static_cast<int>(stages.size())) return std::nullopt;
  return rules::DescribeFrom(eval.context(), stages[static_cast<std::size_t>(t.stage)]);
}

// A tag as registries read it: none written means latest.
std::string EffectiveTag(const rules::ImageRef& ref) {
  if (ref.has_tag) return ref.tag;
  return ref.has_digest ? "" : "latest";
}

std::string NormaliseRepo(std::string repo) {
  for (std::string_view p : {"docker.io/", "index.docker.io/"}) {
    if (repo.starts_with(p)) repo = repo.substr(p.size());
  }
  if (repo.starts_with("library/")) repo = repo.substr(8);
  return repo;
}

std::string NormaliseSignal(std::string s) {
  s = Upper(s);
  if (s.starts_with("SIG")) s = s.substr(3);
  return s;
}

// The user of USER (before ':'), resolved.
std::optional<std::string> UserOf(const DockerEval& eval, const Target& t) {
  if (t.inst->keyword != "user" || t.inst->args.empty()) return std::nullopt;
  auto value = Resolve(eval, t, t.inst->args.front().text);
  if (!value) return std::nullopt;
  return value->substr(0, value->find(':'));
}

// ARG names of an ARG instruction.
std::vector<std::string> ArgNames(const Target& t) {
  std::vector<std::string> names;
  if (t.inst->keyword != "arg") return names;
  for (const auto& w : t.inst->args) names.push_back(w.text.substr(0, w.text.find('=')));
  return names;
}

// key -> value of a LABEL, resolved (unresolvable pairs left out).
std::vector<std::pair<std::string, std::string>> Labels(const DockerEval& eval, const Target& t) {
  std::vector<std::pair<std::string, std::string>> out;
  if (t.inst->keyword != "label") return out;
  const auto& a = t.inst->args;
  for (std::size_t i = 0; i + 1 < a.size(); i += 3) {
    auto key = Resolve(eval, t, a[i].text);
    auto value = Resolve(eval, t, a[i + 1].text);
    if (key && value) out.emplace_back(*key, *value);
  }
  return out;
}

// HEALTHCHECK option in seconds (or count), with Docker's default when the
// flag is absent; nullopt for HEALTHCHECK NONE or an unreadable value.
std::optional<double> HealthOption(const DockerEval& eval, const Target& t, std::string_view flag,
                                   double fallback, bool duration) {
  if (t.inst->keyword != "healthcheck") return std::nullopt;
  if (!t.inst->args.empty() && Upper(t.inst->args.front().text) == "NONE") return std::nullopt;
  const dockerfile::Flag* f = FindFlag(*t.inst, flag);
  if (f == nullptr) return fallback;
  auto value = Resolve(eval, t, f->value);
  if (!value) return std::nullopt;
  if (duration) return ParseDuration(*value);
  long long n = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc() || end != value->data() + value->size()) return std::nullopt;
  return static_cast<double>(n);
}

bool WindowsAbsolute(std::string_view p) {
  return p.size() >= 3 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':' &&
         (p[2] == '\\' || p[2] == '/');
}

// Port parameters hold together on one port spec of an EXPOSE.
struct PortQuery {
  std::optional<long long> port, less, greater;
  std::optional<std::string> protocol;
  bool any() const { return port || less || greater || protocol; }
  bool Match(const rules::ExposedPort& p) const {
    if ((port || less || greater) && !p.numeric) return false;
    if (port && (*port < p.low || *port > p.high)) return false;
    if (less && !(p.low < *less)) return false;
    if (greater && !(p.high > *greater)) return false;
    if (protocol) {
      std::string proto = p.protocol.empty() ? "tcp" : p.protocol;
      if (Upper(proto) != Upper(*protocol)) return false;
    }
    return true;
  }
};

class InstructionMatcher : public DockerMatcher {
 public:
  std::vector<std::string> types;  // lower case; empty: any
  std::vector<Cond> conds;

  Level level() const override { return Level::kInstruction; }
  bool Match(const DockerEval& eval, const Target& t, Vars* vars) const {
    if (t.inst == nullptr) return false;
    if (!types.empty() && std::find(types.begin(), types.end(), t.inst->keyword) == types.end()) {
      return false;
    }
    for (const Cond& c : conds) {
      if (!c(eval, t, vars)) return false;
    }
    return true;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    for (const Target& t : eval.targets()) {
      Vars vars;
      vars["instruction"] = Upper(t.inst->keyword);
      if (Match(eval, t, &vars)) out->push_back(Hit{t, t.inst->range, std::move(vars)});
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    if (hit.at.inst == nullptr) {
      std::vector<Hit> hits;
      Hits(eval, &hits);
      return !hits.empty();
    }
    Vars unused;
    return Match(eval, hit.at, &unused);
  }
};

const std::vector<std::string> kParams = {"type",
                                          "base_image",
                                          "image_tag",
                                          "image_tag_regex",
                                          "missing_digest",
                                          "user_name",
                                          "user_name_regex",
                                          "port",
                                          "port_less_than",
                                          "port_greater_than",
                                          "protocol",
                                          "arg_name",
                                          "arg_name_regex",
                                          "copy_from",
                                          "chown",
                                          "missing_flag",
                                          "healthcheck_interval_less_than",
                                          "healthcheck_timeout_greater_than",
                                          "healthcheck_retries_greater_than",
                                          "label_key",
                                          "label_value_regex",
                                          "command_form",
                                          "workdir_not_absolute",
                                          "signal_not_in",
                                          "contains",
                                          "not_contains",
                                          "regex",
                                          "not_regex"};

const std::vector<std::string> kTypes = {
    "ADD",    "ARG",   "CMD",         "COPY",  "ENTRYPOINT", "ENV",
    "EXPOSE", "FROM",  "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
    "RUN",    "SHELL", "STOPSIGNAL",  "USER",  "VOLUME",     "WORKDIR"};

std::optional<double> Seconds(YamlReader& r, const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    r.Error(n, fmt::format("{} must be a duration such as 30s or 1m", what));
    return std::nullopt;
  }
  auto s = ParseDuration(n.Scalar());
  if (!s) r.Error(n, fmt::format("{} must be a duration such as 30s or 1m", what));
  return s;
}

// Adds the condition for one parameter; false after an error.
bool AddParam(YamlReader& r, const std::string& key, const YAML::Node& v, InstructionMatcher* m,
              PortQuery* ports, const std::shared_ptr<std::string>& label_key,
              std::set<std::string>* ph) {
  const std::string what = "instruction." + key;
  if (key == "type") {
    auto types = r.Strings(v, what);
    if (!types) return false;
    for (const std::string& t : *types) {
      if (std::find(kTypes.begin(), kTypes.end(), Upper(t)) == kTypes.end()) {
        r.Error(v, fmt::format("{}: unknown instruction '{}'; did you mean '{}'?", what, t,
                               NearestNames(t, kTypes, 1).front()));
        return false;
      }
      m->types.push_back(rules::ToLower(t));
    }
    return true;
  }
  if (key == "base_image" || key == "image_tag" || key == "copy_from" || key == "chown" ||
      key == "user_name" || key == "arg_name" || key == "label_key" || key == "contains" ||
      key == "not_contains" || key == "command_form" || key == "missing_flag") {
    auto s = r.String(v, what);
    if (!s) return false;
    const std::string want = *s;
    if (key == "base_image") {
      ph->insert({"image", "tag"});
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        auto from = FromOf(e, t);
        if (!from || !from->External()) return false;
        const bool full = want.find_first_of(":@") != std::string::npos;
        std::string repo = from->ref.registry.empty()
                               ? from->ref.repository
                               : from->ref.registry + "/" + from->ref.repository;
        if (full ? from->image != want : NormaliseRepo(repo) != NormaliseRepo(want)) return false;
        (*vars)["image"] = from->image;
        (*vars)["tag"] = EffectiveTag(from->ref);
        return true;
      });
    } else if (key == "image_tag") {
      ph->insert({"image", "tag"});
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        auto from = FromOf(e, t);
        if (!from || !from->External() || EffectiveTag(from->ref) != want) return false;
        (*vars)["image"] = from->image;
        (*vars)["tag"] = want;
        return true;
      });
    } else if (key == "copy_from") {
      ph->insert("from");
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        const dockerfile::Flag* f = FindFlag(*t.inst, "from");
        if (t.inst->keyword != "copy" || f == nullptr) return false;
        auto value = Resolve(e, t, f->value);
        if (!value || rules::ToLower(*value) != rules::ToLower(want)) return false;
        (*vars)["from"] = *value;
        return true;
      });
    } else if (key == "chown") {
      ph->insert("chown");
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        const dockerfile::Flag* f = FindFlag(*t.inst, "chown");
        if ((t.inst->keyword != "copy" && t.inst->keyword != "add") || f == nullptr) return false;
        auto value = Resolve(e, t, f->value);
        if (!value || (*value != want && value->substr(0, value->find(':')) != want)) return false;
        (*vars)["chown"] = *value;
        return true;
      });
    } else if (key == "user_name") {
      ph->insert("user");
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        auto user = UserOf(e, t);
        if (!user || *user != want) return false;
        (*vars)["user"] = *user;
        return true;
      });
    } else if (key == "arg_name") {
      ph->insert("arg");
      m->conds.push_back([want](const DockerEval&, const Target& t, Vars* vars) {
        for (const std::string& name : ArgNames(t)) {
          if (name == want) {
            (*vars)["arg"] = name;
            return true;
          }
        }
        return false;
      });
    } else if (key == "label_key") {
      *label_key = want;
      ph->insert({"label", "value"});
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        for (const auto& [k, val] : Labels(e, t)) {
          if (k == want) {
            (*vars)["label"] = k;
            (*vars)["value"] = val;
            return true;
          }
        }
        return false;
      });
    } else if (key == "contains" || key == "not_contains") {
      const bool negate = key == "not_contains";
      m->conds.push_back([want, negate](const DockerEval&, const Target& t, Vars*) {
        return (t.inst->original.find(want) != std::string::npos) != negate;
      });
    } else if (key == "command_form") {
      if (want != "shell" && want != "exec") {
        r.Error(v, fmt::format("{} must be 'shell' or 'exec'", what));
        return false;
      }
      const bool exec = want == "exec";
      m->conds.push_back([exec](const DockerEval&, const Target& t, Vars*) {
        const std::string& k = t.inst->keyword;
        if (k != "run" && k != "cmd" && k != "entrypoint" && k != "healthcheck") return false;
        return t.inst->json_form == exec;
      });
    } else {  // missing_flag
      std::string name = want.starts_with("--") ? want.substr(2) : want;
      ph->insert("flag");
      m->conds.push_back([name](const DockerEval&, const Target& t, Vars* vars) {
        if (FindFlag(*t.inst, name) != nullptr) return false;
        (*vars)["flag"] = "--" + name;
        return true;
      });
    }
    return true;
  }
  if (key == "image_tag_regex" || key == "user_name_regex" || key == "arg_name_regex" ||
      key == "label_value_regex" || key == "regex" || key == "not_regex") {
    std::shared_ptr<const RE2> re = r.Regex(v, what);
    if (!re) return false;
    if (key == "image_tag_regex") {
      ph->insert({"image", "tag"});
      m->conds.push_back([re](const DockerEval& e, const Target& t, Vars* vars) {
        auto from = FromOf(e, t);
        if (!from || !from->External()) return false;
        std::string tag = EffectiveTag(from->ref);
        if (!RE2::PartialMatch(tag, *re)) return false;
        (*vars)["image"] = from->image;
        (*vars)["tag"] = tag;
        return true;
      });
    } else if (key == "user_name_regex") {
      ph->insert("user");
      m->conds.push_back([re](const DockerEval& e, const Target& t, Vars* vars) {
        auto user = UserOf(e, t);
        if (!user || !RE2::PartialMatch(*user, *re)) return false;
        (*vars)["user"] = *user;
        return true;
      });
    } else if (key == "arg_name_regex") {
      ph->insert("arg");
      m->conds.push_back([re](const DockerEval&, const Target& t, Vars* vars) {
        for (const std::string& name : ArgNames(t)) {
          if (RE2::PartialMatch(name, *re)) {
            (*vars)["arg"] = name;
            return true;
          }
        }
        return false;
      });
    } else if (key == "label_value_regex") {
      ph->insert({"label", "value"});
      // With label_key, the value of that label; else of any label.
      m->conds.push_back([re, label_key](const DockerEval& e, const Target& t, Vars* vars) {
        for (const auto& [k, val] : Labels(e, t)) {
          if (!label_key->empty() && k != *label_key) continue;
          if (RE2::PartialMatch(val, *re)) {
            (*vars)["label"] = k;
            (*vars)["value"] = val;
            return true;
          }
        }
        return false;
      });
    } else {
      const bool negate = key == "not_regex";
      m->conds.push_back([re, negate](const DockerEval&, const Target& t, Vars*) {
        return RE2::PartialMatch(t.inst->original, *re) != negate;
      });
    }
    return true;
  }
  if (key == "missing_digest" || key == "workdir_not_absolute") {
    auto b = r.Bool(v, what);
    if (!b) return false;
    const bool want = *b;
    if (key == "missing_digest") {
      ph->insert({"image", "tag"});
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        auto from = FromOf(e, t);
        if (!from || !from->External() || from->ref.has_digest == want) return false;
        (*vars)["image"] = from->image;
        (*vars)["tag"] = EffectiveTag(from->ref);
        return true;
      });
    } else {
      ph->insert("path");
      m->conds.push_back([want](const DockerEval& e, const Target& t, Vars* vars) {
        if (t.inst->keyword != "workdir" || t.inst->args.empty()) return false;
        auto path = Resolve(e, t, t.inst->args.front().text);
        if (!path) return false;
        const bool absolute = path->starts_with("/") || WindowsAbsolute(*path);
        (*vars)["path"] = *path;
        return absolute != want;
      });
    }
    return true;
  }
  if (key == "port" || key == "port_less_than" || key == "port_greater_than") {
    auto n = r.Int(v, what);
    if (!n) return false;
    (key == "port" ? ports->port : key == "port_less_than" ? ports->less : ports->greater) = *n;
    return true;
  }
  if (key == "protocol") {
    auto s = r.String(v, what);
    if (!s) return false;
    ports->protocol = *s;
    return true;
  }
  if (key == "signal_not_in") {
    auto list = r.Strings(v, what);
    if (!list) return false;
    std::vector<std::string> allowed;
    for (const std::string& s : *list) allowed.push_back(NormaliseSignal(s));
    ph->insert("signal");
    m->conds.push_back([allowed](const DockerEval& e, const Target& t, Vars* vars) {
      if (t.inst->keyword != "stopsignal" || t.inst->args.empty()) return false;
      auto sig = Resolve(e, t, t.inst->args.front().text);
      if (!sig) return false;
      (*vars)["signal"] = *sig;
      return std::find(allowed.begin(), allowed.end(), NormaliseSignal(*sig)) == allowed.end();
    });
    return true;
  }
  // healthcheck_*
  const bool retries = key == "healthcheck_retries_greater_than";
  std::optional<double> limit;
  if (retries) {
    auto n = r.Int(v, what);
    if (n) limit = static_cast<double>(*n);
  } else {
    limit = Seconds(r, v, what);
  }
  if (!limit) return false;
  const double bound = *limit;
  if (key == "healthcheck_interval_less_than") {
    m->conds.push_back([bound](const DockerEval& e, const Target& t, Vars*) {
      auto s = HealthOption(e, t, "interval", 30, true);
      return s && *s < bound;
    });
  } else if (key == "healthcheck_timeout_greater_than") {
    m->conds.push_back([bound](const DockerEval& e, const Target& t, Vars*) {
      auto s = HealthOption(e, t, "timeout", 30, true);
      return s && *s > bound;
    });
  } else {
    m->conds.push_back([bound](const DockerEval& e, const Target& t, Vars*) {
      auto s = HealthOption(e, t, "retries", 3, false);
      return s && *s > bound;
    });
  }
  return true;
}

}  // namespace

std::optional<double> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double total = 0;
  std::size_t i = 0;
  bool plain = true;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
      ++i;
    }
    if (i == start) return std::nullopt;
    double number = 0;
    auto [end, ec] = std::from_chars(text.data() + start, text.data() + i, number);
    if (ec != std::errc() || end != text.data() + i) return std::nullopt;
    std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    double scale = 0;
    if (unit.empty()) {
      if (!plain || i != text.size()) return std::nullopt;
      scale = 1;  // plain seconds
    } else if (unit == "ns") {
      scale = 1e-9;
    } else if (unit == "us" || unit == "µs") {
      scale = 1e-6;
    } else if (unit == "ms") {
      scale = 1e-3;
    } else if (unit == "s") {
      scale = 1;
    } else if (unit == "m") {
      scale = 60;
    } else if (unit == "h") {
      scale = 3600;
    } else {
      return std::nullopt;
    }
    plain = false;
    total += number * scale;
  }
  return total;
}

std::unique_ptr<DockerMatcher> ParseInstruction(YamlReader& r, const YAML::Node& node,
                                                std::set<std::string>* ph) {
  auto m = std::make_unique<InstructionMatcher>();
  ph->insert({"instruction", "line", "stage"});
  if (node.IsScalar()) {  // `instruction: USER`
    if (!AddParam(r, "type", node, m.get(), nullptr, nullptr, ph)) return nullptr;
    return m;
  }
  if (!r.Mapping(node, "instruction", kParams)) return nullptr;
  const std::size_t before = r.errors().size();
  PortQuery ports;
  auto label_key = std::make_shared<std::string>();
  // label_value_regex reads label_key when it runs, whatever the key order.
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string key = it->first.Scalar();
    if (std::find(kParams.begin(), kParams.end(), key) == kParams.end()) continue;
    AddParam(r, key, it->second, m.get(), &ports, label_key, ph);
  }
  if (ports.any()) {
    ph->insert("port");
    m->conds.push_back([ports](const DockerEval& e, const Target& t, Vars* vars) {
      if (t.inst->keyword != "expose") return false;
      for (const auto& p : rules::ExposedPorts(e.context(), *t.inst, *t.scope)) {
        if (ports.Match(p)) {
          (*vars)["port"] = rules::PortText(p);
          return true;
        }
      }
      return false;
    });
  }
  if (r.errors().size() != before) return nullptr;
  return m;
}

}  // namespace pf::custom

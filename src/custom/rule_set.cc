#include "custom/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compose/loader.h"
#include "core/severity.h"
#include "custom/compose_parse.h"
#include "custom/custom_rule.h"
#include "custom/docker_parse.h"
#include "rules/registry.h"
#include "rules/run.h"

namespace pf::custom {

namespace {

const std::vector<std::string> kRuleKeys = {"id",   "name",     "severity",   "category",
                                            "cwe",  "tags",     "message",    "summary",
                                            "docs", "examples", "dockerfile", "compose"};

bool ValidId(const std::string& id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// The findings the rule makes on `text` (nullopt with `detail` when it failed).
std::optional<std::size_t> RunOn(const CustomRule& rule, const std::string& name,
                                 const std::string& text, std::string* detail) {
  std::vector<Finding> findings;
  std::vector<std::string> errors;
  std::vector<const rules::Rule*> one = {&rule.rule};
  if (rule.compose) {
    SourceFile source(name + "/compose.yaml", text);
    compose::LoadOptions options;
    options.use_dotenv = false;
    std::optional<compose::Project> project;
    rules::RunComposeRules(source, one, options, &findings, &errors, &project);
    if (!project) {
      *detail = "the example is not a compose file that loads";
      return std::nullopt;
    }
  } else {
    SourceFile source(name + "/Dockerfile", text);
    rules::RunDockerRules(source, one, {}, &findings, &errors);
  }
  if (!errors.empty()) {
    *detail = errors.front();
    return std::nullopt;
  }
  return findings.size();
}

std::vector<ExampleResult> Examples(const CustomRule& rule) {
  std::vector<ExampleResult> out;
  for (const auto& [which, text, must_fire] :
       {std::tuple{"bad", &rule.bad, true}, std::tuple{"good", &rule.good, false}}) {
    if (text->empty()) continue;
    ExampleResult r{rule.id, which, false, ""};
    std::string detail;
    auto count = RunOn(rule, fmt::format("{}/examples.{}", rule.id, which), *text, &detail);
    if (!count) {
      r.detail = detail;
    } else if (must_fire && *count == 0) {
      r.detail = "examples.bad does not fire";
    } else if (!must_fire && *count > 0) {
      r.detail = fmt::format("examples.good fires ({} finding{})", *count, *count == 1 ? "" : "s");
    } else {
      r.passed = true;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

std::vector<std::string> SplitPaths(std::string_view joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t nl = joined.find('\n', start);
    std::string part(joined.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (!part.empty()) out.push_back(std::move(part));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

void RuleSet::Load(const std::vector<std::string>& paths, std::vector<LoadError>* errors,
                   bool run_examples) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".yml" || ext == ".yaml")) {
          files.push_back(it->path().string());
        }
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) errors->push_back(LoadError{path, 0, 0, "no .yml or .yaml rule files"});
      for (const std::string& f : files) LoadFile(f, errors, run_examples);
    } else if (std::filesystem::exists(path, ec)) {
      LoadFile(path, errors, run_examples);
    } else {
      errors->push_back(LoadError{path, 0, 0, "no such rule file or folder"});
    }
  }
}

void RuleSet::LoadFile(const std::string& path, std::vector<LoadError>* errors, bool run_examples) {
  YamlReader r(path);
  auto finish = [&] {
    for (LoadError& e : r.errors()) errors->push_back(std::move(e));
  };
  if (path.ends_with(".json")) {
    r.errors().push_back(LoadError{path, 0, 0,
                                   "JSON rule files are not supported; write the rules in YAML "
                                   "(see docs/custom-rules.md)"});
    return finish();
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    r.errors().push_back(LoadError{path, 0, 0, "cannot read the file"});
    return finish();
  }
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    r.Error(e.mark, fmt::format("not valid YAML: {}", e.msg));
    return finish();
  }
  if (!r.Mapping(root, "a rule file", {"rules"})) return finish();
  const YAML::Node list = root["rules"];
  if (!list || !list.IsSequence()) {
    r.Error(list ? list : root, "'rules' must be a list of rules");
    return finish();
  }
  for (const YAML::Node& node : list) {
    try {
      LoadRule(r, node, path, run_examples);
    } catch (const YAML::Exception& e) {  // a yaml-cpp surprise is a mistake in this rule
      r.Error(e.mark, fmt::format("cannot read this rule: {}", e.msg));
    }
  }
  finish();
}

void RuleSet::LoadRule(YamlReader& r, const YAML::Node& node, const std::string& path,
                       bool run_examples) {
  {
    const std::size_t before = r.errors().size();
    if (!r.Mapping(node, "rule", kRuleKeys)) return;
    auto rule = std::make_unique<CustomRule>();
    rule->file = path;
    auto str = [&](const char* key, std::string* out) {
      if (!node[key]) return;
      if (auto s = r.String(node[key], key)) *out = *s;
    };
    str("id", &rule->id);
    if (!node["id"]) {
      r.Error(node, "rule has no 'id'");
    } else if (!ValidId(rule->id)) {
      r.Error(node["id"],
              fmt::format("id '{}' may only use letters, digits, '-', '_' and '.'", rule->id));
    } else if (rules::FindRule(rule->id) != nullptr) {
      r.Error(node["id"], fmt::format("id '{}' is a built-in rule's", rule->id));
    } else if (const rules::Rule* other = Find(rule->id)) {
      const auto* owner = static_cast<const CustomRule*>(other->meta.data);
      r.Error(node["id"], fmt::format("id '{}' is already used in {}", rule->id, owner->file));
    }
    str("name", &rule->name);
    if (rule->name.empty()) rule->name = rule->id;
    str("category", &rule->category);
    if (rule->category.empty()) rule->category = "custom";
    str("cwe", &rule->cwe);
    str("summary", &rule->summary);
    if (node["severity"]) {
      if (auto s = r.String(node["severity"], "severity")) {
        if (auto sev = ParseSeverity(*s)) {
          rule->rule.meta.severity = *sev;
        } else {
          r.Error(node["severity"], fmt::format("unknown severity '{}' (expected critical, high, "
                                                "medium, low or info)",
                                                *s));
        }
      }
    } else {
      r.Error(node, "rule has no 'severity'");
    }
    if (node["tags"]) {
      if (auto t = r.Strings(node["tags"], "tags")) rule->tags = *t;
    }
    if (node["docs"] && r.Mapping(node["docs"], "docs", {"about", "fix", "references"})) {
      const YAML::Node d = node["docs"];
      if (d["about"]) rule->about = r.String(d["about"], "docs.about").value_or("");
      if (d["fix"]) rule->fix = r.String(d["fix"], "docs.fix").value_or("");
      if (d["references"]) {
        rule->references = r.Strings(d["references"], "docs.references").value_or(rule->references);
      }
    }
    if (node["examples"] && r.Mapping(node["examples"], "examples", {"bad", "good"})) {
      const YAML::Node ex = node["examples"];
      if (ex["bad"]) rule->bad = r.String(ex["bad"], "examples.bad").value_or("");
      if (ex["good"]) rule->good = r.String(ex["good"], "examples.good").value_or("");
    }
    std::set<std::string> placeholders = {"line"};
    if (node["dockerfile"] && node["compose"]) {
      r.Error(node["compose"], "a rule matches either 'dockerfile' or 'compose', not both");
    } else if (node["dockerfile"]) {
      rule->docker = ParseDockerMatcher(r, node["dockerfile"], &placeholders);
    } else if (node["compose"]) {
      rule->compose = ParseComposeMatcher(r, node["compose"], &placeholders);
    } else {
      r.Error(node, "rule has no matcher: give 'dockerfile' or 'compose'");
    }
    if (!node["message"]) {
      r.Error(node, "rule has no 'message'");
    } else if (auto m = r.String(node["message"], "message")) {
      std::string error;
      if (!ParseMessage(*m, placeholders, &rule->message, &error)) r.Error(node["message"], error);
    }
    if (rule->summary.empty()) rule->summary = rule->name;
    if (r.errors().size() != before) return;
    rule->Bind();
    // A rule whose own examples disagree with it is a mistake like a bad key.
    for (const ExampleResult& e : run_examples ? Examples(*rule) : std::vector<ExampleResult>{}) {
      if (!e.passed) {
        r.Error(
            node["examples"][e.example],
            fmt::format("rule {}: {} (run 'pathfinder rules test {}')", rule->id, e.detail, path));
      }
    }
    if (r.errors().size() != before) return;
    rules_.push_back(std::move(rule));
  }
}

std::vector<const rules::Rule*> RuleSet::rules() const {
  std::vector<const rules::Rule*> out;
  for (const auto& r : rules_) out.push_back(&r->rule);
  return out;
}

const rules::Rule* RuleSet::Find(std::string_view id) const {
  for (const auto& r : rules_) {
    if (r->id == id) return &r->rule;
  }
  return nullptr;
}

std::vector<ExampleResult> RuleSet::TestExamples() const {
  std::vector<ExampleResult> out;
  for (const auto& r : rules_) {
    for (ExampleResult& e : Examples(*r)) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace pf::custom

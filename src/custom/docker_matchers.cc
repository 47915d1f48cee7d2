// Stage, file and ordering matchers, the `command` matcher and the
// combinators, and the dispatch from a `dockerfile:` key to its matcher.

#include <fmt/format.h>

#include <algorithm>

#include "core/nearest.h"
#include "custom/docker_parse.h"
#include "rules/docker/image_ref.h"
#include "rules/docker/run_commands.h"

namespace pf::custom {

DockerEval::DockerEval(const rules::DockerContext& context) : context_(context) {
  int stage = -1;
  for (const auto& inst : context.file.instructions) {
    if (inst.keyword == "from") ++stage;
    targets_.push_back(Target{&inst, &inst, stage});
    if (inst.keyword == "onbuild" && inst.child) {
      targets_.push_back(Target{inst.child.get(), &inst, stage});
    }
  }
}

Hit DockerEval::FileHit() const {
  const dockerfile::Stage* last = context_.model.final_stage();
  Hit hit;
  if (last != nullptr && last->from != nullptr) {
    hit.range = last->from->range;
  } else {
    hit.range = Range{Position{1, 1}, Position{1, 1}};
  }
  return hit;
}

namespace {

std::vector<Hit> HitsOf(const DockerMatcher& m, const DockerEval& eval) {
  std::vector<Hit> hits;
  m.Hits(eval, &hits);
  return hits;
}

// Parameters of one stage; all must hold.
class StageMatcher : public DockerMatcher {
 public:
  std::optional<bool> is_final, has_name, from_stage;
  std::optional<std::string> name, base_image;
  std::shared_ptr<const RE2> name_regex;

  Level level() const override { return Level::kStage; }
  bool Match(const DockerEval& eval, int index) const {
    const auto& stages = eval.context().model.stages();
    if (index < 0 || index >= static_cast<int>(stages.size())) return false;
    const dockerfile::Stage& s = stages[static_cast<std::size_t>(index)];
    if (is_final && (index + 1 == static_cast<int>(stages.size())) != *is_final) return false;
    if (has_name && s.name.empty() == *has_name) return false;
    if (from_stage && (s.base_stage >= 0) != *from_stage) return false;
    if (name && s.name != rules::ToLower(*name)) return false;
    if (name_regex && !RE2::PartialMatch(s.name, *name_regex)) return false;
    if (base_image) {
      if (!s.base_resolved) return false;
      const bool full = base_image->find_first_of(":@") != std::string::npos;
      if (full ? s.base != *base_image : rules::ParseImageRef(s.base).repository != *base_image) {
        return false;
      }
    }
    return true;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    const auto& stages = eval.context().model.stages();
    for (const auto& s : stages) {
      if (!Match(eval, s.index) || s.from == nullptr) continue;
      Hit hit{Target{s.from, s.from, s.index}, s.from->range, {}};
      hit.vars["stage"] = s.name.empty() ? std::to_string(s.index) : s.name;
      hit.vars["image"] = s.base;
      out->push_back(std::move(hit));
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    if (hit.at.inst == nullptr) return !HitsOf(*this, eval).empty();
    return Match(eval, hit.at.stage);
  }
};

// `missing`: no instruction matches, in the file or its final stage.
class MissingMatcher : public DockerMatcher {
 public:
  std::unique_ptr<DockerMatcher> what;
  bool final_stage_only = false;

  Level level() const override { return Level::kFile; }
  bool Absent(const DockerEval& eval) const {
    const int final_index = static_cast<int>(eval.context().model.stages().size()) - 1;
    if (final_index < 0) return false;  // nothing built, nothing missing
    for (const Hit& h : HitsOf(*what, eval)) {
      if (!final_stage_only || h.at.stage == final_index) return false;
    }
    return true;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    if (Absent(eval)) out->push_back(eval.FileHit());
  }
  bool Holds(const DockerEval& eval, const Hit&) const override { return Absent(eval); }
};

// Instructions of `what` in the final stage.
class FinalStageHas : public DockerMatcher {
 public:
  std::unique_ptr<DockerMatcher> what;
  Level level() const override { return Level::kInstruction; }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    const int final_index = static_cast<int>(eval.context().model.stages().size()) - 1;
    for (Hit& h : HitsOf(*what, eval)) {
      if (h.at.stage == final_index) out->push_back(std::move(h));
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    if (hit.at.inst == nullptr) return !HitsOf(*this, eval).empty();
    const int final_index = static_cast<int>(eval.context().model.stages().size()) - 1;
    return hit.at.stage == final_index && what->Holds(eval, hit);
  }
};

// Instructions of `what` with (or without) an instruction of `other`
// earlier or later in the same stage.
class OrderMatcher : public DockerMatcher {
 public:
  std::unique_ptr<DockerMatcher> what, other;
  bool later = false;   // look after `what` (before / not_followed_by)
  bool negate = false;  // not_followed_by: fires when none is there
  Level level() const override { return Level::kInstruction; }
  bool Related(const DockerEval& eval, const Hit& h, const std::vector<Hit>& others) const {
    const auto& t = eval.targets();
    auto pos = [&](const Target& x) {
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].inst == x.inst) return i;
      }
      return t.size();
    };
    const std::size_t at = pos(h.at);
    for (const Hit& o : others) {
      if (o.at.stage != h.at.stage) continue;
      const std::size_t p = pos(o.at);
      if (later ? p > at : p < at) return true;
    }
    return false;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    const std::vector<Hit> others = HitsOf(*other, eval);
    for (Hit& h : HitsOf(*what, eval)) {
      if (Related(eval, h, others) != negate) out->push_back(std::move(h));
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    if (hit.at.inst == nullptr) return !HitsOf(*this, eval).empty();
    return what->Holds(eval, hit) && Related(eval, hit, HitsOf(*other, eval)) != negate;
  }
};

// A command that a RUN executes: shell form, heredoc scripts, `sh -c`
// exec form (parsed), and exec form that runs a program directly.
class CommandMatcher : public DockerMatcher {
 public:
  std::optional<std::string> name, subcommand;
  std::vector<std::string> has_flag, lacks_flag;
  std::shared_ptr<const RE2> arg_regex;

  Level level() const override { return Level::kInstruction; }

  // Exec-form argv (all literal), name first, read without option tables.
  bool MatchArgs(const std::vector<std::string>& args, const std::vector<bool>& literal,
                 Vars* vars) const {
    if (args.empty()) return false;
    const std::string prog(rules::runcmd::Basename(args[0]));
    if (name && (!literal[0] || prog != *name)) return false;
    bool after_dashes = false;
    std::vector<std::string> flags;
    const std::string* sub = nullptr;
    bool arg_hit = !arg_regex;
    for (std::size_t i = 1; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (!after_dashes && a == "--") {
        after_dashes = true;
        continue;
      }
      if (!after_dashes && a.size() > 1 && a[0] == '-') {
        if (literal[i]) flags.push_back(a.substr(0, a.find('=')));
        if (a[1] != '-' && literal[i]) {  // -xyz holds -x, -y, -z
          for (std::size_t k = 1; k < a.size(); ++k) flags.push_back(std::string("-") + a[k]);
        }
        continue;
      }
      if (sub == nullptr) sub = &a;
      if (arg_regex && RE2::PartialMatch(a, *arg_regex)) arg_hit = true;
    }
    if (subcommand && (sub == nullptr || *sub != *subcommand)) return false;
    auto has = [&](const std::string& f) {
      return std::find(flags.begin(), flags.end(), f) != flags.end();
    };
    for (const std::string& f : has_flag) {
      if (!has(f)) return false;
    }
    for (const std::string& f : lacks_flag) {
      if (has(f)) return false;
    }
    if (!arg_hit) return false;
    (*vars)["command"] = prog;
    (*vars)["subcommand"] = sub != nullptr ? *sub : "";
    return true;
  }

  // A parsed shell command, read with the tool's option table (so that
  // `apt-get -o K=V install` finds `install`); non-literal words never match.
  bool MatchShell(const shell::SimpleCommand& c, Vars* vars) const {
    const std::string prog(c.Name());
    if (prog.empty() || (name && prog != *name)) return false;
    const shell::ShellWord* sub = shell::Subcommand(c);
    const std::string sub_text = sub != nullptr && sub->literal ? sub->value : "";
    if (subcommand && sub_text != *subcommand) return false;
    for (const std::string& f : has_flag) {
      if (!shell::HasFlag(c, {std::string_view(f)})) return false;
    }
    for (const std::string& f : lacks_flag) {
      if (shell::HasFlag(c, {std::string_view(f)})) return false;
    }
    if (arg_regex) {
      bool hit = false;
      for (const shell::ShellWord* w : shell::Positionals(c)) {
        hit = hit || (w->literal && RE2::PartialMatch(w->value, *arg_regex));
      }
      if (!hit) return false;
    }
    (*vars)["command"] = prog;
    (*vars)["subcommand"] = sub_text;
    return true;
  }

  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    const rules::DockerContext& ctx = eval.context();
    std::vector<const dockerfile::Instruction*> reported;
    auto once = [&](const dockerfile::Instruction* run) {
      if (std::find(reported.begin(), reported.end(), run) != reported.end()) return false;
      reported.push_back(run);
      return true;
    };
    for (const rules::RunScript& script : ctx.run_scripts()) {
      if (!script.posix()) continue;
      for (const shell::SimpleCommand* c : script.parsed.AllCommands()) {
        Vars vars;
        if (!MatchShell(*c, &vars) || !once(script.run)) continue;
        Hit hit{Target{script.run, script.scope, script.stage},
                ctx.source.RangeOf(script.ToSource(c->span)), std::move(vars)};
        out->push_back(std::move(hit));
      }
    }
    for (const auto& exec : rules::runcmd::ExecFormRuns(ctx)) {
      std::vector<std::string> args;
      for (const auto& w : exec.run->args) args.push_back(w.text);
      Vars vars;
      if (!MatchArgs(args, std::vector<bool>(args.size(), true), &vars) || !once(exec.run)) {
        continue;
      }
      int stage = -1;
      for (const Target& t : eval.targets()) {
        if (t.inst == exec.run) stage = t.stage;
      }
      out->push_back(Hit{Target{exec.run, exec.scope, stage}, exec.run->range, std::move(vars)});
    }
    std::sort(out->begin(), out->end(), [](const Hit& a, const Hit& b) {
      return std::tie(a.range.start.line, a.range.start.column) <
             std::tie(b.range.start.line, b.range.start.column);
    });
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    for (const Hit& h : HitsOf(*this, eval)) {
      if (hit.at.inst == nullptr || h.at.inst == hit.at.inst) return true;
    }
    return false;
  }
};

// all_of: the hits of its most specific positive child that every other
// child holds for; only negations or file matchers: one file hit.
class AllOf : public DockerMatcher {
 public:
  std::vector<std::unique_ptr<DockerMatcher>> children;
  Level level() const override {
    Level l = Level::kFile;
    for (const auto& c : children) {
      if (c->positive()) l = std::min(l, c->level());
    }
    return l;
  }
  const DockerMatcher* Primary() const {
    const DockerMatcher* best = nullptr;
    for (const auto& c : children) {
      if (c->positive() && (best == nullptr || c->level() < best->level())) best = c.get();
    }
    return best;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    const DockerMatcher* primary = Primary();
    std::vector<Hit> candidates;
    if (primary != nullptr && primary->level() != Level::kFile) {
      candidates = HitsOf(*primary, eval);
    } else {
      candidates.push_back(eval.FileHit());
    }
    for (Hit& h : candidates) {
      bool all = true;
      for (const auto& c : children) {
        if (c.get() != primary || primary->level() == Level::kFile) all = all && c->Holds(eval, h);
      }
      if (all) out->push_back(std::move(h));
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    for (const auto& c : children) {
      if (!c->Holds(eval, hit)) return false;
    }
    return true;
  }
};

class AnyOf : public DockerMatcher {
 public:
  std::vector<std::unique_ptr<DockerMatcher>> children;
  Level level() const override {
    Level l = Level::kInstruction;
    for (const auto& c : children) l = std::max(l, c->level());
    return l;
  }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    std::vector<Hit> all;
    for (const auto& c : children) c->Hits(eval, &all);
    // One hit per place: two children matching the same instruction report once.
    for (Hit& h : all) {
      bool seen = std::any_of(out->begin(), out->end(), [&](const Hit& o) {
        return o.at.inst == h.at.inst && o.range.start.line == h.range.start.line &&
               o.range.start.column == h.range.start.column;
      });
      if (!seen) out->push_back(std::move(h));
    }
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    for (const auto& c : children) {
      if (c->Holds(eval, hit)) return true;
    }
    return false;
  }
};

// not / none_of: holds where the child does not; alone, a file hit when the
// child matches nowhere.
class Not : public DockerMatcher {
 public:
  std::unique_ptr<DockerMatcher> child;
  Level level() const override { return child->level(); }
  bool positive() const override { return false; }
  void Hits(const DockerEval& eval, std::vector<Hit>* out) const override {
    if (HitsOf(*child, eval).empty()) out->push_back(eval.FileHit());
  }
  bool Holds(const DockerEval& eval, const Hit& hit) const override {
    return !child->Holds(eval, hit);
  }
};

const std::vector<std::string> kMatchers = {"instruction",
                                            "missing",
                                            "all_of",
                                            "any_of",
                                            "none_of",
                                            "not",
                                            "instruction_after",
                                            "instruction_before",
                                            "stage",
                                            "final_stage_has",
                                            "command"};

std::vector<std::unique_ptr<DockerMatcher>> ParseList(YamlReader& r, const YAML::Node& node,
                                                      std::string_view what,
                                                      std::set<std::string>* ph) {
  std::vector<std::unique_ptr<DockerMatcher>> out;
  if (!node.IsSequence() || node.size() == 0) {
    r.Error(node, fmt::format("{} must be a non-empty list of matchers", what));
    return out;
  }
  for (const YAML::Node& item : node) {
    if (auto m = ParseDockerMatcher(r, item, ph)) out.push_back(std::move(m));
  }
  return out;
}

std::unique_ptr<DockerMatcher> ParseStage(YamlReader& r, const YAML::Node& node,
                                          std::set<std::string>* ph) {
  if (!r.Mapping(node, "stage",
                 {"is_final", "name", "name_regex", "has_name", "base_image", "from_stage"})) {
    return nullptr;
  }
  const std::size_t before = r.errors().size();
  auto m = std::make_unique<StageMatcher>();
  ph->insert({"stage", "image"});
  if (node["is_final"]) m->is_final = r.Bool(node["is_final"], "stage.is_final");
  if (node["has_name"]) m->has_name = r.Bool(node["has_name"], "stage.has_name");
  if (node["from_stage"]) m->from_stage = r.Bool(node["from_stage"], "stage.from_stage");
  if (node["name"]) m->name = r.String(node["name"], "stage.name");
  if (node["base_image"]) m->base_image = r.String(node["base_image"], "stage.base_image");
  if (node["name_regex"]) m->name_regex = r.Regex(node["name_regex"], "stage.name_regex");
  if (r.errors().size() != before) return nullptr;
  return m;
}

std::unique_ptr<DockerMatcher> ParseCommand(YamlReader& r, const YAML::Node& node,
                                            std::set<std::string>* ph) {
  if (!r.Mapping(node, "command", {"name", "subcommand", "has_flag", "lacks_flag", "arg_regex"})) {
    return nullptr;
  }
  const std::size_t before = r.errors().size();
  auto m = std::make_unique<CommandMatcher>();
  ph->insert({"command", "subcommand", "instruction", "line", "stage"});
  if (node["name"]) m->name = r.String(node["name"], "command.name");
  if (node["subcommand"]) m->subcommand = r.String(node["subcommand"], "command.subcommand");
  if (node["has_flag"]) {
    m->has_flag = r.Strings(node["has_flag"], "command.has_flag").value_or(m->has_flag);
  }
  if (node["lacks_flag"]) {
    m->lacks_flag = r.Strings(node["lacks_flag"], "command.lacks_flag").value_or(m->lacks_flag);
  }
  if (node["arg_regex"]) m->arg_regex = r.Regex(node["arg_regex"], "command.arg_regex");
  if (r.errors().size() != before) return nullptr;
  return m;
}

std::unique_ptr<DockerMatcher> ParseOrder(YamlReader& r, const YAML::Node& node, bool before_form,
                                          std::set<std::string>* ph) {
  const std::string what = before_form ? "instruction_before" : "instruction_after";
  std::vector<std::string> keys = {"instruction"};
  keys.push_back(before_form ? "before" : "after");
  if (before_form) keys.push_back("not_followed_by");
  if (!r.Mapping(node, what, keys)) return nullptr;
  auto m = std::make_unique<OrderMatcher>();
  if (!node["instruction"]) {
    r.Error(node, fmt::format("{} needs 'instruction'", what));
    return nullptr;
  }
  m->what = ParseInstruction(r, node["instruction"], ph);
  const char* other_key = before_form ? "before" : "after";
  if (before_form && node["not_followed_by"]) {
    if (node["before"]) {
      r.Error(node, "instruction_before takes 'before' or 'not_followed_by', not both");
      return nullptr;
    }
    other_key = "not_followed_by";
    m->negate = true;
  } else if (!node[other_key]) {
    r.Error(node, fmt::format("{} needs '{}'", what,
                              before_form ? "before' or 'not_followed_by" : "after"));
    return nullptr;
  }
  std::set<std::string> unused;
  m->other = ParseInstruction(r, node[other_key], &unused);
  m->later = before_form;
  if (!m->what || !m->other) return nullptr;
  return m;
}

}  // namespace

std::unique_ptr<DockerMatcher> ParseDockerMatcher(YamlReader& r, const YAML::Node& node,
                                                  std::set<std::string>* ph) {
  if (!node.IsMap() || node.size() != 1) {
    r.Error(node, fmt::format("a matcher is a mapping with exactly one of: {}",
                              fmt::join(kMatchers, ", ")));
    return nullptr;
  }
  const YAML::Node key_node = node.begin()->first;
  const YAML::Node value = node.begin()->second;
  const std::string key = key_node.IsScalar() ? key_node.Scalar() : "";
  if (key == "instruction") return ParseInstruction(r, value, ph);
  if (key == "stage") return ParseStage(r, value, ph);
  if (key == "command") return ParseCommand(r, value, ph);
  if (key == "instruction_after") return ParseOrder(r, value, false, ph);
  if (key == "instruction_before") return ParseOrder(r, value, true, ph);
  if (key == "missing") {
    auto m = std::make_unique<MissingMatcher>();
    // A fresh handle: assigning to a YAML::Node would overwrite `value`.
    const bool wrapped = value.IsMap() && value["instruction"];
    const YAML::Node what = wrapped ? value["instruction"] : value;
    if (wrapped) {
      if (!r.Mapping(value, "missing", {"instruction", "in"})) return nullptr;
      if (value["in"]) {
        auto in = r.String(value["in"], "missing.in");
        if (!in) return nullptr;
        if (*in != "file" && *in != "final_stage") {
          r.Error(value["in"], "missing.in must be 'file' or 'final_stage'");
          return nullptr;
        }
        m->final_stage_only = *in == "final_stage";
      }
    }
    std::set<std::string> unused;
    m->what = ParseInstruction(r, what, &unused);
    if (!m->what) return nullptr;
    return m;
  }
  if (key == "final_stage_has") {
    auto m = std::make_unique<FinalStageHas>();
    const bool wrapped = value.IsMap() && value["instruction"];
    const YAML::Node what = wrapped ? value["instruction"] : value;
    if (wrapped && !r.Mapping(value, "final_stage_has", {"instruction"})) return nullptr;
    m->what = ParseInstruction(r, what, ph);
    if (!m->what) return nullptr;
    return m;
  }
  if (key == "all_of" || key == "any_of" || key == "none_of") {
    auto children = ParseList(r, value, key, ph);
    if (children.empty() || children.size() != value.size()) return nullptr;
    if (key == "all_of") {
      auto m = std::make_unique<AllOf>();
      m->children = std::move(children);
      return m;
    }
    auto any = std::make_unique<AnyOf>();
    any->children = std::move(children);
    if (key == "any_of") return any;
    auto none = std::make_unique<Not>();
    none->child = std::move(any);
    return none;
  }
  if (key == "not") {
    auto m = std::make_unique<Not>();
    m->child = ParseDockerMatcher(r, value, ph);
    if (!m->child) return nullptr;
    return m;
  }
  r.Error(key_node, fmt::format("unknown matcher '{}'; did you mean '{}'?", key,
                                NearestNames(key, kMatchers, 1).front()));
  return nullptr;
}

}  // namespace pf::custom

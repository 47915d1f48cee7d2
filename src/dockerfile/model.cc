#include "dockerfile/model.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace pf::dockerfile {
namespace {

// ARGs BuildKit defines from the build and target platforms.
constexpr const char* kPlatformArgs[] = {
    "BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT",
    "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Sets `name` from an expansion: its value when definite, else unknown.
void SetExpanded(Env* env, const std::string& name, const ExpandResult& r) {
  if (r.resolved()) {
    env->Set(name, r.word);
  } else {
    env->SetUnknown(name);
  }
}

// Copies the value `name` has in `from` (known or unknown) into `to`.
void CopyVar(const Env& from, const std::string& name, Env* to) {
  if (const std::string* v = from.Get(name)) {
    to->Set(name, *v);
  } else if (from.IsUnknown(name)) {
    to->SetUnknown(name);
  }
}

struct ArgWord {
  std::string key;
  std::string value;
  bool has_value = false;
};

ArgWord SplitArg(const std::string& word) {
  ArgWord a;
  std::size_t eq = word.find('=');
  a.key = word.substr(0, eq);
  if (eq != std::string::npos) {
    a.value = word.substr(eq + 1);
    a.has_value = true;
  }
  return a;
}

}  // namespace

Model Model::Build(const Dockerfile& file, const BuildArgs& build_args) {
  Model m;
  m.escape_ = file.escape;
  const ExpandOptions opts{file.escape};
  for (const char* name : kPlatformArgs) m.global_env_.SetUnknown(name);

  std::vector<Env> final_env;  // each stage's variables after its last instruction
  Env env;                     // the current stage's variables
  std::vector<std::pair<std::string, int>> names;  // lower-case stage names so far

  for (const Instruction& inst : file.instructions) {
    if (m.stages_.empty() && inst.keyword != "from") {
      // Global scope: ARGs accumulate, each default sees the earlier ones.
      m.env_at_[&inst] = m.global_env_;
      if (inst.keyword != "arg") continue;
      for (const Word& w : inst.args) {
        ArgWord a = SplitArg(w.text);
        if (auto it = build_args.find(a.key); it != build_args.end()) {
          m.global_env_.Set(a.key, it->second);
        } else if (a.has_value) {
          SetExpanded(&m.global_env_, a.key, ExpandWord(a.value, m.global_env_, opts));
        }
      }
      continue;
    }

    if (inst.keyword == "from") {
      if (!m.stages_.empty()) final_env.push_back(env);
      m.env_at_[&inst] = m.global_env_;
      Stage st;
      st.index = static_cast<int>(m.stages_.size());
      st.from = &inst;
      if (!inst.args.empty()) {
        ExpandResult base = ExpandWord(inst.args[0].text, m.global_env_, opts);
        st.base = base.ok ? base.word : inst.args[0].text;
        st.base_resolved = base.resolved();
      } else {
        st.base_resolved = false;
      }
      if (inst.args.size() >= 3 && Lower(inst.args[1].text) == "as") {
        st.name = Lower(inst.args[2].text);
      }
      for (const Flag& f : inst.flags) {
        if (f.name != "platform") continue;
        ExpandResult p = ExpandWord(f.value, m.global_env_, opts);
        st.platform = p.ok ? p.word : f.value;
        st.platform_resolved = p.resolved();
      }
      env = Env();
      if (st.base_resolved) {
        std::string base = Lower(st.base);
        for (const auto& [name, index] : names) {
          if (name == base) st.base_stage = index;
        }
      }
      // A stage built on an earlier one continues from its variables.
      if (st.base_stage >= 0) env = final_env[static_cast<std::size_t>(st.base_stage)];
      if (!st.name.empty()) names.emplace_back(st.name, st.index);
      m.stage_of_[&inst] = st.index;
      m.stages_.push_back(std::move(st));
      continue;
    }

    Stage& st = m.stages_.back();
    st.instructions.push_back(&inst);
    m.stage_of_[&inst] = st.index;
    m.env_at_[&inst] = env;
    if (inst.keyword == "arg") {
      // Each ARG of the instruction sees the ones before it.
      for (const Word& w : inst.args) {
        ArgWord a = SplitArg(w.text);
        if (auto it = build_args.find(a.key); it != build_args.end()) {
          env.Set(a.key, it->second);
        } else if (a.has_value) {
          SetExpanded(&env, a.key, ExpandWord(a.value, env, opts));
        } else {
          CopyVar(m.global_env_, a.key, &env);
        }
      }
    } else if (inst.keyword == "env") {
      // All pairs of one ENV expand against the variables before it.
      const Env before = env;
      for (std::size_t i = 0; i + 1 < inst.args.size(); i += 3) {
        ExpandResult key = ExpandWord(inst.args[i].text, before, opts);
        if (!key.resolved() || key.word.empty()) continue;
        SetExpanded(&env, key.word, ExpandWord(inst.args[i + 1].text, before, opts));
      }
    }
  }
  return m;
}

const Stage* Model::StageOf(const Instruction& inst) const {
  auto it = stage_of_.find(&inst);
  if (it == stage_of_.end()) return nullptr;
  return &stages_[static_cast<std::size_t>(it->second)];
}

const Env& Model::EnvAt(const Instruction& inst) const {
  auto it = env_at_.find(&inst);
  return it == env_at_.end() ? global_env_ : it->second;
}

ExpandResult Model::Expand(const Instruction& inst, std::string_view word) const {
  return ExpandWord(word, EnvAt(inst), ExpandOptions{escape_});
}

std::optional<std::string> Model::Resolve(const Instruction& inst, std::string_view word) const {
  ExpandResult r = Expand(inst, word);
  if (!r.resolved()) return std::nullopt;
  return std::move(r.word);
}

}  // namespace pf::dockerfile

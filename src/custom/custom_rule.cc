#include "custom/custom_rule.h"

#include <fmt/format.h>

#include "compose/model.h"

namespace pf::custom {

namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

const CustomRule& RuleOf(const rules::Emitter& emitter) {
  return *static_cast<const CustomRule*>(emitter.meta().data);
}

void CheckDocker(const rules::DockerContext& context, rules::Emitter& emitter) {
  const CustomRule& rule = RuleOf(emitter);
  DockerEval eval(context);
  std::vector<Hit> hits;
  rule.docker->Hits(eval, &hits);
  for (Hit& hit : hits) {
    hit.vars.emplace("line", std::to_string(hit.range.start.line));
    if (hit.at.inst != nullptr) {
      hit.vars.emplace("instruction", Upper(hit.at.inst->keyword));
    }
    if (!hit.vars.contains("stage") && hit.at.stage >= 0) {
      const auto& s = context.model.stages()[static_cast<std::size_t>(hit.at.stage)];
      hit.vars["stage"] = s.name.empty() ? std::to_string(s.index) : s.name;
    }
    std::string offending = hit.at.inst != nullptr ? hit.at.inst->original : "";
    emitter.Report(hit.range, rule.Render(hit.vars), std::move(offending));
  }
}

void CheckCompose(const rules::ComposeContext& context, rules::Emitter& emitter) {
  const CustomRule& rule = RuleOf(emitter);
  for (const compose::Service& service : context.project.services) {
    if (service.file != 0) continue;  // positions of included files are not in this one
    Vars vars;
    Range at = service.name_range;
    if (!(*rule.compose)(service, &vars, &at)) continue;
    vars["service"] = service.name;
    vars.emplace("line", std::to_string(at.start.line));
    emitter.Report(at, rule.Render(vars), "", service.name);
  }
}

}  // namespace

bool ParseMessage(const std::string& text, const std::set<std::string>& known,
                  std::vector<MessagePart>* parts, std::string* error) {
  std::size_t i = 0;
  std::string literal;
  while (i < text.size()) {
    // `{{` and `}}` write a brace.
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      literal += text[i];
      i += 2;
      continue;
    }
    if (text[i] == '{') {
      std::size_t close = text.find('}', i);
      if (close == std::string::npos) {
        *error = "unclosed '{' in message (write '{{' for a brace)";
        return false;
      }
      std::string name = text.substr(i + 1, close - i - 1);
      if (!known.contains(name)) {
        *error = fmt::format(
            "message placeholder '{{{}}}' is not filled by this rule's "
            "matchers (available: {})",
            name, fmt::join(known, ", "));
        return false;
      }
      if (!literal.empty()) parts->push_back(MessagePart{std::move(literal), false});
      literal.clear();
      parts->push_back(MessagePart{name, true});
      i = close + 1;
      continue;
    }
    literal += text[i++];
  }
  if (!literal.empty()) parts->push_back(MessagePart{std::move(literal), false});
  return true;
}

std::string CustomRule::Render(const Vars& vars) const {
  std::string out;
  for (const MessagePart& p : message) {
    if (!p.placeholder) {
      out += p.text;
      continue;
    }
    auto it = vars.find(p.text);
    // A placeholder another branch of any_of fills is left visible.
    out += it != vars.end() ? it->second : "{" + p.text + "}";
  }
  return out;
}

void CustomRule::Bind() {
  rules::RuleMeta& m = rule.meta;
  m.id = id;
  m.name = name;
  m.category = category;
  m.cwe = cwe;
  m.bundle = "custom";
  m.language = compose ? rules::Language::kCompose : rules::Language::kDocker;
  m.tags.assign(tags.begin(), tags.end());
  m.summary = summary;
  m.docs.what = about;
  m.docs.why = "";
  m.docs.fix = fix;
  m.docs.bad_example = bad;
  m.docs.good_example = good;
  m.docs.references.assign(references.begin(), references.end());
  m.data = this;
  rule.docker = docker ? &CheckDocker : nullptr;
  rule.compose = compose ? &CheckCompose : nullptr;
}

}  // namespace pf::custom

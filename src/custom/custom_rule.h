#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "custom/matcher.h"
#include "rules/rule.h"

namespace pf::custom {

// A piece of a message template: text, or a placeholder to fill.
struct MessagePart {
  std::string text;
  bool placeholder = false;
};

// One loaded rule: the strings its metadata views, its matcher, and the
// rules::Rule the engine runs (meta.data points back here).
struct CustomRule {
  std::string id, name, category, cwe, summary, about, fix, bad, good, file;
  std::vector<std::string> tags, references;
  std::vector<MessagePart> message;
  std::unique_ptr<DockerMatcher> docker;
  std::optional<ServicePredicate> compose;
  rules::Rule rule;

  // Fills `rule` from the strings above (call once they are final).
  void Bind();
  std::string Render(const Vars& vars) const;
};

// Splits "EXPOSE of {port}" into parts; false with `error` set on an
// unclosed or unknown placeholder.
bool ParseMessage(const std::string& text, const std::set<std::string>& known,
                  std::vector<MessagePart>* parts, std::string* error);

}  // namespace pf::custom

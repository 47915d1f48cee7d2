#include "rules/rule.h"

namespace pf::rules {

void Emitter::Report(Range range, std::string message, std::string offending_text,
                     std::string service) {
  Finding f;
  f.rule_id = std::string(meta_.id);
  f.rule_name = std::string(meta_.name);
  f.severity = meta_.severity;
  f.file = source_.path();
  f.range = range;
  f.message = std::move(message);
  if (!meta_.cwe.empty()) f.cwe.emplace_back(meta_.cwe);
  f.service = std::move(service);
  f.offending_text = std::move(offending_text);
  out_.push_back(std::move(f));
}

void Emitter::Report(ByteSpan span, std::string message, std::string offending_text,
                     std::string service) {
  Report(source_.RangeOf(span), std::move(message), std::move(offending_text), std::move(service));
}

}  // namespace pf::rules

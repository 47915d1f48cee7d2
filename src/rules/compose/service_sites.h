#pragma once

// Shared helpers of the compose rules: where to report a service's value,
// and small parsers for values several rules read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/model.h"
#include "core/position.h"
#include "rules/rule.h"

namespace pf::rules::compose_rules {

// Services whose key is written in the scanned file. Services brought in by
// top-level `include` live in another file, which is scanned on its own.
std::vector<const compose::Service*> LocalServices(const compose::Project& project);

// Where a finding about a value of `service` goes: the value itself when it
// is written in the scanned file, otherwise (inherited through `extends`
// from another file) the service's key.
Range SiteOf(const compose::Service& service, int file, Range range);

// " (inherited from base.yml)" for values from another file, else "".
std::string InheritedNote(const compose::Project& project, int file);

// Reports through `emitter` at SiteOf(...), naming the service.
void ReportValue(const ComposeContext& context, Emitter& emitter, const compose::Service& service,
                 int file, Range range, std::string message, std::string offending_text);

// A `security_opt` item split at its first ':' or '=' ("seccomp:unconfined",
// "label=disable"); `has_value` is false for a bare "no-new-privileges".
struct SecurityOpt {
  std::string key;    // lower case
  std::string value;  // as written
  bool has_value = false;
};
SecurityOpt SplitSecurityOpt(std::string_view text);

// The first security_opt item of `service` whose key is `key` (lower case)
// and whose value equals `value` (case-insensitive); nullptr if none or if
// the item is unresolved.
const compose::StringValue* FindSecurityOpt(const compose::Service& service, std::string_view key,
                                            std::string_view value);

// Reports the first `security_opt` item equal to key:value / key=value.
void ReportSecurityOpt(const ComposeContext& context, Emitter& emitter, std::string_view key,
                       std::string_view value, std::string_view advice);

// Reports a namespace key (`pid`, `ipc`, ...) set to "host".
void ReportHostNamespace(const ComposeContext& context, Emitter& emitter,
                         const compose::Service& service,
                         const std::optional<compose::StringValue>& field, std::string_view key,
                         std::string_view advice);

std::string Lower(std::string_view text);

// The mapping node of a long-syntax `ports`/`volumes` item, found by its
// range; nullptr for short syntax.
const compose::Node* ItemNode(const compose::Service& service, std::string_view key, Range range,
                              int file);

// "8000-8010" or "80".
std::string RangeText(const compose::PortRange& range);

// The position of a long-syntax port's `published` or `target` value, or
// the item's own position.
Range PortFieldSite(const compose::Service& service, const compose::Port& port,
                    std::string_view field);

// A port item as written, for messages: "8080:80/tcp" style.
std::string PortText(const compose::Port& port);

}  // namespace pf::rules::compose_rules

#include "rules/docker/expose_ports.h"

#include <cctype>
#include <string_view>

namespace pf::rules {

namespace {

// Digits only, at most 9 of them so the value fits; longer numbers are
// clamped to a value above any valid port.
bool ParseNumber(std::string_view text, long long* value) {
  if (text.empty()) return false;
  long long v = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v > 100000000 ? v : v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

void ParseSpec(std::string_view spec, ExposedPort* port) {
  std::string_view rest = spec;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    port->protocol = std::string(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    port->has_host_part = true;
    rest = rest.substr(colon + 1);
  }
  std::string_view low = rest;
  std::string_view high = rest;
  if (auto dash = rest.find('-'); dash != std::string_view::npos) {
    low = rest.substr(0, dash);
    high = rest.substr(dash + 1);
  }
  port->numeric = ParseNumber(low, &port->low) && ParseNumber(high, &port->high);
}

void SplitSpaces(std::string_view text, std::vector<std::string>* out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) out->emplace_back(text.substr(start, i - start));
  }
}

}  // namespace

std::vector<ExposedPort> ExposedPorts(const DockerContext& context,
                                      const dockerfile::Instruction& expose,
                                      const dockerfile::Instruction& scope) {
  std::vector<ExposedPort> ports;
  for (const dockerfile::Word& word : expose.args) {
    std::optional<std::string> value = context.model.Resolve(scope, word.text);
    if (!value) continue;
    std::vector<std::string> specs;
    SplitSpaces(*value, &specs);
    for (const std::string& spec : specs) {
      ExposedPort port;
      port.word = &word;
      port.spec = spec;
      port.from_variable = word.text.find('$') != std::string::npos;
      ParseSpec(spec, &port);
      ports.push_back(std::move(port));
    }
  }
  return ports;
}

std::string PortText(const ExposedPort& port) {
  if (!port.numeric) return port.spec;
  std::string text = std::to_string(port.low);
  if (port.low != port.high) text += "-" + std::to_string(port.high);
  if (!port.protocol.empty()) text += "/" + port.protocol;
  return text;
}

std::vector<ExposeSite> ExposeInstructions(const dockerfile::Dockerfile& file) {
  std::vector<ExposeSite> out;
  for (const auto& inst : file.instructions) {
    if (inst.keyword == "expose") out.push_back({&inst, &inst});
    if (inst.keyword == "onbuild" && inst.child && inst.child->keyword == "expose") {
      out.push_back({inst.child.get(), &inst});
    }
  }
  return out;
}

}  // namespace pf::rules

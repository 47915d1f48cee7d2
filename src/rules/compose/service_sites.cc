#include "rules/compose/service_sites.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace pf::rules::compose_rules {

std::vector<const compose::Service*> LocalServices(const compose::Project& project) {
  std::vector<const compose::Service*> out;
  for (const compose::Service& service : project.services) {
    if (service.file == 0) out.push_back(&service);
  }
  return out;
}

Range SiteOf(const compose::Service& service, int file, Range range) {
  return file == 0 ? range : service.name_range;
}

std::string InheritedNote(const compose::Project& project, int file) {
  if (file == 0 || file < 0 || static_cast<std::size_t>(file) >= project.files.size()) return "";
  std::string name =
      std::filesystem::path(project.files[static_cast<std::size_t>(file)]).filename().string();
  return fmt::format(" (inherited from {})", name);
}

void ReportValue(const ComposeContext& context, Emitter& emitter, const compose::Service& service,
                 int file, Range range, std::string message, std::string offending_text) {
  emitter.Report(SiteOf(service, file, range), message + InheritedNote(context.project, file),
                 std::move(offending_text), service.name);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

SecurityOpt SplitSecurityOpt(std::string_view text) {
  SecurityOpt opt;
  std::size_t sep = text.find_first_of(":=");
  opt.key = Lower(text.substr(0, sep));
  if (sep != std::string_view::npos) {
    opt.value = std::string(text.substr(sep + 1));
    opt.has_value = true;
  }
  return opt;
}

const compose::StringValue* FindSecurityOpt(const compose::Service& service, std::string_view key,
                                            std::string_view value) {
  for (const compose::StringValue& item : service.security_opt) {
    if (item.unresolved) continue;
    SecurityOpt opt = SplitSecurityOpt(item.value);
    if (opt.key == key && opt.has_value && Lower(opt.value) == value) return &item;
  }
  return nullptr;
}

void ReportSecurityOpt(const ComposeContext& context, Emitter& emitter, std::string_view key,
                       std::string_view value, std::string_view advice) {
  for (const compose::Service* service : LocalServices(context.project)) {
    const compose::StringValue* item = FindSecurityOpt(*service, key, value);
    if (item == nullptr) continue;
    ReportValue(
        context, emitter, *service, item->file, item->range,
        fmt::format("service '{}' sets security_opt '{}'; {}", service->name, item->value, advice),
        fmt::format("{}:{}", key, value));
  }
}

void ReportHostNamespace(const ComposeContext& context, Emitter& emitter,
                         const compose::Service& service,
                         const std::optional<compose::StringValue>& field, std::string_view key,
                         std::string_view advice) {
  // Docker compares these modes exactly: "Host" is not the host namespace.
  if (!field || field->unresolved || field->value != "host") return;
  ReportValue(context, emitter, service, field->file, field->range,
              fmt::format("service '{}' sets '{}: host'; {}", service.name, key, advice),
              fmt::format("{}: host", key));
}

const compose::Node* ItemNode(const compose::Service& service, std::string_view key, Range range,
                              int file) {
  const compose::Node* list = service.Raw(key);
  if (list == nullptr) return nullptr;
  for (const compose::Node& item : list->items) {
    if (item.IsMapping() && item.file == file && item.range.start == range.start) return &item;
  }
  return nullptr;
}

std::string RangeText(const compose::PortRange& range) {
  if (range.start == range.end) return std::to_string(range.start);
  return fmt::format("{}-{}", range.start, range.end);
}

Range PortFieldSite(const compose::Service& service, const compose::Port& port,
                    std::string_view field) {
  if (port.long_syntax) {
    if (const compose::Node* item = ItemNode(service, "ports", port.range, port.file)) {
      if (const compose::Node* value = item->Find(field)) return value->range;
    }
  }
  return port.range;
}

std::string PortText(const compose::Port& port) {
  std::string text;
  if (!port.host_ip.empty()) {
    text += port.host_ip.find(':') != std::string::npos ? "[" + port.host_ip + "]:"
                                                        : port.host_ip + ":";
  }
  if (port.published) text += RangeText(*port.published) + ":";
  if (port.target) text += RangeText(*port.target);
  text += "/" + port.protocol;
  return text;
}

}  // namespace pf::rules::compose_rules

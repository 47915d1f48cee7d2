#include "compose/ports.h"

#include <algorithm>
#include <vector>

namespace pf::compose {
namespace {

// Go's strconv.ParseInt(s, 10, 0) then a 0-65535 check; returns the error
// text Compose shows, or empty.
std::string ParsePortNumber(std::string_view s, int& out) {
  if (s.empty()) return "value is empty";
  std::size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return "invalid syntax";
  long long v = 0;
  bool overflow = false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return "invalid syntax";
    if (!overflow) {
      v = v * 10 + (s[i] - '0');
      if (v > (1LL << 62)) overflow = true;
    }
  }
  if (overflow) return "value out of range";
  if (negative) v = -v;
  if (v < 0 || v > 65535)
    return "value out of range (0\xE2\x80\x93"
           "65535)";
  out = static_cast<int>(v);
  return {};
}

bool ParseIpv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) v = v * 10 + (s[i++] - '0');
    std::size_t len = i - start;
    if (len == 0 || v > 255 || (len > 1 && s[start] == '0')) return false;
    ++parts;
    if (i == s.size()) break;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
  return parts == 4;
}

bool ParseIpv6(std::string_view s) {
  if (s.empty()) return false;
  int groups = 0;
  bool ellipsis = false;
  std::size_t i = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = true;
    i = 2;
    if (i == s.size()) return true;
  }
  while (i < s.size()) {
    std::size_t start = i;
    while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])) && i - start < 5) ++i;
    if (i - start == 0 || i - start > 4) return false;
    if (i < s.size() && s[i] == '.') {
      // Embedded IPv4 in the last 32 bits.
      if (groups > 6 || !ParseIpv4(s.substr(start))) return false;
      groups += 2;
      i = s.size();
      break;
    }
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (ellipsis) return false;
      ellipsis = true;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return false;
    }
    if (groups > 8) return false;
  }
  if (ellipsis) return groups < 8;
  return groups == 8;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

}  // namespace

bool IsValidIp(std::string_view ip) {
  if (ip.find(':') != std::string_view::npos) return ParseIpv6(ip);
  return ParseIpv4(ip);
}

PortRangeResult ParsePortRange(std::string_view text) {
  PortRangeResult r;
  if (text.empty()) {
    r.error = "empty string specified for ports";
    return r;
  }
  std::size_t dash = text.find('-');
  std::string_view start = text.substr(0, dash);
  int s = 0;
  if (std::string e = ParsePortNumber(start, s); !e.empty()) {
    r.error = "invalid start port '" + std::string(start) + "': " + e;
    return r;
  }
  if (dash == std::string_view::npos) {
    r.range = PortRange{s, s};
    return r;
  }
  std::string_view end = text.substr(dash + 1);
  if (start == end) {
    r.range = PortRange{s, s};
    return r;
  }
  int e = 0;
  if (std::string err = ParsePortNumber(end, e); !err.empty()) {
    r.error = "invalid end port '" + std::string(end) + "': " + err;
    return r;
  }
  if (e < s) {
    r.error = "invalid port range: " + std::string(text);
    return r;
  }
  r.range = PortRange{s, e};
  return r;
}

PortSpecResult ParsePortSpec(std::string_view raw) {
  PortSpecResult r;
  auto parts = Split(raw, ':');
  std::string ip;
  std::string_view host_port;
  std::string_view container;
  std::size_t n = parts.size();
  if (n == 1) {
    container = parts[0];
  } else if (n == 2) {
    host_port = parts[0];
    container = parts[1];
  } else {
    // Everything before the last two parts is the host IP (IPv6 may hold ':').
    std::size_t ip_len = static_cast<std::size_t>(parts[n - 2].data() - raw.data()) - 1;
    ip = std::string(raw.substr(0, ip_len));
    host_port = parts[n - 2];
    container = parts[n - 1];
  }
  std::string proto;
  std::size_t slash = container.find('/');
  std::string_view port = container.substr(0, slash);
  if (slash != std::string_view::npos) proto = std::string(container.substr(slash + 1));
  if (port.empty()) {
    r.error = "no port specified: " + std::string(raw) + "<empty>";
    return r;
  }
  if (proto.empty()) proto = "tcp";
  std::transform(proto.begin(), proto.end(), proto.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (proto != "tcp" && proto != "udp" && proto != "sctp") {
    r.error = "invalid proto: " + proto;
    return r;
  }
  if (!ip.empty() && ip[0] == '[') {
    std::size_t close = ip.find(']');
    if (close == std::string::npos) {
      r.error = "invalid IP address " + ip + ": address " + ip + ":: missing ']' in address";
      return r;
    }
    if (close + 1 != ip.size() || ip.find('[', 1) != std::string::npos ||
        ip.find(']', close + 1) != std::string::npos) {
      r.error = "invalid IP address " + ip + ": address " + ip + ":: missing port in address";
      return r;
    }
    ip = ip.substr(1, close - 1);
  }
  if (!ip.empty() && !IsValidIp(ip)) {
    r.error = "invalid IP address: " + ip;
    return r;
  }
  PortRangeResult target = ParsePortRange(port);
  if (!target.range) {
    r.error = "invalid containerPort: " + std::string(port);
    return r;
  }
  PortSpec spec;
  spec.host_ip = ip;
  spec.target = *target.range;
  spec.protocol = proto;
  if (!host_port.empty()) {
    PortRangeResult host = ParsePortRange(host_port);
    if (!host.range) {
      r.error = "invalid hostPort: " + std::string(host_port);
      return r;
    }
    if (spec.target.end - spec.target.start != host.range->end - host.range->start &&
        spec.target.end != spec.target.start) {
      r.error = "invalid ranges specified for container and host Ports: " + std::string(port) +
                " and " + std::string(host_port);
      return r;
    }
    spec.published = host.range;
  }
  r.spec = std::move(spec);
  return r;
}

PortMappingsResult ExpandPortSpec(std::string_view raw) {
  PortMappingsResult r;
  PortSpecResult parsed = ParsePortSpec(raw);
  if (!parsed.ok()) {
    r.error = parsed.error;
    return r;
  }
  const PortSpec& spec = *parsed.spec;
  int count = spec.target.end - spec.target.start + 1;
  std::vector<std::pair<std::string, PortMapping>> keyed;
  keyed.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    PortMapping m;
    m.host_ip = spec.host_ip;
    m.target = spec.target.start + i;
    m.protocol = spec.protocol;
    if (spec.published) {
      m.published = std::to_string(spec.published->start + i);
      if (count == 1 && spec.published->start != spec.published->end) {
        m.published += "-" + std::to_string(spec.published->end);
      }
    }
    keyed.emplace_back(std::to_string(m.target) + "/" + m.protocol, std::move(m));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, m] : keyed) r.mappings.push_back(std::move(m));
  return r;
}

}  // namespace pf::compose

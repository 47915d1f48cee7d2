#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pf::compose {

struct PortRange {
  int start = 0;
  int end = 0;  // == start for a single port
  friend bool operator==(const PortRange&, const PortRange&) = default;
};

// A short-syntax port spec, "[host_ip:][host_port[-end]:]port[-end][/proto]",
// validated as Docker Compose (go-connections v0.7.0) does.
struct PortSpec {
  std::string host_ip;                 // "" when absent; IPv6 without brackets
  std::optional<PortRange> published;  // host side; nullopt when absent or empty
  PortRange target;                    // container side
  std::string protocol;                // "tcp", "udp" or "sctp" (lower case)
};

struct PortSpecResult {
  std::optional<PortSpec> spec;
  std::string error;  // Compose's message, e.g. "invalid containerPort: 99999"
  bool ok() const { return spec.has_value(); }
};

// One published port as Compose lists it after expanding a spec.
struct PortMapping {
  std::string host_ip;
  std::string published;  // "" none, "8080", or "8000-8010" (host range to one port)
  int target = 0;
  std::string protocol;
  friend bool operator==(const PortMapping&, const PortMapping&) = default;
};

struct PortMappingsResult {
  std::vector<PortMapping> mappings;
  std::string error;
  bool ok() const { return error.empty(); }
};

struct PortRangeResult {
  std::optional<PortRange> range;
  std::string error;
};

// "80", "8000-8010": the parser used for each side of a spec. Accepts a
// leading '+', rejects values outside 0-65535.
PortRangeResult ParsePortRange(std::string_view text);

// Validates one short-syntax spec, keeping ranges unexpanded.
PortSpecResult ParsePortSpec(std::string_view spec);

// Expands a spec into one mapping per container port, in Compose's order
// (sorted by the text "<port>/<proto>").
PortMappingsResult ExpandPortSpec(std::string_view spec);

// Checks an IP address literal (IPv4 dotted quad or IPv6), as Go's
// net.ParseIP does.
bool IsValidIp(std::string_view ip);

}  // namespace pf::compose

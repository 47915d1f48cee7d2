#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pf::compose {

struct VolumeBindOptions {
  bool create_host_path = false;
  std::string propagation;  // rprivate, private, rshared, shared, rslave, slave
  std::string selinux;      // "z" or "Z"
};

struct VolumeVolumeOptions {
  bool nocopy = false;
};

// A short-syntax volume entry "[source:]target[:options]".
struct VolumeSpec {
  std::string type;    // "bind" (source is a path) or "volume" (named/anonymous)
  std::string source;  // "" for an anonymous volume
  std::string target;
  bool read_only = false;
  std::optional<VolumeBindOptions> bind;
  std::optional<VolumeVolumeOptions> volume;
};

struct VolumeSpecResult {
  std::optional<VolumeSpec> spec;
  std::string error;  // e.g. "invalid spec: a:b:c:d: too many colons"
  bool ok() const { return spec.has_value(); }
};

// Parses a short volume spec as Docker Compose does on every platform:
// a one-letter "X:" is a Windows drive, not a separator; "${...}" is kept
// whole; a source starting with '.', '/', '~', "\\\\" or a drive letter is a
// bind mount, anything else names a volume. Options: ro, rw, nocopy,
// propagation modes, z/Z; unknown options are ignored.
VolumeSpecResult ParseVolumeSpec(std::string_view spec);

// True when a volume source is a host path (the rule ParseVolumeSpec uses).
bool IsHostPath(std::string_view source);

}  // namespace pf::compose

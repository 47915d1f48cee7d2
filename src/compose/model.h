#pragma once

// The typed docker-compose model that compose rules read.
//
// Every typed field keeps the Range of its value and an `unresolved` flag:
// when true, the value came from `${VAR}` with VAR unset and no default, so
// the real value is unknown at scan time and rules should stay silent on it.
// Values from another file (via `extends` or `include`) have `file` != 0;
// their positions are in Project::files[file], not in the scanned file.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/node.h"
#include "compose/ports.h"
#include "compose/volumes.h"
#include "core/position.h"

namespace pf::compose {

struct StringValue {
  std::string value;
  Range range;
  bool unresolved = false;
  int file = 0;
};

// A boolean field. Accepts what Compose accepts: YAML booleans and, case
// insensitively, the strings y/yes/true/on and n/no/false/off (also quoted,
// also after interpolation). `valid` is false for anything else (then
// `value` is false and `text` holds what was written).
struct BoolValue {
  bool value = false;
  bool valid = true;
  std::string text;
  Range range;
  bool unresolved = false;
  int file = 0;
};

// One `ports:` item, short ("127.0.0.1:8080:80/udp", 80) or long syntax
// (target/published/host_ip/protocol/mode). Ranges stay unexpanded.
struct Port {
  std::string host_ip;                 // "" when none; IPv6 without brackets
  std::optional<PortRange> published;  // nullopt: not published to a fixed host port
  std::optional<PortRange> target;     // nullopt only when invalid
  std::string protocol = "tcp";        // tcp, udp or sctp
  std::string mode;                    // long syntax "host"/"ingress"; "" for short
  bool long_syntax = false;
  std::string error;  // non-empty when the item is not a valid port (Compose's message)
  Range range;        // the item
  bool unresolved = false;
  int file = 0;
};

// One `volumes:` item of a service, short ("./src:/app:ro") or long syntax.
struct Volume {
  std::string type;  // bind, volume, tmpfs, npipe, image, cluster
  std::string source;
  std::string target;
  bool read_only = false;
  std::optional<VolumeBindOptions> bind;
  std::optional<VolumeVolumeOptions> volume;
  bool long_syntax = false;
  std::string error;
  Range range;         // the item
  Range source_range;  // long syntax: the `source` value; short: the item
  bool unresolved = false;
  int file = 0;
};

// One environment variable or build arg, from list ("K=V", "K") or map form
// (K: V, K: null). `value` is nullopt when no value is given.
struct EnvVar {
  std::string name;
  std::optional<std::string> value;
  Range range;  // the list item, or the map value (the key when null)
  Range name_range;
  bool unresolved = false;
  int file = 0;
};

struct Build {
  std::optional<StringValue> context;  // also the string form `build: ./dir`
  std::optional<StringValue> dockerfile;
  std::optional<StringValue> target;
  std::vector<EnvVar> args;
  Range range;
  int file = 0;
};

struct Service {
  std::string name;
  Range name_range;  // the service's key under `services:`
  int file = 0;      // file of the key (non-zero for included services)

  std::optional<StringValue> image;
  std::optional<Build> build;
  std::vector<Port> ports;
  std::vector<Volume> volumes;
  std::vector<EnvVar> environment;
  std::vector<StringValue> security_opt;
  std::vector<StringValue> cap_add;
  std::vector<StringValue> cap_drop;
  std::optional<BoolValue> privileged;
  std::optional<BoolValue> read_only;
  std::optional<StringValue> network_mode;
  std::optional<StringValue> pid;
  std::optional<StringValue> ipc;
  std::optional<StringValue> uts;
  std::optional<StringValue> cgroup;
  std::optional<StringValue> userns_mode;
  std::optional<StringValue> user;

  // The service's whole mapping (after extends/merges), for any other key.
  Node node;
  // Shortcut for node.Find(key).
  const Node* Raw(std::string_view key) const { return node.Find(key); }
};

// A problem that does not stop loading (an invalid port, an unknown
// boolean spelling, ...). Rules may ignore it; the CLI may show it.
struct Diagnostic {
  std::string message;
  Range range;
  int file = 0;
};

struct Project {
  std::vector<std::string> files;  // [0] is the loaded file; then .env, extends, includes
  std::vector<Service> services;   // in file order (included services after)
  Node root;                       // the whole document after merges, extends, includes
  std::map<std::string, std::string> environment;  // variables used for interpolation
  std::vector<Diagnostic> diagnostics;

  const Service* FindService(std::string_view name) const;
};

// Builds the typed fields of one service from its mapping (exposed for
// tests and tools; Load calls it).
Service BuildService(std::string name, Range name_range, int file, Node node,
                     std::vector<Diagnostic>& diagnostics);

// Compose's boolean spellings; nullopt when `text` is not one of them.
std::optional<bool> ParseComposeBool(std::string_view text);

}  // namespace pf::compose

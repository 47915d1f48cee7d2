#pragma once

#include <string>
#include <vector>

#include "dockerfile/ast.h"
#include "rules/rule.h"

namespace pf::rules {

// One port spec of an EXPOSE instruction after variable expansion. Shared by
// the EXPOSE rules (privileged, invalid, SSH, format) so they agree on what
// a port is.
struct ExposedPort {
  const dockerfile::Word* word = nullptr;  // the word as written
  std::string spec;                        // the expanded spec, e.g. "80/tcp" or "8000-8010"
  bool from_variable = false;              // the word contained a `$` reference
  bool numeric = false;                    // container port part is N or N-M with digits only
  long long low = 0;                       // container port (range start); valid when numeric
  long long high = 0;                      // range end (== low for a single port)
  bool has_host_part = false;              // "8080:80" or "1.2.3.4:8080:80"
  std::string protocol;                    // as written after '/', empty when absent
};

// The port specs of an EXPOSE instruction. Words whose value cannot be
// resolved (unknown variables) are left out: rules never guess. A variable
// holding several space-separated specs yields one entry per spec.
// `scope` is the instruction whose variables apply: the EXPOSE itself, or
// the ONBUILD that holds it.
std::vector<ExposedPort> ExposedPorts(const DockerContext& context,
                                      const dockerfile::Instruction& expose,
                                      const dockerfile::Instruction& scope);

// "80", "80-90", "53/udp": the container port or range as it should be
// shown, with the protocol when one is written.
std::string PortText(const ExposedPort& port);

struct ExposeSite {
  const dockerfile::Instruction* expose = nullptr;
  const dockerfile::Instruction* scope = nullptr;
};

// Every EXPOSE instruction of the file, including those under ONBUILD.
std::vector<ExposeSite> ExposeInstructions(const dockerfile::Dockerfile& file);

}  // namespace pf::rules

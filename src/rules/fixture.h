#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "dockerfile/model.h"

namespace pf::rules {

// An expectation written in a fixture as an own-line comment that applies
// to the next non-comment line:
//   # expect: DOCKER-AUD-003 col=8 "port 80"
// The column and the quoted message part are optional.
struct Expectation {
  std::string rule_id;
  int line = 0;    // line of the instruction the comment applies to
  int column = 0;  // 0: any column
  std::string message_part;
  int comment_line = 0;  // where the expectation is written, for messages
};

struct Fixture {
  std::vector<Expectation> expectations;
  dockerfile::BuildArgs build_args;  // from "# build-arg: K=V" lines
  std::vector<std::string> errors;   // malformed expectation lines
};

// Reads the expectations of a fixture's text. `comment` is "#" for both
// Dockerfiles and YAML; YAML fixtures may also put `# expect:` at the end
// of the line it applies to.
Fixture ReadFixture(const std::string& text, bool allow_trailing);

// Two-way comparison: every finding of `rule_id` must match an expectation
// (same rule, line within [line, last_line_of(line)], column if given,
// message part if given) and every expectation must be matched. Returns
// one human-readable line per mismatch; empty when all match.
std::vector<std::string> CompareFindings(const Fixture& fixture, const std::string& rule_id,
                                         const std::vector<Finding>& findings,
                                         const std::vector<std::pair<int, int>>& line_spans);

}  // namespace pf::rules

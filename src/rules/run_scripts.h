#pragma once

#include <string>
#include <vector>

#include "core/position.h"
#include "dockerfile/ast.h"
#include "dockerfile/model.h"
#include "shell/shell.h"

namespace pf::rules {

// One shell script that a RUN executes, parsed into commands: the shell-form
// body, a heredoc body run as a script or fed to a shell, or the `-c`
// argument of an exec-form `["sh", "-c", "..."]`.
struct RunScript {
  const dockerfile::Instruction* run = nullptr;    // the RUN (ONBUILD's child too)
  const dockerfile::Instruction* scope = nullptr;  // where its variables resolve
  int stage = -1;                                  // index in Model::stages(), -1 if none
  shell::ShellInfo shell;                          // SHELL in effect; rules skip non-POSIX shells
  bool from_heredoc = false;
  std::string text;  // the script
  // Source byte offset of each byte of `text`, plus one entry for its end.
  std::vector<std::size_t> offsets;
  shell::ParseResult parsed;

  bool posix() const { return shell.kind == shell::ShellKind::kPosix; }
  // Source span of a span of `text`.
  ByteSpan ToSource(ByteSpan script_span) const;
};

// Every RUN script of the file, in source order. A RUN with several scripts
// (a body and heredocs) gives one entry per script.
std::vector<RunScript> CollectRunScripts(const dockerfile::Dockerfile& file,
                                         const dockerfile::Model& model);

// The SHELL in effect for `inst`: the last SHELL before it in its stage, or
// inherited from the stage it is built on, or /bin/sh -c.
shell::ShellInfo ShellAt(const dockerfile::Dockerfile& file, const dockerfile::Model& model,
                         const dockerfile::Instruction& inst);

}  // namespace pf::rules

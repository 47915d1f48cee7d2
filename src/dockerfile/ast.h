#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/position.h"

namespace pf::dockerfile {

// A word of an instruction's arguments, as BuildKit's parser yields it (one
// node of the argument chain). `text` is exactly what BuildKit's node holds
// (quotes and escapes kept for shell form, decoded for JSON form).
struct Word {
  std::string text;
  Range range;    // where the word stands in the file
  ByteSpan span;  // the same, as byte offsets into the source text
};

// A flag written before the arguments: `--from=build` has name "from",
// value "build", has_value true; `--link` has has_value false.
struct Flag {
  std::string raw;  // "--from=build", as BuildKit keeps it in node.Flags
  std::string name;
  std::string value;
  bool has_value = false;
  Range range;
  ByteSpan span;
};

// A heredoc attached to an instruction (`<<EOF`, `<<-EOF`, `3<<'EOF'`).
struct Heredoc {
  std::string name;     // terminator word with quotes removed
  std::string content;  // raw body, each line with its newline; tabs kept
  bool expand = true;   // false when any part of the word was quoted
  bool chomp = false;   // `<<-`
  int file_descriptor = 0;
  Range word_range;    // the `<<EOF` word on the instruction line
  Range body_range;    // the body lines (start of first to end of last)
  ByteSpan body_span;  // byte offsets of the body in the source text
};

struct Instruction {
  std::string keyword;  // lower case: "from", "run", ...
  Range range;          // whole instruction incl. continuations and heredocs
  Range keyword_range;  // the keyword as written
  std::vector<Flag> flags;
  bool json_form = false;  // exec form (RUN/CMD/ENTRYPOINT/COPY/ADD/...)
  // The argument chain as BuildKit builds it (see the conformance README):
  // ENV/LABEL give key, value, separator triplets; shell form gives one word.
  std::vector<Word> args;
  // The argument text after the flags, continuations joined and comment
  // lines inside continuations removed (BuildKit's node.Original minus the
  // keyword and flags). For shell-form RUN this is the shell script.
  std::string args_text;
  // Byte offset in the source of each byte of args_text (same length), so a
  // token found in args_text maps back to an exact file position.
  std::vector<std::size_t> args_offsets;
  std::vector<Heredoc> heredocs;
  // ONBUILD holds its instruction here.
  std::unique_ptr<Instruction> child;
  // The original text of the instruction (BuildKit's node.Original).
  std::string original;
};

struct Directive {
  std::string name;  // lower case: "syntax", "escape", "check"
  std::string value;
  int line = 0;
  Range range;
};

// A non-fatal parser warning (BuildKit: empty continuation lines, ...).
struct ParserWarning {
  std::string short_message;
  std::vector<std::string> detail;
  std::string url;
  int line = 0;
};

struct Dockerfile {
  std::vector<Instruction> instructions;
  std::vector<Directive> directives;
  char escape = '\\';
  std::vector<ParserWarning> warnings;
};

struct ParseError {
  std::string message;
  Range range;
};

}  // namespace pf::dockerfile

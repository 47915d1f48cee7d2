#pragma once

// Internal to the shell module: the recursive-descent parser and its lexer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shell/shell.h"

namespace pf::shell::internal {

enum class Tok : std::uint8_t { kWord, kOp, kRedirect, kNewline, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string op;  // operator or redirect text
  int fd = -1;     // redirect descriptor
  ShellWord word;
  std::size_t begin = 0;
  std::size_t end = 0;
  // Commands created while lexing this token (command substitutions).
  std::size_t nested_begin = 0;
  std::size_t nested_end = 0;
};

// Where a parser writes and how deep it already is.
struct ParserEnv {
  std::uint32_t context = 0;
  int depth = 0;
  int scope = 0;
  int max_depth = 64;
  bool parse_substitutions = true;              // false: only find their extent
  std::vector<std::size_t>* offsets = nullptr;  // records value byte -> text offset
};

// Maps offsets of a nested text to offsets of the outer script.
struct OffsetMap {
  std::vector<std::size_t> at;  // at[i] for i in [0, size]; at[size] is the end
  std::size_t Map(std::size_t i) const;
  ByteSpan MapSpan(ByteSpan s) const;
};

class Parser {
 public:
  Parser(std::string_view text, ParseResult* out, const ParserEnv& env);

  // Parses the whole text, appending to the result.
  void ParseScript();
  // Lexes one word at the start of the text (for offset recording).
  void LexSingleWord(ShellWord* w);

 private:
  // Lexer (lex.cc).
  const Token& Peek();
  Token Take();
  void SkipBlanks();
  Token Lex();
  void LexWord(ShellWord* w);
  void LexDoubleQuoted(ShellWord* w);
  void LexDollar(ShellWord* w, bool in_dquote);
  void LexBacktick(ShellWord* w, bool in_dquote);
  void LexCommandSubst(ShellWord* w, std::size_t raw_start, std::size_t open);
  void LexAnsiC(ShellWord* w);
  void ReadPendingHeredocs();
  std::size_t MatchParen(std::size_t open) const;
  std::size_t MatchBrace(std::size_t open) const;
  bool IsArithmetic(std::size_t open) const;
  void Append(ShellWord* w, char c, std::size_t src);
  void AppendRaw(ShellWord* w, std::size_t begin, std::size_t end);

  // Grammar (grammar.cc).
  struct CmdRef {
    int first = -1;  // receiving side (first command)
    int last = -1;   // sending side (last command)
  };
  struct PipeRef {
    int index = -1;
    CmdRef cmds;
  };
  // Returns the last pipeline when nothing separates it from what follows.
  PipeRef ParseList();
  PipeRef ParseAndOr(Op prev);
  PipeRef ParsePipeline(Op prev);
  void SetNext(const PipeRef& p, Op op);
  CmdRef ParseCommand();
  CmdRef RangeFrom(std::size_t before) const;
  bool Deeper(std::uint32_t flags, bool new_scope);
  int ParseSimpleCommand();
  void ParseRedirect(SimpleCommand* cmd, std::vector<int>* heredocs,
                     std::vector<std::pair<std::size_t, std::size_t>>* nested);
  void ParseTrailingRedirects();
  void ParseDoubleBracket(SimpleCommand* cmd);
  void ParseIf();
  void ParseWhile();
  void ParseFor();
  void ParseCase();
  void ParseFunctionBody();
  void ParseFunctionKeyword();
  void SkipNewlines();
  bool ExpectWord(std::string_view word);
  bool IsWord(const Token& t, std::string_view word) const;
  bool IsOp(const Token& t, std::string_view op) const;
  bool IsTerminator(const Token& t) const;
  void Error(std::string message, std::size_t offset);
  int NewScope();

  std::string_view text_;
  ParseResult* out_;
  ParserEnv env_;
  std::size_t pos_ = 0;
  Token tok_;
  bool has_tok_ = false;
  std::size_t last_end_ = 0;  // end of the last taken token
  std::vector<int> pending_heredocs_;
  bool abandoned_ = false;  // nesting limit hit: the rest is skipped
};

// Parses `text` as a nested script into `out` and maps its spans through
// `map` (commands and heredocs added by this call only).
void ParseNested(std::string_view text, ParseResult* out, const ParserEnv& env,
                 const OffsetMap& map);

// Strips wrappers and fills command_start, wrappers, args_from_stdin and
// wrapper assignments (wrappers.cc).
void ResolveWrappers(SimpleCommand* cmd);

// Script text run by a shell command (sh -c, su -c, eval, heredoc to sh).
struct NestedScript {
  std::string text;
  OffsetMap map;
};
bool FindNestedScript(const ParseResult& r, const SimpleCommand& cmd, NestedScript* out);

bool IsName(std::string_view s);

}  // namespace pf::shell::internal

// Dockerfile parser following BuildKit's parser.Parse line by line: physical
// lines are joined into logical lines (with a byte map back to the source),
// split into keyword, flags and arguments, and heredoc bodies are read.

#include "dockerfile/parser.h"

#include <string>
#include <vector>

#include "core/utf8.h"
#include "dockerfile/parser_internal.h"

namespace pf::dockerfile {
namespace {

using internal::Piece;

constexpr std::size_t kMaxLine = 64 * 1024;  // bufio.MaxScanTokenSize

bool IsTokenSpace(char c) { return c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' '; }
// unicode.IsSpace applied to a single byte taken as a rune.
bool IsByteSpace(unsigned char c) { return utf8::IsSpace(c); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reads physical lines like bufio.Scanner with BuildKit's scanLines.
class LineScanner {
 public:
  explicit LineScanner(std::string_view text) : text_(text) {}
  // [begin, content_end) is the line without its trailing "\r"/"\n" bytes;
  // [begin, next) includes them.
  struct Line {
    std::size_t begin, content_end, next;
  };
  bool Scan(Line& line) {
    if (too_long_ || pos_ >= text_.size()) return false;
    std::size_t nl = text_.find('\n', pos_);
    std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
    if (end - pos_ >= kMaxLine) {
      too_long_ = true;
      return false;
    }
    line.begin = pos_;
    line.next = nl == std::string_view::npos ? text_.size() : nl + 1;
    std::size_t ce = line.next;
    while (ce > line.begin && (text_[ce - 1] == '\r' || text_[ce - 1] == '\n')) {
      --ce;
    }
    line.content_end = ce;
    pos_ = line.next;
    return true;
  }
  bool too_long() const { return too_long_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool too_long_ = false;
};

// A logical line and the source offset of each of its bytes.
struct Logical {
  std::string text;
  std::vector<std::size_t> offs;
  std::size_t end_offset = 0;  // source offset just after the last byte
  void Append(std::string_view src, std::size_t b, std::size_t e) {
    text.append(src.substr(b, e - b));
    for (std::size_t i = b; i < e; ++i) offs.push_back(i);
    if (e > b) end_offset = e;
  }
};

class InstructionBuilder {
 public:
  InstructionBuilder(const SourceFile& src, const Logical& line, char escape)
      : src_(src), line_(line), escape_(escape) {}

  ByteSpan Span(std::size_t b, std::size_t e) const {
    if (b < e) return {line_.offs[b], line_.offs[e - 1] + 1};
    std::size_t at = b < line_.offs.size() ? line_.offs[b] : line_.end_offset;
    return {at, at};
  }
  Word MakeWord(std::string text, std::size_t b, std::size_t e) const {
    Word w;
    w.text = std::move(text);
    w.span = Span(b, e);
    w.range = src_.RangeOf(w.span);
    return w;
  }

  // newNodeFromLine on line_[lb, le). Returns an error message or "".
  std::string Build(std::size_t lb, std::size_t le, Instruction& out) const {
    std::string_view all = line_.text;
    std::size_t a = internal::SkipUnicodeSpace(all.substr(0, le), lb);
    std::size_t b = internal::TrimUnicodeSpaceRight(all, a, le);
    std::size_t w = a;
    while (w < b && !IsTokenSpace(all[w])) ++w;
    out.keyword = AsciiLower(all.substr(a, w - a));
    out.keyword_range = src_.RangeOf(Span(a, w));
    std::size_t args_begin = b;
    if (w < b) {
      std::size_t r = w;
      while (r < b && IsTokenSpace(all[r])) ++r;
      args_begin = ExtractFlags(r, b, out.flags);
    }
    std::size_t ab = internal::SkipUnicodeSpace(all.substr(0, b), args_begin);
    std::size_t ae = internal::TrimUnicodeSpaceRight(all, ab, b);
    out.args_text.assign(all.substr(ab, ae - ab));
    out.args_offsets.assign(line_.offs.begin() + static_cast<std::ptrdiff_t>(ab),
                            line_.offs.begin() + static_cast<std::ptrdiff_t>(ae));
    return Dispatch(ab, ae, out);
  }

 private:
  // extractBuilderFlags: works on bytes, as BuildKit does.
  std::size_t ExtractFlags(std::size_t from, std::size_t to, std::vector<Flag>& flags) const {
    enum Phase { kSpaces, kWord, kQuote };
    std::string_view s = line_.text;
    Phase phase = kSpaces;
    std::string word;
    std::size_t word_begin = from;
    char quote = 0;
    bool blank_ok = false;
    auto push = [&](std::size_t end) {
      Flag f;
      f.raw = word;
      std::string_view body = f.raw;
      if (body.substr(0, 2) == "--") body.remove_prefix(2);
      std::size_t eq = body.find('=');
      f.name.assign(body.substr(0, eq));
      if (eq != std::string_view::npos) {
        f.has_value = true;
        f.value.assign(body.substr(eq + 1));
      }
      f.span = Span(word_begin, end);
      f.range = src_.RangeOf(f.span);
      flags.push_back(std::move(f));
    };
    for (std::size_t pos = from; pos <= to; ++pos) {
      unsigned char ch = pos != to ? static_cast<unsigned char>(s[pos]) : 0;
      if (phase == kSpaces) {
        if (pos == to) break;
        if (IsByteSpace(ch)) continue;
        if (ch != '-' || pos + 1 == to || s[pos + 1] != '-') return pos;
        phase = kWord;
        word_begin = pos;
      }
      if (pos == to) {
        if (word != "--" && (blank_ok || !word.empty())) push(pos);
        break;
      }
      if (phase == kWord) {
        if (IsByteSpace(ch)) {
          phase = kSpaces;
          if (word == "--") return pos;
          if (blank_ok || !word.empty()) push(pos);
          word.clear();
          blank_ok = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = static_cast<char>(ch);
          blank_ok = true;
          phase = kQuote;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == to) continue;
          ++pos;
          ch = static_cast<unsigned char>(s[pos]);
        }
        internal::AppendRune(word, ch);
        continue;
      }
      if (ch == static_cast<unsigned char>(quote)) {
        phase = kWord;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == to) {
          phase = kWord;
          continue;
        }
        ++pos;
        ch = static_cast<unsigned char>(s[pos]);
      }
      internal::AppendRune(word, ch);
    }
    return to;
  }

  void AddPieces(const std::vector<Piece>& pieces, std::size_t base, Instruction& out) const {
    for (const Piece& p : pieces) {
      out.args.push_back(MakeWord(p.text, base + p.begin, base + p.end));
    }
  }

  void Whitespace(std::size_t ab, std::size_t ae, Instruction& out) const {
    std::string_view s = line_.text;
    std::size_t i = ab;
    while (i <= ae && ab < ae) {
      std::size_t j = i;
      while (j < ae && !IsTokenSpace(s[j])) ++j;
      out.args.push_back(MakeWord(std::string(s.substr(i, j - i)), i, j));
      if (j >= ae) break;
      while (j < ae && IsTokenSpace(s[j])) ++j;
      i = j;
    }
  }

  // Returns false with `error` set for a fatal JSON error.
  bool MaybeJson(std::size_t ab, std::size_t ae, bool to_list, Instruction& out,
                 std::string& error) const {
    std::string_view rest = std::string_view(line_.text).substr(ab, ae - ab);
    if (rest.empty() && !to_list) return true;
    internal::JsonResult json = internal::ParseJsonArray(rest);
    if (json.ok) {
      out.json_form = true;
      AddPieces(json.values, ab, out);
      return true;
    }
    if (json.not_string_array) {
      error = json.error;
      return false;
    }
    if (to_list) {
      Whitespace(ab, ae, out);
    } else {
      out.args.push_back(MakeWord(std::string(rest), ab, ae));
    }
    return true;
  }

  std::string Dispatch(std::size_t ab, std::size_t ae, Instruction& out) const {
    std::string_view rest = std::string_view(line_.text).substr(ab, ae - ab);
    const std::string& k = out.keyword;
    std::string error;
    if (k == "add" || k == "copy" || k == "volume") {
      MaybeJson(ab, ae, true, out, error);
    } else if (k == "cmd" || k == "entrypoint" || k == "run" || k == "shell") {
      MaybeJson(ab, ae, false, out, error);
    } else if (k == "arg") {
      AddPieces(internal::ParseWords(rest, escape_), ab, out);
    } else if (k == "env" || k == "label") {
      internal::NameValResult nv =
          internal::ParseNameVal(rest, k == "env" ? "ENV" : "LABEL", escape_);
      if (nv.error) return *nv.error;
      AddPieces(nv.values, ab, out);
    } else if (k == "expose" || k == "from") {
      Whitespace(ab, ae, out);
    } else if (k == "maintainer" || k == "stopsignal" || k == "user" || k == "workdir") {
      if (!rest.empty()) out.args.push_back(MakeWord(std::string(rest), ab, ae));
    } else if (k == "healthcheck") {
      std::size_t sep = 0;
      while (sep < rest.size() && !IsByteSpace(static_cast<unsigned char>(rest[sep]))) {
        ++sep;
      }
      std::size_t next = sep;
      while (next < rest.size() && IsByteSpace(static_cast<unsigned char>(rest[next]))) {
        ++next;
      }
      if (sep == 0) return "";
      out.args.push_back(MakeWord(std::string(rest.substr(0, sep)), ab, ab + sep));
      MaybeJson(ab + next, ae, false, out, error);
    } else if (k == "onbuild") {
      if (rest.empty()) return "";
      out.child = std::make_unique<Instruction>();
      error = Build(ab, ae, *out.child);
      if (error.empty()) {
        out.child->range = src_.RangeOf(Span(ab, ae));
        out.child->original.assign(rest);
      }
    } else {
      // Unknown instructions keep one empty argument node, as BuildKit does.
      out.args.push_back(MakeWord("", ab, ab));
    }
    return error;
  }

  const SourceFile& src_;
  const Logical& line_;
  char escape_;
};

bool IsCommentLine(std::string_view text, std::size_t b, std::size_t ce) {
  std::size_t i = internal::SkipUnicodeSpace(text.substr(0, ce), b);
  return i < ce && text[i] == '#';
}

// The escape at the end of [b, ce) (blanks after it allowed) continues the
// line unless it is itself escaped. Returns the kept end, or npos.
std::size_t ContinuationEnd(std::string_view text, std::size_t b, std::size_t ce, char escape) {
  std::size_t t = ce;
  while (t > b && (text[t - 1] == ' ' || text[t - 1] == '\t')) --t;
  if (t == b || text[t - 1] != escape) return std::string_view::npos;
  if (t - 1 == b) return b;
  if (text[t - 2] == escape) return std::string_view::npos;
  return t - 1;
}

Range LinesRange(const SourceFile& src, int start_line, int end_line) {
  if (start_line < 1) start_line = 1;
  if (end_line < start_line) end_line = start_line;
  Range r;
  r.start = {start_line, 1};
  r.end = {end_line, CodePointCount(src.Line(end_line)) + 1};
  return r;
}

}  // namespace

std::variant<Dockerfile, ParseError> Parse(const SourceFile& source) {
  std::string_view text = source.text();
  Dockerfile file;
  internal::DirectiveParser directives;
  char escape = '\\';
  LineScanner scanner(text);
  LineScanner::Line phys{};
  int current_line = 0;

  auto error_at = [&](std::string message, int start, int end) {
    return ParseError{std::move(message), LinesRange(source, start, end)};
  };
  // Feeds a line to the directive reader; the escape directive applies at
  // once. Returns an error message or "".
  auto directive = [&](std::size_t b, std::size_t ce) -> std::string {
    std::optional<internal::DirectiveEntry> d;
    if (auto err = directives.ParseLine(text.substr(b, ce - b), d)) return *err;
    if (!d) return "";
    if (d->name == "escape") {
      if (d->value != "\\" && d->value != "`") {
        return "invalid escape token '" + d->value + "' does not match ` or \\";
      }
      escape = d->value[0];
      file.escape = escape;
    }
    Directive out;
    out.name = d->name;
    out.value = d->value;
    out.line = current_line + 1;
    out.range = source.RangeOf({b, ce});
    file.directives.push_back(std::move(out));
    return "";
  };

  while (scanner.Scan(phys)) {
    std::size_t b = phys.begin;
    if (current_line == 0 && text.substr(b, 3) == "\xEF\xBB\xBF") b += 3;
    std::size_t ce = std::max(b, phys.content_end);
    std::size_t ts = internal::SkipUnicodeSpace(text.substr(0, ce), b);
    if (auto err = directive(ts, ce); !err.empty()) {
      return error_at(err, current_line + 1, current_line + 1);
    }
    ++current_line;
    const int start_line = current_line;
    if (ts < ce && text[ts] == '#') continue;  // a comment line
    Logical line;
    line.end_offset = ts;
    std::size_t keep = ContinuationEnd(text, ts, ce, escape);
    bool end_of_line = keep == std::string_view::npos;
    if (end_of_line && ts == ce) continue;
    line.Append(text, ts, end_of_line ? ce : keep);
    std::size_t last_end = ce;

    bool empty_continuation = false;
    while (!end_of_line && scanner.Scan(phys)) {
      std::size_t cb = phys.begin, cce = phys.content_end;
      if (auto err = directive(cb, cce); !err.empty()) {
        return error_at(err, current_line, current_line);
      }
      ++current_line;
      last_end = cce;
      if (IsCommentLine(text, cb, cce)) continue;
      if (internal::SkipUnicodeSpace(text.substr(0, cce), cb) == cce) {
        empty_continuation = true;
        continue;
      }
      std::size_t k = ContinuationEnd(text, cb, cce, escape);
      end_of_line = k == std::string_view::npos;
      line.Append(text, cb, end_of_line ? cce : k);
    }

    if (empty_continuation) {
      ParserWarning w;
      w.short_message = "Empty continuation line found in: " + line.text;
      w.detail = {
          "Empty continuation lines will become errors in a future "
          "release"};
      w.url = "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/";
      w.line = current_line;
      file.warnings.push_back(std::move(w));
    }

    Instruction inst;
    InstructionBuilder builder(source, line, escape);
    if (std::string err = builder.Build(0, line.text.size(), inst); !err.empty()) {
      return error_at(err, start_line, current_line);
    }
    inst.original = line.text;
    const std::size_t inst_begin = line.offs.empty() ? ts : line.offs.front();

    // Heredocs: RUN, COPY, ADD (also under ONBUILD), shell form only.
    const Instruction* target = &inst;
    if (inst.keyword == "onbuild" && inst.child) target = inst.child.get();
    const std::string& tk = target->keyword;
    if ((tk == "run" || tk == "copy" || tk == "add") && !target->json_form &&
        line.text.find("<<") != std::string::npos) {
      internal::HeredocsResult found = internal::HeredocsFromLine(line.text);
      if (found.error) return error_at(*found.error, start_line, current_line);
      for (internal::HeredocWord& h : found.heredocs) {
        Heredoc doc;
        doc.name = h.name;
        doc.expand = h.expand;
        doc.chomp = h.chomp;
        doc.file_descriptor = h.file_descriptor;
        doc.word_range = source.RangeOf(builder.Span(h.begin, h.end));
        std::size_t body_begin = std::string_view::npos, body_end = 0;
        bool terminated = false;
        while (scanner.Scan(phys)) {
          ++current_line;
          std::string_view candidate = text.substr(phys.begin, phys.content_end - phys.begin);
          if (h.chomp) {
            while (!candidate.empty() && candidate.front() == '\t') {
              candidate.remove_prefix(1);
            }
          }
          if (body_begin == std::string_view::npos) body_begin = phys.begin;
          if (candidate == h.name) {
            terminated = true;
            body_end = phys.begin;
            last_end = phys.content_end;
            break;
          }
          doc.content.append(text.substr(phys.begin, phys.next - phys.begin));
        }
        if (!terminated) {
          return error_at("unterminated heredoc", start_line, current_line);
        }
        doc.body_span = {body_begin, body_end};
        doc.body_range = source.RangeOf(doc.body_span);
        inst.heredocs.push_back(std::move(doc));
      }
    }
    inst.range = source.RangeOf({inst_begin, std::max(inst_begin, last_end)});
    file.instructions.push_back(std::move(inst));
  }

  if (file.instructions.empty()) {
    return error_at("file with no instructions", current_line, current_line);
  }
  if (scanner.too_long()) {
    return error_at("dockerfile line greater than max allowed size of 65535", current_line + 1,
                    current_line + 1);
  }
  return file;
}

namespace {

std::string DumpInstruction(const Instruction& inst) {
  std::string s = inst.keyword;
  if (!inst.flags.empty()) {
    s += " [";
    for (std::size_t i = 0; i < inst.flags.size(); ++i) {
      if (i) s += ' ';
      s += internal::GoQuote(inst.flags[i].raw);
    }
    s += ']';
  }
  if (inst.child) {
    s += " (" + DumpInstruction(*inst.child) + ")";
  }
  for (const Word& w : inst.args) {
    s += ' ';
    s += internal::GoQuote(w.text);
  }
  return s;
}

}  // namespace

std::string Dump(const Dockerfile& file) {
  std::string out;
  for (const Instruction& inst : file.instructions) {
    out += '(' + DumpInstruction(inst) + ")\n";
  }
  // Go trims the whole dump of surrounding white space.
  std::size_t b = internal::SkipUnicodeSpace(out);
  std::size_t e = internal::TrimUnicodeSpaceRight(out, b, out.size());
  return out.substr(b, e - b);
}

}  // namespace pf::dockerfile

#include "compose/interpolate.h"

#include "compose/text_util.h"
#include "core/utf8.h"

namespace pf::compose {
namespace {

constexpr int kMaxDepth = 64;

bool IsNameStart(char c) {
  return c == '_' || detail::IsAsciiLetter(static_cast<unsigned char>(c));
}
bool IsNameChar(char c) {
  return IsNameStart(c) || detail::IsAsciiDigit(static_cast<unsigned char>(c));
}

struct Failure {
  InterpolationError kind = InterpolationError::kNone;
  std::string text;
};

class Interpolator {
 public:
  Interpolator(const Lookup& lookup, bool& unresolved) : lookup_(lookup), unresolved_(unresolved) {}

  // Substitutes `text`; appends to `out`. Returns false with `fail` set on error.
  bool Run(std::string_view text, int depth, std::string& out, Failure& fail) {
    if (depth > kMaxDepth) {
      fail = {InterpolationError::kTooDeep, "interpolation nested too deeply"};
      return false;
    }
    // Errors name the template of the substitution call they occur in; the
    // text after a braced operator is substituted as its own template.
    std::string_view rest_template;
    std::size_t rest_end = std::string_view::npos;
    auto err_template = [&](std::size_t at) {
      return rest_end != std::string_view::npos && at < rest_end ? rest_template : text;
    };
    std::size_t i = 0;
    std::size_t cached_bound = std::string_view::npos;
    std::size_t cached_brace = std::string_view::npos;
    while (i < text.size()) {
      std::size_t dollar = text.find('$', i);
      if (dollar == std::string_view::npos) {
        out.append(text.substr(i));
        break;
      }
      out.append(text.substr(i, dollar - i));
      i = dollar;
      if (i + 1 >= text.size()) {
        out += '$';
        ++i;
        continue;
      }
      char next = text[i + 1];
      if (next == '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (IsNameStart(next)) {
        std::size_t j = i + 2;
        while (j < text.size() && IsNameChar(text[j])) ++j;
        Resolve(text.substr(i + 1, j - i - 1), out);
        i = j;
        continue;
      }
      if (next != '{') {
        out += '$';
        ++i;
        continue;
      }
      // "${": a name, then "}" or an operator.
      std::size_t j = i + 2;
      if (j < text.size() && IsNameStart(text[j])) {
        ++j;
        while (j < text.size() && IsNameChar(text[j])) ++j;
      }
      std::string_view name = text.substr(i + 2, j - i - 2);
      if (name.empty() || j >= text.size()) return Invalid(err_template(i), fail);
      if (text[j] == '}') {
        Resolve(name, out);
        i = j + 1;
        continue;
      }
      std::size_t op_len = 0;
      if (text[j] == ':' && j + 1 < text.size() &&
          (text[j + 1] == '-' || text[j + 1] == '+' || text[j + 1] == '?')) {
        op_len = 2;
      } else if (text[j] == '-' || text[j] == '+' || text[j] == '?') {
        op_len = 1;
      }
      if (op_len == 0) return Invalid(err_template(i), fail);
      // The operand runs greedily to the last "}" on this line.
      std::size_t bound = text.find('\n', j);
      if (bound == std::string_view::npos) bound = text.size();
      std::size_t last;
      if (bound == cached_bound) {
        last = cached_brace;
      } else {
        last = text.substr(0, bound).rfind('}');
        cached_bound = bound;
        cached_brace = last;
      }
      if (last == std::string_view::npos || last < j + op_len)
        return Invalid(err_template(i), fail);
      // Then it is cut at the first balanced "}" (counting every "{").
      std::string_view match = text.substr(i, last + 1 - i);
      std::size_t close = ClosingBrace(match);
      std::string_view body;  // between "${" and the closing brace
      std::size_t after;      // index in text just after the closing brace
      if (close == std::string_view::npos) {
        body = match.substr(2, match.size() - 3);
        after = last + 1;
      } else {
        body = match.substr(2, close - 2);
        after = i + close + 1;
      }
      std::string_view op = text.substr(j, op_len);
      std::string_view operand = body.substr(name.size() + op_len);
      if (!Apply(name, op, operand, depth, out, fail)) return false;
      if (after < last + 1) {
        rest_template = text.substr(after, last + 1 - after);
        rest_end = last + 1;
      }
      i = after;
    }
    return true;
  }

 private:
  static std::size_t ClosingBrace(std::string_view s) {
    int open = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (s[k] == '}') {
        --open;
        if (open == 0) return k;
      }
      if (s[k] == '{') {
        ++open;
        ++k;  // the character after "{" is never a closing brace
      }
    }
    return std::string_view::npos;
  }

  static bool Invalid(std::string_view tmpl, Failure& fail) {
    fail = {InterpolationError::kInvalidTemplate, "Invalid template: " + utf8::GoQuote(tmpl)};
    return false;
  }

  void Resolve(std::string_view name, std::string& out) {
    auto v = lookup_(name);
    if (v) {
      out += *v;
    } else {
      unresolved_ = true;
    }
  }

  bool Apply(std::string_view name, std::string_view op, std::string_view operand, int depth,
             std::string& out, Failure& fail) {
    auto v = lookup_(name);
    bool set = v.has_value();
    bool nonempty = set && !v->empty();
    if (op == ":-" || op == "-") {
      bool use_default = op == ":-" ? !nonempty : !set;
      if (use_default) return Run(operand, depth + 1, out, fail);
      out += *v;
      return true;
    }
    if (op == ":+" || op == "+") {
      bool use_repl = op == ":+" ? nonempty : set;
      if (use_repl) return Run(operand, depth + 1, out, fail);
      if (set) out += *v;
      return true;
    }
    bool ok = op == ":?" ? nonempty : set;
    if (ok) {
      out += *v;
      return true;
    }
    std::string reason;
    if (!Run(operand, depth + 1, reason, fail)) return false;
    fail.kind = InterpolationError::kMissingRequired;
    fail.text = "required variable " + std::string(name) + " is missing a value";
    if (!reason.empty()) fail.text += ": " + reason;
    return false;
  }

  const Lookup& lookup_;
  bool& unresolved_;
};

}  // namespace

InterpolationResult Interpolate(std::string_view text, const Lookup& lookup) {
  InterpolationResult r;
  if (text.find('$') == std::string_view::npos) {
    r.value = std::string(text);
    return r;
  }
  Failure fail;
  Interpolator in(lookup, r.unresolved);
  if (!in.Run(text, 0, r.value, fail)) {
    r.value.clear();
    r.error = fail.kind;
    r.error_text = std::move(fail.text);
  }
  return r;
}

}  // namespace pf::compose

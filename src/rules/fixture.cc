#include "rules/fixture.h"

#include <fmt/format.h>

#include <sstream>

namespace pf::rules {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Parses the text after "expect:"; returns false on a malformed line.
bool ParseExpectation(std::string_view spec, Expectation* out) {
  spec = Trim(spec);
  std::size_t end = spec.find_first_of(" \t");
  out->rule_id = std::string(spec.substr(0, end));
  if (out->rule_id.empty()) return false;
  spec = end == std::string_view::npos ? std::string_view() : Trim(spec.substr(end));
  if (spec.starts_with("col=")) {
    std::size_t stop = spec.find_first_of(" \t");
    try {
      out->column = std::stoi(std::string(spec.substr(4, stop - 4)));
    } catch (...) {
      return false;
    }
    spec = stop == std::string_view::npos ? std::string_view() : Trim(spec.substr(stop));
  }
  if (spec.empty()) return true;
  if (spec.size() < 2 || spec.front() != '"' || spec.back() != '"') return false;
  out->message_part = std::string(spec.substr(1, spec.size() - 2));
  return true;
}

}  // namespace

Fixture ReadFixture(const std::string& text, bool allow_trailing) {
  Fixture fixture;
  std::vector<Expectation> pending;
  std::istringstream in(text);
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    std::string_view line = Trim(raw);
    if (line.starts_with("#")) {
      std::string_view body = Trim(line.substr(1));
      if (body.starts_with("expect:")) {
        Expectation e;
        e.comment_line = number;
        if (ParseExpectation(body.substr(7), &e)) {
          pending.push_back(e);
        } else {
          fixture.errors.push_back(fmt::format("line {}: malformed expectation", number));
        }
      } else if (body.starts_with("build-arg:")) {
        std::string_view kv = Trim(body.substr(10));
        std::size_t eq = kv.find('=');
        if (eq == std::string_view::npos) {
          fixture.errors.push_back(fmt::format("line {}: build-arg needs K=V", number));
        } else {
          fixture.build_args[std::string(kv.substr(0, eq))] = std::string(kv.substr(eq + 1));
        }
      }
      continue;
    }
    if (line.empty()) continue;
    if (allow_trailing) {
      if (std::size_t at = line.find("# expect:"); at != std::string_view::npos) {
        Expectation e;
        e.comment_line = number;
        if (ParseExpectation(line.substr(at + 9), &e)) {
          e.line = number;
          fixture.expectations.push_back(e);
        } else {
          fixture.errors.push_back(fmt::format("line {}: malformed expectation", number));
        }
      }
    }
    for (Expectation& e : pending) {
      e.line = number;
      fixture.expectations.push_back(e);
    }
    pending.clear();
  }
  for (const Expectation& e : pending) {
    fixture.errors.push_back(
        fmt::format("line {}: expectation is not followed by a line", e.comment_line));
  }
  return fixture;
}

std::vector<std::string> CompareFindings(const Fixture& fixture, const std::string& rule_id,
                                         const std::vector<Finding>& findings,
                                         const std::vector<std::pair<int, int>>& line_spans) {
  auto last_line_of = [&](int line) {
    for (const auto& [first, last] : line_spans) {
      if (first == line) return last;
    }
    return line;
  };
  std::vector<std::string> problems = fixture.errors;
  std::vector<bool> used(fixture.expectations.size(), false);
  for (const Finding& f : findings) {
    if (f.rule_id != rule_id) continue;
    bool matched = false;
    for (std::size_t i = 0; i < fixture.expectations.size() && !matched; ++i) {
      const Expectation& e = fixture.expectations[i];
      if (used[i] || e.rule_id != f.rule_id) continue;
      if (f.range.start.line < e.line || f.range.start.line > last_line_of(e.line)) continue;
      if (e.column != 0 && e.column != f.range.start.column) continue;
      if (f.message.find(e.message_part) == std::string::npos) continue;
      used[i] = true;
      matched = true;
    }
    if (!matched) {
      problems.push_back(fmt::format("unexpected finding {}:{}: {} {}", f.range.start.line,
                                     f.range.start.column, f.rule_id, f.message));
    }
  }
  for (std::size_t i = 0; i < fixture.expectations.size(); ++i) {
    const Expectation& e = fixture.expectations[i];
    if (used[i] || e.rule_id != rule_id) continue;
    problems.push_back(fmt::format(
        "missing finding {} on line {}{}{} (expectation on line {})", e.rule_id, e.line,
        e.column ? fmt::format(" col {}", e.column) : "",
        e.message_part.empty() ? "" : " with \"" + e.message_part + "\"", e.comment_line));
  }
  return problems;
}

}  // namespace pf::rules

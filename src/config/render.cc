// `config print` and `config init`: the config as YAML with comments.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "config/config.h"
#include "rules/registry.h"

namespace pf::config {

namespace {

constexpr std::size_t kCommentColumn = 44;

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string List(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back(Quoted(item));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

// "key: value" with the origin as a comment in one column.
void Line(std::string& out, const std::string& text, const std::string& comment) {
  out += text;
  if (!comment.empty()) {
    out += std::string(text.size() < kCommentColumn ? kCommentColumn - text.size() : 1, ' ');
    out += "# " + comment;
  }
  out += '\n';
}

void RuleSection(std::string& out, const Config& config) {
  out += "rules:\n";
  for (const rules::Rule* rule : rules::AllRules()) {
    auto configured = config.rules.find(std::string(rule->meta.id));
    const RuleConfig* rc = configured == config.rules.end() ? nullptr : &configured->second;
    const bool overridden = rc != nullptr && rc->severity;
    if (rule->meta.options.empty() && !overridden) continue;
    out += fmt::format("  {}:\n", rule->meta.id);
    if (overridden) {
      Line(out, fmt::format("    severity: {}", SeverityName(*rc->severity)),
           DescribeOrigin(rc->severity_origin));
    } else {
      Line(out, fmt::format("    severity: {}", SeverityName(rule->meta.severity)), "default");
    }
    for (const rules::OptionSpec& spec : rule->meta.options) {
      const std::string name(spec.name);
      if (rc != nullptr && rc->options.count(name) > 0) {
        Line(out, fmt::format("    {}: {}", name, rules::FormatOptionValue(rc->options.at(name))),
             DescribeOrigin(rc->option_origins.at(name)));
      } else {
        Line(out, fmt::format("    {}: {}", name, rules::FormatOptionValue(spec.default_value)),
             "default");
      }
    }
  }
}

std::string WrapComment(std::string_view text, std::string_view indent) {
  std::string out;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t space = text.find(' ', start);
    std::string_view word = text.substr(
        start, space == std::string_view::npos ? std::string_view::npos : space - start);
    if (!line.empty() && line.size() + word.size() + 1 > 76) {
      out += fmt::format("{}# {}\n", indent, line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  if (!line.empty()) out += fmt::format("{}# {}\n", indent, line);
  return out;
}

}  // namespace

std::string RenderEffectiveConfig(const Config& config) {
  std::string out;
  out += config.path.empty() ? "# no configuration file: defaults and command-line flags\n"
                             : fmt::format("# configuration file: {}\n", config.path);
  Line(out,
       "rulesets: " +
           (config.rulesets.value.empty() ? std::string("[]") : List(config.rulesets.value)),
       config.rulesets.set() ? DescribeOrigin(config.rulesets.origin)
                             : "default (every built-in rule)");
  Line(out, "ignore: " + List(config.ignore.value), DescribeOrigin(config.ignore.origin));
  Line(out, "fail-on: " + List(config.fail_on.value),
       config.fail_on.set() ? DescribeOrigin(config.fail_on.origin)
                            : "default (exit 0 whatever is found)");
  Line(out,
       "min-severity: " +
           (config.min_severity.value.empty() ? std::string("info") : config.min_severity.value),
       DescribeOrigin(config.min_severity.origin));
  Line(out, "exclude: " + List(config.excludes.value), DescribeOrigin(config.excludes.origin));
  if (config.build_args.value.empty()) {
    Line(out, "build-args: {}", DescribeOrigin(config.build_args.origin));
  } else {
    Line(out, "build-args:", DescribeOrigin(config.build_args.origin));
    for (const auto& [name, value] : config.build_args.value) {
      out += fmt::format("  {}: {}\n", name, Quoted(value));
    }
  }
  Line(out,
       "baseline: " +
           (config.baseline.value.empty() ? std::string("null") : Quoted(config.baseline.value)),
       config.baseline.set() ? DescribeOrigin(config.baseline.origin) : "default (none)");
  Line(out, fmt::format("inline-ignore: {}", config.inline_ignore.value ? "true" : "false"),
       DescribeOrigin(config.inline_ignore.origin));
  Line(out, "rules-paths: " + List(config.rules_paths.value),
       DescribeOrigin(config.rules_paths.origin));
  RuleSection(out, config);
  return out;
}

std::string StarterConfig() {
  std::string out =
      "# pathfinder configuration. It is read from the project root; command-line\n"
      "# flags win over it. `pathfinder config print` shows the effective values.\n"
      "\n"
      "# Rule sets to run (bundles or rule ids); without it every built-in rule runs.\n"
      "# rulesets: [docker/all, docker-compose/all]\n"
      "\n"
      "# Rules left out of every scan.\n"
      "# ignore: [DOCKER-BP-022]\n"
      "\n"
      "# Exit with status 1 when a reported finding has one of these severities.\n"
      "fail-on: [critical, high]\n"
      "\n"
      "# Report only findings at this level and above (lower ones are dropped).\n"
      "# min-severity: low\n"
      "\n"
      "# Paths not scanned, gitignore style.\n"
      "# exclude: [\"vendor/**\", \"testdata/\"]\n"
      "\n"
      "# Values for ARGs, as docker build --build-arg gives them.\n"
      "# build-args:\n"
      "#   BASE_TAG: \"1.27\"\n"
      "\n"
      "# Findings recorded here are reported as suppressed, so only new ones fail.\n"
      "# Write it with: pathfinder scan --write-baseline .pathfinder-baseline.json\n"
      "# baseline: .pathfinder-baseline.json\n"
      "\n"
      "# false: ignore `# pathfinder-ignore`, hadolint and check=skip comments (audits).\n"
      "# inline-ignore: true\n"
      "\n"
      "# Per rule: a severity override and the rule's options, shown with defaults.\n"
      "rules:\n"
      "  # DOCKER-BP-003:\n"
      "  #   severity: low\n";
  for (const rules::Rule* rule : rules::AllRules()) {
    if (rule->meta.options.empty()) continue;
    out += fmt::format("\n  # {} ({})\n", rule->meta.id, rule->meta.name);
    out += fmt::format("  # {}:\n", rule->meta.id);
    for (const rules::OptionSpec& spec : rule->meta.options) {
      out += WrapComment(spec.description, "  #   ");
      out += fmt::format("  #   {}: {}\n", spec.name, rules::FormatOptionValue(spec.default_value));
    }
  }
  return out;
}

}  // namespace pf::config

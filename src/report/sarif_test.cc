#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/test_sample.h"

namespace pf::report {
namespace {

using nlohmann::json;
using testing::EmptyResult;
using testing::Render;
using testing::SampleResult;

json Sarif(const ScanResult& r) { return json::parse(Render("sarif", r)); }

const json* ResultFor(const json& run, std::string_view rule_id, int line) {
  for (const json& r : run["results"]) {
    if (r["ruleId"] == rule_id &&
        r["locations"][0]["physicalLocation"]["region"]["startLine"] == line) {
      return &r;
    }
  }
  return nullptr;
}

// Drives a sink with a RunInfo that Replay does not fill (paths' base).
std::string RenderWithBase(const std::string& base_dir, const std::string& repo_prefix) {
  std::ostringstream out;
  std::unique_ptr<ReportSink> sink = MakeSarifSink(out, ReportOptions{});
  TallySink tally(*sink);
  RunInfo info;
  info.rules = testing::SampleRulePointers();
  info.base_dir = base_dir;
  info.repo_prefix = repo_prefix;
  tally.Begin(info);
  FileReport file;
  file.display = "Dockerfile";
  file.scanned = true;
  file.findings.push_back(testing::MakeFinding("Dockerfile", Range{{1, 1}, {1, 5}}, Severity::kHigh,
                                               "DOCKER-SEC-001", "m"));
  tally.File(file);
  Summary summary;
  tally.End(summary);
  return out.str();
}

TEST(SarifReport, LogFrame) {
  json doc = Sarif(SampleResult());
  EXPECT_EQ(doc["version"], "2.1.0");
  EXPECT_NE(doc["$schema"].get<std::string>().find("sarif-schema-2.1.0.json"), std::string::npos);
  ASSERT_EQ(doc["runs"].size(), 1u);
  const json& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "pathfinder");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  EXPECT_EQ(run["tool"]["driver"]["informationUri"], kToolUrl);
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_FALSE(run.contains("originalUriBaseIds")) << "no base dir given";
  EXPECT_EQ(run["results"].size(), 5u);
}

TEST(SarifReport, EveryRuleListedAndRuleIndexPointsAtIt) {
  json run = Sarif(SampleResult())["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[3]["id"], "DOCKER-BP-101");  // raises nothing, still listed
  int checked = 0;
  for (const json& r : run["results"]) {
    if (r["ruleId"] == "SHELLCHECK-SC2086") {
      EXPECT_FALSE(r.contains("ruleIndex")) << "no descriptor for rules outside the run";
      continue;
    }
    ASSERT_TRUE(r.contains("ruleIndex")) << r.dump();
    EXPECT_EQ(rules[r["ruleIndex"].get<std::size_t>()]["id"], r["ruleId"]);
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(SarifReport, RuleDescriptorHasWhatGithubReads) {
  json rules = Sarif(SampleResult())["runs"][0]["tool"]["driver"]["rules"];
  const json& secret = rules[0];
  EXPECT_EQ(secret["id"], "DOCKER-SEC-001");
  EXPECT_EQ(secret["name"], "SecretInEnv");
  EXPECT_EQ(secret["shortDescription"]["text"], "Secret In Env");
  EXPECT_EQ(secret["fullDescription"]["text"], "One line about the rule.");
  EXPECT_NE(secret["help"]["text"].get<std::string>().find("How to fix it."), std::string::npos);
  EXPECT_TRUE(
      secret["help"]["markdown"].get<std::string>().starts_with("# DOCKER-SEC-001: Secret In Env"));
  EXPECT_EQ(secret["helpUri"],
            "https://codepathfinder.dev/registry/docker/security/DOCKER-SEC-001");
  EXPECT_EQ(secret["defaultConfiguration"]["level"], "error");
  const json& props = secret["properties"];
  EXPECT_EQ(props["security-severity"], "9.0");
  EXPECT_EQ(props["precision"], "high");
  std::vector<std::string> tags = props["tags"];
  EXPECT_EQ(tags, (std::vector<std::string>{"security", "docker", "test", "external/cwe/cwe-798"}));

  EXPECT_EQ(rules[1]["properties"]["security-severity"], "5.0");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[2]["properties"]["security-severity"], "7.0");
  EXPECT_EQ(rules[3]["properties"]["security-severity"], "1.0");
  EXPECT_EQ(rules[3]["defaultConfiguration"]["level"], "note");
  // Our own additions (id >= 100) have no upstream registry page.
  EXPECT_FALSE(rules[3].contains("helpUri"));
}

TEST(SarifReport, ResultLocationRegionAndSnippet) {
  json run = Sarif(SampleResult())["runs"][0];
  const json* secret = ResultFor(run, "DOCKER-SEC-001", 2);
  ASSERT_NE(secret, nullptr);
  EXPECT_EQ((*secret)["level"], "error");
  EXPECT_EQ((*secret)["message"]["text"], "secret in \xc3\xa9t\xc3\xa9");
  const json& physical = (*secret)["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "Dockerfile");
  EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  const json& region = physical["region"];
  EXPECT_EQ(region["startLine"], 2);
  EXPECT_EQ(region["startColumn"], 5);
  EXPECT_EQ(region["endLine"], 2);
  EXPECT_EQ(region["endColumn"], 15);
  // Columns count code points: 5..14 is "été=secret".
  EXPECT_EQ(region["snippet"]["text"], "\xc3\xa9t\xc3\xa9=secret");
  EXPECT_EQ((*secret)["partialFingerprints"]["pathfinder/v1"], "fp-DOCKER-SEC-001-2");
  EXPECT_FALSE(secret->contains("suppressions"));
}

TEST(SarifReport, PathsArePercentEncoded) {
  json run = Sarif(SampleResult())["runs"][0];
  const json* odd = ResultFor(run, "DOCKER-AUD-003", 2);
  ASSERT_NE(odd, nullptr);
  EXPECT_EQ((*odd)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "odd%20dir/caf%C3%A9,%22q%22%25%3Ax/Dockerfile");
  EXPECT_EQ((*odd)["message"]["text"], std::string(testing::kOddMessage));
  // The snippet is the offending port, from the file's source.
  EXPECT_EQ((*odd)["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], "22");
}

TEST(SarifReport, LevelsFollowSeverity) {
  json run = Sarif(SampleResult())["runs"][0];
  EXPECT_EQ((*ResultFor(run, "COMPOSE-SEC-001", 3))["level"], "error");   // high
  EXPECT_EQ((*ResultFor(run, "DOCKER-AUD-003", 3))["level"], "warning");  // medium
  EXPECT_EQ((*ResultFor(run, "SHELLCHECK-SC2086", 2))["level"], "note");  // low
}

TEST(SarifReport, SuppressedFindingsCarrySuppressions) {
  json run = Sarif(SampleResult())["runs"][0];
  const json* suppressed = ResultFor(run, "DOCKER-AUD-003", 3);
  ASSERT_NE(suppressed, nullptr);
  ASSERT_EQ((*suppressed)["suppressions"].size(), 1u);
  const json& s = (*suppressed)["suppressions"][0];
  EXPECT_EQ(s["kind"], "inSource");
  EXPECT_EQ(s["justification"], "behind a proxy, \"ok\"");
  EXPECT_EQ(s["properties"]["origin"], "pathfinder-ignore");

  ScanResult baseline = SampleResult();
  for (Finding& f : baseline.findings) {
    if (f.suppression) f.suppression = Suppression{Suppression::Kind::kExternal, "", "baseline"};
  }
  json external = (*ResultFor(Sarif(baseline)["runs"][0], "DOCKER-AUD-003", 3))["suppressions"][0];
  EXPECT_EQ(external["kind"], "external");
  EXPECT_FALSE(external.contains("justification")) << "empty justification left out";
}

TEST(SarifReport, ComposeServiceAndMultiLineRegion) {
  json run = Sarif(SampleResult())["runs"][0];
  const json* compose = ResultFor(run, "COMPOSE-SEC-001", 3);
  ASSERT_NE(compose, nullptr);
  EXPECT_EQ((*compose)["properties"]["service"], "web");
  const json& region = (*compose)["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["endLine"], 4);
  EXPECT_EQ(region["endColumn"], 9);
  EXPECT_FALSE(region.contains("snippet")) << "no source for compose.yaml in the sample";
}

TEST(SarifReport, ErrorsBecomeNotifications) {
  json invocation = Sarif(SampleResult())["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const json& n = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(n["level"], "error");
  EXPECT_EQ(n["message"]["text"], "binary file, \"skipped\" <&>");
  EXPECT_EQ(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "bin/Dockerfile");
}

TEST(SarifReport, EmptyScanStillListsRules) {
  json run = Sarif(EmptyResult())["runs"][0];
  EXPECT_TRUE(run["results"].is_array());
  EXPECT_TRUE(run["results"].empty());
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 4u);
  EXPECT_FALSE(run["invocations"][0].contains("toolExecutionNotifications"));
}

TEST(SarifReport, BaseDirBecomesSrcRoot) {
  json run = json::parse(RenderWithBase("/work/my proj", ""))["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/my%20proj/");
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "Dockerfile");
}

TEST(SarifReport, RepositoryPrefixMakesRepositoryPaths) {
  json run = json::parse(RenderWithBase("/repo/services/api", "services/api/"))["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "services/api/Dockerfile");
}

TEST(SarifReport, AbsolutePathsAreFileUrisWithoutBase) {
  ScanResult r = testing::EmptyResult();
  r.findings.push_back(testing::MakeFinding("/abs/x y/Dockerfile", Range{{1, 1}, {1, 5}},
                                            Severity::kLow, "DOCKER-BP-101", "m"));
  json location = Sarif(r)["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"], json({{"uri", "file:///abs/x%20y/Dockerfile"}}));
}

TEST(SarifReport, InvalidUtf8IsReplacedNotThrown) {
  ScanResult r = SampleResult();
  r.findings[0].message = "bad \xff byte";
  EXPECT_NO_THROW(json::parse(Render("sarif", r)));
}

}  // namespace
}  // namespace pf::report

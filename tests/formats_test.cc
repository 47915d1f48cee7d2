// End-to-end: every report format through the real binary against its
// golden file, and SARIF against the SARIF 2.1.0 JSON schema.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "e2e_util.h"
#include "report/reporter.h"
#include "report/uri.h"
#include "rules/registry.h"

namespace pf::e2e {
namespace {

namespace fs = std::filesystem;

const std::string kProject = std::string(PF_SOURCE_DIR) + "/tests/data/project";
const std::string kSchema = std::string(PF_SHARED_DIR) + "/reference/sarif-schema-2.1.0.json";

// Outside any git repository (GIT_DIR points nowhere), so repository-relative
// formats name the same paths in a checkout and in an unpacked tarball.
RunResult ScanProject(const std::string& format) {
  return RunPathfinder({"scan", "-p", ".", "--ruleset", kGoldenRules, "-o", format}, kProject,
                       {"GIT_DIR=/nonexistent/pathfinder-no-repo"});
}

// %SRCROOT% is the machine's checkout folder: the golden names a fixed one.
std::string NormaliseSrcRoot(const std::string& sarif) {
  static const std::regex kRoot(R"(("%SRCROOT%": \{\s*"uri": ")file://[^"]*")");
  return std::regex_replace(sarif, kRoot, "$1file:///project/\"");
}

std::string Python() {
  for (const char* candidate : {"/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"}) {
    if (access(candidate, X_OK) == 0) return candidate;
  }
  return {};
}

// Validates each SARIF file against the schema with the validator the
// schema's "$schema" names. Exit 3: jsonschema is not installed.
constexpr const char* kValidate = R"(
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(3)
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
bad = 0
for path in sys.argv[2:]:
    for e in validator.iter_errors(json.load(open(path))):
        print(path, "/".join(str(p) for p in e.absolute_path), e.message)
        bad += 1
print(len(sys.argv) - 2, "files,", bad, "errors")
sys.exit(1 if bad else 0)
)";

class SarifSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kSchema)) {
      GTEST_SKIP() << "schema not found at " << kSchema << " (set PF_SHARED_DIR)";
    }
    python_ = Python();
    if (python_.empty()) GTEST_SKIP() << "python3 not found: SARIF schema not checked";
    RunResult probe = RunProgram(python_, {"-c", "import jsonschema"});
    if (probe.exit_code != 0) {
      GTEST_SKIP() << "python3-jsonschema not installed: SARIF schema not checked";
    }
  }

  // Writes `sarif` to a file and validates it.
  void ExpectValid(const std::string& label, const std::string& sarif) {
    std::string path = dir_.path() + "/" + label + ".sarif";
    std::ofstream(path, std::ios::binary) << sarif;
    ExpectValidFiles({path});
  }

  void ExpectValidFiles(const std::vector<std::string>& paths) {
    RunResult r = Validate(paths);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  RunResult Validate(const std::vector<std::string>& paths) {
    std::vector<std::string> args = {"-c", kValidate, kSchema};
    args.insert(args.end(), paths.begin(), paths.end());
    return RunProgram(python_, args);
  }

  TempDir dir_;
  std::string python_;
};

TEST(FormatsGolden, Sarif) {
  RunResult r = ScanProject("sarif");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string root = report::FileUriForFolder(fs::canonical(kProject).string());
  EXPECT_NE(r.out.find("\"uri\": \"" + root + "\""), std::string::npos)
      << "%SRCROOT% should be " << root;
  CheckGolden("scan.sarif", NormaliseSrcRoot(r.out));
}

TEST(FormatsGolden, Csv) {
  RunResult r = ScanProject("csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.csv", r.out);
}

TEST(FormatsGolden, Github) {
  RunResult r = ScanProject("github");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.github.txt", r.out);
}

TEST(FormatsGolden, Gitlab) {
  RunResult r = ScanProject("gitlab");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out).is_array());
  CheckGolden("scan.gitlab.json", r.out);
}

TEST(FormatsGolden, Checkstyle) {
  RunResult r = ScanProject("checkstyle");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.checkstyle.xml", r.out);
}

TEST(FormatsGolden, Junit) {
  RunResult r = ScanProject("junit");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.junit.xml", r.out);
}

TEST(FormatsGolden, Sonarqube) {
  RunResult r = ScanProject("sonarqube");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out).contains("issues"));
  CheckGolden("scan.sonarqube.json", r.out);
}

TEST(FormatsGolden, Gnu) {
  RunResult r = ScanProject("gnu");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CheckGolden("scan.gnu.txt", r.out);
}

TEST(FormatsCli, SarifChosenByNameInAnyCaseOrExtension) {
  RunResult upper = ScanProject("SARIF");
  ASSERT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_EQ(upper.out, ScanProject("sarif").out);
  TempDir out;
  std::string file = out.path() + "/report.sarif";
  RunResult r = RunPathfinder({"scan", "-p", ".", "--ruleset", kGoldenRules, "-f", file}, kProject);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(ReadFileText(file))["version"], "2.1.0");
}

TEST(FormatsXml, CheckstyleAndJunitParse) {
  std::string python = Python();
  if (python.empty()) GTEST_SKIP() << "python3 not found: XML not parsed";
  TempDir dir;
  dir.Write("odd <&> \"dir\"/Dockerfile", "FROM alpine\nEXPOSE 80\n");
  dir.Write("bin/Dockerfile", std::string("FROM a\0b", 8));
  for (const char* format : {"checkstyle", "junit"}) {
    RunResult r = RunPathfinder({"scan", "-p", ".", "-o", format}, dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string path = dir.path() + "/report.xml";
    std::ofstream(path, std::ios::binary) << r.out;
    RunResult parsed = RunProgram(
        python, {"-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])", path});
    EXPECT_EQ(parsed.exit_code, 0) << format << ": " << parsed.err << r.out;
  }
}

// The check itself can fail: a result level SARIF does not define.
TEST_F(SarifSchema, RejectsAnInvalidLog) {
  auto doc = nlohmann::json::parse(ReadFileText(kGolden + "/scan.sarif"));
  doc["runs"][0]["results"][0]["level"] = "fatal";
  std::string path = dir_.path() + "/invalid.sarif";
  std::ofstream(path, std::ios::binary) << doc.dump();
  RunResult r = Validate({path});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("fatal"), std::string::npos) << r.out;
}

TEST_F(SarifSchema, GoldenIsValid) { ExpectValidFiles({kGolden + "/scan.sarif"}); }

TEST_F(SarifSchema, EveryRuleOnTheProjectIncludingCompose) {
  RunResult r = RunPathfinder({"scan", "-p", ".", "-o", "sarif"}, kProject);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].size(), rules::AllRules().size());
  bool has_service = false;
  for (const auto& result : doc["runs"][0]["results"]) {
    has_service = has_service || result.contains("properties");
  }
  EXPECT_TRUE(has_service) << "expected compose findings with a service";
  ExpectValid("all-rules", r.out);
}

TEST_F(SarifSchema, EmptyScan) {
  TempDir empty;
  RunResult r = RunPathfinder({"scan", "-p", empty.path(), "-o", "sarif"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out)["runs"][0]["results"].empty());
  ExpectValid("empty", r.out);
}

TEST_F(SarifSchema, ScanErrorsAndOddPaths) {
  TempDir project;
  project.Write("bin/Dockerfile", std::string("FROM a\0b", 8));
  project.Write("caf\xc3\xa9 #1/Dockerfile", "FROM alpine\nEXPOSE 80\n");
  RunResult r = RunPathfinder({"scan", "-p", project.path(), "-o", "sarif"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto run = nlohmann::json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
  ExpectValid("errors", r.out);

  TempDir nothing;
  nothing.Write("Dockerfile", std::string("FROM a\0b", 8));
  RunResult failed = RunPathfinder({"scan", "-p", nothing.path(), "-o", "sarif"});
  EXPECT_EQ(failed.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(failed.out)["runs"][0]["invocations"][0]["executionSuccessful"],
            false);
  ExpectValid("incomplete", failed.out);
}

// Suppression filters feed reporters findings marked as suppressed; this
// builds such a result directly so the check does not depend on them.
TEST_F(SarifSchema, SuppressedFindings) {
  ScanResult result;
  result.target = "proj";
  result.timestamp = "2026-01-01T00:00:00Z";
  result.files_scanned = 1;
  auto source = std::make_shared<const SourceFile>("Dockerfile", "FROM a\nEXPOSE 80 22\n");
  result.sources["Dockerfile"] = source;
  const rules::Rule* rule = rules::FindRule("DOCKER-AUD-003");
  ASSERT_NE(rule, nullptr);
  Finding f;
  f.rule_id = "DOCKER-AUD-003";
  f.rule_name = "Privileged Port Exposed";
  f.severity = Severity::kMedium;
  f.file = "Dockerfile";
  f.range = Range{{2, 8}, {2, 10}};
  f.message = "port 80";
  f.fingerprint = "0123456789abcdef";
  f.suppression = Suppression{Suppression::Kind::kInSource, "proxy in front", "pathfinder-ignore"};
  result.findings.push_back(f);
  f.range = Range{{2, 11}, {2, 13}};
  f.message = "port 22";
  f.fingerprint = "fedcba9876543210";
  f.suppression = Suppression{Suppression::Kind::kExternal, "", "baseline"};
  result.findings.push_back(f);
  std::ostringstream out;
  report::Write(*report::FindReporter("sarif"), result, {rule}, report::ReportOptions{}, out);
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["runs"][0]["results"][0]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(doc["runs"][0]["results"][1]["suppressions"][0]["kind"], "external");
  ExpectValid("suppressed", out.str());
}

}  // namespace
}  // namespace pf::e2e

// End-to-end: hostile and unusual inputs are scanned or reported, never a
// crash, and every other file is still scanned.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

Json ScanJson(const std::string& dir, std::vector<std::string> extra = {}, int expected_exit = 0) {
  std::vector<std::string> args = {"scan", "-p", ".", "-o", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunPathfinder(args, dir);
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return Json::parse(r.out);
}

std::string ErrorFor(const Json& doc, const std::string& file) {
  for (const auto& e : doc["errors"]) {
    if (e["file"] == file) return e["message"].get<std::string>();
  }
  return "";
}

std::vector<std::string> FindingsFor(const Json& doc, const std::string& file) {
  std::vector<std::string> out;
  for (const auto& f : doc["results"]) {
    if (f["location"]["file"] == file) {
      out.push_back(f["rule_id"].get<std::string>() + "@" +
                    std::to_string(f["location"]["line"].get<int>()) + ":" +
                    std::to_string(f["location"]["column"].get<int>()));
    }
  }
  return out;
}

const std::vector<std::string> kExpose = {"--ruleset",
                                          "docker/DOCKER-AUD-003,docker/DOCKER-COR-100"};

TEST(BadInput, EachIsScannedOrReported) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("Dockerfile.empty", "");
  dir.Write("Dockerfile.binary", std::string("FROM alpine\n\0\x01\x02 EXPOSE 80\n", 26));
  dir.Write("Dockerfile.latin1", "FROM alpine:3.20\nLABEL x=\"caf\xe9\"\nEXPOSE 80\n");
  dir.Write("Dockerfile.crlf",
            "\xef\xbb\xbf"
            "FROM alpine:3.20\r\nEXPOSE 80\r\n");
  ASSERT_EQ(mkfifo((dir.path() + "/Dockerfile.fifo").c_str(), 0644), 0);
  fs::create_symlink("does-not-exist", fs::path(dir.path()) / "Dockerfile.dangling");
  fs::create_symlink("Dockerfile.loop", fs::path(dir.path()) / "Dockerfile.loop");
  fs::create_directories(fs::path(dir.path()) / "nested");
  fs::create_directory_symlink("..", fs::path(dir.path()) / "nested" / "back");

  Json doc = ScanJson(dir.path(), kExpose);
  EXPECT_EQ(doc["scan"]["files_scanned"], 4);  // Dockerfile, empty, latin1, crlf

  EXPECT_EQ(FindingsFor(doc, "Dockerfile"), std::vector<std::string>{"DOCKER-AUD-003@2:8"});
  EXPECT_EQ(FindingsFor(doc, "Dockerfile.empty"), std::vector<std::string>{"DOCKER-COR-100@1:1"});
  EXPECT_EQ(FindingsFor(doc, "Dockerfile.latin1"), std::vector<std::string>{"DOCKER-AUD-003@3:8"});
  EXPECT_EQ(FindingsFor(doc, "Dockerfile.crlf"), std::vector<std::string>{"DOCKER-AUD-003@2:8"});

  EXPECT_NE(ErrorFor(doc, "Dockerfile.binary").find("binary"), std::string::npos);
  EXPECT_NE(ErrorFor(doc, "Dockerfile.fifo").find("named pipe"), std::string::npos);
  EXPECT_NE(ErrorFor(doc, "Dockerfile.dangling").find("dangling symbolic link"), std::string::npos);
  EXPECT_NE(ErrorFor(doc, "Dockerfile.loop").find("loop"), std::string::npos);
  EXPECT_NE(ErrorFor(doc, "nested/back").find("loop"), std::string::npos);
  EXPECT_EQ(doc["errors"].size(), 5u) << doc["errors"].dump();

  // The text report lists the same errors.
  RunResult text = RunPathfinder({"scan", "-p", "."}, dir.path());
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("Errors (5)"), std::string::npos);
}

TEST(BadInput, FileOverTheSizeLimit) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  {
    std::ofstream big(dir.path() + "/Dockerfile.big", std::ios::binary);
    std::string line = "RUN echo " + std::string(90, 'x') + "\n";
    big << "FROM alpine:3.20\n";
    for (int i = 0; i < 500000; ++i) big << line;  // ~50 MB
  }
  Json doc = ScanJson(dir.path(), kExpose);
  EXPECT_EQ(doc["scan"]["files_scanned"], 1);
  EXPECT_NE(ErrorFor(doc, "Dockerfile.big").find("file too large"), std::string::npos);
  EXPECT_EQ(FindingsFor(doc, "Dockerfile"), std::vector<std::string>{"DOCKER-AUD-003@2:8"});
}

TEST(BadInput, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\n");
  dir.Write("Dockerfile.secret", "FROM alpine:3.20\n");
  ASSERT_EQ(chmod((dir.path() + "/Dockerfile.secret").c_str(), 0), 0);
  Json doc = ScanJson(dir.path(), kExpose);
  EXPECT_EQ(doc["scan"]["files_scanned"], 1);
  EXPECT_NE(ErrorFor(doc, "Dockerfile.secret").find("cannot open"), std::string::npos);
}

TEST(BadInput, UnreadableDirectory) {
  if (geteuid() == 0) GTEST_SKIP() << "root lists folders whatever their mode";
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\n");
  dir.Write("locked/Dockerfile", "FROM alpine:3.20\n");
  ASSERT_EQ(chmod((dir.path() + "/locked").c_str(), 0), 0);
  Json doc = ScanJson(dir.path(), kExpose);
  EXPECT_EQ(doc["scan"]["files_scanned"], 1);
  EXPECT_NE(ErrorFor(doc, "locked").find("cannot read directory"), std::string::npos);
}

TEST(Discovery, GitignoreAndExclude) {
  TempDir dir;
  dir.Write(".gitignore", "build/\n*.generated.Dockerfile\n");
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("build/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("app.generated.Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("svc/.gitignore", "!keep.generated.Dockerfile\n");
  dir.Write("svc/keep.generated.Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("node_modules/pkg/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("tools/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("tools/extra/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");

  Json all = ScanJson(dir.path(), kExpose);
  std::set<std::string> files;
  for (const auto& f : all["results"]) files.insert(f["location"]["file"].get<std::string>());
  EXPECT_EQ(files, (std::set<std::string>{"Dockerfile", "svc/keep.generated.Dockerfile",
                                          "tools/Dockerfile", "tools/extra/Dockerfile"}));

  std::vector<std::string> args = kExpose;
  args.insert(args.end(), {"--exclude", "tools/extra", "--exclude", "svc/**"});
  Json some = ScanJson(dir.path(), args);
  files.clear();
  for (const auto& f : some["results"]) files.insert(f["location"]["file"].get<std::string>());
  EXPECT_EQ(files, (std::set<std::string>{"Dockerfile", "tools/Dockerfile"}));
}

TEST(Discovery, ComposeFilesAreLoaded) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n");
  dir.Write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
  dir.Write("broken/docker-compose.yml", "services:\n  web: [unclosed\n");
  dir.Write("inc/compose.yml", "include:\n  - missing.yml\nservices:\n  a:\n    image: x:1\n");
  std::vector<std::string> args = kExpose;
  args.insert(args.end(), {"--ruleset", "docker-compose/COMPOSE-COR-100"});
  Json doc = ScanJson(dir.path(), args);
  EXPECT_EQ(doc["scan"]["files_scanned"], 4);
  EXPECT_TRUE(doc["errors"].empty()) << doc["errors"].dump();
  ASSERT_EQ(FindingsFor(doc, "broken/docker-compose.yml").size(), 1u);
  EXPECT_EQ(FindingsFor(doc, "broken/docker-compose.yml")[0].rfind("COMPOSE-COR-100@", 0), 0u);
  std::string message;
  for (const auto& f : doc["results"]) {
    if (f["location"]["file"] == "inc/compose.yml") message = f["message"].get<std::string>();
  }
  EXPECT_NE(message.find("inc/missing.yml"), std::string::npos) << message;
  EXPECT_EQ(message.find(dir.path()), std::string::npos) << "paths stay relative: " << message;
}

TEST(Discovery, SingleFileWithAnyName) {
  TempDir dir;
  dir.Write("build.txt", "FROM alpine:3.20\nEXPOSE 80\n");
  RunResult r = RunPathfinder({"scan", "-p", dir.path() + "/build.txt", "-o", "json", "--ruleset",
                               "docker/DOCKER-AUD-003"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json doc = Json::parse(r.out);
  EXPECT_EQ(doc["scan"]["files_scanned"], 1);
  EXPECT_EQ(FindingsFor(doc, "build.txt"), std::vector<std::string>{"DOCKER-AUD-003@2:8"});
}

TEST(Discovery, BuildArgReachesRules) {
  TempDir dir;
  dir.Write("Dockerfile", "FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT\n");
  Json plain = ScanJson(dir.path(), kExpose);
  EXPECT_TRUE(FindingsFor(plain, "Dockerfile").empty());
  std::vector<std::string> args = kExpose;
  args.insert(args.end(), {"--build-arg", "PORT=80"});
  Json overridden = ScanJson(dir.path(), args);
  EXPECT_EQ(FindingsFor(overridden, "Dockerfile"), std::vector<std::string>{"DOCKER-AUD-003@3:8"});
}

}  // namespace
}  // namespace pf::e2e

// A compose service's build section reaches its Dockerfile: the file is
// scanned whatever its name, and build.args feed its ARGs.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace pf::e2e {
namespace {

void WriteProject(const TempDir& dir) {
  dir.Write("compose.yaml",
            "services:\n"
            "  web:\n"
            "    build:\n"
            "      context: ./web\n"
            "      dockerfile: docker/web.docker\n"
            "      args:\n"
            "        PORT: \"80\"\n"
            "  api:\n"
            "    build: ./api\n");
  dir.Write("web/docker/web.docker", "FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n");
  dir.Write("api/Dockerfile", "FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n");
}

TEST(ComposeBuild, ArgsFromComposeReachTheDockerfile) {
  TempDir dir;
  WriteProject(dir);
  RunResult r = RunPathfinder(
      {"scan", "--ruleset", "docker/DOCKER-AUD-003", "--project", dir.path(), "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"file\": \"web/docker/web.docker\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("build args from compose.yaml, service web"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"service\": \"web\""), std::string::npos) << r.out;
  // api builds with the default 8080: silent.
  EXPECT_EQ(r.out.find("api/Dockerfile"), std::string::npos) << r.out;
}

TEST(ComposeBuild, CommandLineBuildArgWins) {
  TempDir dir;
  WriteProject(dir);
  RunResult r = RunPathfinder({"scan", "--ruleset", "docker/DOCKER-AUD-003", "--project",
                               dir.path(), "-o", "json", "--build-arg", "PORT=9000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("DOCKER-AUD-003\""), std::string::npos) << r.out;
}

TEST(ComposeBuild, OneFindingWhenTheDefaultAlreadyFires) {
  TempDir dir;
  dir.Write(
      "compose.yaml",
      "services:\n  web:\n    build:\n      context: .\n      args:\n        PORT: \"443\"\n");
  dir.Write("Dockerfile", "FROM nginx:1.27\nARG PORT=80\nEXPOSE $PORT\n");
  RunResult r = RunPathfinder(
      {"scan", "--ruleset", "docker/DOCKER-AUD-003", "--project", dir.path(), "-o", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t first = r.out.find("\"rule_id\": \"DOCKER-AUD-003\"");
  ASSERT_NE(first, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"rule_id\": \"DOCKER-AUD-003\"", first + 1), std::string::npos) << r.out;
}

}  // namespace
}  // namespace pf::e2e

#include "discover/discover.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace pf::discover {
namespace {

namespace fs = std::filesystem;

TEST(ClassifyName, Dockerfiles) {
  for (const char* name :
       {"Dockerfile", "dockerfile", "DOCKERFILE", "Dockerfile.dev", "Dockerfile-prod",
        "api.Dockerfile", "web.dockerfile", "Containerfile", "Containerfile.arm"}) {
    EXPECT_EQ(ClassifyName(name), FileKind::kDockerfile) << name;
  }
}

TEST(ClassifyName, ComposeFiles) {
  for (const char* name : {"docker-compose.yml", "docker-compose.prod.yaml", "compose.yaml",
                           "compose.override.yml", "Docker-Compose.YML"}) {
    EXPECT_EQ(ClassifyName(name), FileKind::kCompose) << name;
  }
}

TEST(ClassifyName, Others) {
  for (const char* name : {"README.md", "Dockerfile.dockerignore", ".dockerignore",
                           "docker-compose.json", "mydockerfile", "compose.txt", "app.yml"}) {
    EXPECT_FALSE(ClassifyName(name).has_value()) << name;
  }
}

TEST(GuessKind, ByContent) {
  EXPECT_EQ(GuessKind("stack.yml", ""), FileKind::kCompose);
  EXPECT_EQ(GuessKind("build", "FROM alpine\n"), FileKind::kDockerfile);
  EXPECT_EQ(GuessKind("stack", "version: '3'\nservices:\n  web: {}\n"), FileKind::kCompose);
}

class DiscoverTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("pf-discover-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text = "FROM alpine\n") {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::vector<std::string> Found(std::vector<std::string> excludes = {}) {
    DiscoverResult r = Discover({root_.string(), std::move(excludes)});
    std::vector<std::string> out;
    for (const auto& f : r.files) out.push_back(f.display);
    return out;
  }
  fs::path root_;
};

TEST_F(DiscoverTree, FindsSortedAndSkipsVendorDirs) {
  Write("b/Dockerfile");
  Write("a/Dockerfile.dev");
  Write("compose.yaml", "services: {}\n");
  Write("node_modules/x/Dockerfile");
  Write("vendor/Dockerfile");
  Write(".git/Dockerfile");
  Write("README.md", "hi");
  EXPECT_EQ(Found(),
            (std::vector<std::string>{"a/Dockerfile.dev", "b/Dockerfile", "compose.yaml"}));
}

TEST_F(DiscoverTree, GitignoreRootAndNested) {
  Write(".gitignore", "build/\n/Dockerfile.root\n");
  Write("Dockerfile.root");
  Write("sub/Dockerfile.root");
  Write("build/Dockerfile");
  Write("sub/.gitignore", "*.tmp.Dockerfile\n!keep.tmp.Dockerfile\n");
  Write("sub/x.tmp.Dockerfile");
  Write("sub/keep.tmp.Dockerfile");
  EXPECT_EQ(Found(), (std::vector<std::string>{"sub/Dockerfile.root", "sub/keep.tmp.Dockerfile"}));
}

TEST_F(DiscoverTree, ExcludeGlobs) {
  Write("a/Dockerfile");
  Write("b/Dockerfile");
  Write("c/d/Dockerfile");
  EXPECT_EQ(Found({"b", "**/d"}), (std::vector<std::string>{"a/Dockerfile"}));
}

TEST_F(DiscoverTree, SymlinkProblemsAreErrors) {
  Write("Dockerfile");
  fs::create_symlink("missing", root_ / "Dockerfile.gone");
  fs::create_symlink("Dockerfile.self", root_ / "Dockerfile.self");
  fs::create_directories(root_ / "d");
  fs::create_directory_symlink("..", root_ / "d" / "up");
  DiscoverResult r = Discover({root_.string(), {}});
  ASSERT_EQ(r.files.size(), 1u);
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].file, "Dockerfile.gone");
  EXPECT_NE(r.errors[0].message.find("dangling"), std::string::npos);
  EXPECT_EQ(r.errors[1].file, "Dockerfile.self");
  EXPECT_NE(r.errors[1].message.find("loop"), std::string::npos);
  EXPECT_EQ(r.errors[2].file, "d/up");
  EXPECT_NE(r.errors[2].message.find("loop"), std::string::npos);
}

TEST_F(DiscoverTree, LinkedFolderDoesNotHideItsTarget) {
  Write("real/Dockerfile");
  fs::create_directory_symlink("real", root_ / "a-link");
  fs::create_directory_symlink("/nonexistent-pf-target-dir", root_ / "gone");
  EXPECT_EQ(Found(), (std::vector<std::string>{"real/Dockerfile"}));
}

TEST_F(DiscoverTree, LinkedFolderOutsideIsWalked) {
  Write("Dockerfile");
  fs::path outside = root_.string() + "-outside";
  fs::create_directories(outside / "svc");
  std::ofstream(outside / "svc" / "Dockerfile") << "FROM alpine\n";
  fs::create_directory_symlink(outside, root_ / "shared");
  EXPECT_EQ(Found(), (std::vector<std::string>{"Dockerfile", "shared/svc/Dockerfile"}));
  fs::remove_all(outside);
}

TEST_F(DiscoverTree, FifoIsAnError) {
  Write("Dockerfile");
  ASSERT_EQ(mkfifo((root_ / "Dockerfile.pipe").c_str(), 0644), 0);
  DiscoverResult r = Discover({root_.string(), {}});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("named pipe"), std::string::npos);
}

TEST_F(DiscoverTree, SingleFileAndMissingRoot) {
  Write("custom-build", "FROM alpine\n");
  DiscoverResult r = Discover({(root_ / "custom-build").string(), {}});
  EXPECT_TRUE(r.single_file);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].display, "custom-build");
  DiscoverResult missing = Discover({(root_ / "nope").string(), {}});
  EXPECT_FALSE(missing.fatal_error.empty());
}

}  // namespace
}  // namespace pf::discover

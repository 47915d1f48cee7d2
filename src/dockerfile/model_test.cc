#include "dockerfile/model.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace pf::dockerfile {
namespace {

// Builds instructions the way the parser lays out their arguments.
class FileBuilder {
 public:
  FileBuilder& From(std::string image, std::string name = "", std::string platform = "") {
    Instruction inst = Make("from", {std::move(image)});
    if (!name.empty()) {
      inst.args.push_back(W("AS"));
      inst.args.push_back(W(std::move(name)));
    }
    if (!platform.empty()) {
      Flag f;
      f.name = "platform";
      f.value = platform;
      f.has_value = true;
      f.raw = "--platform=" + platform;
      inst.flags.push_back(f);
    }
    file_.instructions.push_back(std::move(inst));
    return *this;
  }
  // ARG words are kept whole: "NAME" or "NAME=default".
  FileBuilder& Arg(std::initializer_list<std::string> words) {
    file_.instructions.push_back(Make("arg", words));
    return *this;
  }
  // ENV pairs become key, value, separator triplets.
  FileBuilder& EnvPairs(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    Instruction inst = Make("env", {});
    for (const auto& [k, v] : pairs) {
      inst.args.push_back(W(k));
      inst.args.push_back(W(v));
      inst.args.push_back(W("="));
    }
    file_.instructions.push_back(std::move(inst));
    return *this;
  }
  FileBuilder& Run(std::string script) {
    file_.instructions.push_back(Make("run", {std::move(script)}));
    return *this;
  }
  FileBuilder& Escape(char c) {
    file_.escape = c;
    return *this;
  }
  const Dockerfile& file() const { return file_; }
  const Instruction& at(std::size_t i) const { return file_.instructions.at(i); }

 private:
  static Word W(std::string text) {
    Word w;
    w.text = std::move(text);
    return w;
  }
  static Instruction Make(std::string keyword, std::vector<std::string> args) {
    Instruction inst;
    inst.keyword = std::move(keyword);
    for (auto& a : args) inst.args.push_back(W(std::move(a)));
    return inst;
  }
  Dockerfile file_;
};

TEST(Model, GlobalArgExpandsInFrom) {
  FileBuilder b;
  b.Arg({"VERSION=3.19"}).From("alpine:${VERSION}").Run("true");
  Model m = Model::Build(b.file());
  ASSERT_EQ(m.stages().size(), 1u);
  EXPECT_EQ(m.stages()[0].base, "alpine:3.19");
  EXPECT_TRUE(m.stages()[0].base_resolved);
  EXPECT_EQ(m.StageOf(b.at(0)), nullptr);
  EXPECT_EQ(m.StageOf(b.at(2)), &m.stages()[0]);
  EXPECT_EQ(m.Resolve(b.at(1), "$VERSION"), "3.19");
}

TEST(Model, GlobalArgsChainAndBuildArgsOverride) {
  FileBuilder b;
  b.Arg({"REPO=library", "IMAGE=$REPO/app"}).Arg({"TAG"}).From("${IMAGE}:${TAG}");
  Model plain = Model::Build(b.file());
  EXPECT_EQ(plain.stages()[0].base, "library/app:");
  EXPECT_FALSE(plain.stages()[0].base_resolved);
  Model with_args = Model::Build(b.file(), {{"TAG", "1.0"}, {"REPO", "mine"}});
  EXPECT_EQ(with_args.stages()[0].base, "mine/app:1.0");
  EXPECT_TRUE(with_args.stages()[0].base_resolved);
}

TEST(Model, GlobalArgHiddenInStageUntilRedeclared) {
  FileBuilder b;
  b.Arg({"VERSION=1.2"}).From("scratch").Run("a").Arg({"VERSION"}).Run("b");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.Resolve(b.at(2), "v$VERSION"), std::nullopt);
  EXPECT_FALSE(m.EnvAt(b.at(2)).Defined("VERSION"));
  EXPECT_EQ(m.Resolve(b.at(4), "v$VERSION"), "v1.2");
  // The ARG's own line does not see it yet.
  EXPECT_FALSE(m.EnvAt(b.at(3)).Defined("VERSION"));
}

TEST(Model, StageArgDefaultAndBuildArg) {
  FileBuilder b;
  b.From("scratch").Arg({"PORT=8080", "ADDR=:$PORT"}).Arg({"UNSET"}).Run("x");
  Model m = Model::Build(b.file());
  const Instruction& run = b.at(3);
  EXPECT_EQ(m.Resolve(run, "$ADDR"), ":8080");
  EXPECT_EQ(m.Resolve(run, "$UNSET"), std::nullopt);
  EXPECT_FALSE(m.EnvAt(run).Defined("UNSET"));
  Model over = Model::Build(b.file(), {{"PORT", "9"}, {"UNSET", "set"}});
  EXPECT_EQ(over.Resolve(run, "$ADDR $UNSET"), ":9 set");
  // A build-arg alone, without ARG, is not visible.
  Model undeclared = Model::Build(b.file(), {{"OTHER", "1"}});
  EXPECT_EQ(undeclared.Resolve(run, "$OTHER"), std::nullopt);
}

TEST(Model, EnvPairsExpandAgainstPreviousValues) {
  FileBuilder b;
  b.From("scratch").EnvPairs({{"A", "1"}, {"B", "$A"}}).Run("x");
  b.EnvPairs({{"A", "2"}, {"C", "${A}-$B"}}).Run("y");
  Model m = Model::Build(b.file());
  // B was expanded before A=1 took effect: its value is not known.
  EXPECT_EQ(m.Resolve(b.at(2), "$A"), "1");
  EXPECT_EQ(m.Resolve(b.at(2), "$B"), std::nullopt);
  EXPECT_TRUE(m.EnvAt(b.at(2)).IsUnknown("B"));
  EXPECT_EQ(m.Resolve(b.at(4), "$A"), "2");
  EXPECT_EQ(m.Resolve(b.at(4), "$C"), std::nullopt);
  EXPECT_EQ(m.Resolve(b.at(4), "${A}"), "2");
}

TEST(Model, EnvChainAcrossInstructions) {
  FileBuilder b;
  b.From("scratch").EnvPairs({{"A", "1"}}).EnvPairs({{"B", "\"$A two\""}}).Run("x");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.Resolve(b.at(3), "$B"), "1 two");
  EXPECT_EQ(m.EnvAt(b.at(3)).vars().size(), 2u);
}

TEST(Model, StageInheritsParentVariables) {
  FileBuilder b;
  b.From("golang:1.22", "Build").Arg({"GOOS=linux"}).EnvPairs({{"CGO_ENABLED", "0"}});
  b.From("BUILD", "test").Run("go test");
  b.From("alpine").Run("x");
  Model m = Model::Build(b.file());
  ASSERT_EQ(m.stages().size(), 3u);
  EXPECT_EQ(m.stages()[0].name, "build");
  EXPECT_EQ(m.stages()[1].base_stage, 0);
  EXPECT_EQ(m.stages()[2].base_stage, -1);
  EXPECT_EQ(m.final_stage(), &m.stages()[2]);
  EXPECT_EQ(m.Resolve(b.at(4), "$GOOS/$CGO_ENABLED"), "linux/0");
  EXPECT_EQ(m.Resolve(b.at(6), "$GOOS"), std::nullopt);
  // FROM lines still see only the global scope.
  EXPECT_FALSE(m.EnvAt(b.at(3)).Defined("GOOS"));
}

TEST(Model, StageNamedLaterIsAnImage) {
  FileBuilder b;
  b.From("base").From("ubuntu", "base");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.stages()[0].base_stage, -1);
  EXPECT_EQ(m.stages()[1].base_stage, -1);
}

TEST(Model, DefaultForUnsetVariableResolves) {
  FileBuilder b;
  b.From("scratch").Arg({"PORT"}).Run("x");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.Resolve(b.at(2), "${PORT:-80}"), "80");
  EXPECT_EQ(m.Resolve(b.at(2), "$PORT"), std::nullopt);
  ExpandResult r = m.Expand(b.at(2), "${PORT:-80}");
  EXPECT_EQ(r.unmatched, std::vector<std::string>{"PORT"});
  EXPECT_TRUE(r.unresolved.empty());
  EXPECT_EQ(m.Resolve(b.at(2), "${PORT"), std::nullopt);
}

TEST(Model, PlatformArgsAreKnownButUnresolved) {
  FileBuilder b;
  b.From("alpine", "", "$BUILDPLATFORM").Arg({"TARGETARCH"}).Run("x");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.stages()[0].platform, "");
  EXPECT_FALSE(m.stages()[0].platform_resolved);
  EXPECT_TRUE(m.EnvAt(b.at(0)).IsUnknown("TARGETPLATFORM"));
  ExpandResult r = m.Expand(b.at(2), "bin-$TARGETARCH");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.unmatched.empty());
  EXPECT_FALSE(r.resolved());
  EXPECT_FALSE(m.EnvAt(b.at(1)).Defined("TARGETARCH"));
  Model explicit_platform = Model::Build(b.file(), {{"TARGETARCH", "arm64"}});
  EXPECT_EQ(explicit_platform.Resolve(b.at(2), "bin-$TARGETARCH"), "bin-arm64");
}

TEST(Model, PlatformFlagExpands) {
  FileBuilder b;
  b.Arg({"P=linux/arm64"}).From("alpine", "", "${P}");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.stages()[0].platform, "linux/arm64");
  EXPECT_TRUE(m.stages()[0].platform_resolved);
}

TEST(Model, UsesTheFileEscapeCharacter) {
  FileBuilder b;
  b.Escape('`').From("scratch").EnvPairs({{"DIR", "C:\\app"}}).Run("x");
  Model m = Model::Build(b.file());
  EXPECT_EQ(m.escape(), '`');
  EXPECT_EQ(m.Resolve(b.at(2), "$DIR\\bin"), "C:\\app\\bin");
}

TEST(Model, EmptyFile) {
  Dockerfile empty;
  Model m = Model::Build(empty);
  EXPECT_TRUE(m.stages().empty());
  EXPECT_EQ(m.final_stage(), nullptr);
}

}  // namespace
}  // namespace pf::dockerfile

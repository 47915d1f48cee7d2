// End-to-end scope checks on Dockerfiles read by the parser.
#include <gtest/gtest.h>

#include <variant>

#include "core/source.h"
#include "dockerfile/model.h"
#include "dockerfile/parser.h"

namespace pf::dockerfile {
namespace {

TEST(Model, FromParsedDockerfile) {
  SourceFile src("Dockerfile",
                 "ARG BASE=debian\n"
                 "ARG TAG=12\n"
                 "FROM ${BASE}:${TAG} AS Builder\n"
                 "ARG TAG\n"
                 "ENV APP=/opt/app DIR=$TAG\n"
                 "WORKDIR $APP/${TAG}\n"
                 "FROM builder\n"
                 "WORKDIR ${PORT:-80}/$APP\n");
  auto parsed = Parse(src);
  ASSERT_TRUE(std::holds_alternative<Dockerfile>(parsed));
  const Dockerfile& file = std::get<Dockerfile>(parsed);
  ASSERT_EQ(file.instructions.size(), 8u);
  Model m = Model::Build(file, {{"TAG", "11"}});
  ASSERT_EQ(m.stages().size(), 2u);
  EXPECT_EQ(m.stages()[0].base, "debian:11");
  EXPECT_EQ(m.stages()[0].name, "builder");
  EXPECT_EQ(m.stages()[1].base_stage, 0);
  const Instruction& workdir = file.instructions[5];
  ASSERT_EQ(workdir.args.size(), 1u);
  EXPECT_EQ(m.Resolve(workdir, workdir.args[0].text), "/opt/app/11");
  EXPECT_EQ(m.Resolve(file.instructions[5], "$DIR"), "11");
  const Instruction& last = file.instructions[7];
  EXPECT_EQ(m.Resolve(last, last.args[0].text), "80//opt/app");
}

}  // namespace
}  // namespace pf::dockerfile

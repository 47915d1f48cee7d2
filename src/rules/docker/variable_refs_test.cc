#include "rules/docker/variable_refs.h"

#include <gtest/gtest.h>

namespace pf::rules {
namespace {

std::string Describe(std::string_view text, bool quotes = true) {
  std::string out;
  for (const VariableRef& r : FindVariableRefs(text, '\\', quotes)) {
    out += r.name + "@" + std::to_string(r.offset) + "+" + std::to_string(r.length) + " ";
  }
  return out;
}

TEST(FindVariableRefs, Forms) {
  EXPECT_EQ(Describe("$A/${B}/x"), "A@0+2 B@3+3 ");
  EXPECT_EQ(Describe("${A:-$B}"), "A@0+3 B@5+2 ");
  EXPECT_EQ(Describe("${A#*.}${C%%x}"), "A@0+3 C@7+3 ");
  EXPECT_EQ(Describe("a$"), "");
  EXPECT_EQ(Describe("${}"), "");
}

TEST(FindVariableRefs, QuotesAndEscapes) {
  EXPECT_EQ(Describe("'$A' \"$B\" \\$C $D"), "B@6+2 D@14+2 ");
  EXPECT_EQ(Describe("'$A'", /*quotes=*/false), "A@1+2 ");
  EXPECT_EQ(Describe("\"it's $A\""), "A@6+2 ");
}

}  // namespace
}  // namespace pf::rules

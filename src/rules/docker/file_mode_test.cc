#include "rules/docker/file_mode.h"

#include <gtest/gtest.h>

namespace pf::rules {
namespace {

TEST(FileMode, Octal) {
  FileMode m = ParseFileMode("0777");
  EXPECT_TRUE(m.valid);
  EXPECT_TRUE(m.octal);
  EXPECT_EQ(m.bits, 0777u);
  EXPECT_TRUE(IsWorldWritable(m));
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("666")));
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("4777")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("755")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("0775")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("1777")));  // sticky shared directory
  EXPECT_TRUE(ParseFileMode("1777").others_write);
  EXPECT_FALSE(ParseFileMode("999").valid);
  EXPECT_FALSE(ParseFileMode("17777").valid);
  EXPECT_FALSE(ParseFileMode("").valid);
}

TEST(FileMode, Symbolic) {
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("o+w")));
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("a+rwx")));
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("u=rwx,g=rx,o=rwx")));
  EXPECT_TRUE(IsWorldWritable(ParseFileMode("go+w")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("+w")));  // umask applies
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("a+w,o-w")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("o=rx")));
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("o=u")));  // copied: unknown
  EXPECT_FALSE(IsWorldWritable(ParseFileMode("a+rwxt")));
  EXPECT_FALSE(ParseFileMode("rwxrwxrwx").valid);
  EXPECT_FALSE(ParseFileMode("o+w,").valid);
}

}  // namespace
}  // namespace pf::rules

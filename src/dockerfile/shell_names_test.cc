#include "dockerfile/shell_names.h"

#include <gtest/gtest.h>

namespace pf::dockerfile {
namespace {

TEST(ShellNamesTest, NameLengthFollowsTheLexer) {
  EXPECT_EQ(ShellNameLength("FOO_1 rest", 0), 5u);
  EXPECT_EQ(ShellNameLength("$FOO-x", 1), 3u);
  EXPECT_EQ(ShellNameLength("12ab", 0), 2u);  // positional parameter: digits only
  EXPECT_EQ(ShellNameLength("0x", 0), 1u);
  EXPECT_EQ(ShellNameLength("@x", 0), 1u);
  EXPECT_EQ(ShellNameLength("$$", 0), 1u);
  EXPECT_EQ(ShellNameLength("-x", 0), 1u);
  EXPECT_EQ(ShellNameLength("}", 0), 0u);
  EXPECT_EQ(ShellNameLength("", 0), 0u);
  EXPECT_EQ(ShellNameLength("ab", 2), 0u);
}

TEST(ShellNamesTest, NonAsciiLettersBelongToNames) {
  EXPECT_EQ(ShellNameLength("caf\xC3\xA9.txt", 0), 5u);  // é
  EXPECT_EQ(ShellNameLength("a\xC2\xB5z", 0), 4u);       // µ is a letter in Go
  EXPECT_EQ(ShellNameLength("a\xC2\xA0z", 0), 1u);       // no-break space is not
  EXPECT_EQ(ShellNameLength("a\xE2\x80\x94z", 0), 1u);   // em dash is not
  EXPECT_EQ(ShellNameLength("a\xFFz", 0), 1u);           // invalid byte ends the name
}

TEST(ShellNamesTest, CharacterClasses) {
  EXPECT_TRUE(IsShellNameChar('_'));
  EXPECT_TRUE(IsShellNameChar('9'));
  EXPECT_FALSE(IsShellNameChar('-'));
  EXPECT_TRUE(IsShellLetter(0x4E2D));  // a CJK ideograph
  EXPECT_FALSE(IsShellLetter(0xFFFD));
  EXPECT_FALSE(IsShellLetter(0xD7));  // multiplication sign
  for (char32_t c : {U'@', U'*', U'#', U'?', U'-', U'$', U'!', U'0'})
    EXPECT_TRUE(IsSpecialParam(c));
  EXPECT_FALSE(IsSpecialParam('1'));
  EXPECT_FALSE(IsSpecialParam('a'));
}

}  // namespace
}  // namespace pf::dockerfile

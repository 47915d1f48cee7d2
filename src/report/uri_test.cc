#include "report/uri.h"

#include <gtest/gtest.h>

namespace pf::report {
namespace {

TEST(Uri, KeepsPathCharactersAndEncodesTheRest) {
  EXPECT_EQ(PercentEncodePath("services/api/Dockerfile.prod"), "services/api/Dockerfile.prod");
  EXPECT_EQ(PercentEncodePath("a b/c%d#e?f"), "a%20b/c%25d%23e%3Ff");
  EXPECT_EQ(PercentEncodePath("x:y/[z]"), "x%3Ay/%5Bz%5D");
  EXPECT_EQ(PercentEncodePath("caf\xc3\xa9"), "caf%C3%A9");
  EXPECT_EQ(PercentEncodePath("a,b;c=d&e+f@g~h!i'j(k)l*m$n"), "a,b;c=d&e+f@g~h!i'j(k)l*m$n");
  EXPECT_EQ(PercentEncodePath("back\\slash\"q"), "back%5Cslash%22q");
}

TEST(Uri, FileUris) {
  EXPECT_EQ(FileUriForFolder("/work/my proj"), "file:///work/my%20proj/");
  EXPECT_EQ(FileUriForFolder("/work/"), "file:///work/");
  EXPECT_EQ(FileUri("/tmp/a b/Dockerfile"), "file:///tmp/a%20b/Dockerfile");
}

}  // namespace
}  // namespace pf::report

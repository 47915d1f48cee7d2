#include "github/diff_lines.h"

#include <gtest/gtest.h>

namespace pf::github {
namespace {

TEST(DiffRightLines, AddedAndContextLinesOfEachHunk) {
  const char* patch =
      "@@ -1,4 +1,5 @@\n"
      " FROM alpine\n"  // 1
      "-RUN old\n"      // old side only
      "+RUN new\n"      // 2
      "+RUN another\n"  // 3
      " USER app\n"     // 4
      " CMD sh\n"       // 5
      "@@ -20,3 +21,2 @@ stage\n"
      " EXPOSE 80\n"  // 21
      "-EXPOSE 22\n"
      " HEALTHCHECK NONE\n";  // 22
  EXPECT_EQ(DiffRightLines(patch), (std::set<int>{1, 2, 3, 4, 5, 21, 22}));
}

TEST(DiffRightLines, NewFileAndSingleLineHunks) {
  EXPECT_EQ(DiffRightLines("@@ -0,0 +1,2 @@\n+FROM alpine\n+USER app"), (std::set<int>{1, 2}));
  EXPECT_EQ(DiffRightLines("@@ -3 +3 @@\n-a\n+b\n"), (std::set<int>{3}));
}

TEST(DiffRightLines, NoNewlineMarkerAndCarriageReturns) {
  EXPECT_EQ(DiffRightLines("@@ -1,1 +1,1 @@\r\n-a\r\n\\ No newline at end of file\r\n+b\r\n"
                           "\\ No newline at end of file\r\n"),
            (std::set<int>{1}));
}

TEST(DiffRightLines, DeletedFileAndMissingPatch) {
  EXPECT_TRUE(DiffRightLines("@@ -1,2 +0,0 @@\n-FROM alpine\n-USER app\n").empty());
  EXPECT_TRUE(DiffRightLines("").empty());
  // Text before any hunk header is not a line of the file.
  EXPECT_TRUE(DiffRightLines("+not in a hunk\n context\n").empty());
  EXPECT_TRUE(DiffRightLines("@@ garbage @@\n+x\n").empty());
}

}  // namespace
}  // namespace pf::github

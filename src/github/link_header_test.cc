#include "github/link_header.h"

#include <gtest/gtest.h>

namespace pf::github {
namespace {

TEST(NextPageUrl, GitHubStyleHeader) {
  EXPECT_EQ(NextPageUrl("<https://api.github.com/repositories/1/issues/2/comments?per_page=100&"
                        "page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues/2/"
                        "comments?per_page=100&page=5>; rel=\"last\""),
            "https://api.github.com/repositories/1/issues/2/comments?per_page=100&page=2");
}

TEST(NextPageUrl, NextAfterOtherRelations) {
  EXPECT_EQ(NextPageUrl("<http://h/x?page=1>; rel=\"prev\", <http://h/x?page=3>; rel=\"next\", "
                        "<http://h/x?page=9>; rel=\"last\", <http://h/x?page=1>; rel=\"first\""),
            "http://h/x?page=3");
}

TEST(NextPageUrl, UnquotedAndSeveralRelations) {
  EXPECT_EQ(NextPageUrl("<http://h/a>; rel=next"), "http://h/a");
  EXPECT_EQ(NextPageUrl("<http://h/b>; title=\"x\"; rel=\"last next\""), "http://h/b");
  EXPECT_EQ(NextPageUrl("<http://h/c>; REL = \"Next\""), "http://h/c");
}

TEST(NextPageUrl, NoNext) {
  EXPECT_EQ(NextPageUrl(""), std::nullopt);
  EXPECT_EQ(NextPageUrl("<http://h/x?page=1>; rel=\"prev\", <http://h/x?page=1>; rel=\"first\""),
            std::nullopt);
  // "nextish" or a next in another parameter is not rel=next.
  EXPECT_EQ(NextPageUrl("<http://h/x>; rel=\"nextish\""), std::nullopt);
  EXPECT_EQ(NextPageUrl("<http://h/x>; title=\"next\""), std::nullopt);
  EXPECT_EQ(NextPageUrl("<http://h/x; rel=\"next\""), std::nullopt);
}

}  // namespace
}  // namespace pf::github

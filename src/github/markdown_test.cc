#include "github/markdown.h"

#include <gtest/gtest.h>

namespace pf::github {
namespace {

std::string WebFor(const std::string& api_url, const std::string& server_url = "") {
  PrOptions options;
  options.api_url = api_url;
  options.server_url = server_url;
  return WebUrl(options);
}

TEST(WebUrl, DerivedFromApiUrl) {
  EXPECT_EQ(WebFor(""), "https://github.com");
  EXPECT_EQ(WebFor("https://api.github.com"), "https://github.com");
  EXPECT_EQ(WebFor("https://api.github.com/"), "https://github.com");
  EXPECT_EQ(WebFor("https://ghe.example.com/api/v3"), "https://ghe.example.com");
  EXPECT_EQ(WebFor("https://ghe.example.com/api/v3/"), "https://ghe.example.com");
  EXPECT_EQ(WebFor("https://api.octo.ghe.com"), "https://octo.ghe.com");
  EXPECT_EQ(WebFor("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
}

TEST(WebUrl, ServerUrlWins) {
  EXPECT_EQ(WebFor("https://api.github.com", "https://github.example.org/"),
            "https://github.example.org");
}

TEST(BlobLink, LineRangeAndEncodedPath) {
  PrFinding f;
  f.path = "svc/my app/Dockerfile#1";
  f.line = 3;
  EXPECT_EQ(BlobLink("https://github.com", "o/r", "abc", f),
            "https://github.com/o/r/blob/abc/svc/my%20app/Dockerfile%231#L3");
  f.end_line = 5;
  EXPECT_EQ(BlobLink("https://github.com", "o/r", "abc", f),
            "https://github.com/o/r/blob/abc/svc/my%20app/Dockerfile%231#L3-L5");
  f.line = 0;
  f.end_line = 0;
  EXPECT_EQ(BlobLink("https://github.com", "o/r", "abc", f),
            "https://github.com/o/r/blob/abc/svc/my%20app/Dockerfile%231");
}

TEST(EscapeCell, KeepsTableIntact) {
  EXPECT_EQ(EscapeCell("a|b\nc <script> & d"), "a\\|b c &lt;script&gt; &amp; d");
}

TEST(Severity, RankLabelAndOrder) {
  EXPECT_LT(SeverityRank("critical"), SeverityRank("high"));
  EXPECT_LT(SeverityRank("low"), SeverityRank("info"));
  EXPECT_LT(SeverityRank("info"), SeverityRank("bogus"));
  EXPECT_EQ(SeverityLabel("medium"), "Medium");
  PrFinding high{"R2", "", "high", "b", "", "", 9, 0};
  PrFinding critical{"R1", "", "critical", "z", "", "", 1, 0};
  EXPECT_TRUE(FindingBefore(critical, high));
  EXPECT_FALSE(FindingBefore(high, critical));
}

}  // namespace
}  // namespace pf::github

#include "report/xml.h"

#include <gtest/gtest.h>

namespace pf::report {
namespace {

TEST(Xml, EscapesMarkupInAttributes) {
  EXPECT_EQ(XmlAttribute("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  EXPECT_EQ(XmlAttribute("tab\there\r\nnext"), "tab&#9;here&#13;&#10;next");
}

TEST(Xml, TextKeepsTabsAndLineFeeds) {
  EXPECT_EQ(XmlText("a\tb\nc\r\n<&>"), "a\tb\nc&#13;\n&lt;&amp;&gt;");
}

TEST(Xml, ForbiddenCharactersAndBadUtf8BecomeReplacement) {
  const std::string kFffd = "\xEF\xBF\xBD";
  EXPECT_EQ(XmlText(std::string("a\0b", 3)), "a" + kFffd + "b");
  EXPECT_EQ(XmlText("\x01\x1b[0m"), kFffd + kFffd + "[0m");
  EXPECT_EQ(XmlText("bad \xff byte"), "bad " + kFffd + " byte");
  EXPECT_EQ(XmlText("\xc3"), kFffd) << "truncated sequence";
  EXPECT_EQ(XmlText("\xed\xa0\x80"), kFffd + kFffd + kFffd) << "a surrogate is not a character";
  EXPECT_EQ(XmlText("\xef\xbf\xbe"), kFffd) << "U+FFFE is not allowed";
  EXPECT_EQ(XmlText("\xc0\xaf"), kFffd + kFffd) << "overlong";
}

TEST(Xml, ValidUtf8StaysAsIs) {
  EXPECT_EQ(XmlAttribute("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x90\xb3"),
            "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x90\xb3");
}

}  // namespace
}  // namespace pf::report

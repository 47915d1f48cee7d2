#pragma once

#include <string>
#include <string_view>

namespace pf::report {

// Text for an XML 1.0 attribute value in double quotes: & < > " ' become
// entities, tab and line ends become character references (so attribute
// normalisation keeps them), characters XML 1.0 forbids (other C0 controls,
// U+FFFE, U+FFFF, lone surrogates) and invalid UTF-8 become U+FFFD.
std::string XmlAttribute(std::string_view utf8);

// The same for element content; tabs and line feeds stay as they are.
std::string XmlText(std::string_view utf8);

}  // namespace pf::report

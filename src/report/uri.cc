#include "report/uri.h"

namespace pf::report {

namespace {

bool KeptInPath(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':  // unreserved
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':  // sub-delims
    case '@':
    case '/':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (KeptInPath(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string FileUri(std::string_view absolute_path) {
  return "file://" + PercentEncodePath(absolute_path);
}

std::string FileUriForFolder(std::string_view absolute_dir) {
  std::string uri = FileUri(absolute_dir);
  if (uri.empty() || uri.back() != '/') uri += '/';
  return uri;
}

}  // namespace pf::report

#include "report/json_stream.h"

#include <string>

namespace pf::report {

void WriteJsonNested(std::ostream& out, const OrderedJson& value, int depth) {
  std::string text = value.dump(2, ' ', false, OrderedJson::error_handler_t::replace);
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  for (char c : text) {
    out << c;
    if (c == '\n') out << pad;
  }
}

}  // namespace pf::report

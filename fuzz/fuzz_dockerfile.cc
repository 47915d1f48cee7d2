// Dockerfile parser, then the model (stages, ARG/ENV scopes) and the dump,
// as a scan would use them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "core/source.h"
#include "dockerfile/model.h"
#include "dockerfile/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pf::SourceFile source("Dockerfile", std::string(reinterpret_cast<const char*>(data), size));
  auto parsed = pf::dockerfile::Parse(source);
  if (auto* file = std::get_if<pf::dockerfile::Dockerfile>(&parsed)) {
    pf::dockerfile::Dump(*file);
    pf::dockerfile::Model model = pf::dockerfile::Model::Build(*file);
    for (const auto& ins : file->instructions) {
      if (!ins.args.empty()) model.Expand(ins, ins.args.front().text);
    }
  }
  return 0;
}

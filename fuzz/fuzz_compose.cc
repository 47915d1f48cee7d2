// The compose loader: YAML, anchors and merges, interpolation, extends and
// the typed model. Files it refers to resolve under a folder that does not
// exist, so the input alone decides the outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/loader.h"
#include "core/source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pf::SourceFile file("/nonexistent-pf-fuzz/compose.yaml",
                      std::string(reinterpret_cast<const char*>(data), size));
  pf::compose::LoadOptions opts;
  opts.use_dotenv = false;
  opts.environment = {{"TAG", "1.0"}, {"EMPTY", ""}};
  pf::compose::Load(file, opts);
  return 0;
}

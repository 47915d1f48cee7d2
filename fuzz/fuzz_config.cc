// The .pathfinder.yml loader: keys, rule ids, option types, positions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pf::config::Config config;
  std::string error;
  pf::config::ParseConfig(".pathfinder.yml", std::string(reinterpret_cast<const char*>(data), size),
                          &config, &error);
  return 0;
}

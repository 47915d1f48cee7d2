// Checks the interpolation, port, volume and .env parsers against the
// Compose conformance data in PF_SHARED_DIR/conformance/compose.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "compose/dotenv.h"
#include "compose/interpolate.h"
#include "compose/ports.h"
#include "compose/volumes.h"

namespace pf::compose {
namespace {

using nlohmann::json;

std::filesystem::path DataDir() {
  return std::filesystem::path(PF_SHARED_DIR) / "conformance" / "compose";
}

bool LoadCases(const std::string& name, json& out) {
  std::ifstream in(DataDir() / name);
  if (!in) return false;
  out = json::parse(in);
  return true;
}

Lookup LookupFrom(const json& c) {
  std::map<std::string, std::string> env;
  if (c.contains("env")) {
    for (auto& [k, v] : c["env"].items()) env[k] = v.get<std::string>();
  }
  return [env](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(std::string(name));
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
}

bool IsError(const json& expect) { return expect.is_object() && expect.value("error", false); }

TEST(ComposeConformance, Interpolation) {
  json cases;
  if (!LoadCases("interpolation.json", cases)) GTEST_SKIP() << "no conformance data";
  int checked = 0;
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    InterpolationResult r = Interpolate(c["input"].get<std::string>(), LookupFrom(c));
    const json& expect = c["expect"];
    if (IsError(expect)) {
      ASSERT_FALSE(r.ok()) << r.value;
      std::string text = expect.contains("template_error_text")
                             ? expect["template_error_text"].get<std::string>()
                             : expect["error_text"].get<std::string>();
      EXPECT_EQ(r.error_text, text);
      std::string kind = expect["error_kind"];
      EXPECT_EQ(r.error, kind == "missing_required" ? InterpolationError::kMissingRequired
                                                    : InterpolationError::kInvalidTemplate);
    } else {
      ASSERT_TRUE(r.ok()) << r.error_text;
      EXPECT_EQ(r.value, expect.get<std::string>());
    }
    ++checked;
  }
  EXPECT_EQ(checked, 126);
}

json MappingJson(const PortMapping& m, const std::string& mode = "ingress") {
  return json{{"host_ip", m.host_ip},
              {"published", m.published},
              {"target", m.target},
              {"protocol", m.protocol},
              {"mode", mode}};
}

// A whole `ports:` list as the loader turns it into port configs.
json PortsList(const json& items, const Lookup& lookup, std::string& error) {
  json out = json::array();
  auto interp = [&](const json& v) -> std::string {
    std::string s = v.is_string() ? v.get<std::string>() : v.dump();
    return Interpolate(s, lookup).value;
  };
  for (const json& item : items) {
    if (!item.is_object()) {
      PortMappingsResult r = ExpandPortSpec(interp(item));
      if (!r.ok()) {
        error = r.error;
        return out;
      }
      for (const auto& m : r.mappings) out.push_back(MappingJson(m));
      continue;
    }
    json m{{"host_ip", ""}, {"published", ""}, {"protocol", "tcp"}, {"mode", "ingress"}};
    json ext = json::object();
    for (auto& [k, v] : item.items()) {
      if (k.rfind("x-", 0) == 0) {
        ext[k] = v;
      } else if (k == "target") {
        m["target"] = std::stoi(interp(v));
      } else {
        m[k] = interp(v);
      }
    }
    if (!ext.empty()) m["extensions"] = ext;
    out.push_back(m);
  }
  return out;
}

TEST(ComposeConformance, Ports) {
  json cases;
  if (!LoadCases("ports.json", cases)) GTEST_SKIP() << "no conformance data";
  int checked = 0;
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const json& expect = c["expect"];
    std::string api = c["api"];
    if (api == "port_range") {
      PortRangeResult r = ParsePortRange(c["input"].get<std::string>());
      if (IsError(expect)) {
        EXPECT_FALSE(r.range.has_value());
        EXPECT_EQ(r.error, expect["error_text"].get<std::string>());
      } else {
        ASSERT_TRUE(r.range.has_value()) << r.error;
        EXPECT_EQ(r.range->start, expect["start"].get<int>());
        EXPECT_EQ(r.range->end, expect["end"].get<int>());
      }
    } else if (api == "port_spec") {
      PortMappingsResult r = ExpandPortSpec(c["input"].get<std::string>());
      if (IsError(expect)) {
        EXPECT_FALSE(r.ok());
        EXPECT_EQ(r.error, expect["error_text"].get<std::string>());
      } else {
        ASSERT_TRUE(r.ok()) << r.error;
        json got = json::array();
        for (const auto& m : r.mappings) got.push_back(MappingJson(m));
        EXPECT_EQ(got, expect);
      }
    } else {
      ASSERT_EQ(api, "ports_list");
      std::string error;
      json got = PortsList(c["input"], LookupFrom(c), error);
      ASSERT_TRUE(error.empty()) << error;
      EXPECT_EQ(got, expect);
    }
    ++checked;
  }
  EXPECT_EQ(checked, 95);
}

TEST(ComposeConformance, Volumes) {
  json cases;
  if (!LoadCases("volumes.json", cases)) GTEST_SKIP() << "no conformance data";
  int checked = 0;
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    VolumeSpecResult r = ParseVolumeSpec(c["input"].get<std::string>());
    const json& expect = c["expect"];
    if (IsError(expect)) {
      EXPECT_FALSE(r.ok());
      EXPECT_EQ(r.error, expect["error_text"].get<std::string>());
    } else {
      ASSERT_TRUE(r.ok()) << r.error;
      const VolumeSpec& v = *r.spec;
      json got{{"type", v.type},           {"source", v.source}, {"target", v.target},
               {"read_only", v.read_only}, {"bind", nullptr},    {"volume", nullptr}};
      if (v.bind) {
        got["bind"] = {{"create_host_path", v.bind->create_host_path},
                       {"propagation", v.bind->propagation},
                       {"selinux", v.bind->selinux}};
      }
      if (v.volume) got["volume"] = {{"nocopy", v.volume->nocopy}};
      EXPECT_EQ(got, expect);
    }
    ++checked;
  }
  EXPECT_EQ(checked, 83);
}

bool StartsWithDigit(const std::string& key) {
  std::size_t i = 0;
  while (i < key.size() && std::isspace(static_cast<unsigned char>(key[i]))) ++i;
  return i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]));
}

TEST(ComposeConformance, Dotenv) {
  json cases;
  if (!LoadCases("dotenv.json", cases)) GTEST_SKIP() << "no conformance data";
  int checked = 0;
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const json& expect = c["expect"];
    std::string api = c["api"];
    Lookup env = LookupFrom(c);
    json got = json::object();
    std::string error;
    if (api == "files") {
      std::map<std::string, std::string> acc;
      Lookup earlier = [&acc](std::string_view name) -> std::optional<std::string> {
        auto it = acc.find(std::string(name));
        if (it == acc.end()) return std::nullopt;
        return it->second;
      };
      for (const json& text : c["input"]) {
        DotenvResult r = ParseDotenv(text.get<std::string>(), env, &earlier);
        if (!r.ok()) error = r.error;
        for (auto& [k, v] : r.values) acc[k] = v;
      }
      for (auto& [k, v] : acc) got[k] = v;
    } else {
      DotenvResult r = ParseDotenv(c["input"].get<std::string>(), env);
      error = r.error;
      for (auto& [k, v] : r.values) {
        if (api == "read" && StartsWithDigit(k)) continue;
        got[k] = v;
      }
      if (api == "project_environment") {
        for (auto& [k, v] : c["env"].items()) got[k] = v;
      }
    }
    if (IsError(expect)) {
      EXPECT_EQ(error, expect["error_text"].get<std::string>());
    } else {
      ASSERT_TRUE(error.empty()) << error;
      EXPECT_EQ(got, expect);
    }
    ++checked;
  }
  EXPECT_EQ(checked, 100);
}

}  // namespace
}  // namespace pf::compose

#include "dockerfile/validate.h"

#include <gtest/gtest.h>

namespace pf::dockerfile {
namespace {

TEST(ImageReference, AcceptsWhatRegistriesAccept) {
  for (const char* image :
       {"ubuntu", "ubuntu:22.04", "library/ubuntu", "docker.io/library/ubuntu:latest",
        "localhost:5000/app", "localhost/app", "ghcr.io/owner/app:v1", "[::1]:5000/app:1",
        "a__b/c-d/e.f:1.0-rc_1",
        "quay.io/org/app@sha256:"
        "4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1",
        "app:tag@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1"}) {
    EXPECT_EQ(ImageReferenceError(image), std::nullopt) << image;
  }
}

TEST(ImageReference, ReportsBuildKitsMessages) {
  EXPECT_EQ(ImageReferenceError("alpine:"), "invalid reference format");
  EXPECT_EQ(ImageReferenceError("perl:{{version}}"), "invalid reference format");
  EXPECT_EQ(ImageReferenceError("nginx@latest"), "invalid reference format");
  EXPECT_EQ(ImageReferenceError("Ubuntu"),
            "invalid reference format: repository name (library/Ubuntu) must be lowercase");
  EXPECT_EQ(ImageReferenceError("app@sha256:0123456789abcdef0123456789abcdef"),
            "invalid checksum digest length");
  EXPECT_EQ(ImageReferenceError("app@md5:0123456789abcdef0123456789abcdef"),
            "unsupported digest algorithm");
  EXPECT_EQ(ImageReferenceError("a-/b"), "invalid reference format");
  EXPECT_EQ(ImageReferenceError(std::string(64, 'a')),
            "invalid repository name (" + std::string(64, 'a') +
                "), cannot specify 64-byte hexadecimal strings");
}

TEST(GoDuration, ParsesLikeTimeParseDuration) {
  std::string error;
  EXPECT_EQ(ParseGoDuration("1m30s", &error), 90e9L);
  EXPECT_EQ(ParseGoDuration("0", &error), 0.0L);
  EXPECT_EQ(ParseGoDuration("1.5h", &error), 5400e9L);
  EXPECT_EQ(ParseGoDuration("-2ms", &error), -2e6L);
  EXPECT_EQ(ParseGoDuration("30", &error), std::nullopt);
  EXPECT_EQ(error, "time: missing unit in duration \"30\"");
  EXPECT_EQ(ParseGoDuration("5sec", &error), std::nullopt);
  EXPECT_EQ(error, "time: unknown unit \"sec\" in duration \"5sec\"");
  EXPECT_EQ(ParseGoDuration("", &error), std::nullopt);
  EXPECT_EQ(error, "time: invalid duration \"\"");
  EXPECT_EQ(ParseGoDuration(".s", &error), std::nullopt);
  EXPECT_EQ(error, "time: invalid duration \".s\"");
}

}  // namespace
}  // namespace pf::dockerfile

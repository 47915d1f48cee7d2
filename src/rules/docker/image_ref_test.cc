#include "rules/docker/image_ref.h"

#include <gtest/gtest.h>

namespace pf::rules {
namespace {

TEST(ImageRef, NameOnly) {
  ImageRef ref = ParseImageRef("ubuntu");
  EXPECT_EQ(ref.registry, "");
  EXPECT_EQ(ref.repository, "ubuntu");
  EXPECT_FALSE(ref.has_tag);
  EXPECT_FALSE(ref.has_digest);
}

TEST(ImageRef, TagAndDigest) {
  ImageRef ref = ParseImageRef("library/node:20.11-alpine@sha256:abc");
  EXPECT_EQ(ref.repository, "library/node");
  EXPECT_TRUE(ref.has_tag);
  EXPECT_EQ(ref.tag, "20.11-alpine");
  EXPECT_TRUE(ref.has_digest);
  EXPECT_EQ(ref.digest, "sha256:abc");
}

TEST(ImageRef, RegistryPortIsNotATag) {
  ImageRef ref = ParseImageRef("localhost:5000/team/app");
  EXPECT_EQ(ref.registry, "localhost:5000");
  EXPECT_EQ(ref.repository, "team/app");
  EXPECT_FALSE(ref.has_tag);

  ref = ParseImageRef("registry.example.com:443/app:1.0");
  EXPECT_EQ(ref.registry, "registry.example.com:443");
  EXPECT_EQ(ref.tag, "1.0");
}

TEST(ImageRef, RegistryHostDetection) {
  EXPECT_EQ(ParseImageRef("ghcr.io/org/tool").registry, "ghcr.io");
  EXPECT_EQ(ParseImageRef("localhost/app").registry, "localhost");
  // A plain first component is a Docker Hub namespace, not a host.
  EXPECT_EQ(ParseImageRef("bitnami/redis:7").registry, "");
  EXPECT_EQ(ParseImageRef("bitnami/redis:7").repository, "bitnami/redis");
}

TEST(ImageRef, DigestWithoutTag) {
  ImageRef ref = ParseImageRef("alpine@sha256:0123");
  EXPECT_FALSE(ref.has_tag);
  EXPECT_TRUE(ref.has_digest);
  EXPECT_EQ(ref.repository, "alpine");
}

TEST(ImageRef, EmptyTagIsWritten) {
  ImageRef ref = ParseImageRef("alpine:");
  EXPECT_TRUE(ref.has_tag);
  EXPECT_EQ(ref.tag, "");
}

}  // namespace
}  // namespace pf::rules

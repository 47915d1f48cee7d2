#include "compose/loader.h"

#include <gtest/gtest.h>

#include "compose/test_util.h"

namespace pf::compose {
namespace {

using testing::LoadText;
using testing::TempDir;

const Service& Svc(const LoadResult& r, std::string_view name) {
  const Service* s = r.project->FindService(name);
  EXPECT_NE(s, nullptr) << name;
  return *s;
}

TEST(ComposeLoader, ServiceNamesAndValuePositions) {
  LoadResult r = LoadText(
      "services:\n"
      "  web:\n"
      "    image: \"nginx:1.25\"\n"
      "    user: root\n"
      "  db:\n"
      "    image: postgres\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  ASSERT_EQ(r.project->services.size(), 2u);
  const Service& web = r.project->services[0];
  EXPECT_EQ(web.name, "web");
  EXPECT_EQ(web.name_range, (Range{{2, 3}, {2, 6}}));
  ASSERT_TRUE(web.image);
  EXPECT_EQ(web.image->value, "nginx:1.25");
  EXPECT_EQ(web.image->range, (Range{{3, 12}, {3, 24}}));
  EXPECT_EQ(web.user->range, (Range{{4, 11}, {4, 15}}));
  EXPECT_EQ(r.project->services[1].name, "db");
}

TEST(ComposeLoader, ColumnsCountCodePoints) {
  LoadResult r = LoadText("services:\n  s:\n    labels: {é: x}\n    user: \"é\"\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(Svc(r, "s").user->range, (Range{{4, 11}, {4, 14}}));
}

TEST(ComposeLoader, EveryShortPortForm) {
  LoadResult r = LoadText(
      "services:\n"
      "  s:\n"
      "    ports:\n"
      "      - \"80\"\n"
      "      - 8080:80\n"
      "      - 127.0.0.1:8080:80\n"
      "      - \"[::1]:6001:6001\"\n"
      "      - 8000-8010:8000-8010\n"
      "      - 6060:6060/udp\n"
      "      - 9090\n"
      "      - 7000-7005:80\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const auto& p = Svc(r, "s").ports;
  ASSERT_EQ(p.size(), 8u);
  EXPECT_FALSE(p[0].published);
  EXPECT_EQ(p[0].target, (PortRange{80, 80}));
  EXPECT_EQ(p[1].published, (PortRange{8080, 8080}));
  EXPECT_EQ(p[2].host_ip, "127.0.0.1");
  EXPECT_EQ(p[3].host_ip, "::1");
  EXPECT_EQ(p[3].published, (PortRange{6001, 6001}));
  EXPECT_EQ(p[4].published, (PortRange{8000, 8010}));
  EXPECT_EQ(p[4].target, (PortRange{8000, 8010}));
  EXPECT_EQ(p[5].protocol, "udp");
  EXPECT_EQ(p[6].target, (PortRange{9090, 9090}));
  EXPECT_EQ(p[7].published, (PortRange{7000, 7005}));
  EXPECT_EQ(p[1].range, (Range{{5, 9}, {5, 16}}));
  for (const Port& port : p) EXPECT_TRUE(port.error.empty()) << port.error;
}

TEST(ComposeLoader, LongPortSyntaxAndInvalidPort) {
  LoadResult r = LoadText(
      "services:\n"
      "  s:\n"
      "    ports:\n"
      "      - target: 80\n"
      "        published: \"8000-8005\"\n"
      "        host_ip: 0.0.0.0\n"
      "        protocol: UDP\n"
      "        mode: host\n"
      "      - target: 443\n"
      "        published: 8443\n"
      "      - \"99999\"\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const auto& p = Svc(r, "s").ports;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[0].long_syntax);
  EXPECT_EQ(p[0].published, (PortRange{8000, 8005}));
  EXPECT_EQ(p[0].host_ip, "0.0.0.0");
  EXPECT_EQ(p[0].protocol, "udp");
  EXPECT_EQ(p[0].mode, "host");
  EXPECT_EQ(p[1].published, (PortRange{8443, 8443}));
  EXPECT_EQ(p[2].error, "invalid containerPort: 99999");
  ASSERT_EQ(r.project->diagnostics.size(), 1u);
  EXPECT_EQ(r.project->diagnostics[0].range.start.line, 11);
}

TEST(ComposeLoader, VolumeForms) {
  LoadResult r = LoadText(
      "services:\n"
      "  s:\n"
      "    volumes:\n"
      "      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
      "      - data:/data\n"
      "      - /anon\n"
      "      - C:\\\\src:D:\\\\dst\n"
      "      - type: bind\n"
      "        source: /etc\n"
      "        target: /host-etc\n"
      "        read_only: true\n"
      "        bind: {propagation: rshared, create_host_path: false}\n"
      "      - type: volume\n"
      "        source: cache\n"
      "        target: /cache\n"
      "        volume: {nocopy: yes}\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const auto& v = Svc(r, "s").volumes;
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v[0].type, "bind");
  EXPECT_EQ(v[0].source, "/var/run/docker.sock");
  EXPECT_TRUE(v[0].read_only);
  EXPECT_EQ(v[1].type, "volume");
  EXPECT_EQ(v[1].source, "data");
  EXPECT_EQ(v[2].source, "");
  EXPECT_EQ(v[2].target, "/anon");
  EXPECT_EQ(v[3].type, "bind");
  EXPECT_EQ(v[3].source, "C:\\\\src");
  EXPECT_TRUE(v[4].long_syntax);
  EXPECT_EQ(v[4].source, "/etc");
  EXPECT_TRUE(v[4].read_only);
  EXPECT_EQ(v[4].bind->propagation, "rshared");
  EXPECT_FALSE(v[4].bind->create_host_path);
  EXPECT_EQ(v[4].source_range.start, (Position{9, 17}));
  EXPECT_TRUE(v[5].volume->nocopy);
}

TEST(ComposeLoader, EnvironmentListAndMap) {
  LoadResult r = LoadText(
      "services:\n"
      "  a:\n"
      "    environment:\n"
      "      - A=1\n"
      "      - B\n"
      "      - C=\n"
      "  b:\n"
      "    environment:\n"
      "      X: 1\n"
      "      Y:\n"
      "      Z: \"\"\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const auto& a = Svc(r, "a").environment;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].name, "A");
  EXPECT_EQ(a[0].value, "1");
  EXPECT_FALSE(a[1].value);
  EXPECT_EQ(a[2].value, "");
  const auto& b = Svc(r, "b").environment;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].value, "1");
  EXPECT_FALSE(b[1].value);
  EXPECT_EQ(b[2].value, "");
  EXPECT_EQ(b[1].name_range.start, (Position{10, 7}));
}

TEST(ComposeLoader, BooleanSpellings) {
  const char* truthy[] = {"true", "True", "TRUE", "yes", "Yes", "on", "ON", "y", "\"true\""};
  for (const char* t : truthy) {
    LoadResult r = LoadText(std::string("services:\n  s:\n    privileged: ") + t + "\n");
    ASSERT_TRUE(r.ok()) << t;
    ASSERT_TRUE(Svc(r, "s").privileged) << t;
    EXPECT_TRUE(Svc(r, "s").privileged->value) << t;
    EXPECT_TRUE(Svc(r, "s").privileged->valid) << t;
  }
  const char* falsy[] = {"false", "False", "no", "off", "n", "'false'"};
  for (const char* t : falsy) {
    LoadResult r = LoadText(std::string("services:\n  s:\n    read_only: ") + t + "\n");
    ASSERT_TRUE(r.ok()) << t;
    EXPECT_FALSE(Svc(r, "s").read_only->value) << t;
    EXPECT_TRUE(Svc(r, "s").read_only->valid) << t;
  }
  LoadResult bad = LoadText("services:\n  s:\n    privileged: maybe\n");
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE(Svc(bad, "s").privileged->valid);
  EXPECT_EQ(bad.project->diagnostics.size(), 1u);
}

TEST(ComposeLoader, ScalarFields) {
  LoadResult r = LoadText(
      "services:\n"
      "  s:\n"
      "    network_mode: host\n"
      "    pid: host\n"
      "    ipc: host\n"
      "    uts: host\n"
      "    cgroup: host\n"
      "    userns_mode: host\n"
      "    security_opt: [seccomp:unconfined, apparmor:unconfined]\n"
      "    cap_add: [SYS_ADMIN]\n"
      "    cap_drop: [ALL]\n"
      "    build:\n"
      "      context: ./app\n"
      "      dockerfile: Dockerfile.dev\n"
      "      target: dev\n"
      "      args: [A=1, B]\n"
      "    x-custom: {ignored: true}\n"
      "  t:\n"
      "    build: ./other\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const Service& s = Svc(r, "s");
  EXPECT_EQ(s.network_mode->value, "host");
  EXPECT_EQ(s.pid->value, "host");
  EXPECT_EQ(s.ipc->value, "host");
  EXPECT_EQ(s.uts->value, "host");
  EXPECT_EQ(s.cgroup->value, "host");
  EXPECT_EQ(s.userns_mode->value, "host");
  ASSERT_EQ(s.security_opt.size(), 2u);
  EXPECT_EQ(s.security_opt[1].value, "apparmor:unconfined");
  EXPECT_EQ(s.cap_add[0].value, "SYS_ADMIN");
  EXPECT_EQ(s.cap_drop[0].value, "ALL");
  EXPECT_EQ(s.build->context->value, "./app");
  EXPECT_EQ(s.build->dockerfile->value, "Dockerfile.dev");
  EXPECT_EQ(s.build->target->value, "dev");
  ASSERT_EQ(s.build->args.size(), 2u);
  EXPECT_EQ(s.build->args[1].name, "B");
  ASSERT_NE(s.Raw("x-custom"), nullptr);
  EXPECT_EQ(s.Raw("x-custom")->Find("ignored")->value, "true");
  EXPECT_EQ(Svc(r, "t").build->context->value, "./other");
}

TEST(ComposeLoader, AnchorsAliasesAndMergeKeys) {
  LoadResult r = LoadText(
      "x-base: &base\n"
      "  image: busybox\n"
      "  privileged: true\n"
      "x-user: &user\n"
      "  user: nobody\n"
      "  image: ignored\n"
      "services:\n"
      "  a:\n"
      "    <<: *base\n"
      "    image: alpine\n"
      "  b:\n"
      "    <<: [*base, *user]\n"
      "  c:\n"
      "    cap_add: &caps [NET_ADMIN]\n"
      "    cap_drop: *caps\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(Svc(r, "a").image->value, "alpine");
  EXPECT_TRUE(Svc(r, "a").privileged->value);
  EXPECT_EQ(Svc(r, "a").privileged->range.start.line, 3);
  EXPECT_EQ(Svc(r, "b").image->value, "busybox");
  EXPECT_EQ(Svc(r, "b").user->value, "nobody");
  EXPECT_EQ(Svc(r, "c").cap_drop[0].value, "NET_ADMIN");
}

TEST(ComposeLoader, DuplicateKeyIsAnError) {
  LoadResult r = LoadText("services:\n  s:\n    image: a\n    image: b\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.position.line, 4);
  EXPECT_NE(r.error.message.find("duplicate key \"image\""), std::string::npos);
}

TEST(ComposeLoader, MultipleDocumentsMerge) {
  LoadResult r = LoadText(
      "services:\n  a:\n    image: one\n    ports: [\"80\"]\n"
      "---\n"
      "services:\n  a:\n    image: two\n    ports: [\"81\"]\n  b:\n    image: b\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_EQ(Svc(r, "a").image->value, "two");
  EXPECT_EQ(Svc(r, "a").ports.size(), 2u);
  EXPECT_EQ(Svc(r, "b").image->value, "b");
}

TEST(ComposeLoader, InterpolationWithDotenvBesideTheFile) {
  TempDir dir;
  dir.Write(".env", "TAG=1.2\nPORT=8080\nEMPTY=\n");
  std::string path = dir.Write("compose.yaml",
                               "services:\n"
                               "  s:\n"
                               "    image: \"app:${TAG}\"\n"
                               "    ports: [\"${PORT}:80\", \"${MISSING:-9000}:90\"]\n"
                               "    user: ${NOPE}\n"
                               "    environment:\n"
                               "      COST: $$5\n"
                               "      E: ${EMPTY-unset}\n");
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  SourceFile src(path, text);
  LoadResult r = Load(src, LoadOptions{});
  ASSERT_TRUE(r.ok()) << r.error.message;
  const Service& s = Svc(r, "s");
  EXPECT_EQ(s.image->value, "app:1.2");
  EXPECT_FALSE(s.image->unresolved);
  EXPECT_EQ(s.ports[0].published, (PortRange{8080, 8080}));
  EXPECT_EQ(s.ports[1].published, (PortRange{9000, 9000}));
  EXPECT_EQ(s.user->value, "");
  EXPECT_TRUE(s.user->unresolved);
  EXPECT_EQ(s.environment[0].value, "$5");
  EXPECT_EQ(s.environment[1].value, "");
  EXPECT_EQ(s.node.Find("image")->raw, "app:${TAG}");
}

TEST(ComposeLoader, ProcessEnvironmentOnlyWhenAsked) {
  ::setenv("PF_COMPOSE_TEST_VAR", "from-process", 1);
  const std::string text = "services:\n  s:\n    image: ${PF_COMPOSE_TEST_VAR}\n";
  LoadResult off = LoadText(text);
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(Svc(off, "s").image->value, "");
  LoadOptions opts;
  opts.use_process_env = true;
  LoadResult on = LoadText(text, opts);
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(Svc(on, "s").image->value, "from-process");
}

TEST(ComposeLoader, RequiredVariableFails) {
  LoadResult r = LoadText("services:\n  s:\n    image: ${IMG:?set IMG}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.message,
            "error while interpolating services.s.image: required variable IMG is missing a "
            "value: set IMG");
  EXPECT_EQ(r.error.position, (Position{3, 12}));
}

LoadResult LoadFromDir(const TempDir& dir, const std::string& name) {
  std::ifstream in(dir.Path(name));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  SourceFile src(dir.Path(name), text);
  return Load(src, LoadOptions{});
}

TEST(ComposeLoader, ExtendsSameFileAndOtherFile) {
  TempDir dir;
  dir.Write("common/base.yaml",
            "services:\n  base:\n    image: base\n    privileged: true\n    cap_add: [A]\n");
  dir.Write("compose.yaml",
            "services:\n"
            "  web:\n"
            "    extends:\n"
            "      file: common/base.yaml\n"
            "      service: base\n"
            "    cap_add: [B]\n"
            "  worker:\n"
            "    extends: web\n"
            "    image: worker\n");
  LoadResult r = LoadFromDir(dir, "compose.yaml");
  ASSERT_TRUE(r.ok()) << r.error.message;
  const Service& web = Svc(r, "web");
  EXPECT_EQ(web.image->value, "base");
  EXPECT_TRUE(web.privileged->value);
  EXPECT_NE(web.privileged->file, 0);
  ASSERT_EQ(web.cap_add.size(), 2u);
  EXPECT_EQ(Svc(r, "worker").image->value, "worker");
  EXPECT_TRUE(Svc(r, "worker").privileged->value);
  EXPECT_EQ(web.Raw("extends"), nullptr);
}

TEST(ComposeLoader, ExtendsCycleIsAnError) {
  LoadResult r = LoadText("services:\n  a:\n    extends: b\n  b:\n    extends: {service: a}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.message.find("circular reference in extends"), std::string::npos);
  LoadResult missing = LoadText("services:\n  a:\n    extends: nope\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error.position.line, 3);
}

TEST(ComposeLoader, IncludeShortAndLongForm) {
  TempDir dir;
  dir.Write("db/compose.yaml", "services:\n  db:\n    image: postgres\n");
  dir.Write("cache.yaml", "services:\n  cache:\n    image: redis\n    privileged: yes\n");
  dir.Write("compose.yaml",
            "include:\n"
            "  - db/compose.yaml\n"
            "  - path: cache.yaml\n"
            "services:\n"
            "  web:\n"
            "    image: web\n");
  LoadResult r = LoadFromDir(dir, "compose.yaml");
  ASSERT_TRUE(r.ok()) << r.error.message;
  ASSERT_EQ(r.project->services.size(), 3u);
  EXPECT_EQ(r.project->services[0].name, "web");
  EXPECT_EQ(Svc(r, "db").image->value, "postgres");
  EXPECT_TRUE(Svc(r, "cache").privileged->value);
  EXPECT_NE(Svc(r, "cache").file, 0);
}

TEST(ComposeLoader, IncludeCycleAndConflict) {
  TempDir dir;
  dir.Write("a.yaml", "include: [b.yaml]\nservices:\n  a: {image: a}\n");
  dir.Write("b.yaml", "include: [a.yaml]\nservices:\n  b: {image: b}\n");
  LoadResult cyc = LoadFromDir(dir, "a.yaml");
  ASSERT_FALSE(cyc.ok());
  EXPECT_NE(cyc.error.message.find("include cycle"), std::string::npos);
  dir.Write("c.yaml", "services:\n  web: {image: c}\n");
  dir.Write("d.yaml", "include: [c.yaml]\nservices:\n  web: {image: d}\n");
  LoadResult conflict = LoadFromDir(dir, "d.yaml");
  ASSERT_FALSE(conflict.ok());
  EXPECT_NE(conflict.error.message.find("conflicts"), std::string::npos);
}

TEST(ComposeLoader, ErrorInAnotherFileKeepsTheReferenceThatLedThere) {
  TempDir dir;
  dir.Write("mid/compose.yaml",
            "services:\n  mid:\n    extends:\n      file: gone.yaml\n      service: x\n");
  dir.Write("bad.yaml", "services:\n  b:\n    image: [unclosed\n");
  dir.Write("compose.yaml",
            "services:\n"
            "  web:\n"
            "    extends:\n"
            "      file: mid/compose.yaml\n"
            "      service: mid\n");
  LoadResult ext = LoadFromDir(dir, "compose.yaml");
  ASSERT_FALSE(ext.ok());
  EXPECT_EQ(ext.error.file, dir.Path("mid/compose.yaml"));
  EXPECT_EQ(ext.error.position, (Position{4, 13}));
  EXPECT_EQ(ext.error.origin, (Position{4, 13}));
  dir.Write("inc.yaml", "services:\n  web: {image: web}\ninclude:\n  - path: bad.yaml\n");
  LoadResult inc = LoadFromDir(dir, "inc.yaml");
  ASSERT_FALSE(inc.ok());
  EXPECT_EQ(inc.error.file, dir.Path("bad.yaml"));
  EXPECT_EQ(inc.error.origin, (Position{4, 11}));
  // An error in the loaded file itself has no origin.
  LoadResult here = LoadText("services:\n  a:\n    extends: nope\n");
  ASSERT_FALSE(here.ok());
  EXPECT_EQ(here.error.origin, Position{});
}

TEST(ComposeLoader, TopLevelKeysAreThoseOfTheSpec) {
  LoadResult v1 = LoadText("version: '2'\nweb:\n  image: nginx\n");
  ASSERT_FALSE(v1.ok());
  EXPECT_EQ(v1.error.position, (Position{2, 1}));
  EXPECT_NE(v1.error.message.find("\"web\" is not allowed at the top level: services go under"),
            std::string::npos)
      << v1.error.message;
  LoadResult scalar = LoadText("services: {}\nSERVICES: x\n");
  ASSERT_FALSE(scalar.ok());
  EXPECT_EQ(scalar.error.message,
            "additional property \"SERVICES\" is not allowed at the top level");
  LoadResult later = LoadText("services: {}\n---\ndb:\n  image: postgres\n");
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error.position, (Position{3, 1}));
  LoadResult ok = LoadText(
      "version: '3'\nname: p\ninclude: []\nservices: {}\nnetworks: {}\nvolumes: {}\n"
      "secrets: {}\nconfigs: {}\nmodels: {}\nx-any: {a: 1}\n");
  EXPECT_TRUE(ok.ok()) << ok.error.message;
}

TEST(ComposeLoader, NoServicesIsFine) {
  LoadResult r = LoadText("# only a comment\n");
  ASSERT_TRUE(r.ok()) << r.error.message;
  EXPECT_TRUE(r.project->services.empty());
}

}  // namespace
}  // namespace pf::compose

// COMPOSE-SEC-107: a database or admin port published on every interface.
#include <fmt/format.h>

#include <string_view>

#include "compose/model.h"
#include "rules/compose/service_sites.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

struct KnownPort {
  int port;
  std::string_view what;
};

// Container ports of databases, caches, brokers and control APIs that are
// meant for other services or operators, not for the world.
constexpr KnownPort kSensitivePorts[] = {
    {1433, "SQL Server"},
    {1521, "Oracle"},
    {2181, "ZooKeeper"},
    {2375, "Docker API"},
    {2376, "Docker API (TLS)"},
    {2379, "etcd"},
    {2380, "etcd peer"},
    {3306, "MySQL/MariaDB"},
    {5432, "PostgreSQL"},
    {5672, "RabbitMQ"},
    {5984, "CouchDB"},
    {6379, "Redis"},
    {6443, "Kubernetes API"},
    {7474, "Neo4j"},
    {7687, "Neo4j Bolt"},
    {8086, "InfluxDB"},
    {8500, "Consul"},
    {9042, "Cassandra"},
    {9092, "Kafka"},
    {9200, "Elasticsearch"},
    {9300, "Elasticsearch transport"},
    {10250, "kubelet"},
    {11211, "Memcached"},
    {15672, "RabbitMQ management"},
    {26257, "CockroachDB"},
    {27017, "MongoDB"},
    {27018, "MongoDB"},
    {27019, "MongoDB"},
    {28015, "RethinkDB"},
};

const KnownPort* SensitiveIn(const compose::PortRange& range) {
  for (const KnownPort& known : kSensitivePorts) {
    if (range.start <= known.port && known.port <= range.end) return &known;
  }
  return nullptr;
}

bool AllInterfaces(std::string_view host_ip) {
  return host_ip.empty() || host_ip == "0.0.0.0" || host_ip == "::" || host_ip == "[::]";
}

void Check(const ComposeContext& context, Emitter& emitter) {
  for (const compose::Service* service : compose_rules::LocalServices(context.project)) {
    for (const compose::Port& port : service->ports) {
      if (port.unresolved || !port.error.empty() || !port.target) continue;
      if (!AllInterfaces(port.host_ip)) continue;
      const KnownPort* known = SensitiveIn(*port.target);
      if (known == nullptr) continue;
      compose_rules::ReportValue(
          context, emitter, *service, port.file,
          compose_rules::PortFieldSite(*service, port, port.host_ip.empty() ? "target" : "host_ip"),
          fmt::format("service '{}' publishes {} port {} on all host interfaces ({}): anyone "
                      "who can reach the host can reach it; bind it to an address "
                      "(\"127.0.0.1:{}:{}\") or drop the mapping and use the compose network",
                      service->name, known->what, known->port, compose_rules::PortText(port),
                      port.published ? compose_rules::RangeText(*port.published)
                                     : std::to_string(known->port),
                      compose_rules::RangeText(*port.target)),
          compose_rules::PortText(port));
    }
  }
}

}  // namespace

extern const Rule kComposeSec107{
    .meta =
        {
            .id = "COMPOSE-SEC-107",
            .name = "Port Published on All Interfaces",
            .severity = Severity::kLow,
            .category = "security",
            .cwe = "CWE-668",
            .bundle = "networking",
            .language = Language::kCompose,
            .tags = {"docker-compose", "compose", "ports", "database", "exposure", "networking",
                     "security"},
            .summary = "A database or admin port is published without a host IP, on every "
                       "interface of the host.",
            .docs =
                {
                    .what = "Reports each `ports` entry that publishes a well-known database, "
                            "cache, broker or control-plane container port with no host IP, or "
                            "with `0.0.0.0` / `::`: SQL Server 1433, Oracle 1521, ZooKeeper 2181, "
                            "Docker API 2375/2376, etcd 2379/2380, MySQL/MariaDB 3306, PostgreSQL "
                            "5432, RabbitMQ 5672/15672, CouchDB 5984, Redis 6379, Kubernetes API "
                            "6443, Neo4j 7474/7687, InfluxDB 8086, Consul 8500, Cassandra 9042, "
                            "Kafka 9092, Elasticsearch 9200/9300, kubelet 10250, Memcached 11211, "
                            "CockroachDB 26257, MongoDB 27017-27019, RethinkDB 28015 (also inside "
                            "a container port range). The container (target) port decides, so "
                            "`\"15432:5432\"` counts; an entry with only a container port "
                            "(`\"5432\"`) counts too, since it is published on a random host port "
                            "of every interface. Short and long syntax (`host_ip:`) are read after "
                            "interpolation; entries that depend on an unset variable are not "
                            "reported. One finding per entry.",
                    .why = "Docker publishes ports through its own firewall rules, ahead of host "
                           "firewalls such as ufw, so a port published without an address is "
                           "reachable from every network the host is on. Databases and control "
                           "APIs in development stacks often run with default or no credentials; "
                           "exposed Redis, MongoDB, Elasticsearch and Docker API ports are among "
                           "the most commonly attacked services on the internet.",
                    .fix = "Other services reach the database over the compose network without "
                           "any `ports:` entry, so remove it if only they need it. For access "
                           "from the host, bind it to loopback: `\"127.0.0.1:5432:5432\"` (long "
                           "syntax `host_ip: 127.0.0.1`).",
                    .bad_example = "services:\n"
                                   "  db:\n"
                                   "    image: postgres:16.4\n"
                                   "    ports:\n"
                                   "      - \"5432:5432\"\n",
                    .good_example = "services:\n"
                                    "  db:\n"
                                    "    image: postgres:16.4\n"
                                    "    ports:\n"
                                    "      - \"127.0.0.1:5432:5432\"\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/668.html",
                            "https://docs.docker.com/engine/network/packet-filtering-firewalls/",
                            "https://docs.docker.com/reference/compose-file/services/#ports",
                        },
                },
        },
    .compose = &Check,
};

}  // namespace pf::rules

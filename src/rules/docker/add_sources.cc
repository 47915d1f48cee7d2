#include "rules/docker/add_sources.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pf::rules {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The path part of a URL: after scheme and host, before `?` and `#`.
std::string_view UrlPath(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::size_t end = rest.find_first_of("?#");
  rest = rest.substr(0, end);
  std::size_t slash = rest.find('/');
  return slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
}

bool IsHeredocWord(const dockerfile::Instruction& inst, std::string_view text) {
  if (inst.heredocs.empty()) return false;
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  return text.substr(i, 2) == "<<";
}

}  // namespace

AddSourceKind ClassifyAddSource(std::string_view source) {
  const std::string lower = Lower(source);
  if (StartsWith(lower, "git@") || StartsWith(lower, "ssh://") || StartsWith(lower, "git://")) {
    return AddSourceKind::kGit;
  }
  if (StartsWith(lower, "http://") || StartsWith(lower, "https://")) {
    // BuildKit: an http(s) URL is a git repository only when its path ends
    // in `.git`; any other URL is downloaded as a file.
    if (EndsWith(UrlPath(source), ".git")) return AddSourceKind::kGit;
    return AddSourceKind::kHttp;
  }
  return AddSourceKind::kLocal;
}

bool IsFullCommitId(std::string_view text) {
  if (text.size() != 40 && text.size() != 64) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool IsGitSourcePinned(std::string_view source) {
  if (std::size_t hash = source.find('#'); hash != std::string_view::npos) {
    std::string_view fragment = source.substr(hash + 1);
    std::string_view ref = fragment.substr(0, fragment.find(':'));
    if (IsFullCommitId(ref)) return true;
  }
  if (std::size_t query = source.find('?'); query != std::string_view::npos) {
    std::string_view params = source.substr(query + 1);
    params = params.substr(0, params.find('#'));
    while (!params.empty()) {
      std::size_t amp = params.find('&');
      std::string_view param = params.substr(0, amp);
      std::size_t eq = param.find('=');
      if (eq != std::string_view::npos) {
        std::string_view key = param.substr(0, eq);
        std::string_view value = param.substr(eq + 1);
        if ((key == "ref" || key == "commit" || key == "checksum") && IsFullCommitId(value)) {
          return true;
        }
      }
      if (amp == std::string_view::npos) break;
      params = params.substr(amp + 1);
    }
  }
  return false;
}

bool IsPossibleArchive(std::string_view path) {
  static constexpr std::array<std::string_view, 20> kSuffixes = {
      ".tar",    ".tar.gz", ".tgz",     ".tar.bz2", ".tbz2",     ".tbz",  ".tb2",
      ".tar.xz", ".txz",    ".tar.zst", ".tzst",    ".tar.lzma", ".tlz",  ".tar.z",
      ".taz",    ".gz",     ".bz2",     ".xz",      ".zst",      ".lzma",
  };
  // A wildcard may match archives: ADD would extract those.
  const std::string lower = Lower(path);
  for (std::string_view suffix : kSuffixes) {
    if (EndsWith(lower, suffix)) return true;
    if (EndsWith(lower, std::string(suffix) + "*")) return true;
  }
  return EndsWith(lower, ".*");
}

std::vector<AddSource> AddSources(const DockerContext& context, const dockerfile::Instruction& add,
                                  const dockerfile::Instruction& scope) {
  std::vector<AddSource> out;
  if (add.args.size() < 2) return out;
  for (std::size_t i = 0; i + 1 < add.args.size(); ++i) {
    const dockerfile::Word& word = add.args[i];
    AddSource source;
    source.word = &word;
    if (!add.json_form && IsHeredocWord(add, word.text)) {
      source.kind = AddSourceKind::kHeredoc;
      source.value = word.text;
      out.push_back(std::move(source));
      continue;
    }
    // Exec form words are decoded JSON strings; BuildKit expands both forms.
    dockerfile::ExpandResult r = context.model.Expand(scope, word.text);
    source.resolved = r.resolved();
    source.value = r.ok ? r.word : word.text;
    source.kind = ClassifyAddSource(source.resolved ? source.value : word.text);
    out.push_back(std::move(source));
  }
  return out;
}

std::vector<AddSite> InstructionsNamed(const dockerfile::Dockerfile& file,
                                       std::string_view keyword) {
  std::vector<AddSite> out;
  for (const auto& inst : file.instructions) {
    if (inst.keyword == keyword) out.push_back({&inst, &inst});
    if (inst.keyword == "onbuild" && inst.child && inst.child->keyword == keyword) {
      out.push_back({inst.child.get(), &inst});
    }
  }
  return out;
}

}  // namespace pf::rules

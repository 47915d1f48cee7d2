#!/usr/bin/env bash
# Refreshes the seed corpora in fuzz/seeds/ from tests/fixtures and
# ../shared/conformance (files up to 4 KiB, named by content hash).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${PF_SHARED_DIR:-$root/../shared}"
seeds="$root/fuzz/seeds"
add() {  # target file
  local size
  size=$(wc -c <"$2")
  local max=4096
  [[ "$1" == config ]] && max=8192
  ((size <= max)) || return 0
  mkdir -p "$seeds/$1"
  cp "$2" "$seeds/$1/$(sha1sum "$2" | cut -c1-16)"
}
addtext() {  # target text
  local tmp
  tmp="$(mktemp)"
  printf '%s' "$2" >"$tmp"
  add "$1" "$tmp"
  rm -f "$tmp"
}
while IFS= read -r -d '' f; do add dockerfile "$f"; done < <(find "$root/tests/fixtures" -name '*Dockerfile*' -print0)
while IFS= read -r -d '' f; do add compose "$f"; done < <(find "$root/tests/fixtures" -name '*.y*ml' -print0)
if [[ -d "$shared/conformance/buildkit" ]]; then
  while IFS= read -r -d '' f; do add dockerfile "$f"; done < <(find "$shared/conformance/buildkit/parser" -name 'Dockerfile*' -print0)
  # Expander: the conformance inputs; the first byte picks the escape.
  grep -hv '^#' "$shared/conformance/buildkit/shell/envVarTest" | cut -d'|' -f2 | sed 's/^ *//;s/ *$//' |
    sort -u | head -150 | while IFS= read -r w; do addtext expand "\\$w"; done
  grep -hv -e '^#' -e '^ENV' "$shared/conformance/buildkit/shell/wordsTest" | cut -d'|' -f1 |
    sed 's/^ *//;s/ *$//' | sort -u | while IFS= read -r w; do addtext expand "\\$w"; done
fi
# Shell: the shell-form RUN bodies of the fixtures, one line each.
grep -rhoE '^RUN [^[].*' "$root/tests/fixtures" | cut -c5- | sort -u | head -300 |
  while IFS= read -r s; do addtext shell "$s"; done
# Config: the starter config and a few hand-written settings.
tmpdir="$(mktemp -d)"
if "${PATHFINDER:-$root/build/pathfinder}" config init -p "$tmpdir" >/dev/null 2>&1; then
  add config "$tmpdir/.pathfinder.yml"
fi
rm -rf "$tmpdir"
addtext config $'rulesets: [docker/security, docker-compose/all]\nignore: DOCKER-BP-022\nfail-on: [critical, high]\nmin-severity: low\n'
addtext config $'exclude: ["vendor/**"]\nbuild-args:\n  VERSION: "1.2"\nbaseline: .pathfinder-baseline.json\ninline-ignore: false\n'
addtext config $'rules:\n  DOCKER-BP-001:\n    severity: high\n    allowed_tags: [stable]\n  COMPOSE-SEC-001:\n    severity: info\n'
addtext config $'rules:\n  DOCKER-SEC-010:\n    trusted_registries:\n      - docker.io\n      - ghcr.io\n'
find "$seeds" -type f | sed "s|$seeds/||" | cut -d/ -f1 | sort | uniq -c

#!/usr/bin/env bash
# Scans every Dockerfile of ../shared/corpus with pathfinder and, in the same
# run, with dockerfilelint and dockerfile-utils (installed from npm into a
# temporary folder; a peer that cannot be installed is skipped). Prints
# files/s and MB/s for each and the ratios against pathfinder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus}"
runs="${RUNS:-3}"
[[ -d "$corpus" ]] || { echo "no corpus at $corpus (set CORPUS=...)" >&2; exit 2; }

BUILD_DIR="$root/build-bench" BUILD_TYPE=Release "$root/scripts/build.sh" -DPF_BUILD_TESTS=OFF >/dev/null
pathfinder="$root/build-bench/pathfinder"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The same Dockerfiles for every tool, copied so discovery sees only them.
(cd "$corpus" && find . -type f \( -iname 'dockerfile*' -o -iname '*.dockerfile' -o -iname 'containerfile*' \) -print0) |
  while IFS= read -r -d '' f; do mkdir -p "$work/tree/$(dirname "$f")"; cp "$corpus/$f" "$work/tree/$f"; done
(cd "$work/tree" && find . -type f | sort) | sed "s|^\.|$work/tree|" > "$work/files.txt"
nfiles=$(wc -l < "$work/files.txt")
nbytes=$(xargs -a "$work/files.txt" -d '\n' cat | wc -c)
echo "corpus: $nfiles Dockerfiles, $nbytes bytes; best of $runs runs each"

best_time() {  # best wall time of $runs runs of "$@", in seconds
  local best=""
  for ((i = 0; i < runs; i++)); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
  done
  echo "$best"
}

report() {  # name seconds
  printf '%-32s %8.3f s  %10.1f files/s  %8.2f MB/s\n' "$1" "$2" \
    "$(echo "$nfiles / $2" | bc -l)" "$(echo "$nbytes / 1048576 / $2" | bc -l)"
}

# Work time inside each tool: pathfinder's own scan duration (discover, read,
# parse, rules; no report rendering) against the peers' lint loop over files
# already in memory. Best of $runs.
pf_work() {  # jobs
  local best=""
  for ((i = 0; i < runs; i++)); do
    "$pathfinder" scan --ruleset docker/all --project "$work/tree" -o json --jobs "$1" -f "$work/out.json" >/dev/null 2>&1 || true
    local t
    t=$(grep -m1 '"duration"' "$work/out.json" | tr -dc '0-9.')
    if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
  done
  echo "$best"
}

pf_time=$(best_time "$pathfinder" scan --ruleset docker/all --project "$work/tree" -o json --jobs "$(nproc)")
report "pathfinder (whole command)" "$pf_time"
pf1_time=$(best_time "$pathfinder" scan --ruleset docker/all --project "$work/tree" -o json --jobs 1)
report "pathfinder --jobs 1" "$pf1_time"

pf_work_n=$(pf_work "$(nproc)")
pf_work_1=$(pf_work 1)
report "pathfinder work time, --jobs $(nproc)" "$pf_work_n"
report "pathfinder work time, --jobs 1" "$pf_work_1"

peers_dir="$work/peers"
mkdir -p "$peers_dir"
command -v npm >/dev/null || echo "npm not found: peers skipped"
for peer in dockerfilelint dockerfile-utils; do
  command -v npm >/dev/null || break
  if ! (cd "$peers_dir" && timeout 300 npm install --silent --no-audit --no-fund "$peer" >/dev/null 2>&1); then
    echo "$peer: could not be installed, skipped"
    continue
  fi
  # Whole command: node start, module load and the lint loop over all files.
  t=$(best_time sh -c "node '$root/bench/peers.js' '$peer' '$peers_dir/node_modules' < '$work/files.txt'")
  report "$peer (whole command)" "$t"
  printf '  ratio: pathfinder is %.1fx faster than %s (whole command, --jobs %s)\n' \
    "$(echo "$t / $pf_time" | bc -l)" "$peer" "$(nproc)"
  printf '  ratio: pathfinder is %.1fx faster than %s (whole command, --jobs 1)\n' \
    "$(echo "$t / $pf1_time" | bc -l)" "$peer"
  best=""
  for ((i = 0; i < runs; i++)); do
    w=$(node "$root/bench/peers.js" "$peer" "$peers_dir/node_modules" < "$work/files.txt" | awk '{print $4}')
    if [[ -z "$best" ]] || (($(echo "$w < $best" | bc -l))); then best=$w; fi
  done
  report "$peer work time (lint loop)" "$best"
  printf '  ratio: pathfinder is %.1fx faster than %s (work time, --jobs %s; --jobs 1: %.1fx)\n' \
    "$(echo "$best / $pf_work_n" | bc -l)" "$peer" "$(nproc)" "$(echo "$best / $pf_work_1" | bc -l)"
done

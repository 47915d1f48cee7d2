#!/usr/bin/env bash
# Benchmark harness. Builds (once, cached under /tmp) a corpus of COPIES
# deterministic variants of every Dockerfile and compose file of
# ../shared/corpus, then measures in one run, side by side:
#   - cat of every file (the floor: one read per file),
#   - pathfinder scan, all rules, JSON and SARIF reports to a file,
#   - a --jobs 1/2/N scaling row, and peak RSS on 10k vs all files,
#   - dockerfilelint, dockerfile-utils and dockerlinter (npm, cached under
#     /tmp; a peer that cannot install is skipped) against pathfinder on a
#     sample of SAMPLE Dockerfiles,
#   - the Google Benchmark micro-benchmarks (bench/micro/), unless MICRO=0.
# Usage: bench/run.sh            COPIES=60 SAMPLE=5000 MICRO=1 by default
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$root/../shared/corpus}"
copies="${COPIES:-60}"
sample="${SAMPLE:-5000}"
cache="${PF_BENCH_CACHE:-/tmp/pf-bench-cache}"
[[ -d "$corpus" ]] || { echo "no corpus at $corpus (set CORPUS=...)" >&2; exit 2; }
ncpu="$(nproc)"

build="$root/build-bench"
BUILD_DIR="$build" BUILD_TYPE=Release "$root/scripts/build.sh" -DPF_BUILD_TESTS=OFF \
  -DPF_BUILD_BENCH="$([[ "${MICRO:-1}" == 0 ]] && echo OFF || echo ON)" >/dev/null
pathfinder="$build/pathfinder"

# The corpus is keyed by its generator, its source and the copy count, so a
# change to any of them builds a fresh one.
key="$( (cat "$root/bench/make_corpus.py" "$corpus/manifest.tsv"; echo "$copies") | sha1sum | cut -c1-12)"
big="$cache/corpus-$key"
if [[ ! -d "$big" ]]; then
  echo "building corpus ($copies copies) in $big ..." >&2
  rm -rf "$big.tmp"
  python3 "$root/bench/make_corpus.py" "$corpus" "$big.tmp" "$copies"
  mv "$big.tmp" "$big"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$big" && find . -type f -print0 | sort -z) | sed -z "s|^\.|$big|" >"$work/all.lst"
nfiles=$(tr -cd '\0' <"$work/all.lst" | wc -c)
nbytes=$(xargs -0 -a "$work/all.lst" cat | wc -c)
# About 10,000 files: the first copies, for the memory comparison.
small_paths=()
per_copy=$((nfiles / copies))
for ((c = 0; c * per_copy < 10000; c++)); do small_paths+=("$big/$(printf 'v%03d' "$c")"); done
nsmall=$(find "${small_paths[@]}" -type f | wc -l)

# Peer sample: every k-th Dockerfile, copied into its own tree (cached).
grep -zi -e '/dockerfile[^/]*$' -e '\.dockerfile$' "$work/all.lst" >"$work/docker.lst"
ndocker=$(tr -cd '\0' <"$work/docker.lst" | wc -c)
step=$(((ndocker + sample - 1) / sample))
tree="$cache/sample-$key-$sample"
if [[ ! -d "$tree" ]]; then
  rm -rf "$tree.tmp"
  i=0
  while IFS= read -r -d '' f; do
    if ((i % step == 0)); then
      rel="${f#"$big"/}"
      mkdir -p "$tree.tmp/$(dirname "$rel")"
      cp "$f" "$tree.tmp/$rel"
    fi
    i=$((i + 1))
  done <"$work/docker.lst"
  mv "$tree.tmp" "$tree"
fi
(cd "$tree" && find . -type f | sort) | sed "s|^\.|$tree|" >"$work/sample.txt"
nsample=$(wc -l <"$work/sample.txt")
sbytes=$(xargs -a "$work/sample.txt" -d '\n' cat | wc -c)

# Warm the page cache so every tool reads from memory.
xargs -0 -a "$work/all.lst" cat >/dev/null

# measure NAME FILES BYTES CMD...: one run; wall seconds and peak RSS (MiB).
last_wall=0
last_rss=0
measure() {
  local s e
  s=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" "${@:4}" >/dev/null 2>"$work/stderr.txt" || true
  e=$(date +%s.%N)
  last_wall=$(echo "$e - $s" | bc -l)
  last_rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
  rows+=("$1|$2|$3|$last_wall|$last_rss")
}
rows=()
findings() { tail -c 4000 "$1" | grep -m1 '"total"' | tr -dc '0-9'; }

measure "cat (floor)" "$nfiles" "$nbytes" sh -c "xargs -0 -a '$work/all.lst' cat >/dev/null"
cat_wall=$last_wall
scan=("$pathfinder" scan --no-config --project "$big")
measure "pathfinder json -> file" "$nfiles" "$nbytes" "${scan[@]}" -o json -f "$work/out.json"
pf_wall=$last_wall
pf_rss=$last_rss
json_findings=$(findings "$work/out.json")
json_mb=$(du -m "$work/out.json" | cut -f1)
rm -f "$work/out.json"
measure "pathfinder sarif -> file" "$nfiles" "$nbytes" "${scan[@]}" -o sarif -f "$work/out.sarif"
sarif_mb=$(du -m "$work/out.sarif" | cut -f1)
rm -f "$work/out.sarif"
for j in $(printf '%s\n' 1 2 "$ncpu" | sort -nu); do
  measure "pathfinder json --jobs $j" "$nfiles" "$nbytes" "${scan[@]}" -o json --jobs "$j" -f "$work/j.json"
  rm -f "$work/j.json"
done
measure "pathfinder json, 10k files" "$nsmall" "$(find "${small_paths[@]}" -type f -print0 | xargs -0 cat | wc -c)" \
  "$pathfinder" scan --no-config -o json -f "$work/small.json" "${small_paths[@]}"
small_rss=$last_rss
small_findings=$(findings "$work/small.json")
rm -f "$work/small.json"

# Peers against pathfinder on the same sample.
measure "cat, sample" "$nsample" "$sbytes" sh -c "xargs -a '$work/sample.txt' -d '\\n' cat >/dev/null"
measure "pathfinder json, sample" "$nsample" "$sbytes" \
  "$pathfinder" scan --no-config --project "$tree" -o json -f "$work/s.json"
pf_sample=$last_wall
peers_dir="$cache/peers"
mkdir -p "$peers_dir"
peer_ratios=()
for peer in dockerfilelint dockerfile-utils dockerlinter; do
  if [[ ! -d "$peers_dir/node_modules/$peer" ]]; then
    command -v npm >/dev/null || { echo "npm not found: $peer skipped"; continue; }
    if ! (cd "$peers_dir" && timeout 300 npm install --silent --no-audit --no-fund --ignore-scripts \
      "$peer" >/dev/null 2>&1); then
      echo "$peer: could not be installed, skipped"
      continue
    fi
  fi
  # Whole command: node start, module load and the lint loop over the files.
  measure "$peer, sample" "$nsample" "$sbytes" \
    sh -c "node '$root/bench/peers.js' '$peer' '$peers_dir/node_modules' < '$work/sample.txt'"
  peer_ratios+=("$(printf '%-18s %6.1fx slower than pathfinder' "$peer" "$(echo "$last_wall / $pf_sample" | bc -l)")")
done

echo
echo "machine: $ncpu CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load $(cut -d' ' -f1 /proc/loadavg)"
echo "corpus: $nfiles files ($ndocker Dockerfiles), $((nbytes / 1048576)) MiB; sample: $nsample Dockerfiles, $((sbytes / 1048576)) MiB; one run each"
printf '%-28s %8s %8s %9s %10s %8s %8s %9s\n' tool files MiB "wall s" files/s MB/s "vs cat" "RSS MiB"
for r in "${rows[@]}"; do
  IFS='|' read -r name n b w rss <<<"$r"
  printf '%-28s %8d %8.1f %9.3f %10.0f %8.1f %8.2f %9s\n' "$name" "$n" "$(echo "$b / 1048576" | bc -l)" "$w" \
    "$(echo "$n / $w" | bc -l)" "$(echo "$b / 1048576 / $w" | bc -l)" "$(echo "$w / $cat_wall * $nfiles / $n" | bc -l)" "$rss"
done
echo "(vs cat: wall time per file against cat's per file on the whole corpus)"
echo "findings: $json_findings on all files (JSON $json_mb MiB, SARIF $sarif_mb MiB); $small_findings on $nsmall files"
echo "peak RSS: $small_rss MiB for $nsmall files, $pf_rss MiB for $nfiles files"
echo "pathfinder vs cat, whole corpus: $(printf '%.2f' "$(echo "$pf_wall / $cat_wall" | bc -l)")"
for p in "${peer_ratios[@]}"; do echo "peer on the sample: $p"; done

if [[ "${MICRO:-1}" != 0 ]]; then
  echo
  "$build/bench/micro/pf_micro" --benchmark_min_time=0.2 2>/dev/null
fi

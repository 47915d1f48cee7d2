#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/
# and runs each for SECONDS_PER_TARGET seconds (default 60), one process at
# a time, from its seeds plus a working corpus kept in build-fuzz/corpus/.
# Crashes, leaks and timeouts are saved to fuzz/regressions/<target>/ (the
# replay tests run them); the script fails when a target found one.
#   fuzz/run.sh [target ...]     targets: dockerfile expand shell compose config
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${SECONDS_PER_TARGET:-60}"
targets=("$@")
((${#targets[@]})) || targets=(dockerfile expand shell compose config)

CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPF_FUZZ=ON -DPF_SANITIZE=ON -DPF_BUILD_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  found="$build/found/$t"
  mkdir -p "$corpus" "$found" "$root/fuzz/regressions/$t"
  echo "== fuzz_$t for ${seconds}s"
  rc=0
  # -jobs=1 runs one worker process that logs to fuzz-0.log in the current
  # folder: run from the build folder and keep that log per target.
  (cd "$build" && rm -f fuzz-0.log &&
    "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -jobs=1 -workers=1 -print_final_stats=1 -artifact_prefix="$found/" \
      "$corpus" "$root/fuzz/seeds/$t" >"$build/fuzz_$t.log" 2>&1) || rc=$?
  [[ -f "$build/fuzz-0.log" ]] && cat "$build/fuzz-0.log" >>"$build/fuzz_$t.log"
  grep -E '^(#[0-9]+ +(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|SUMMARY)' \
    "$build/fuzz_$t.log" || true
  for f in "$found"/*; do
    [[ -e "$f" ]] || continue
    cp "$f" "$root/fuzz/regressions/$t/$(basename "$f")"
    rc=1
  done
  rm -f "$found"/*
  ((rc == 0)) || failed+=("$t")
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (saved under fuzz/regressions/)" >&2
  exit 1
fi

#!/usr/bin/env bash
# One command from a fresh Debian machine: install, build, scan examples/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DPF_BUILD_TESTS=OFF
cd "$root/examples"
set +e
"$root/build/pathfinder" scan --ruleset docker/DOCKER-AUD-003 --project .
status=$?
set -e
# 1 means findings at a --fail-on severity; anything above is an error.
[[ $status -le 1 ]]

#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format's output.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h')
clang-format --dry-run --Werror "${files[@]}"
echo "formatting ok (${#files[@]} files)"

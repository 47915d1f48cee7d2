#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format's output.
# CLANG_FORMAT names the program to use (default: clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format="${CLANG_FORMAT:-clang-format}"
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: '$clang_format' not found; install it with scripts/install-deps.sh" \
    "(Debian package clang-format)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files '*.cc' '*.h')
if ((${#files[@]} == 0)); then
  echo "check-format: no C++ files found (is this a git checkout?)" >&2
  exit 2
fi
if ! "$clang_format" --dry-run --Werror "${files[@]}"; then
  echo "check-format: the files above differ from $("$clang_format" --version | head -n1);" \
    "run: $clang_format -i <file>" >&2
  exit 1
fi
echo "formatting ok (${#files[@]} files)"

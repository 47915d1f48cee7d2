#!/usr/bin/env bash
# Builds a Release pathfinder (no tests) and installs the stripped binary as
# PREFIX/bin/pathfinder. PREFIX defaults to /usr/local; the build goes to
# build-release/ (or $BUILD_DIR). Packages: scripts/install-deps.sh.
#   scripts/install.sh              # /usr/local/bin/pathfinder (needs root)
#   scripts/install.sh ~/.local     # ~/.local/bin/pathfinder
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if (($# > 1)); then
  echo "usage: scripts/install.sh [PREFIX]" >&2
  exit 2
fi
prefix="${1:-/usr/local}"
build_dir="${BUILD_DIR:-$root/build-release}"
# A warning from another compiler version must not stop an install.
BUILD_DIR="$build_dir" BUILD_TYPE=Release "$root/scripts/build.sh" \
  -DPF_BUILD_TESTS=OFF -DPF_WERROR=OFF
cmake --install "$build_dir" --prefix "$prefix" --strip
echo "installed $prefix/bin/pathfinder"

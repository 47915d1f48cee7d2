#!/usr/bin/env bash
# Installs the Debian 12 packages pathfinder needs to build and test, and the
# tools CI uses (clang-format for scripts/check-format.sh, python3-jsonschema
# for the SARIF schema test).
# Run as root, or as a user with sudo.
#   scripts/install-deps.sh           # build, test and CI packages
#   scripts/install-deps.sh --build   # only what building the binary needs
set -euo pipefail

# Enough to build the pathfinder binary (scripts/install.sh, the Dockerfile).
build_packages=(
  g++ cmake ninja-build pkg-config
  libfmt-dev nlohmann-json3-dev libcli11-dev libyaml-cpp-dev libre2-dev
  libcurl4-openssl-dev libcpp-httplib-dev
)
# The test suite, the benchmarks and the CI checks on top of that.
dev_packages=(
  git
  libgtest-dev libgmock-dev libbenchmark-dev
  shellcheck bc clang
  clang-format python3-jsonschema
)

case "${1:-}" in
  "") packages=("${build_packages[@]}" "${dev_packages[@]}") ;;
  --build) packages=("${build_packages[@]}") ;;
  *)
    echo "usage: scripts/install-deps.sh [--build]" >&2
    exit 2
    ;;
esac

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

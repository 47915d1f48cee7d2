#!/usr/bin/env bash
# Installs the Debian 12 packages pathfinder needs to build and test, and the
# tools CI uses (clang-format for scripts/check-format.sh, python3-jsonschema
# for the SARIF schema test).
# Run as root, or as a user with sudo.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git
  libfmt-dev nlohmann-json3-dev libcli11-dev libyaml-cpp-dev libre2-dev
  libcurl4-openssl-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  shellcheck bc
  clang-format python3-jsonschema
)

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

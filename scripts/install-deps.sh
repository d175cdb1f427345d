#!/usr/bin/env bash
# Installs the system libraries Sightline builds against, when they are missing.
# Used by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail
packages=(libsqlite3-dev sqlite3 libgraphviz-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6.1 or later" >&2; exit 1; }

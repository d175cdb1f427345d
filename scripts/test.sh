#!/usr/bin/env bash
# Runs every test, from a fresh machine: installs what is missing, checks that Samples/ is what
# scripts/make-samples.py writes, builds the executable the command-line tests run, then runs the
# suite. CI runs exactly this (.ci/run). Needs nothing beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/check-samples.sh
swift build --build-tests
swift test --skip-build

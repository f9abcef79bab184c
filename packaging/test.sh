#!/usr/bin/env bash
# Builds everything and runs every test suite (ctest), then each libFuzzer target for 30 s
# (packaging/fuzz.sh, tests/fuzz/README.md). PostgreSQL suites start their own throwaway server;
# nothing else needs to be running.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/packaging/build.sh"
cd "$root/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)" --timeout 900
bash "$root/packaging/fuzz.sh" 30

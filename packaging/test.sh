#!/usr/bin/env bash
# Builds everything and runs every test suite (ctest). PostgreSQL suites start their own
# throwaway server; nothing else needs to be running.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/packaging/build.sh"
cd "$root/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)" --timeout 900

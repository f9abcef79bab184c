#!/usr/bin/env bash
# Builds Deskbase and opens it on the demo workspace (sample data is generated and imported
# through the real ingestion path on first start).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/packaging/build.sh"
exec "$root/build/app/deskbase" --workspace "${DESKBASE_DEMO_DIR:-$HOME/.local/share/deskbase/demo}" --demo

#!/usr/bin/env bash
# Installs the Debian packages Deskbase needs to build, test and run, when missing.
# Uses sudo only when not root.
set -euo pipefail
# poppler-utils: pdftoppm rasterizes rendered PDFs in tests/app/cli/render_cli_test.cpp.
# libxlsxwriter-dev writes XLSX exports; libminizip-dev lets tests/support/xlsx_reader open them again.
# libqt6opengl6-dev is only a Recommends of qt6-base-dev, but Qt6Charts' CMake config needs it.
# clang + libclang-rt-14-dev (libFuzzer, sanitizers) build tests/fuzz; desktop-file-utils, appstream
# and groff-base check the desktop file, the AppStream metainfo and the man page (tests/packaging);
# dpkg-dev and file let `cpack -G DEB` compute the package's dependencies (dpkg-shlibdeps).
packages=(build-essential cmake pkg-config qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev
          libpq-dev libsqlite3-dev sqlite3 nlohmann-json3-dev postgresql postgresql-contrib
          fonts-dejavu-core poppler-utils libxlsxwriter-dev libminizip-dev
          clang libclang-rt-14-dev desktop-file-utils appstream groff-base dpkg-dev file)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

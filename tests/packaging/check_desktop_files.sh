#!/usr/bin/env bash
# The desktop entry and the AppStream metainfo pass their validators, and agree with each other
# and with what the package installs: the desktop id the metainfo launches, the icon name, the
# MIME types that make the app open data files.
set -euo pipefail
resources="$1"
desktop="$resources/deskbase.desktop"
metainfo="$resources/io.github.deskbase.Deskbase.metainfo.xml"
fail() { echo "FAIL: $*" >&2; exit 1; }

desktop-file-validate "$desktop"
appstreamcli validate --no-net "$metainfo"

launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$metainfo")
[ "$launchable" = "$(basename "$desktop")" ] || fail "metainfo launches '$launchable', the desktop file is $(basename "$desktop")"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$resources/icons/$icon.svg" ] || fail "Icon=$icon has no $resources/icons/$icon.svg"
for size in 48 128 256; do
  png="$resources/icons/$icon-$size.png"
  [ -f "$png" ] || fail "no $png"
  file -b "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a $size x $size PNG: $(file -b "$png")"
done
mime=$(sed -n 's/^MimeType=//p' "$desktop")
for type in text/csv text/tab-separated-values application/json; do
  case ";$mime" in *";$type;"*) ;; *) fail "MimeType lacks $type: $mime" ;; esac
done
echo "desktop entry and metainfo valid; icon $icon; MimeType=$mime"

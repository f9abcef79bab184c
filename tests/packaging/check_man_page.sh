#!/usr/bin/env bash
# The man page formats without a groff warning and names every verb and every option that the
# program's own --help lists (the help comes from the option lists the parsers read), so an
# option added to a verb without a line in the man page fails here.
set -euo pipefail
page="$1"
deskbase="$2"
export QT_QPA_PLATFORM=offscreen

warnings=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warnings" ] || { echo "FAIL: groff warns about $page:" >&2; echo "$warnings" >&2; exit 1; }

verbs=$("$deskbase" --help | sed -n 's/^usage: deskbase \([a-z]*\) .*/\1/p')
[ -n "$verbs" ] || { echo "FAIL: deskbase --help lists no verbs" >&2; exit 1; }
missing=0
check() {  # check WHAT OPTION...
  local what=$1; shift
  for option in "$@"; do
    # groff source spells a hyphen \- ; the page writes every option that way.
    grep -qF -- "${option//-/\\-}" "$page" || { echo "FAIL: $what: $option is not in $page" >&2; missing=1; }
  done
}
options() { sed -n 's/^  \(--[a-z][a-z-]*\).*/\1/p' | sort -u; }  # the option column of a help text
check "the window" $("$deskbase" --help | sed -n '1,/^A first argument/p' | options)
for verb in $verbs; do
  grep -qx "\.SS $verb" "$page" || { echo "FAIL: no section for the verb $verb in $page" >&2; missing=1; }
  check "deskbase $verb" $("$deskbase" "$verb" --help | options)
done
[ "$missing" -eq 0 ] || exit 1
echo "man page: no groff warning; verbs $(echo $verbs) and all their options present"

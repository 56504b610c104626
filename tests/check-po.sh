#!/bin/sh
# check-po.sh — fail when a translation is incomplete.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.sh PO_DIR SOURCE_ROOT
#
# For every language in PO_DIR/LINGUAS, fails when its .po file
#   - does not pass `msgfmt --check` (broken format specifiers, header…),
#   - has a fuzzy or an untranslated message,
#   - lacks a message that the sources now mark for translation (a template
#     is extracted afresh from POTFILES.in, as `meson compile cirt-assess-pot`
#     does, and merged with the .po in a temporary folder).
# It also fails when POTFILES.in names a file that does not exist, or leaves
# out a file of src/core, src/app, src/cli or ui that has translatable strings.
# The fix is `meson compile -C BUILD cirt-assess-update-po`, then translating
# what it adds. Exits 77 (skipped) without the gettext tools.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PO_DIR SOURCE_ROOT" >&2
  exit 2
fi
podir=$1
srcroot=$2

for tool in msgfmt msgmerge msgattrib xgettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

# msgfmt's statistics are parsed below: keep them in English.
LC_ALL=C
LANGUAGE=
export LC_ALL LANGUAGE

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# --- POTFILES.in ----------------------------------------------------------
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$podir/POTFILES.in" > "$tmp/listed"
while IFS= read -r f; do
  if [ ! -f "$srcroot/$f" ]; then
    echo "POTFILES.in: $f does not exist"
    status=1
  fi
done < "$tmp/listed"

(cd "$srcroot" && grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|ngettext|g_dngettext|CIRT_S)[[:space:]]*\(|translatable="yes"' \
   --include='*.c' --include='*.h' --include='*.ui' src/core src/app src/cli ui 2>/dev/null) | LC_ALL=C sort > "$tmp/marked"
while IFS= read -r f; do
  if ! grep -qxF "$f" "$tmp/listed"; then
    echo "POTFILES.in: $f has translatable strings but is not listed"
    status=1
  fi
done < "$tmp/marked"

# --- a fresh template (the keywords of meson's 'glib' preset) ----------------
if ! xgettext --package-name=check -f "$podir/POTFILES.in" -D "$srcroot" -o "$tmp/fresh.pot" \
     --from-code=UTF-8 --add-comments -k_ --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=CIRT_S:2c,3; then
  echo "xgettext could not extract the messages"
  exit 1
fi

# --- every language -------------------------------------------------------
langs=$(sed -e 's/#.*//' "$podir/LINGUAS")
if [ -z "$(echo $langs)" ]; then
  echo "LINGUAS lists no language"
fi
for lang in $langs; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: $po does not exist"
    status=1
    continue
  fi
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats"
    echo "$lang.po: msgfmt --check failed"
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  case $stats in
    *fuzzy*|*untranslated*)
      echo "$lang.po: every message must be translated and none fuzzy; these are not:"
      msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -E '^(msgctxt|msgid)' | grep -vx 'msgid ""'
      msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -E '^(msgctxt|msgid)' | grep -vx 'msgid ""'
      status=1
      ;;
  esac

  if ! msgmerge -q --no-fuzzy-matching "$po" "$tmp/fresh.pot" -o "$tmp/$lang.po"; then
    echo "$lang.po: msgmerge failed"
    status=1
    continue
  fi
  msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep -E '^(msgctxt|msgid)' \
    | grep -vx 'msgid ""' > "$tmp/missing"
  if [ -s "$tmp/missing" ]; then
    echo "$lang.po: $(grep -c '^msgid' "$tmp/missing") message(s) of the sources are not in $lang.po" \
         "(run 'meson compile -C BUILD cirt-assess-update-po' and translate them):"
    cat "$tmp/missing"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "translations complete: $(echo $langs)"
fi
exit $status

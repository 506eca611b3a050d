#!/bin/sh
# Checks that every translation is complete: extracts the messages of the
# files in POTFILES.in, merges them into each language of LINGUAS, and fails
# on any untranslated or fuzzy message or a msgfmt --check error.
# Usage: test-po-complete.sh PO_DIR
set -u
po_dir=$1
root=$(cd "$po_dir/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root" || exit 1
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"

# xgettext picks the language from each file's extension; GtkBuilder,
# desktop, AppStream and GSettings files are read through their ITS rules.
if ! xgettext --from-code=UTF-8 --add-comments=Translators \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
      --files-from="$work/files" --output="$work/ironroom.pot" 2> "$work/xgettext.log"; then
  cat "$work/xgettext.log"
  echo "xgettext failed on the files of po/POTFILES.in"
  exit 1
fi

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  if ! msgfmt --check --output-file=/dev/null "po/$lang.po" 2> "$work/check.log"; then
    cat "$work/check.log"
    echo "po/$lang.po: msgfmt --check failed"
    status=1
    continue
  fi

  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" \
    "po/$lang.po" "$work/ironroom.pot" || { status=1; continue; }
  stats=$(msgfmt --check --statistics --output-file=/dev/null "$work/$lang.po" 2>&1)
  echo "$lang: $stats"

  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "po/$lang.po lacks these translations:"
      msgattrib --untranslated "$work/$lang.po" | grep -A1 '^msgid' | grep -v '^--' | head -40
      status=1
      ;;
  esac
done

exit $status

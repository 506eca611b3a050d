#!/bin/sh
# Checks that every translation is complete. It extracts the messages of the
# files in POTFILES.in and fails on a message that ends in a lone "%". For
# each language of LINGUAS it fails on a msgfmt --check error and lists every
# message that the .po file lacks, leaves untranslated or marks fuzzy.
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
# The C keywords are those of meson's gettext preset for GLib, plus ngettext.
if ! xgettext --from-code=UTF-8 --add-comments=Translators \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
      --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 \
      --files-from="$work/files" --output="$work/ironroom.pot" 2> "$work/xgettext.log"; then
  cat "$work/xgettext.log"
  echo "xgettext failed on the files of po/POTFILES.in"
  exit 1
fi

# Prints one line per message of a .po or .pot file, with the fields
# separated by a tab: key (context, \004, msgid, \004, msgid_plural), state
# (translated, untranslated or fuzzy) and first source location. Strings
# keep their C escapes. The header and obsolete messages are left out.
list_messages () {
  awk '
    function text(line) {
      sub(/^[^"]*"/, "", line)
      sub(/"$/, "", line)
      return line
    }
    function close_msgstr() {
      if (field == "str" && msgstr == "")
        empty_msgstr = 1
    }
    function flush() {
      close_msgstr()
      if (have_id && !(id == "" && !have_context)) {
        state = "translated"
        if (fuzzy)
          state = "fuzzy"
        else if (empty_msgstr || !have_msgstr)
          state = "untranslated"
        printf "%s\004%s\004%s\t%s\t%s\n", context, id, plural, state, location
      }
      context = ""; id = ""; plural = ""; msgstr = ""; location = ""; field = ""
      have_context = 0; have_id = 0; have_msgstr = 0; empty_msgstr = 0; fuzzy = 0
    }
    BEGIN { flush() }
    /^[ \t]*$/ { flush(); next }
    /^#~/ { next }
    /^#,.*fuzzy/ { fuzzy = 1; next }
    /^#: / { if (location == "") location = $2; next }
    /^#/ { next }
    /^msgctxt / {
      if (have_id) flush()
      field = "context"; context = text($0); have_context = 1; next
    }
    /^msgid_plural / { field = "plural"; plural = text($0); next }
    /^msgid / {
      if (have_id) flush()
      field = "id"; id = text($0); have_id = 1; next
    }
    /^msgstr/ {
      close_msgstr()
      field = "str"; msgstr = text($0); have_msgstr = 1; next
    }
    /^"/ {
      if (field == "context") context = context text($0)
      else if (field == "id") id = id text($0)
      else if (field == "plural") plural = plural text($0)
      else if (field == "str") msgstr = msgstr text($0)
      next
    }
    END { flush() }
  ' "$1"
}

# Formats a key of list_messages as context|"msgid" for the failure output.
readable_key='
  function readable(key,    parts, n) {
    n = split(key, parts, "\004")
    return (parts[1] != "" ? parts[1] "|" : "") "\"" parts[2] "\""
  }'

status=0
list_messages "$work/ironroom.pot" > "$work/pot.list"

# xgettext ends a string at a macro between literals, so a format such as
# "%" G_GINT64_FORMAT becomes a msgid that ends in "%", which no translation
# lookup at run time will match. An even run such as "%%" is a literal sign.
awk -F '\t' "$readable_key"'
  {
    n = split($1, parts, "\004")
    for (i = 2; i <= 3; i++) {
      if (match(parts[i], /%+$/) && RLENGTH % 2 == 1) {
        printf "%s: %s ends in a lone %%: a macro such as G_GINT64_FORMAT splits the string, so gettext never matches it at run time; format the number into a string first and pass it as %%s\n", $3, readable($1)
        break
      }
    }
  }' "$work/pot.list" > "$work/split.log"
if [ -s "$work/split.log" ]; then
  cat "$work/split.log"
  status=1
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  if ! msgfmt --check --output-file=/dev/null "po/$lang.po" 2> "$work/check.log"; then
    cat "$work/check.log"
    echo "po/$lang.po: msgfmt --check failed"
    status=1
    continue
  fi

  # Merging checks each translation against the c-format flags that
  # xgettext gives the current sources.
  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" \
    "po/$lang.po" "$work/ironroom.pot" || { status=1; continue; }
  if ! stats=$(msgfmt --check --statistics --output-file=/dev/null "$work/$lang.po" 2>&1); then
    echo "$stats"
    echo "po/$lang.po: msgfmt --check failed against the current sources"
    status=1
  fi
  echo "$lang: $stats"

  list_messages "po/$lang.po" > "$work/$lang.list"
  awk -F '\t' -v po="po/$lang.po" "$readable_key"'
    NR == FNR { state[$1] = $2; next }
    !($1 in state) {
      printf "%s: %s is missing from %s\n", $3, readable($1), po
      next
    }
    state[$1] != "translated" {
      printf "%s: %s is %s in %s\n", $3, readable($1), state[$1], po
    }' "$work/$lang.list" "$work/pot.list" > "$work/$lang.log"
  if [ -s "$work/$lang.log" ]; then
    cat "$work/$lang.log"
    echo "po/$lang.po: $(wc -l < "$work/$lang.log") message(s) not translated; translate them there and run msgfmt --check --statistics po/$lang.po"
    status=1
  fi
done

exit $status

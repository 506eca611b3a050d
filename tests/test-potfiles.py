#!/usr/bin/env python3
# Checks po/POTFILES.in against the sources: every file with translatable
# strings is listed, every listed file exists, and the list is sorted.
# Usage: test-potfiles.py SOURCE_ROOT

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
potfiles = root / "po" / "POTFILES.in"

# _( N_( C_( NC_( in C, translatable="yes" in GtkBuilder files.
c_marker = re.compile(r"(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|ngettext)\s*\(")
ui_marker = re.compile(r'translatable="yes"')

listed = [line.strip() for line in potfiles.read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")]

failures = []

for name in listed:
    if not (root / name).is_file():
        failures.append(f"POTFILES.in lists {name}, which does not exist; remove the line")

if listed != sorted(listed):
    failures.append("POTFILES.in is not sorted; sort it with `LC_ALL=C sort`")

needed = set()
for path in sorted((root / "src").rglob("*.c")):
    if c_marker.search(path.read_text(encoding="utf-8", errors="replace")):
        needed.add(path.relative_to(root).as_posix())
for path in sorted((root / "data").rglob("*.ui")):
    if ui_marker.search(path.read_text(encoding="utf-8")):
        needed.add(path.relative_to(root).as_posix())
for pattern in ("*.desktop.in", "*.metainfo.xml.in", "*.gschema.xml"):
    for path in (root / "data").glob(pattern):
        needed.add(path.relative_to(root).as_posix())

for name in sorted(needed - set(listed)):
    failures.append(f"{name} has translatable strings but is missing from po/POTFILES.in")

for failure in failures:
    print(failure)
print(f"{len(listed)} files listed, {len(needed)} with translatable strings")
sys.exit(1 if failures else 0)

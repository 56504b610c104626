#!/usr/bin/env python3
# instrument-l10n.py — a translator's worksheet for the instruments.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   instrument-l10n.py extract LANG [WORKSHEET]
#       Writes a worksheet (JSON) listing every translatable string of every
#       instrument under data/instruments: its place in the file (a JSON
#       pointer), the English text, the French text, and the LANG text if
#       the instrument already has it ("" when not).
#
#   instrument-l10n.py merge LANG WORKSHEET
#       Writes the LANG texts of a filled-in worksheet back into the
#       instruments, and adds LANG to an instrument's "languages" once every
#       one of its strings has a LANG text. Refuses a worksheet whose English
#       text no longer matches the instrument (the source changed since the
#       worksheet was made: extract again).
#
# A translatable string is an object whose keys are language codes and whose
# values are strings, with an "en" key ({"en": "...", "fr": "..."}).
# Question ids, refs and the other keys are never touched. The files are
# written back as they are kept in git (two-space indent, UTF-8).

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSTRUMENTS = os.path.join(ROOT, "data", "instruments")
LANG_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def is_text(node):
    return (isinstance(node, dict) and "en" in node and node
            and all(LANG_RE.match(k) and isinstance(v, str)
                    for k, v in node.items()))


def escape(key):
    return str(key).replace("~", "~0").replace("/", "~1")


def walk(node, pointer, out):
    if is_text(node):
        out.append((pointer, node))
    elif isinstance(node, dict):
        for key, value in node.items():
            walk(value, pointer + "/" + escape(key), out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, pointer + "/" + str(i), out)


def instrument_files():
    return sorted(f for f in os.listdir(INSTRUMENTS) if f.endswith(".json"))


def load(name):
    with open(os.path.join(INSTRUMENTS, name), encoding="utf-8") as f:
        return json.load(f)


def save(name, data):
    path = os.path.join(INSTRUMENTS, name)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    os.replace(tmp, path)


def extract(lang, out_path):
    sheet = {"language": lang, "files": {}}
    for name in instrument_files():
        texts = []
        walk(load(name), "", texts)
        sheet["files"][name] = [
            {"path": p, "en": t["en"], "fr": t.get("fr", ""),
             lang: t.get(lang, "")} for p, t in texts]
    text = json.dumps(sheet, ensure_ascii=False, indent=1) + "\n"
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


def merge(lang, sheet_path):
    with open(sheet_path, encoding="utf-8") as f:
        sheet = json.load(f)
    status = 0
    for name, entries in sheet["files"].items():
        data = load(name)
        texts = dict()
        found = []
        walk(data, "", found)
        texts = {p: t for p, t in found}
        for entry in entries:
            node = texts.get(entry["path"])
            if node is None:
                print(f"{name}: {entry['path']}: no such string", file=sys.stderr)
                status = 1
                continue
            if node["en"] != entry["en"]:
                print(f"{name}: {entry['path']}: the English text changed; "
                      "extract again", file=sys.stderr)
                status = 1
                continue
            value = entry.get(lang, "")
            if value.strip():
                node[lang] = value
        missing = [p for p, t in texts.items() if not t.get(lang, "").strip()]
        if not missing and lang not in data["languages"]:
            data["languages"].append(lang)
        elif missing:
            print(f"{name}: {len(missing)} strings without {lang}",
                  file=sys.stderr)
        save(name, data)
    return status


def main(argv):
    if len(argv) >= 2 and argv[0] == "extract" and LANG_RE.match(argv[1]):
        extract(argv[1], argv[2] if len(argv) > 2 else None)
        return 0
    if len(argv) == 3 and argv[0] == "merge" and LANG_RE.match(argv[1]):
        return merge(argv[1], argv[2])
    print(__doc__ if __doc__ else
          "usage: instrument-l10n.py extract LANG [SHEET] | merge LANG SHEET",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

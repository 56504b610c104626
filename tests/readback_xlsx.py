#!/usr/bin/python3
# readback_xlsx.py — reads a workbook back with openpyxl and prints what the
# C test (tests/test-export.c) asserts on, as JSON on stdout.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 readback_xlsx.py FILE.xlsx
# Exit 0 with the JSON; 1 with a message on stderr when the file cannot be read.
#
# Output: {"sheets": [{"name", "freeze", "autofilter", "landscape",
#          "fit_width", "fit_height", "paper", "header", "footer",
#          "print_title_rows", "charts": [type names],
#          "rows": [[{"v": value, "t": data_type} | null, ...], ...]}]}
# Numbers are printed with Python's shortest round-trip repr, so the C side
# reads back the very double stored in the file.

import json
import sys


def header_text(hf):
    parts = []
    for name in ("left", "center", "right"):
        part = getattr(hf, name, None)
        if part is not None and part.text:
            parts.append(part.text)
    return " | ".join(parts)


def cell_json(cell):
    if cell.value is None:
        return None
    value = cell.value
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return {"v": value, "t": cell.data_type}


def main():
    try:
        import openpyxl
    except ImportError as e:
        print("openpyxl is not available to %s: %s" % (sys.executable, e), file=sys.stderr)
        return 1
    try:
        wb = openpyxl.load_workbook(sys.argv[1])
    except Exception as e:  # any reason the file cannot be read is the answer
        print("cannot read %s: %s" % (sys.argv[1], e), file=sys.stderr)
        return 1

    out = {"sheets": []}
    for ws in wb.worksheets:
        setup = ws.page_setup
        props = ws.sheet_properties.pageSetUpPr
        sheet = {
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "landscape": setup.orientation == "landscape",
            "fit_width": setup.fitToWidth,
            "fit_height": setup.fitToHeight,
            "fit_to_page": bool(props.fitToPage) if props is not None else False,
            "paper": setup.paperSize,
            "header": header_text(ws.oddHeader),
            "footer": header_text(ws.oddFooter),
            "print_title_rows": ws.print_title_rows,
            "charts": [type(c).__name__ for c in ws._charts],
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        }
        out["sheets"].append(sheet)
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

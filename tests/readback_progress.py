#!/usr/bin/python3
# readback_progress.py — reads the progress of a follow-up back from its
# workbook (openpyxl) or its editable report (python-docx) and prints what
# tests/test-progress.c asserts on, as JSON on stdout.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 readback_progress.py xlsx FILE.xlsx
#        {"sheets": [names], "rtl": bool, "autofilter": ref, "images": n,
#         "image_descr": [alt texts], "rows": [[{"v", "t"} | null, ...], ...]}
#        for the workbook's second sheet (the Progress sheet of a follow-up);
#        /usr/bin/python3 readback_progress.py docx FILE.docx
#        {"headings": [level-1 headings], "chapter": [[style, text], ...],
#         "tables": [[[cell texts], ...], ...], "pictures": [alt texts]}
#        for the chapter numbered "2" (the progress of a follow-up).
# Exit 0 with the JSON; 1 with a message on stderr when the file cannot be read.

import json
import re
import sys
import zipfile


def cell_json(cell):
    if cell.value is None:
        return None
    value = cell.value
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return {"v": value, "t": cell.data_type}


def read_xlsx(path):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames}
    ws = wb.worksheets[1] if len(wb.worksheets) > 1 else wb.worksheets[0]
    out["rtl"] = bool(ws.sheet_view.rightToLeft)
    out["autofilter"] = ws.auto_filter.ref
    out["rows"] = [[cell_json(c) for c in row] for row in ws.iter_rows()]
    # openpyxl drops pictures without Pillow: read the package itself.
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        out["images"] = len([n for n in names if n.startswith("xl/media/")])
        descr = []
        for n in names:
            if n.startswith("xl/drawings/drawing") and n.endswith(".xml"):
                xml = z.read(n).decode("utf-8")
                for m in re.finditer(r'<xdr:cNvPr [^>]*descr="([^"]*)"', xml):
                    descr.append(m.group(1).replace("&amp;", "&").replace("&lt;", "<")
                                 .replace("&gt;", ">").replace("&quot;", '"'))
        out["image_descr"] = descr
    return out


def read_docx(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(path)
    body = document.element.body
    out = {"headings": [], "chapter": [], "tables": [], "pictures": []}
    inside = False
    for child in body.iterchildren():
        tag = child.tag.split("}")[-1]
        if tag == "p":
            p = Paragraph(child, document)
            style = p.style.name if p.style is not None else ""
            if style == "Heading 1":
                out["headings"].append(p.text)
                inside = p.text.startswith("2 ")
            if inside:
                out["chapter"].append([style, p.text])
                for pr in child.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
                    out["pictures"].append(pr.get("descr"))
        elif tag == "tbl" and inside:
            t = Table(child, document)
            out["tables"].append([[c.text for c in row.cells] for row in t.rows])
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("xlsx", "docx"):
        print("usage: readback_progress.py xlsx|docx FILE", file=sys.stderr)
        return 1
    try:
        out = read_xlsx(sys.argv[2]) if sys.argv[1] == "xlsx" else read_docx(sys.argv[2])
    except Exception as e:  # any reason the file cannot be read is the answer
        print("cannot read %s: %s" % (sys.argv[2], e), file=sys.stderr)
        return 1
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

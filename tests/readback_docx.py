#!/usr/bin/python3
# readback_docx.py — reads an exported .docx back with python-docx (Debian's
# python3-docx) and checks it against what the C test (tests/test-docx.c)
# expects of it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 readback_docx.py FILE.docx EXPECT.json
#
# EXPECT.json: {"chapters": [the text of every Heading 1, in order],
#               "pillars": [the titles of the pillar chapters],
#               "tlp": "TLP:AMBER", "answers": N,
#               "texts": [strings that must be the text of a paragraph]}
# Asserts: the headings in order (Heading 1 exactly the chapters, no level
# skipped); every pillar chapter present; the TLP marking in the header and
# the footer of every section; the appendix (the tables after its heading)
# has one row per answer beside its header rows; every expected text is a
# paragraph's text, as typed. Prints a summary as JSON on stdout and exits 0,
# or prints what failed on stderr and exits 1.

import json
import sys


def fail(message):
    print("readback_docx.py: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        from docx.oxml.ns import qn
    except ImportError as e:
        fail("python-docx is not available to %s: %s" % (sys.executable, e))
    if len(sys.argv) != 3:
        fail("usage: readback_docx.py FILE.docx EXPECT.json")
    with open(sys.argv[2], encoding="utf-8") as f:
        expect = json.load(f)
    try:
        doc = docx.Document(sys.argv[1])
    except Exception as e:  # any reason the file cannot be read is the answer
        fail("cannot read %s: %s" % (sys.argv[1], e))

    # The body in order: paragraphs and tables.
    blocks = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            blocks.append(Table(child, doc))

    headings = []
    for b in blocks:
        if isinstance(b, Paragraph) and b.style is not None and b.style.name.startswith("Heading "):
            headings.append((int(b.style.name.split()[1]), b.text))
    h1 = [text for level, text in headings if level == 1]
    if h1 != expect["chapters"]:
        fail("Heading 1 are %r, expected %r" % (h1, expect["chapters"]))
    previous = 1
    for level, text in headings:
        if level > previous + 1:
            fail("heading %r (level %d) comes after a level %d" % (text, level, previous))
        previous = level
    for title in expect["pillars"]:
        if not any(t.endswith(" " + title) for t in h1):
            fail("no chapter for the pillar %r" % title)

    # The marking in every section's header and footer.
    if len(doc.sections) < 2:
        fail("%d section(s): the cover and the body are sections of their own" % len(doc.sections))
    for i, section in enumerate(doc.sections):
        if section.header.is_linked_to_previous or section.footer.is_linked_to_previous:
            fail("section %d has no header or footer of its own" % (i + 1))
        header = "\n".join(p.text for p in section.header.paragraphs)
        footer = "\n".join(p.text for p in section.footer.paragraphs)
        if expect["tlp"] not in header.split("\n"):
            fail("section %d: header %r without %s" % (i + 1, header, expect["tlp"]))
        if expect["tlp"] not in footer.split("\n"):
            fail("section %d: footer %r without %s" % (i + 1, footer, expect["tlp"]))
        styles = [p.style.name for p in section.header.paragraphs]
        if "TLP" not in styles:
            fail("section %d: the marking is not in the TLP style (%r)" % (i + 1, styles))

    # The appendix: one row per answer.
    appendix = expect["chapters"][-1]
    start = None
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph) and b.text == appendix and b.style.name == "Heading 1":
            start = i
    if start is None:
        fail("no appendix heading %r" % appendix)
    rows = 0
    ids = []
    for b in blocks[start:]:
        if isinstance(b, Table):
            for row in b.rows:
                tr_pr = row._tr.trPr
                if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
                    continue
                rows += 1
                ids.append(row.cells[0].text)
    if rows != expect["answers"]:
        fail("the appendix has %d rows, expected %d answers" % (rows, expect["answers"]))
    if len(set(ids)) != len(ids):
        fail("a question is twice in the appendix: %r" % ids)

    # Texts as typed, wherever they are (body or table cells).
    texts = []
    for b in blocks:
        if isinstance(b, Paragraph):
            texts.append(b.text)
        else:
            for row in b.rows:
                for c in row.cells:
                    texts.extend(p.text for p in c.paragraphs)
    for want in expect["texts"]:
        if not any(want in t for t in texts):
            fail("the text %r is not in the document as typed" % want)

    json.dump({"headings": headings, "sections": len(doc.sections), "appendix_rows": rows,
               "tables": len(doc.tables), "inline_shapes": len(doc.inline_shapes)},
              sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The referat as a Word document. Danish workplaces pass Word files around; python-docx writes
them without Word. The page and house style are in `docx_layout.py`."""

from __future__ import annotations

import io
from typing import Any

from sessions.export.document import (
    Block,
    Bullets,
    Definitions,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Private,
    Role,
    Style,
    Table,
)
from sessions.export.docx_layout import (
    TABLE_POINTS,
    add_footer,
    column_widths_mm,
    fix_table,
    left_border,
    set_up,
    shade,
    shade_paragraph,
    w,
)
from sessions.export.labels import xml_safe
from sessions.i18n import t

PRIVATE_RED = "B00020"
HEADER_FILL, TOTAL_FILL = "E7E6E6", "F2F2F2"
LABEL_WIDTH_MM = 32


def export_docx(document: Document) -> bytes:
    from docx import Document as new_document  # loaded only when a Word file is made

    docx = new_document()
    set_up(docx, document)
    page, of = (t(key, language=document.language) for key in ("export.page", "export.page_of"))
    add_footer(docx, document, page, of)
    _Writer(docx).blocks(document.blocks)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


class _Writer:
    """Writes the blocks in one pass, in order. Paragraphs go straight in before the section
    properties that end the body, their style resolved once per name: python-docx's own
    `add_paragraph(style=...)` looks the style up by name and searches the body for the place
    to insert every time, which made a referat with many notes quadratic."""

    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.break_before_next = False
        self.paragraphs: list[Any] = []  # the body's paragraphs written so far
        self._end = docx.element.body.sectPr
        self._style_ids: dict[str, str] = {}

    def add_paragraph(self, style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.docx.styles[style].style_id
            element.get_or_add_pPr().style = self._style_ids[style]
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.docx.element.body.append(element)
        paragraph = Paragraph(element, self.docx._body)
        self.paragraphs.append(paragraph)
        return paragraph

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Definitions):
            self.definitions(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Bullets):
            for item in block.items:
                paragraph = self.add_paragraph("List Bullet")
                if item.label:
                    _lines(paragraph, f"{item.label}: ", bold=True)
                _lines(paragraph, item.text)
        elif isinstance(block, Private):
            self.private(block)
        else:
            assert isinstance(block, PageBreak)
            self.break_before_next = True

    def heading(self, text: str, level: int) -> Any:
        heading = self.add_paragraph("Title" if level == 1 else f"Heading {level - 1}")
        heading.add_run(xml_safe(text))
        if self.break_before_next:
            heading.paragraph_format.page_break_before = True
            self.break_before_next = False
        return heading

    def paragraph(self, block: Paragraph) -> None:
        from docx.shared import Pt, RGBColor

        if block.style is Style.SMALL and self.paragraphs:
            # The colophon goes with the last lines, never alone on a page of its own.
            self.paragraphs[-1].paragraph_format.keep_with_next = True
        paragraph = self.add_paragraph()
        run = _lines(paragraph, block.text)
        if block.style is Style.NOTICE:
            run.bold = True
            run.font.color.rgb = RGBColor.from_string(PRIVATE_RED)
            shade_paragraph(paragraph, "FDECEA")
        elif block.style is Style.SMALL:
            run.italic = True
            run.font.size = Pt(8.5)

    def definitions(self, block: Definitions) -> None:
        from docx.shared import Mm

        for label, value in block.items:
            paragraph = self.add_paragraph()
            layout = paragraph.paragraph_format
            layout.tab_stops.add_tab_stop(Mm(LABEL_WIDTH_MM))
            layout.left_indent, layout.first_line_indent = Mm(LABEL_WIDTH_MM), -Mm(LABEL_WIDTH_MM)
            layout.space_after = 0
            paragraph.add_run(xml_safe(f"{label}:")).bold = True
            paragraph.add_run("\t" + xml_safe(value))
        self.paragraphs[-1].paragraph_format.space_after = Mm(3)

    def table(self, block: Table) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        rows = [tuple(c.header for c in block.columns), *block.rows]
        if block.total:
            rows.append(block.total)
        table = self.docx.add_table(rows=len(rows), cols=len(block.columns))
        table.style = "Table Grid"
        fix_table(table, column_widths_mm(block))
        for number, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            bold = number == 0 or (block.total is not None and number == len(rows) - 1)
            for cell, value, column in zip(row.cells, values, block.columns, strict=True):
                paragraph = cell.paragraphs[0]
                _lines(paragraph, value)
                for run in paragraph.runs:
                    run.bold, run.font.size = bold, Pt(TABLE_POINTS)
                if column.role is Role.NUMBER:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if block.keep_together and number < len(rows) - 1:
                    paragraph.paragraph_format.keep_with_next = True  # Word's "keep together"
                if number == 0:
                    shade(cell, HEADER_FILL)
                elif bold:
                    shade(cell, TOTAL_FILL)
        gap = self.add_paragraph().paragraph_format  # a little room below the table
        gap.space_after, gap.line_spacing = 0, Pt(6)

    def private(self, block: Private) -> None:
        from docx.shared import RGBColor

        heading = self.heading(block.title, 2)
        for run in heading.runs:
            run.font.color.rgb = RGBColor.from_string(PRIVATE_RED)
        first = len(self.paragraphs)
        self.blocks(block.blocks)
        for paragraph in self.paragraphs[first:]:
            left_border(paragraph, PRIVATE_RED)


def _lines(paragraph: Any, text: str, *, bold: bool = False) -> Any:
    """`text` in `paragraph`, its line breaks kept; returns the last run. The runs are made
    as python-docx's `add_run`, `add_break` and `bold` make them (tabs as `w:tab`, spaces at
    either end kept), straight in the XML: a referat has a run or two per note."""
    from docx.text.run import Run

    lines = xml_safe(text).split("\n")
    run: Any = None
    for number, line in enumerate(lines):
        run = _sub(paragraph._p, _W_R)
        if bold:
            _sub(_sub(run, _W_RPR), _W_B)
        for part_number, part in enumerate(line.split("\t")):
            if part_number:
                _sub(run, _W_TAB)
            if part:
                written = _sub(run, _W_T)
                written.text = part
                if part != part.strip():
                    written.set(_XML_SPACE, "preserve")
        if number < len(lines) - 1:
            _sub(run, _W_BR)
    return Run(run, paragraph)


_W_R, _W_RPR, _W_B, _W_T, _W_TAB, _W_BR = (
    w(f"w:{tag}") for tag in ("r", "rPr", "b", "t", "tab", "br")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _sub(parent: Any, tag: str) -> Any:
    """A new last child of `parent` (lxml's SubElement, through python-docx's element)."""
    child = parent.makeelement(tag, {})
    parent.append(child)
    return child

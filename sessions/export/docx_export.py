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
    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.break_before_next = False

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
                paragraph = self.docx.add_paragraph(style="List Bullet")
                if item.label:
                    paragraph.add_run(xml_safe(f"{item.label}: ")).bold = True
                _lines(paragraph, item.text)
        elif isinstance(block, Private):
            self.private(block)
        else:
            assert isinstance(block, PageBreak)
            self.break_before_next = True

    def heading(self, text: str, level: int) -> Any:
        heading = self.docx.add_heading(xml_safe(text), level=level - 1)
        if self.break_before_next:
            heading.paragraph_format.page_break_before = True
            self.break_before_next = False
        return heading

    def paragraph(self, block: Paragraph) -> None:
        from docx.shared import Pt, RGBColor

        if block.style is Style.SMALL and self.docx.paragraphs:
            # The colophon goes with the last lines, never alone on a page of its own.
            self.docx.paragraphs[-1].paragraph_format.keep_with_next = True
        paragraph = self.docx.add_paragraph()
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
            paragraph = self.docx.add_paragraph()
            layout = paragraph.paragraph_format
            layout.tab_stops.add_tab_stop(Mm(LABEL_WIDTH_MM))
            layout.left_indent, layout.first_line_indent = Mm(LABEL_WIDTH_MM), -Mm(LABEL_WIDTH_MM)
            layout.space_after = 0
            paragraph.add_run(xml_safe(f"{label}:")).bold = True
            paragraph.add_run("\t" + xml_safe(value))
        self.docx.paragraphs[-1].paragraph_format.space_after = Mm(3)

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
        gap = self.docx.add_paragraph().paragraph_format  # a little room below the table
        gap.space_after, gap.line_spacing = 0, Pt(6)

    def private(self, block: Private) -> None:
        from docx.shared import RGBColor

        heading = self.heading(block.title, 2)
        for run in heading.runs:
            run.font.color.rgb = RGBColor.from_string(PRIVATE_RED)
        first = len(self.docx.paragraphs)
        self.blocks(block.blocks)
        for paragraph in self.docx.paragraphs[first:]:
            left_border(paragraph, PRIVATE_RED)


def _lines(paragraph: Any, text: str) -> Any:
    """`text` in `paragraph`, its line breaks kept; returns the last run."""
    lines = xml_safe(text).split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run = paragraph.add_run(line)
    return run

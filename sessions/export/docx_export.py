"""The referat as a Word document: headings, lists, and the action plan as a table.
Danish workplaces pass Word files around; python-docx writes them without Word."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from sessions.export.markdown import (
    action_headers,
    details,
    followup_cells,
    followup_headers,
    followup_title,
    note_prefix,
    time_log_cells,
    time_log_headers,
)
from sessions.export.referat import Referat
from sessions.i18n import t
from sessions.models import Note


def export_docx(referat: Referat, language: str | None = None) -> bytes:
    from docx import Document  # loaded only when a Word file is made

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    document = Document()
    document.core_properties.title = f"{tr('export.title')}: {referat.info.theme_title}"
    document.add_heading(f"{tr('export.title')}: {referat.info.theme_title}", level=0)
    for label, value in details(referat, language):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    document.add_heading(tr("export.agenda"), level=1)
    _table(
        document,
        time_log_headers(language),
        [time_log_cells(row, language) for row in referat.time_log],
    )

    if referat.followups:
        document.add_heading(followup_title(referat, language), level=1)
        rows = [followup_cells(f, language) for f in referat.followups]
        _table(document, followup_headers(language), rows)

    if referat.exercises:
        document.add_heading(tr("export.exercises"), level=1)
        for result in referat.exercises:
            document.add_heading(result.title, level=2)
            for line in result.lines:
                document.add_paragraph(line)
            if result.headers:
                _table(document, result.headers, result.rows)
            else:
                for cells in result.rows:
                    document.add_paragraph(cells[0], style="List Bullet")

    document.add_heading(tr("export.notes"), level=1)
    if not referat.has_notes:
        document.add_paragraph(tr("export.no_notes"))
    for group in referat.groups:
        if group.notes:
            document.add_heading(group.title, level=2)
            _notes(document, group.notes, language)
    if referat.other_notes:
        document.add_heading(tr("export.other_notes"), level=2)
        _notes(document, referat.other_notes, language)

    if referat.actions or referat.action_notes:
        document.add_heading(tr("export.actions"), level=1)
    if referat.actions:
        rows = [[a.what, a.who, a.when, a.follow_up] for a in referat.actions]
        _table(document, action_headers(language), rows)
    if referat.action_notes:
        _notes(document, referat.action_notes, language, with_tag=False)
    exported = datetime.now().strftime("%Y-%m-%d %H:%M")
    document.add_paragraph(tr("export.footer", when=exported)).runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: Any, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value


def _notes(
    document: Any, notes: list[Note], language: str | None, *, with_tag: bool = True
) -> None:
    for note in notes:
        paragraph = document.add_paragraph(style="List Bullet")
        prefix = note_prefix(note, language) if with_tag else ""
        if prefix:
            paragraph.add_run(f"{prefix}: ").bold = True
        lines = note.text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)

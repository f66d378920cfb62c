"""The action plan as an Excel workbook: one row per action with workplace, date and theme, real
dates where a date was given, a filter, a frozen header and columns that fit.

Every text cell is written as text — a cell that starts like a formula is stored as a string
with Excel's quote prefix, so neither Excel nor Calc ever evaluates it."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import UTC, date
from functools import partial
from typing import Any

from sessions.export.dates import parse_date
from sessions.export.labels import xml_safe
from sessions.export.referat import Referat
from sessions.export.sheet import COLUMNS, Cell, action_rows, headers, starts_a_formula
from sessions.i18n import t

DATE_FORMAT = "DD-MM-YYYY"
MAX_CELL = 32_767  # Excel's limit for the text in one cell
LINE_POINTS, MAX_ROW_POINTS = 15, 409  # Calibri 11's line; Excel's tallest row
_WIDEST = {"what": 60, "follow_up": 40, "theme": 45, "workplace": 30, "date": 10, "status": 10}


def export_xlsx(referat: Referat, language: str | None = None) -> bytes:
    from openpyxl import Workbook  # loaded only when a workbook is made
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("export.sheet_title", language=language)[:31]
    titles = headers(language)
    rows = action_rows(referat, language, typed=True)
    widths = [
        _width(name, [title, *(row[i] for row in rows)])
        for i, (name, title) in enumerate(zip(COLUMNS, titles, strict=True))
    ]
    _header_row(sheet, titles, widths)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, date):
                cell.value, cell.number_format = value, DATE_FORMAT
            else:
                _text(cell, value)
            cell.alignment = wrap
        lines = max(_lines(value, width) for value, width in zip(row, widths, strict=True))
        if lines > 1:  # neither Excel nor Calc grows a row for wrapped text by itself
            sheet.row_dimensions[number].height = min(lines * LINE_POINTS, MAX_ROW_POINTS)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if referat.changes:
        _since_last_sheet(workbook, referat, language)
    details = referat.info.details
    properties = workbook.properties
    properties.title = xml_safe(f"{sheet.title} – {details.workplace} – {details.date}")
    properties.creator = properties.lastModifiedBy = xml_safe(details.facilitator or "oplaeg")
    created = referat.created.astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = created
    properties.language = language or referat.info.language
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _since_last_sheet(workbook: Any, referat: Referat, language: str | None) -> None:
    """One row per statement asked again: both sessions' dates (real dates), averages and
    answers (numbers), and the change."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from sessions.export.since_last import last_date

    sheet = workbook.create_sheet(t("export.since_last_sheet", language=language)[:31])
    tr = partial(t, language=language)
    titles = [
        tr("export.workplace"),
        tr("export.col.statement"),
        tr("export.col.last_date"),
        tr("export.col.last_value"),
        tr("export.col.last_hands"),
        tr("export.col.now_date"),
        tr("export.col.now_value"),
        tr("export.col.now_hands"),
        tr("export.col.change"),
    ]
    widths = (30, 60, 12, 10, 12, 12, 10, 12, 10)
    _header_row(sheet, titles, widths)
    repeat = referat.repeat
    last = parse_date(repeat.from_date if repeat else last_date(referat))
    now = parse_date(referat.info.details.date)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, change in enumerate(referat.changes, start=2):
        values: list[object] = [
            referat.info.details.workplace,
            change.statement,
            last,
            _rounded(change.last_average),
            change.last_hands,
            now,
            _rounded(change.now_average),
            change.now_hands,
            _rounded(change.change),
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                elif isinstance(value, float):
                    cell.number_format = "0.0"
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(referat.changes) + 1}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _width(name: str, values: list[Cell]) -> int:
    """Characters: the longest value, within the column's limit, and room for the filter button."""
    longest = max(len(line) for value in values for line in _shown(value).split("\n"))
    return min(longest, _WIDEST.get(name, 24)) + 3


def _lines(value: Cell, width: int) -> int:
    return sum(max(1, math.ceil(len(line) / (width - 1))) for line in _shown(value).split("\n"))


def _shown(value: Cell) -> str:
    return value if isinstance(value, str) else "00-00-0000"


def _text(cell: object, text: str) -> None:
    """`text` as a string cell, whatever it starts with."""
    value = xml_safe(text)[:MAX_CELL]
    cell.value = value  # type: ignore[attr-defined]
    cell.data_type = "s"  # type: ignore[attr-defined]  # openpyxl made "=…" a formula
    if starts_a_formula(value):
        cell.quotePrefix = True  # type: ignore[attr-defined]  # and so does Excel on editing


def _header_row(sheet: Any, titles: Sequence[str], widths: Sequence[float]) -> None:
    """Row 1: the column titles in bold on grey, each column as wide as given."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for column, (header, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=column)
        _text(cell, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        sheet.column_dimensions[get_column_letter(column)].width = width

"""The action plan as CSV for Excel: the columns of the xlsx, one row per action.

Written as UTF-8 with a byte-order mark and `;` between fields: that is what Excel with Danish
settings opens correctly by double-clicking, æøå included (a comma is the decimal sign there).
A cell that would start a formula gets a leading apostrophe, as OWASP recommends: quoting does
not stop Excel from evaluating it, and the apostrophe keeps the text readable.
"""

from __future__ import annotations

import csv
import io

from sessions.export.referat import Referat
from sessions.export.sheet import action_rows, headers, starts_a_formula

BOM = "\ufeff"
DELIMITER = ";"


def neutralise(text: str) -> str:
    """`=SUM(A1)` → `'=SUM(A1)`: shown as text, never evaluated."""
    return "'" + text if starts_a_formula(text) else text


def export_csv(referat: Referat, language: str | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(headers(language))
    for row in action_rows(referat, language, typed=False):
        writer.writerow([neutralise(str(cell)) for cell in row])
    return BOM + buffer.getvalue()

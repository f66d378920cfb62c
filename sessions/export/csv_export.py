"""The action plan as CSV, one row per action, for Excel.

Written as UTF-8 with a byte-order mark and `;` between fields: that is what Excel with Danish
settings opens correctly by double-clicking, æøå included (a comma is the decimal sign there).
"""

from __future__ import annotations

import csv
import io

from sessions.export.markdown import action_headers
from sessions.export.referat import Referat

BOM = "\ufeff"
DELIMITER = ";"


def export_csv(referat: Referat, language: str | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(action_headers(language))
    for action in referat.actions:
        writer.writerow([action.what, action.who, action.when, action.follow_up])
    for note in referat.action_notes:  # noted as "handling" but not yet in the plan
        writer.writerow([note.text, "", "", ""])
    return BOM + buffer.getvalue()

"""The action plan as rows for a spreadsheet, one real row per action, each carrying its
workplace, date and theme so a sheet read weeks later (or many sheets pasted together) still
says where it came from. Shared by the xlsx and the CSV export."""

from __future__ import annotations

from datetime import date

from sessions.export.dates import parse_date
from sessions.export.labels import action_status
from sessions.export.referat import Referat
from sessions.i18n import t

Cell = str | date
COLUMNS = ("workplace", "date", "theme", "what", "who", "when", "follow_up", "status")
_HEADER_KEYS = {"workplace": "export.workplace", "date": "export.date", "theme": "export.theme"}
DATE_COLUMNS = frozenset({"date", "when", "follow_up"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel or Calc read a cell as a formula (OWASP, CSV injection)."""


def headers(language: str | None) -> list[str]:
    return [t(_HEADER_KEYS.get(name, f"export.col.{name}"), language=language) for name in COLUMNS]


def action_rows(referat: Referat, language: str | None, *, typed: bool) -> list[list[Cell]]:
    """One row per action; with `typed`, a date where a cell names one and nothing else."""
    info, details = referat.info, referat.info.details
    rows: list[list[Cell]] = []
    for action in referat.actions:
        values = {
            "workplace": details.workplace,
            "date": details.date,
            "theme": info.theme_title,
            "what": action.what,
            "who": action.who,
            "when": action.when,
            "follow_up": action.follow_up,
            "status": action_status(action, language),
        }
        rows.append([_typed(name, values[name]) if typed else values[name] for name in COLUMNS])
    return rows


def _typed(column: str, text: str) -> Cell:
    return (parse_date(text) or text) if column in DATE_COLUMNS else text


def starts_a_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)
